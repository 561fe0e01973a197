import { StringDecoder } from 'node:string_decoder';
import { WINDOWS_1252_HIGH } from '../../domain/parse/decode-text.js';

/** Bytes → text in one character set. */
export type Decode = (bytes: Uint8Array) => string;

/**
 * A decoder for a declared charset, or undefined when it names none we know. The labels are the
 * WHATWG Encoding Standard's (what browsers accept), also in the looser spellings iconv-lite
 * accepted ("win-1251", "koi8r", "ISO_8859-5:1988"); the code pages come from Node's ICU through
 * TextDecoder. The bytes read as iconv-lite read them, which this poller used before:
 *
 * - UTF-8 and UTF-16 through Node's StringDecoder (lone surrogates kept, as iconv-lite did);
 *   "utf-16" without a byte-order mark picks its byte order from where the zero bytes are;
 * - ASCII labels: bytes from 0x80 up are U+FFFD;
 * - a label that names an ISO set which the Standard reads as a Windows superset (iso-8859-1 as
 *   windows-1252, iso-8859-9 as windows-1254, tis-620 as windows-874) keeps the ISO meaning of
 *   0x80-0x9F, C1 controls; a Windows code page's undefined bytes are U+FFFD;
 * - windows-1252 is mapped here, because Node 20's TextDecoder reads it as Latin-1.
 *
 * Where ICU's tables and iconv-lite's disagree, ICU wins: windows-1253 0xAA, windows-1255 0xCA,
 * macintosh 0xBD and 0xDB, koi8-ru 0xAE and 0xBE; the CJK code pages read valid text alike but
 * replace invalid bytes as ICU does. Code pages iconv-lite knew and Node does not (DOS 437 and
 * 850, UTF-32, UTF-7, ISO-8859-16, Mac variants other than macintosh and x-mac-cyrillic) are
 * unknown, as are iconv-lite's non-charsets "binary", "base64" and "hex".
 */
export function decoderFor(label: string): Decode | undefined {
  const name = compact(label);
  if (ASCII_NAMES.has(name)) return decodeAscii;
  if (name === 'utf16') return decodeUtf16Unmarked;
  const encoding = whatwgEncoding(label) ?? whatwgEncoding(ALIASES.get(name) ?? aliasByPattern(name));
  if (encoding === undefined) return undefined;
  if (encoding === 'utf-8') return decodeUtf8;
  if (encoding === 'utf-16le') return decodeUtf16le;
  if (encoding === 'utf-16be') return decodeUtf16be;
  return singleByteDecoder(encoding, name) ?? multiByteDecoder(encoding);
}

/** iconv-lite's rule: case, punctuation and a trailing ":1987"-style year do not count. */
const compact = (label: string): string => label.toLowerCase().replace(/:\d{4}$|[^0-9a-z]/g, '');

function whatwgEncoding(label: string | undefined): string | undefined {
  if (label === undefined) return undefined;
  try {
    return new TextDecoder(label).encoding;
  } catch {
    return undefined;
  }
}

const ASCII_NAMES = new Set([
  'ascii',
  'usascii',
  'us',
  'ansix34',
  'ansix341968',
  'ansix341986',
  'csascii',
  'cp367',
  'ibm367',
  'isoir6',
  'iso646us',
  'iso646irv',
]);

/** iconv-lite spellings that are not WHATWG labels, by their compact form. */
const ALIASES = new Map([
  ['latin7', 'iso-8859-13'],
  ['latin8', 'iso-8859-14'],
  ['latin9', 'iso-8859-15'],
  ['l7', 'iso-8859-13'],
  ['l8', 'iso-8859-14'],
  ['tis620', 'tis-620'],
  ['iso88598i', 'iso-8859-8-i'],
  ['iso88598e', 'iso-8859-8'],
  ['macroman', 'macintosh'],
  ['koi8r', 'koi8-r'],
  ['koi8u', 'koi8-u'],
  ['ucs2', 'utf-16le'],
  ['utf16le', 'utf-16le'],
  ['utf16be', 'utf-16be'],
  ['shiftjis', 'shift_jis'],
  ['mskanji', 'shift_jis'],
  ['windows31j', 'shift_jis'],
  ['ms31j', 'shift_jis'],
  ['xsjis', 'shift_jis'],
  ['windows932', 'shift_jis'],
  ['cp932', 'shift_jis'],
  ['eucjp', 'euc-jp'],
  ['gb231280', 'gbk'],
  ['gb23121980', 'gbk'],
  ['euccn', 'gbk'],
  ['windows936', 'gbk'],
  ['ms936', 'gbk'],
  ['cp936', 'gbk'],
  ['xgbk', 'gbk'],
  ['isoir58', 'gbk'],
  ['windows949', 'euc-kr'],
  ['ms949', 'euc-kr'],
  ['cp949', 'euc-kr'],
  ['euckr', 'euc-kr'],
  ['isoir149', 'euc-kr'],
  ['ksc56011987', 'euc-kr'],
  ['ksc56011989', 'euc-kr'],
  ['windows950', 'big5'],
  ['ms950', 'big5'],
  ['cp950', 'big5'],
  ['big5hkscs', 'big5'],
  ['cnbig5', 'big5'],
  ['xxbig5', 'big5'],
]);

