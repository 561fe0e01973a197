import type { DateSource, DispatchContext } from '../dispatch.js';
import type { RawCitation } from './citations.js';
import { addDays, calendarDate, dateInKey, isoDay, parseDay } from './dates.js';

export interface DatedCitations {
  readonly date: string;
  readonly dateSource: DateSource;
  /** Each raw citation's ISO date, in the same order; undefined where the day does not exist. */
  readonly citationDates: readonly (string | undefined)[];
}

interface Anchor {
  readonly ms: number;
  readonly source: DateSource;
}

/** Citations are printed on or before the issue date; a little slack covers time zones. */
const CITATION_SLACK_DAYS = 2;
const HALF_YEAR_DAYS = 183;
/** The Monitor appeared on weekdays, about 250 issues a year: issue N came out near day 1.46 N. */
const DAYS_PER_ISSUE = 365 / 250;
/** A citation this many days after its issue's estimated day is from the year before. */
const ISSUE_SLACK_DAYS = 90;

/**
 * Dates the dispatch and its citations. With a header, the volume gives the year and the latest
 * citation the day; without one, the supplied publication date, a date in the key, or the upload
 * time anchors both.
 */
export function dateDispatch(
  volumeYear: number | null,
  citations: readonly RawCitation[],
  context: DispatchContext,
  issue: number | null = null,
): DatedCitations {
  const anchor = contextAnchor(context);
  if (volumeYear !== null) {
    const dates = citationsInYear(volumeYear, citations, issue);
    const known = dates.filter((ms): ms is number => ms !== undefined);
    if (known.length > 0) {
      return {
        date: isoDay(Math.max(...known)),
        dateSource: 'header-citations',
        citationDates: dates.map(iso),
      };
    }
    const anchored = new Date(anchor.ms).getUTCFullYear() === volumeYear;
    return {
      date: anchored ? isoDay(anchor.ms) : `${volumeYear}-01-01`,
      dateSource: anchored ? anchor.source : 'header-year',
      citationDates: dates.map(iso),
    };
  }
  return {
    date: isoDay(anchor.ms),
    dateSource: anchor.source,
    citationDates: citations.map((citation) => iso(citationBefore(anchor.ms, citation))),
  };
}

const iso = (ms: number | undefined): string | undefined => (ms === undefined ? undefined : isoDay(ms));

/**
 * All citations fall in the volume's year, except that a January issue citing December means
 * the December before: when the dates span more than half a year, the late months roll back;
 * and a citation months after the day its issue number puts the issue on (issue 1 citing
 * "December 30") is from the year before.
 */
function citationsInYear(
  year: number,
  citations: readonly RawCitation[],
  issue: number | null,
): (number | undefined)[] {
  const months = citations.map((citation) => citation.month);
  const spansYearEnd = Math.max(...months) - Math.min(...months) > HALF_YEAR_DAYS / 30.5;
  const latestPossible =
    issue === null ? undefined : addDays(Date.UTC(year, 0, 1), issue * DAYS_PER_ISSUE + ISSUE_SLACK_DAYS);
  return citations.map((citation) => {
    const inYear = calendarDate(year, citation.month, citation.day);
    const afterIssue = latestPossible !== undefined && inYear !== undefined && inYear > latestPossible;
    const rollBack = (spansYearEnd && citation.month >= 7) || afterIssue;
    return rollBack ? calendarDate(year - 1, citation.month, citation.day) : inYear;
  });
}

function citationBefore(anchorMs: number, citation: RawCitation): number | undefined {
  const year = new Date(anchorMs).getUTCFullYear();
  const sameYear = calendarDate(year, citation.month, citation.day);
  if (sameYear !== undefined && sameYear <= addDays(anchorMs, CITATION_SLACK_DAYS)) return sameYear;
  return calendarDate(year - 1, citation.month, citation.day);
}

function contextAnchor(context: DispatchContext): Anchor {
  const published = context.published ? parseDay(context.published.value) : undefined;
  if (published !== undefined && context.published) return { ms: published, source: context.published.from };
  const fromKey = context.sourceKey ? dateInKey(context.sourceKey) : undefined;
  if (fromKey !== undefined) return { ms: fromKey, source: 'object-key' };
  return { ms: parseDay(context.receivedAt) ?? 0, source: 'received' };
}
