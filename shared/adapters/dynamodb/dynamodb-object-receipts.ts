import { type DynamoDBDocumentClient, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { z } from 'zod';
import type { ObjectReceipts, ObjectRef, ReceiptOutcome } from '../../ports/object-receipts.js';
import { ENTITY, objectReceiptKey, SCHEMA_VERSION } from './table-keys.js';

const receiptSchema = z.object({
  entityType: z.literal(ENTITY.objectReceipt),
  outcome: z.enum(['stored', 'duplicate', 'rejected']),
});

export class DynamoDbObjectReceipts implements ObjectReceipts {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async findReceipt(ref: ObjectRef): Promise<ReceiptOutcome | undefined> {
    const result = await this.client.send(
      new GetCommand({ TableName: this.tableName, Key: objectReceiptKey(ref.bucket, ref.key, ref.version) }),
    );
    return result.Item ? receiptSchema.parse(result.Item).outcome : undefined;
  }

  async recordReceipt(ref: ObjectRef, outcome: ReceiptOutcome, dispatchId: string | undefined, at: Date) {
    await this.client.send(
      new PutCommand({
        TableName: this.tableName,
        Item: {
          ...objectReceiptKey(ref.bucket, ref.key, ref.version),
          entityType: ENTITY.objectReceipt,
          schemaVersion: SCHEMA_VERSION,
          outcome,
          dispatchId,
          at: at.toISOString(),
        },
      }),
    );
  }
}
