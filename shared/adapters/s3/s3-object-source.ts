import { GetObjectCommand, NoSuchKey, PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import {
  type FetchedObject,
  ObjectMissingError,
  type ObjectSource,
  ObjectTooLargeError,
  type TextArchive,
} from '../../ports/object-source.js';

/** Where oversized dispatch bodies are kept: outside the watched upload prefix, so they never re-trigger ingest. */
export const BODY_ARCHIVE_PREFIX = 'archive/bodies/';

export class S3ObjectSource implements ObjectSource, TextArchive {
  constructor(
    private readonly client: S3Client,
    private readonly archiveBucket: string,
  ) {}

  async getObject(bucket: string, key: string, maxBytes: number, versionId?: string): Promise<FetchedObject> {
    try {
      const response = await this.client.send(
        new GetObjectCommand({ Bucket: bucket, Key: key, ...(versionId ? { VersionId: versionId } : {}) }),
      );
      const size = response.ContentLength ?? 0;
      if (size > maxBytes) {
        response.Body?.transformToWebStream().cancel();
        throw new ObjectTooLargeError(key, size, maxBytes);
      }
      const bytes = (await response.Body?.transformToByteArray()) ?? new Uint8Array();
      return {
        bytes,
        metadata: response.Metadata ?? {},
        lastModified: response.LastModified ?? new Date(0),
        ...(response.VersionId && response.VersionId !== 'null' ? { versionId: response.VersionId } : {}),
        ...(response.ETag ? { etag: response.ETag.replaceAll('"', '') } : {}),
      };
    } catch (error) {
      if (error instanceof NoSuchKey || (error instanceof Error && error.name === 'NoSuchKey')) {
        throw new ObjectMissingError(bucket, key);
      }
      throw error;
    }
  }

  async putText(id: string, text: string): Promise<string> {
    const key = `${BODY_ARCHIVE_PREFIX}${id}.json`;
    await this.client.send(
      new PutObjectCommand({
        Bucket: this.archiveBucket,
        Key: key,
        Body: text,
        ContentType: 'application/json; charset=utf-8',
      }),
    );
    return key;
  }

  async getText(ref: string): Promise<string> {
    const response = await this.client.send(new GetObjectCommand({ Bucket: this.archiveBucket, Key: ref }));
    return (await response.Body?.transformToString('utf-8')) ?? '';
  }
}
