export interface Header {
  readonly publication: string;
  readonly volume: number;
  readonly issue: number;
  readonly author?: string;
}

export type HeaderResult =
  | { readonly kind: 'none' }
  | { readonly kind: 'found'; readonly header: Header; readonly rest: string }
  | { readonly kind: 'malformed'; readonly line: string };

const HEADER =
  /^\s*Publication:\s*(?<publication>.+?)\s+Volume:\s*(?<volume>\d{1,3})\s+Issue:\s*(?<issue>\d{1,4})(?:\s+By:\s*(?<author>[^\n]+?))?\s*(?:\n|$)/i;
const HEADER_START = /^\s*Publication:/i;

/**
 * Reads the optional `Publication: … Volume: … Issue: … [By: …]` header. It may be wrapped over
 * up to three lines, so only the first lines are joined before matching.
 */
export function readHeader(text: string): HeaderResult {
  if (!HEADER_START.test(text)) return { kind: 'none' };
  const lines = text.replace(/^\s+/, '').split('\n');
  for (let count = 1; count <= Math.min(3, lines.length); count++) {
    const joined = `${lines.slice(0, count).join(' ').replace(/\s+/g, ' ').trim()}\n`;
    const match = HEADER.exec(joined);
    if (!match?.groups) continue;
    const { publication = '', volume = '', issue = '', author } = match.groups;
    // A wrapped header is complete only when the next line does not continue it.
    const next = lines[count] ?? '';
    if (!author && /^\s*By:/i.test(next)) continue;
    return {
      kind: 'found',
      header: {
        publication: publication.trim(),
        volume: Number(volume),
        issue: Number(issue),
        ...(author ? { author: author.trim() } : {}),
      },
      rest: lines.slice(count).join('\n'),
    };
  }
  return { kind: 'malformed', line: (lines[0] ?? '').slice(0, 120) };
}

/** A Monitor volume N was published in 1994 + N. */
export const MONITOR_FIRST_YEAR = 1994;
export const volumeYear = (volume: number): number => MONITOR_FIRST_YEAR + volume;
