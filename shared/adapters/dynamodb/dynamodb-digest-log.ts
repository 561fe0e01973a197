import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { type DynamoDBDocumentClient, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { DigestLog } from '../../ports/digest-log.js';
import * as z from '../../zod.js';
import { digestKey, ENTITY, SCHEMA_VERSION } from './table-keys.js';

const digestSchema = z.object({
  sk: z.string(),
  until: z.string(),
  status: z.enum(['sending', 'sent', 'failed']),
});

/**
 * One item per digest date. A send claims the date ('sending') only if no claim exists or the
 * last attempt failed; it becomes 'sent' after SES accepted the mail. SES has no idempotency
 * token, so this record is what makes three invocations send one mail.
 */
export class DynamoDbDigestLog implements DigestLog {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async markSent(
    date: string,
    summary: { since: string; until: string; shifts: number },
    at: Date,
  ): Promise<boolean> {
    return this.transition(date, 'sending', 'attribute_not_exists(pk) OR #status = :failed', {
      ...summary,
      at: at.toISOString(),
    });
  }

  /** Marks a claimed date as sent (after SES accepted it). */
  async confirmSent(date: string, at: Date): Promise<void> {
    await this.transition(date, 'sent', '#status = :sending', { sentAt: at.toISOString() });
  }

  /** Releases a claim after a failed send, so a retry may claim it again. */
  async markFailed(date: string, error: string, at: Date): Promise<void> {
    await this.transition(date, 'failed', '#status = :sending', {
      failedAt: at.toISOString(),
      error: error.slice(0, 1000),
    });
  }

  async lastSent(): Promise<{ date: string; until: string } | undefined> {
    const result = await this.client.send(
      new QueryCommand({
        TableName: this.tableName,
        KeyConditionExpression: 'pk = :pk',
        FilterExpression: '#status = :sent',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: { ':pk': digestKey('').pk, ':sent': 'sent' },
        ScanIndexForward: false,
      }),
    );
    const item = result.Items?.[0];
    if (!item) return undefined;
    const parsed = digestSchema.parse(item);
    return { date: parsed.sk, until: parsed.until };
  }

  private async transition(
    date: string,
    status: string,
    condition: string,
    fields: Record<string, unknown>,
  ): Promise<boolean> {
    const names = Object.keys(fields);
    try {
      await this.client.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: digestKey(date),
          ConditionExpression: condition,
          UpdateExpression: `SET #status = :status, entityType = :type, schemaVersion = :version, ${names.map((name) => `#${name} = :${name}`).join(', ')}`,
          ExpressionAttributeNames: {
            '#status': 'status',
            ...Object.fromEntries(names.map((name) => [`#${name}`, name])),
          },
          ExpressionAttributeValues: {
            ':status': status,
            ':type': ENTITY.digest,
            ':version': SCHEMA_VERSION,
            ...(condition.includes(':failed') ? { ':failed': 'failed' } : {}),
            ...(condition.includes(':sending') ? { ':sending': 'sending' } : {}),
            ...Object.fromEntries(names.map((name) => [`:${name}`, fields[name]])),
          },
        }),
      );
      return true;
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) return false;
      throw error;
    }
  }
}
