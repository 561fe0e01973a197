import { DispatchRejectedError } from './dispatch-rejected-error.js';

export const MAX_DISPATCH_BYTES = 1024 * 1024;

export interface DecodedText {
  readonly text: string;
  readonly charset: string;
}

const EIGHT_BIT_CHARSETS = ['windows-1252', 'windows-1251', 'koi8-r'] as const;
const utf8 = new TextDecoder('utf-8', { fatal: true });
const decoders = new Map<string, InstanceType<typeof TextDecoder>>();
const eightBit = (charset: string) => {
  const decoder = decoders.get(charset) ?? new TextDecoder(charset);
  decoders.set(charset, decoder);
  return decoder;
};

/**
 * Node's TextDecoder treats "windows-1252" as Latin-1, losing the smart quotes and dashes at
 * 0x80-0x9F that old dispatches are full of; those 32 code points are mapped here by hand.
 */
export const WINDOWS_1252_HIGH =
  '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f' +
  '\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178';
function decodeWindows1252(bytes: Uint8Array): string {
  let text = '';
  for (const byte of bytes)
    text += byte >= 0x80 && byte < 0xa0 ? WINDOWS_1252_HIGH[byte - 0x80] : String.fromCharCode(byte);
  return text;
}

const isControl = (byte: number): boolean =>
  byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0d && byte !== 0x0c;

/** Bytes → text, or a typed error. Never throws. */
export function decodeText(bytes: Uint8Array): DecodedText | DispatchRejectedError {
  if (bytes.length > MAX_DISPATCH_BYTES) {
    return new DispatchRejectedError(
      'too-large',
      `dispatch is ${bytes.length} bytes; the limit is ${MAX_DISPATCH_BYTES} bytes (1 MB)`,
    );
  }
  const utf16 = decodeUtf16WithBom(bytes);
  if (utf16) return utf16;
  const body = hasUtf8Bom(bytes) ? bytes.subarray(3) : bytes;
  if (looksBinary(body)) {
    return new DispatchRejectedError(
      'binary',
      'input contains NUL or control bytes: it is not a text dispatch',
    );
  }
  try {
    return { text: utf8.decode(body), charset: 'utf-8' };
  } catch {
    return decodeEightBit(body);
  }
}

function hasUtf8Bom(bytes: Uint8Array): boolean {
  return bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
}

function decodeUtf16WithBom(bytes: Uint8Array): DecodedText | undefined {
  const le = bytes[0] === 0xff && bytes[1] === 0xfe;
  const be = bytes[0] === 0xfe && bytes[1] === 0xff;
  if (!le && !be) return undefined;
  const charset = le ? 'utf-16le' : 'utf-16be';
  return { text: new TextDecoder(charset).decode(bytes.subarray(2)), charset };
}

function looksBinary(bytes: Uint8Array): boolean {
  const sample = bytes.subarray(0, 64 * 1024);
  let controls = 0;
  for (const byte of sample) {
    if (byte === 0) return true;
    if (isControl(byte)) controls++;
  }
  return controls > sample.length / 100;
}

/**
 * Old dispatches arrive in Windows or KOI8 code pages. Each candidate decoding is scored by how
 * word-like its non-ASCII characters are; mis-decoded Cyrillic shows up as case flips inside words.
 */
function decodeEightBit(bytes: Uint8Array): DecodedText | DispatchRejectedError {
  let best: { charset: string; text: string; score: number } | undefined;
  for (const charset of EIGHT_BIT_CHARSETS) {
    const text = charset === 'windows-1252' ? decodeWindows1252(bytes) : eightBit(charset).decode(bytes);
    const score = plausibility(text);
    if (!best || score > best.score) best = { charset, text, score };
  }
  if (!best || best.score < 0.8) {
    return new DispatchRejectedError(
      'invalid-encoding',
      'input is neither valid UTF-8 nor readable as windows-1252, windows-1251 or KOI8-R',
    );
  }
  return { text: best.text, charset: best.charset };
}

const WORD_PUNCTUATION = /[\u2018-\u201f\u2013\u2014\u2026\u00a0\u00ab\u00bb\u00b0\u2116]/u;

/**
 * Share of non-ASCII characters that sit plausibly in words; 1 is perfect. Cyrillic is good
 * unless the case flips inside a word (KOI8-R read as windows-1251, or the reverse); an accented
 * Latin letter is good only beside plain letters, since runs like "Ïðèâåò" are Cyrillic misread.
 */
function plausibility(text: string): number {
  let nonAscii = 0;
  let good = 0;
  let previous = '';
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    if (code >= 0x80) {
      nonAscii++;
      if (WORD_PUNCTUATION.test(char)) good++;
      else if (/\p{Script=Cyrillic}/u.test(char)) {
        const caseFlip = /\p{Ll}/u.test(previous) && /\p{Lu}/u.test(char);
        if (!caseFlip) good++;
      } else if (/\p{Script=Latin}/u.test(char)) {
        const besideAccented = (previous.codePointAt(0) ?? 0) > 0x7f && /\p{L}/u.test(previous);
        if (!besideAccented) good++;
      }
    }
    previous = char;
  }
  return nonAscii === 0 ? 1 : good / nonAscii;
}
