import type { Dispatch } from '../dispatch.js';

export interface Sentence {
  readonly index: number;
  readonly paragraph: number;
  /** Offsets into the dispatch text. */
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

/** Abbreviations whose full stop does not end a sentence. */
const ABBREVIATIONS =
  /(?:\b(?:Mr|Mrs|Ms|Dr|Gen|Lt|Col|Maj|Adm|Sen|Rep|Gov|St|Jan|Feb|Mar|Apr|Aug|Sep|Sept|Oct|Nov|Dec|No|Vol|vs|etc|e\.g|i\.e|Inc|Co|Jr|Sr)|\b[A-Z](?:\.[A-Z])*)\.$/;
const BOUNDARY = /[.!?]["”’)]*(?=\s+["“‘(]?[\p{Lu}\p{N}])/gu;

/** Splits each paragraph into sentences, keeping offsets into the whole text. */
export function splitSentences(dispatch: Dispatch): Sentence[] {
  const sentences: Sentence[] = [];
  let paragraphStart = 0;
  dispatch.paragraphs.forEach((paragraph, paragraphIndex) => {
    const text = paragraph.text;
    let start = 0;
    for (const match of text.matchAll(BOUNDARY)) {
      const end = match.index + match[0].length;
      const candidate = text.slice(start, end);
      if (ABBREVIATIONS.test(text.slice(Math.max(start, match.index - 12), match.index + 1))) continue;
      push(candidate, start);
      start = end;
    }
    push(text.slice(start), start);
    paragraphStart += text.length + 2;

    function push(raw: string, offset: number) {
      const leading = raw.length - raw.trimStart().length;
      const trimmed = raw.trim();
      if (trimmed.length === 0) return;
      const absolute = paragraphStart + offset + leading;
      sentences.push({
        index: sentences.length,
        paragraph: paragraphIndex,
        start: absolute,
        end: absolute + trimmed.length,
        text: trimmed,
      });
    }
  });
  return sentences;
}
