import { Logger } from '@aws-lambda-powertools/logger';
import { buildAdapters } from '../../shared/adapters/build-adapters.js';
import { loadConfig } from '../../shared/config/config.js';
import { ingestObjects } from '../../shared/usecases/ingest-objects.js';
import { makeHandler } from './make-handler.js';

export { makeHandler } from './make-handler.js';

// Built once per container, at cold start.
const config = loadConfig(process.env);
const adapters = buildAdapters(config);

export const handler = makeHandler({
  ingest: (announced) => ingestObjects(adapters, announced),
  rejects: adapters.rejects,
  clock: adapters.clock,
  incomingPrefix: config.incomingPrefix,
  logger: new Logger({ serviceName: 'ingest-s3' }),
});
