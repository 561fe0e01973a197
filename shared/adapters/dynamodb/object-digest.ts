import { createHash } from 'node:crypto';

/** Names an uploaded object's key (bucket and key) in the table, however long the key. */
export const objectDigest = (bucket: string, key: string): string =>
  createHash('sha256').update(`${bucket}\n${key}`).digest('hex').slice(0, 32);
