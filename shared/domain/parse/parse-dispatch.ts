import type { Citation, Dispatch, DispatchContext, Paragraph } from '../dispatch.js';
import { findCitations, type RawCitation } from './citations.js';
import { decodeText } from './decode-text.js';
import { dateDispatch } from './dispatch-date.js';
import { DispatchRejectedError } from './dispatch-rejected-error.js';
import { readHeader, volumeYear } from './header.js';
import { dispatchId } from './normalise.js';

export type ParseResult =
  | { readonly ok: true; readonly dispatch: Dispatch }
  | { readonly ok: false; readonly error: DispatchRejectedError };

const MIN_PROSE_WORDS = 8;
const MAX_TITLE_CHARS = 160;

const rejected = (error: DispatchRejectedError): ParseResult => ({ ok: false, error });

/** Bytes of one Monitor-format dispatch → a Dispatch, or a typed rejection. Never throws. */
export function parseDispatch(bytes: Uint8Array, context: DispatchContext): ParseResult {
  if (bytes.length === 0) return rejected(new DispatchRejectedError('empty', 'dispatch is empty (0 bytes)'));
  const decoded = decodeText(bytes);
  if (decoded instanceof DispatchRejectedError) return rejected(decoded);
  const text = decoded.text.replace(/\r\n?/g, '\n');
  if (text.trim().length === 0) {
    return rejected(new DispatchRejectedError('empty', 'dispatch contains only whitespace'));
  }

  const header = readHeader(text);
  if (header.kind === 'malformed') {
    return rejected(
      new DispatchRejectedError(
        'malformed-header',
        `header "${header.line}" does not read "Publication: <name> Volume: <n> Issue: <m> [By: <author>]"`,
      ),
    );
  }
  const body = header.kind === 'found' ? header.rest : text;
  const blocks = splitParagraphs(body);
  const title = blocks.length > 1 && isTitle(blocks[0] ?? '') ? blocks.shift() : undefined;
  if (!blocks.some(isProse)) {
    return rejected(
      new DispatchRejectedError(
        'no-prose',
        `no paragraph of prose (a paragraph of at least ${MIN_PROSE_WORDS} words ending a sentence) was found`,
      ),
    );
  }

  const raw = blocks.map(findCitations);
  const dated = dateDispatch(
    header.kind === 'found' ? volumeYear(header.header.volume) : null,
    raw.flat(),
    context,
    // Issue numbers date an issue only for the daily Monitor (about 250 a year); Prism and the
    // others came out far less often.
    header.kind === 'found' && /\bmonitor\b/i.test(header.header.publication) ? header.header.issue : null,
  );
  let next = 0;
  const paragraphs: Paragraph[] = blocks.map((paragraphText, index) => {
    const groups = raw[index] ?? [];
    const citations = groups.flatMap((group) => citationsOf(group, dated.citationDates[next++]));
    return { text: paragraphText, citations };
  });
  const joined = paragraphs.map((paragraph) => paragraph.text).join('\n\n');
  const found = header.kind === 'found' ? header.header : undefined;

  return {
    ok: true,
    dispatch: {
      id: dispatchId(joined),
      publication: found?.publication ?? null,
      volume: found?.volume ?? null,
      issue: found?.issue ?? null,
      ...(found?.author ? { author: found.author } : {}),
      ...(title ? { title } : {}),
      paragraphs,
      date: dated.date,
      dateSource: dated.dateSource,
      text: joined,
      charset: decoded.charset,
    },
  };
}

function citationsOf(group: RawCitation, date: string | undefined): Citation[] {
  if (date === undefined) return [];
  return group.outlets.map((outlet) => ({ outlet, date, offset: group.offset }));
}

/** Paragraphs are separated by blank lines; single line breaks inside one are just wrapping. */
function splitParagraphs(body: string): string[] {
  return body
    .split(/\n[ \t\u00a0]*\n/)
    .map((block) => block.replace(/\s+/g, ' ').trim())
    .filter((block) => block.length > 0);
}

function isTitle(block: string): boolean {
  return block.length <= MAX_TITLE_CHARS && !/[.!?:;)"”’]$/.test(block) && /\p{L}/u.test(block);
}

function isProse(block: string): boolean {
  const words = block.match(/\p{L}[\p{L}\p{M}'’-]*/gu) ?? [];
  return words.length >= MIN_PROSE_WORDS && /[.!?]["”’)]*(?:\s|$)/.test(block);
}
