import fc from 'fast-check';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decodeFeed, FeedEncodingError } from '../../shared/adapters/feeds/decode-feed.js';
import { type Decode, decoderFor } from '../../shared/adapters/feeds/text-decoders.js';

// The poller used to decode feeds with iconv-lite; it is the oracle here (a devDependency only).
const asIconvLite = (bytes: Uint8Array, label: string) =>
  iconv.decode(Buffer.from(bytes), label, { stripBOM: false });
const decoder = (label: string): Decode => {
  const decode = decoderFor(label);
  if (!decode) throw new Error(`no decoder for ${label}`);
  return decode;
};
const EVERY_BYTE = Array.from({ length: 256 }, (_, byte) => Uint8Array.of(byte));

/** Labels as feeds spell them, in WHATWG and in iconv-lite's looser spellings. */
const SAME_AS_ICONV_LITE = [
  'utf-8',
  'UTF8',
  'utf-16le',
  'utf-16be',
  'utf-16',
  'ucs-2',
  'windows-1251',
  'cp1251',
  'win-1251',
  'Windows1251',
  'koi8-r',
  'KOI8R',
  'koi8-u',
  'windows-1252',
  'iso-8859-1',
  'latin1',
  'us-ascii',
  'ascii',
  'ibm866',
  'cp866',
  ...[2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 14, 15].map((part) => `iso-8859-${part}`),
  'ISO_8859-5:1988',
  'iso-ir-144',
  ...[1250, 1254, 1256, 1257, 1258, 874].map((page) => `windows-${page}`),
  'tis-620',
];

describe('feed charsets, read as iconv-lite read them', () => {
  it.each(SAME_AS_ICONV_LITE)('decodes %s like iconv-lite, byte by byte and for any bytes', (label) => {
    const decode = decoder(label);
    for (const bytes of EVERY_BYTE) expect(decode(bytes)).toBe(asIconvLite(bytes, label));
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 400 }), (bytes) => decode(bytes) === asIconvLite(bytes, label)),
      { seed: 6, numRuns: 300 },
    );
  });

  it.each([
    ['windows-1253', [0xaa]],
    ['windows-1255', [0xca]],
    ['macintosh', [0xbd, 0xdb]],
    ['koi8-ru', [0xae, 0xbe]],
  ])('decodes %s like iconv-lite except at the bytes its tables disagree on with ICU', (label, bytes) => {
    const differing = EVERY_BYTE.filter((byte) => decoder(label)(byte) !== asIconvLite(byte, label)).map(
      (byte) => byte[0],
    );
    expect(differing).toEqual(bytes);
  });

  it.each([
    ['shift_jis', 'ミサイル防衛「条約」ＡＢＭ'],
    ['euc-jp', 'ミサイル防衛「条約」ＡＢＭ'],
    ['gbk', '反弹道导弹条约，国家导弹防御'],
    ['gb18030', '反弹道导弹条约，国家导弹防御 €'],
    ['big5', '反彈道飛彈條約，國家導彈防禦'],
    ['euc-kr', '탄도탄 요격 미사일 조약'],
  ])('reads valid %s text as iconv-lite did', (label, text) => {
    const bytes = iconv.encode(`<title>${text}</title>`, label);
    expect(asIconvLite(bytes, label)).toBe(`<title>${text}</title>`);
    expect(decoder(label)(bytes)).toBe(`<title>${text}</title>`);
  });

  it('reads windows-1252 punctuation, which Node 20’s TextDecoder reads as Latin-1', () => {
    expect(decoder('windows-1252')(Uint8Array.of(0x93, 0x41, 0x94, 0x96, 0x80))).toBe('“A”–€');
    expect(decoder('iso-8859-1')(Uint8Array.of(0x93, 0xe9))).toBe('\u0093é');
  });

  it('guesses the byte order of UTF-16 without a mark as iconv-lite did', () => {
    expect(decoder('utf-16')(Buffer.from('<rss/>', 'utf16le').swap16())).toBe('<rss/>');
    expect(decoder('utf-16')(Buffer.from('<rss/>', 'utf16le'))).toBe('<rss/>');
  });

  it.each([
    'x-unknown',
    'utf-32',
    'utf-7',
    'cp437',
    'iso-8859-16',
    'hex',
    'base64',
    'replacement',
    'iso-2022-kr',
  ])('knows no character set %s', (label) => {
    expect(decoderFor(label)).toBeUndefined();
  });

  it('refuses a feed in an unknown character set, naming it', () => {
    expect(() => decodeFeed(Buffer.from('<rss/>'), 'text/xml; charset=x-klingon')).toThrow(FeedEncodingError);
    expect(() => decodeFeed(Buffer.from('<?xml version="1.0" encoding="UTF-32"?><rss/>'), undefined)).toThrow(
      'feed declares the unknown character set "utf-32"',
    );
  });
});
