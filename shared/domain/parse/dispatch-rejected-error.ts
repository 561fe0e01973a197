export const REJECT_CODES = [
  'empty',
  'too-large',
  'binary',
  'invalid-encoding',
  'malformed-header',
  'no-prose',
] as const;
export type RejectCode = (typeof REJECT_CODES)[number];

/** A dispatch the parser will not accept; the code is stable and machine-readable. */
export class DispatchRejectedError extends Error {
  override readonly name = 'DispatchRejectedError';
  constructor(
    readonly code: RejectCode,
    message: string,
  ) {
    super(message);
  }
}
