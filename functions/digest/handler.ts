import { Logger } from '@aws-lambda-powertools/logger';
import { SESv2Client } from '@aws-sdk/client-sesv2';
import { buildAdapters } from '../../shared/adapters/build-adapters.js';
import { DynamoDbDigestLog } from '../../shared/adapters/dynamodb/dynamodb-digest-log.js';
import { SesMailer } from '../../shared/adapters/ses/ses-mailer.js';
import { loadConfig } from '../../shared/config/config.js';
import { loadDigestConfig } from '../../shared/config/digest-config.js';
import { makeHandler } from './make-handler.js';

export { makeHandler } from './make-handler.js';

// Built once per container, at cold start.
const config = loadConfig(process.env);
const adapters = buildAdapters(config);

export const handler = makeHandler({
  ...adapters,
  digests: new DynamoDbDigestLog(adapters.documentClient, config.tableName),
  mailer: new SesMailer(new SESv2Client({ region: config.region })),
  settings: loadDigestConfig(process.env),
  logger: new Logger({ serviceName: 'digest' }),
});
