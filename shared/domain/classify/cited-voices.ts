import type { Dispatch } from '../dispatch.js';
import type { LexValue } from './dictionaries.js';
import type { Hit } from './scan.js';
import { type Token, TokenKind } from './tokens.js';

/**
 * "… while Zerkalo Nedeli warned that …" with "(Zerkalo Nedeli, April 15)" after it: a name the
 * dispatch cites as its source is a newspaper or an agency, a voice of its own, even when the
 * dictionary does not know it. Its places in the text (outside the citations, capitalised as cited,
 * and not inside a name the dictionary knows, so "Xinhua" stays what the dictionary says) become
 * voice hits, in order among the dictionary's.
 */
export function withCitedVoices(
  dispatch: Dispatch,
  tokens: readonly Token[],
  inCitation: Uint8Array,
  mentionHits: readonly Hit[],
): Hit[] {
  const byFirstWord = new Map<string, string[][]>();
  for (const paragraph of dispatch.paragraphs)
    for (const { outlet } of paragraph.citations) {
      const words = outlet.split(/\s+/).filter((word) => word.length > 0);
      const first = words[0];
      if (!first || !/^[A-Z]/.test(first)) continue;
      const known = byFirstWord.get(first) ?? [];
      if (!known.some((other) => other.join(' ') === words.join(' '))) known.push(words);
      byFirstWord.set(first, known);
    }
  if (byFirstWord.size === 0) return [...mentionHits];

  const covered = new Uint8Array(tokens.length);
  for (const hit of mentionHits) for (let index = hit.from; index < hit.to; index++) covered[index] = 1;
  const text = (token: Token) => dispatch.text.slice(token.start, token.end);
  const found: Hit[] = [];
  for (let index = 0; index < tokens.length; index++) {
    const token = tokens[index] as Token;
    if (token.kind !== TokenKind.Word || inCitation[index] === 1 || covered[index] === 1) continue;
    const candidates = byFirstWord.get(text(token));
    if (!candidates) continue;
    const words = candidates
      .filter((outlet) =>
        outlet.every((word, offset) => {
          const at = index + offset;
          const next = tokens[at];
          return next !== undefined && covered[at] !== 1 && inCitation[at] !== 1 && text(next) === word;
        }),
      )
      .sort((a, b) => b.length - a.length)[0];
    if (!words) continue;
    const phrase = words.join(' ');
    const value: LexValue = { layer: 'mention', kind: 'voice', phrase };
    found.push({ from: index, to: index + words.length, values: [value] });
    index += words.length - 1;
  }
  if (found.length === 0) return [...mentionHits];
  return [...mentionHits, ...found].sort((a, b) => a.from - b.from || b.to - a.to);
}
