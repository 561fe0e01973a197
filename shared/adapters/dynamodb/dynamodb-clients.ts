import { DynamoDBClient, type DynamoDBClientConfig } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

export interface DynamoDbClients {
  readonly dynamoDbClient: DynamoDBClient;
  readonly documentClient: DynamoDBDocumentClient;
}

/** One client pair per process; `endpoint` points at DynamoDB Local. */
export function createDynamoDbClients(config: DynamoDBClientConfig = {}): DynamoDbClients {
  const dynamoDbClient = new DynamoDBClient(config);
  const documentClient = DynamoDBDocumentClient.from(dynamoDbClient, {
    marshallOptions: { removeUndefinedValues: true },
  });
  return { dynamoDbClient, documentClient };
}
