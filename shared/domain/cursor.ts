import { createHmac, timingSafeEqual } from 'node:crypto';
import * as z from '../zod.js';

const payloadSchema = z.object({ q: z.string(), o: z.int().check(z.minimum(0)) });

/** A cursor that is not one we issued for this query: the client gets a 400, not a 500. */
export class InvalidCursorError extends Error {
  override readonly name = 'InvalidCursorError';
}

const sign = (secret: string, payload: string) =>
  createHmac('sha256', secret).update(payload).digest('base64url');

/** An opaque cursor: the offset and the query it belongs to, signed so it cannot be forged or moved. */
export function encodeCursor(secret: string, query: string, offset: number): string {
  const payload = Buffer.from(JSON.stringify({ q: query, o: offset })).toString('base64url');
  return `${payload}.${sign(secret, payload)}`;
}

export function decodeCursor(secret: string, query: string, cursor: string): number {
  const [payload, signature, extra] = cursor.split('.');
  if (!payload || !signature || extra !== undefined) throw new InvalidCursorError('cursor is malformed');
  const expected = Buffer.from(sign(secret, payload));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given))
    throw new InvalidCursorError('cursor signature does not match');
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
  } catch {
    throw new InvalidCursorError('cursor is malformed');
  }
  const fields = payloadSchema.safeParse(decoded);
  if (!fields.success || fields.data.q !== query)
    throw new InvalidCursorError('cursor belongs to another query');
  return fields.data.o;
}
