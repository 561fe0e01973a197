import iconv from 'iconv-lite';

/** A feed whose bytes are in no character set we can read. */
export class FeedEncodingError extends Error {
  override readonly name = 'FeedEncodingError';
}

const BOMS: readonly [readonly number[], string][] = [
  [[0xef, 0xbb, 0xbf], 'utf-8'],
  [[0xff, 0xfe], 'utf-16le'],
  [[0xfe, 0xff], 'utf-16be'],
];

/**
 * Feed bytes → text. The byte-order mark wins, then the charset of the Content-Type header, then
 * the XML declaration's encoding, then UTF-8 — decoded with iconv-lite, which knows the
 * windows-125x and KOI8 code pages old Russian feeds use.
 */
export function decodeFeed(body: Buffer, contentType: string | undefined): { text: string; charset: string } {
  for (const [mark, charset] of BOMS) {
    if (mark.every((byte, index) => body[index] === byte)) {
      return { text: iconv.decode(body.subarray(mark.length), charset), charset };
    }
  }
  const fromHeader = /charset\s*=\s*"?([\w.:-]+)/i.exec(contentType ?? '')?.[1];
  // The declaration is ASCII in every encoding a feed may declare without a BOM.
  const head = body.subarray(0, 200).toString('latin1');
  const fromDeclaration = /^<\?xml[^>]*encoding\s*=\s*["']([\w.:-]+)["']/i.exec(head)?.[1];
  const charset = (fromHeader ?? fromDeclaration ?? 'utf-8').toLowerCase();
  if (!iconv.encodingExists(charset))
    throw new FeedEncodingError(`feed declares the unknown character set "${charset}"`);
  return { text: iconv.decode(body, charset), charset };
}
