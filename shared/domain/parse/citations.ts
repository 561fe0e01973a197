import { MONTHS } from '../calendar.js';
/** One parenthesised citation group as printed, before its year is known. */
export interface RawCitation {
  readonly outlets: readonly string[];
  readonly month: number;
  readonly day: number;
  /** Offset of the opening parenthesis within the paragraph. */
  readonly offset: number;
}

const MONTH_NAMES =
  '(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\\.?';
/** "May 28", "May 28-29", "May 28 and 29": the last day is the one cited. */
const DATE = new RegExp(`^(${MONTH_NAMES})\\s+(\\d{1,2})(?:\\s*(?:-|–|and|&)\\s*(\\d{1,2}))?$`, 'i');
const DAY = /^\d{1,2}$/;
const PARENTHESIS = /\(([^()]{3,400})\)/g;
/** A citation ends a sentence: it is followed by the paragraph's end or by a new sentence. */
const ENDS_SENTENCE = /^[.;]?["”’]?(?:\s*$|\s+["“‘(]?[A-Z0-9])/;

const monthNumber = (name: string): number =>
  MONTHS.findIndex((month) => month.startsWith(name.toLowerCase().replace('.', '').slice(0, 3))) + 1;

/**
 * Finds the citation groups in a paragraph: `(Vremya MN, Izvestia, May 29)` is two outlets and
 * one date, `(New York Times, May 28; AFP, March 29)` two groups. A parenthesis that does not
 * end a sentence, or whose parts are not "outlet…, date", is prose: "(ABM)", "(see below)".
 */
export function findCitations(paragraph: string): RawCitation[] {
  const found: RawCitation[] = [];
  for (const match of paragraph.matchAll(PARENTHESIS)) {
    const inside = match[1] ?? '';
    const after = paragraph.slice(match.index + match[0].length);
    if (!ENDS_SENTENCE.test(after)) continue;
    const groups = parseGroups(inside, match.index);
    if (groups) found.push(...groups);
  }
  return found;
}

function parseGroups(inside: string, offset: number): RawCitation[] | undefined {
  const groups: RawCitation[] = [];
  // "(NASA briefing; Reuters, July 12)": a group without a date shares the next group's date.
  let undated: string[] = [];
  // "(joint statement, September 24; Reuters, September 24)": a name in lower case is an outlet
  // when a capitalised one vouches for the parenthesis being a citation.
  let vouched = false;
  for (const group of inside.split(';')) {
    const parts = group.split(',').map((part) => part.trim());
    // "August 17, 18": a second day after a comma, like "August 17 and 18".
    const lastDay = DAY.test(parts.at(-1) ?? '') && DATE.test(parts.at(-2) ?? '') ? parts.pop() : undefined;
    const date = DATE.exec(parts.at(-1) ?? '');
    if (date) parts.pop();
    if (parts.length === 0 || !parts.every((part) => isOutletName(part) || isLowerCaseName(part)))
      return undefined;
    if (parts.some(isOutletName)) vouched = true;
    if (!date) {
      undated.push(...parts);
      continue;
    }
    const month = monthNumber(date[1] ?? '');
    const day = Number(lastDay ?? date[3] ?? date[2]);
    if (month < 1 || day < 1 || day > 31) return undefined;
    groups.push({ outlets: [...undated, ...parts], month, day, offset });
    undated = [];
  }
  return undated.length === 0 && groups.length > 0 && vouched ? groups : undefined;
}

/** Outlets that write their own names in lower case: Deutsche Presse-Agentur, Berlin's tageszeitung. */
const LOWER_CASE_OUTLETS = new Set(['dpa', 'taz']);

/** A pointer to other text, not a source: "(see below)", "(cf. the Monitor, June 2)". */
const POINTER = /^(?:see|cf\.?|e\.g\.|i\.e\.)\b/i;

/** A short name in lower case ("die tageszeitung", "joint statement"): an outlet only beside a capitalised one. */
const isLowerCaseName = (part: string) =>
  /^[a-z][a-z-]*(?: [a-z][a-z-]*){0,3}$/.test(part) && !POINTER.test(part);

/** Outlet names are short and capitalised ("Interfax", "Vremya MN", "the Washington Post"). */
function isOutletName(part: string): boolean {
  if (part.length > 60 || POINTER.test(part)) return false;
  // A date or a bare number where an outlet should be: the parenthesis is not a citation.
  if (DATE.test(part) || DAY.test(part)) return false;
  if (LOWER_CASE_OUTLETS.has(part)) return true;
  return /^(?:the\s+)?[A-Z0-9]/.test(part) && part.split(/\s+/).length <= 7;
}
