import { S3Client, type S3ClientConfig } from '@aws-sdk/client-s3';

/**
 * Checksums only when an operation requires them: s3rver does not understand the SDK's default
 * streaming checksums and silently stores a corrupted body.
 */
export function createS3Client(config: S3ClientConfig = {}): S3Client {
  return new S3Client({
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
    ...config,
  });
}