/** "windows1251", "win1251", "1251", "cp28595", "iso88595", "isoir144" and the like. */
function aliasByPattern(name: string): string | undefined {
  const windows = /^(?:windows|win|cp)?(125[0-8]|874)$/.exec(name)?.[1];
  if (windows) return `windows-${windows}`;
  const iso = /^(?:iso8859|cp2859|2859)(\d{1,2})$/.exec(name)?.[1];
  if (iso) return `iso-8859-${iso}`;
  const isoIr = /^isoir(\d+)$/.exec(name)?.[1];
  return isoIr ? `iso-ir-${isoIr}` : undefined;
}

const decodeAscii: Decode = (bytes) =>
  Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
    .toString('latin1')
    .replace(/[^\0-\x7f]/g, '\ufffd');

function viaStringDecoder(encoding: 'utf8' | 'utf16le', bytes: Uint8Array): string {
  const decoder = new StringDecoder(encoding);
  return decoder.write(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)) + decoder.end();
}

export const decodeUtf8: Decode = (bytes) => viaStringDecoder('utf8', bytes);
export const decodeUtf16le: Decode = (bytes) => viaStringDecoder('utf16le', bytes);
export const decodeUtf16be: Decode = (bytes) => {
  const swapped = Buffer.from(bytes.subarray(0, bytes.length - (bytes.length % 2)));
  return viaStringDecoder('utf16le', swapped.swap16());
};

/** iconv-lite's guess: a mark, else more "\0A" than "A\0" in the first 100 code units means big-endian. */
const decodeUtf16Unmarked: Decode = (bytes) => {
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return decodeUtf16be(bytes);
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return decodeUtf16le(bytes);
  let littleEndian = 0;
  let bigEndian = 0;
  for (let index = 0; index + 1 < Math.min(bytes.length, 200); index += 2) {
    if (bytes[index] === 0 && bytes[index + 1] !== 0) bigEndian++;
    if (bytes[index] !== 0 && bytes[index + 1] === 0) littleEndian++;
  }
  return bigEndian > littleEndian ? decodeUtf16be(bytes) : decodeUtf16le(bytes);
};

const ALL_BYTES = Uint8Array.from({ length: 256 }, (_, byte) => byte);
const tables = new Map<string, Uint16Array | null>();

/** A one-byte code page as a table of 256 code units, corrected as described above. */
function singleByteTable(encoding: string, name: string): Uint16Array | undefined {
  const key = `${encoding} ${name}`;
  const known = tables.get(key);
  if (known !== undefined) return known ?? undefined;
  const chars = [...new TextDecoder(encoding).decode(ALL_BYTES)];
  let table: Uint16Array | null = null;
  if (chars.length === 256 && chars.every((char) => char.length === 1)) {
    // ASCII bytes are themselves (ICU's ibm866 swaps three controls); ICU's private-use stand-ins
    // for bytes a code page leaves undefined (windows-874) are U+FFFD, as in iconv-lite.
    table = Uint16Array.from(chars, (char, byte) => {
      const code = char.charCodeAt(0);
      return byte < 0x80 ? byte : code >= 0xe000 && code <= 0xf8ff ? 0xfffd : code;
    });
    if (encoding === 'windows-1252') {
      for (let byte = 0x80; byte < 0xa0; byte++) table[byte] = WINDOWS_1252_HIGH.charCodeAt(byte - 0x80);
    }
    const windowsPage = /^windows-(\d+)$/.exec(encoding)?.[1];
    if (windowsPage !== undefined) {
      const namesTheWindowsPage = name.includes(windowsPage);
      for (let byte = 0x80; byte < 0xa0; byte++) {
        if (!namesTheWindowsPage) table[byte] = byte;
        else if ((table[byte] ?? 0) >= 0x80 && (table[byte] ?? 0) < 0xa0) table[byte] = 0xfffd;
      }
    }
    // TIS-620 leaves 0x80-0xA0 undefined; the Standard reads it as windows-874.
    if (name === 'tis620') table.fill(0xfffd, 0x80, 0xa1);
  }
  tables.set(key, table);
  return table ?? undefined;
}

function singleByteDecoder(encoding: string, name: string): Decode | undefined {
  const table = singleByteTable(encoding, name);
  if (!table) return undefined;
  return (bytes) => {
    const utf16le = Buffer.allocUnsafe(bytes.length * 2);
    for (let index = 0; index < bytes.length; index++) {
      const unit = table[bytes[index] ?? 0] ?? 0xfffd;
      utf16le[2 * index] = unit & 0xff;
      utf16le[2 * index + 1] = unit >> 8;
    }
    return utf16le.toString('utf16le');
  };
}

function multiByteDecoder(encoding: string): Decode {
  const decoder = new TextDecoder(encoding);
  return (bytes) => decoder.decode(bytes);
}
