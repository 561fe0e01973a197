import { PutObjectCommand } from '@aws-sdk/client-s3';
import type { LocalRuntime } from '../../local/local-runtime.js';

/** Uploads to the runtime's bucket and returns the ETag S3 will put in the notification. */
export async function upload(
  runtime: LocalRuntime,
  key: string,
  body: Uint8Array | string,
  metadata?: Record<string, string>,
) {
  const response = await runtime.adapters.s3Client.send(
    new PutObjectCommand({ Bucket: runtime.config.bucketName, Key: key, Body: body, Metadata: metadata }),
  );
  return (response.ETag ?? '').replaceAll('"', '');
}
