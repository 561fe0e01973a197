import { Logger } from '@aws-lambda-powertools/logger';
import { buildAdapters } from '../../shared/adapters/build-adapters.js';
import { makeFeedReader } from '../../shared/adapters/feeds/read-feed.js';
import { loadConfig } from '../../shared/config/config.js';
import { parseFeedsConfig } from '../../shared/config/feeds-config.js';
import { makeHandler } from './make-handler.js';

export { makeHandler } from './make-handler.js';

// Built once per container, at cold start. In AWS no feed may reach a private address.
const config = loadConfig(process.env);
const adapters = buildAdapters(config);
const feedList = parseFeedsConfig(process.env.FEEDS ?? '[]', 'FEEDS').map(
  ({ allowPrivateNetwork: _ignored, ...feed }) => feed,
);

export const handler = makeHandler({
  ...adapters,
  readFeed: makeFeedReader({ allowPrivate: false }),
  feedList,
  logger: new Logger({ serviceName: 'poll-feeds' }),
  emitMetric: (line) => process.stdout.write(`${line}\n`),
  ...(process.env.STAGE ? { stage: process.env.STAGE } : {}),
});
