import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeS3Key, encodeS3Key } from '../../shared/events/s3-notification.js';

describe('S3 notification keys', () => {
  it.each([
    ['incoming/my+dispatch.txt', 'incoming/my dispatch.txt'],
    ['incoming/2001/08/14/a%2Bb.txt', 'incoming/2001/08/14/a+b.txt'],
    ['incoming/%D0%9F%D0%A0%D0%9E.txt', 'incoming/ПРО.txt'],
  ])('decodes %s', (encoded, key) => {
    expect(decodeS3Key(encoded)).toBe(key);
  });

  it('decodes whatever the local relay encodes', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1 }), (key) => decodeS3Key(encodeS3Key(key)) === key),
      { seed: 7 },
    );
  });
});
