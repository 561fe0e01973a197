export interface FetchedObject {
  readonly bytes: Uint8Array;
  /** User metadata (`x-amz-meta-*`), keys lower-cased without the prefix. */
  readonly metadata: Readonly<Record<string, string>>;
  readonly lastModified: Date;
  readonly versionId?: string;
  readonly etag?: string;
}

/** An object that is gone for good; retrying will not bring it back. */
export class ObjectMissingError extends Error {
  override readonly name = 'ObjectMissingError';
  constructor(
    readonly bucket: string,
    readonly key: string,
  ) {
    super(`object s3://${bucket}/${key} does not exist (deleted after the event, or a wrong key)`);
  }
}

/** An object larger than any dispatch may be: refused before it is read into memory. */
export class ObjectTooLargeError extends Error {
  override readonly name = 'ObjectTooLargeError';
  constructor(
    readonly key: string,
    readonly size: number,
    readonly limit: number,
  ) {
    super(`object ${key} is ${size} bytes; dispatches may be at most ${limit} bytes`);
  }
}

export interface ObjectSource {
  /** Reads an object, refusing anything over maxBytes; throws ObjectMissingError when absent. */
  getObject(bucket: string, key: string, maxBytes: number, versionId?: string): Promise<FetchedObject>;
}

/** Keeps dispatch bodies too large for a DynamoDB item; the ref is what the item stores. */
export interface TextArchive {
  putText(id: string, text: string): Promise<string>;
  getText(ref: string): Promise<string>;
}
