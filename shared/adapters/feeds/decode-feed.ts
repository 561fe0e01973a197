import { type Decode, decoderFor, decodeUtf8, decodeUtf16be, decodeUtf16le } from './text-decoders.js';

/** A feed whose bytes are in no character set we can read. */
export class FeedEncodingError extends Error {
  override readonly name = 'FeedEncodingError';
}

const BOMS: readonly [readonly number[], string, Decode][] = [
  [[0xef, 0xbb, 0xbf], 'utf-8', decodeUtf8],
  [[0xff, 0xfe], 'utf-16le', decodeUtf16le],
  [[0xfe, 0xff], 'utf-16be', decodeUtf16be],
];

/**
 * Feed bytes → text. The byte-order mark wins, then the charset of the Content-Type header, then
 * the XML declaration's encoding, then UTF-8 — decoded by Node itself (`text-decoders.ts`), which
 * knows the windows-125x, KOI8 and ISO-8859 code pages old Russian feeds use.
 */
export function decodeFeed(body: Buffer, contentType: string | undefined): { text: string; charset: string } {
  for (const [mark, charset, decode] of BOMS) {
    if (mark.every((byte, index) => body[index] === byte)) {
      // A second mark after the first is dropped too.
      const text = decode(body.subarray(mark.length));
      return { text: text.startsWith('\ufeff') ? text.slice(1) : text, charset };
    }
  }
  const fromHeader = /charset\s*=\s*"?([\w.:-]+)/i.exec(contentType ?? '')?.[1];
  // The declaration is ASCII in every encoding a feed may declare without a BOM.
  const head = body.subarray(0, 200).toString('latin1');
  const fromDeclaration = /^<\?xml[^>]*encoding\s*=\s*["']([\w.:-]+)["']/i.exec(head)?.[1];
  const charset = (fromHeader ?? fromDeclaration ?? 'utf-8').toLowerCase();
  const decode = decoderFor(charset);
  if (!decode) throw new FeedEncodingError(`feed declares the unknown character set "${charset}"`);
  return { text: decode(body), charset };
}
