import type { Dispatch } from '../dispatch.js';
import type { LexValue } from './dictionaries.js';
import type { Hit } from './scan.js';
import { type Token, TokenKind } from './tokens.js';

/**
 * "… while Zerkalo Nedeli warned that …" with "(Zerkalo Nedeli, April 15)" after it: a name the
 * dispatch cites as its source is a newspaper or an agency, a voice of its own, even when the
 * dictionary does not know it. Its places in the text (outside the citations, capitalised,
 * and not inside a name the dictionary knows, so "Xinhua" stays what the dictionary says) become
 * voice hits, in order among the dictionary's.
 */
export function withCitedVoices(
  dispatch: Dispatch,
  tokens: readonly Token[],
  inCitation: Uint8Array,
  mentionHits: readonly Hit[],
): readonly Hit[] {
  // By the first word's norm, as tokens carry it: no slice of the text per token.
  const byFirstWord = new Map<string, (readonly string[])[]>();
  for (const paragraph of dispatch.paragraphs)
    for (const { outlet } of paragraph.citations) {
      const words = outletWords(outlet);
      const first = words[0];
      if (!first) continue;
      const known = byFirstWord.get(first) ?? [];
      if (!known.includes(words)) known.push(words);
      byFirstWord.set(first, known);
    }
  if (byFirstWord.size === 0) return mentionHits;

  const covered = new Uint8Array(tokens.length);
  for (const hit of mentionHits) for (let index = hit.from; index < hit.to; index++) covered[index] = 1;
  const found: Hit[] = [];
  for (let index = 0; index < tokens.length; index++) {
    const token = tokens[index] as Token;
    if (!token.capital || token.kind !== TokenKind.Word || inCitation[index] === 1 || covered[index] === 1)
      continue;
    const candidates = byFirstWord.get(token.norm);
    if (!candidates) continue;
    const words = candidates
      .filter((outlet) =>
        outlet.every((word, offset) => {
          const at = index + offset;
          const next = tokens[at];
          return next !== undefined && covered[at] !== 1 && inCitation[at] !== 1 && next.norm === word;
        }),
      )
      .sort((a, b) => b.length - a.length)[0];
    if (!words) continue;
    const phrase = words.join(' ');
    const value: LexValue = { layer: 'mention', kind: 'voice', phrase };
    found.push({ from: index, to: index + words.length, values: [value] });
    index += words.length - 1;
  }
  if (found.length === 0) return mentionHits;
  return [...mentionHits, ...found].sort((a, b) => a.from - b.from || b.to - a.to);
}

/** An outlet's words as token norms ("Zerkalo Nedeli" → zerkalo, nedeli); none unless capitalised. */
const wordsByOutlet = new Map<string, readonly string[]>();
function outletWords(outlet: string): readonly string[] {
  let words = wordsByOutlet.get(outlet);
  if (!words) {
    words = /^[A-Z]/.test(outlet)
      ? outlet
          .split(/\s+/)
          .filter((word) => word.length > 0)
          .map((word) => word.toLowerCase().replace(/’/g, "'"))
      : [];
    // Outlets repeat from dispatch to dispatch; a bound keeps a long-lived Lambda's memory flat.
    if (wordsByOutlet.size >= 10_000) wordsByOutlet.clear();
    wordsByOutlet.set(outlet, words);
  }
  return words;
}
