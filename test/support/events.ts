import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { encodeS3Key } from '../../shared/events/s3-notification.js';

const template = readFileSync(
  new URL('../fixtures/events/s3-put-notification.json', import.meta.url),
  'utf8',
);

/** The S3 notification AWS sends for one object, with the key URL-encoded as S3 does. */
export function s3Notification(bucket: string, key: string, etag: string): string {
  const notification = JSON.parse(template);
  notification.Records[0].s3.bucket.name = bucket;
  notification.Records[0].s3.object.key = encodeS3Key(key);
  notification.Records[0].s3.object.eTag = etag;
  return JSON.stringify(notification);
}

/** An SQS event as Lambda receives it; every message gets a fresh id, as a redelivery through SQS does. */
export function sqsEvent(...bodies: string[]) {
  return { Records: bodies.map((body) => ({ messageId: randomUUID(), body, attributes: {} })) };
}
