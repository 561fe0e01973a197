import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decodeText } from '../../shared/domain/parse/decode-text.js';

const RUSSIAN = 'Министр обороны заявил, что договор по ПРО 1972 года остаётся основой стабильности.';
const ENGLISH = 'Hubert Védrine said the “treaty” – as written – must stand.';

describe('decodeText', () => {
  it.each([
    ['windows-1251', RUSSIAN],
    ['koi8-r', RUSSIAN],
    ['windows-1252', ENGLISH],
    ['utf-8', RUSSIAN],
  ])('decodes %s without replacement characters', (charset, text) => {
    // Prepare
    const encoded = iconv.encode(text, charset);
    // Act
    const decoded = decodeText(encoded);
    // Assess
    expect(decoded).toEqual({ text, charset });
  });

  it.each([
    ['UTF-8 with a BOM', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(RUSSIAN)]), 'utf-8'],
    [
      'UTF-16LE with a BOM',
      Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(RUSSIAN, 'utf16le')]),
      'utf-16le',
    ],
    [
      'UTF-16BE with a BOM',
      Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(RUSSIAN, 'utf16le').swap16()]),
      'utf-16be',
    ],
  ])('decodes %s and drops the mark', (_name, input, charset) => {
    expect(decodeText(input)).toEqual({ text: RUSSIAN, charset });
  });
});
