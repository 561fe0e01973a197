import { createHash } from 'node:crypto';

const QUOTES_SINGLE = /[\u2018\u2019\u201a\u201b\u2032\u0060\u00b4]/g;
const QUOTES_DOUBLE = /[\u201c\u201d\u201e\u201f\u2033\u00ab\u00bb]/g;
const DASHES = /[\u2010-\u2015\u2212]/g;

/** Folds the typographic variants that differ between an upload and a feed copy of one dispatch. */
export function normaliseForIdentity(text: string): string {
  return text
    .normalize('NFKC')
    .replace(QUOTES_SINGLE, "'")
    .replace(QUOTES_DOUBLE, '"')
    .replace(DASHES, '-')
    .replace(/\s+/g, ' ')
    .trim();
}

export function dispatchId(body: string): string {
  return createHash('sha256').update(normaliseForIdentity(body)).digest('hex');
}
