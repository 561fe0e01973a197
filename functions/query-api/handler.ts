import { Logger } from '@aws-lambda-powertools/logger';
import { buildAdapters } from '../../shared/adapters/build-adapters.js';
import { loadConfig } from '../../shared/config/config.js';
import { loadCursorSecret } from '../../shared/config/query-config.js';
import { makeHandler } from './make-handler.js';

export { makeHandler } from './make-handler.js';

// Built once per container, at cold start.
const config = loadConfig(process.env);
const adapters = buildAdapters(config);
const cursorSecret = loadCursorSecret(process.env);

export const handler = makeHandler({
  ...adapters,
  cursorSecret,
  logger: new Logger({ serviceName: 'query-api' }),
});
