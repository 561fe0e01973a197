import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { S3Client } from '@aws-sdk/client-s3';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { Config } from '../config/config.js';
import { type Classification, classifyDispatch } from '../domain/classify/index.js';
import type { Dispatch } from '../domain/index.js';
import type { Clock } from '../ports/clock.js';
import type { DispatchStore } from '../ports/dispatch-store.js';
import type { FeedStateStore } from '../ports/feed-state.js';
import type { ObjectSource } from '../ports/object-source.js';
import type { PositionStore } from '../ports/position-store.js';
import type { RejectStore } from '../ports/reject-store.js';
import { createDynamoDbClients, type DynamoDbClients } from './dynamodb/dynamodb-clients.js';
import { DynamoDbDispatchStore } from './dynamodb/dynamodb-dispatch-store.js';
import { DynamoDbFeedStateStore } from './dynamodb/dynamodb-feed-state.js';
import { DynamoDbPositionStore } from './dynamodb/dynamodb-position-store.js';
import { DynamoDbRejectStore } from './dynamodb/dynamodb-reject-store.js';
import { createS3Client } from './s3/s3-client.js';
import { S3ObjectSource } from './s3/s3-object-source.js';
import { systemClock } from './system-clock.js';

export interface Adapters {
  readonly config: Config;
  readonly documentClient: DynamoDBDocumentClient;
  readonly dynamoDbClient: DynamoDBClient;
  readonly s3Client: S3Client;
  readonly objects: ObjectSource;
  readonly dispatches: DispatchStore;
  readonly positions: PositionStore;
  readonly feeds: FeedStateStore;
  readonly rejects: RejectStore;
  readonly clock: Clock;
  readonly classify: (dispatch: Dispatch) => Classification;
}

/** Local endpoints need static credentials; in AWS the default provider chain applies. */
const LOCAL_CREDENTIALS = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' };

/** The composition root shared by handlers and the CLI: clients are made once, here. */
export function buildAdapters(
  config: Config,
  clients: { readonly dynamoDb?: DynamoDbClients; readonly s3Client?: S3Client } = {},
): Adapters {
  const { dynamoDbClient, documentClient } =
    clients.dynamoDb ??
    createDynamoDbClients({
      region: config.region,
      ...(config.dynamoDbEndpoint
        ? { endpoint: config.dynamoDbEndpoint, credentials: LOCAL_CREDENTIALS }
        : {}),
    });
  const s3Client =
    clients.s3Client ??
    createS3Client({
      region: config.region,
      ...(config.s3Endpoint
        ? { endpoint: config.s3Endpoint, forcePathStyle: true, credentials: LOCAL_CREDENTIALS }
        : {}),
    });
  const objects = new S3ObjectSource(s3Client, config.bucketName);
  return {
    config,
    documentClient,
    dynamoDbClient,
    s3Client,
    objects,
    dispatches: new DynamoDbDispatchStore(documentClient, config.tableName, objects),
    positions: new DynamoDbPositionStore(documentClient, config.tableName),
    feeds: new DynamoDbFeedStateStore(documentClient, config.tableName),
    rejects: new DynamoDbRejectStore(documentClient, config.tableName),
    clock: systemClock,
    classify: (dispatch) => classifyDispatch(dispatch),
  };
}
