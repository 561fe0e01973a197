import { Logger } from '@aws-lambda-powertools/logger';
import { z } from 'zod';
import { buildAdapters } from '../../shared/adapters/build-adapters.js';
import { loadConfig } from '../../shared/config/config.js';
import { makeHandler } from './make-handler.js';

export { makeHandler } from './make-handler.js';

// Built once per container, at cold start.
const config = loadConfig(process.env);
const adapters = buildAdapters(config);
const cursorSecret = z
  .string()
  .min(32, 'CURSOR_SECRET must be at least 32 characters')
  .parse(process.env.CURSOR_SECRET);

export const handler = makeHandler({
  ...adapters,
  cursorSecret,
  logger: new Logger({ serviceName: 'query-api' }),
});
