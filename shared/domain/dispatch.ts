/** A dated citation of one outlet, as printed at the end of a Monitor paragraph. */
export interface Citation {
  readonly outlet: string;
  /** ISO date (YYYY-MM-DD), the year resolved against the dispatch's year. */
  readonly date: string;
  /** Offset of the opening parenthesis of the citation group inside its paragraph. */
  readonly offset: number;
}

export interface Paragraph {
  readonly text: string;
  readonly citations: readonly Citation[];
}

/** Where the dispatch date came from, strongest first. */
export const DATE_SOURCES = [
  'header-citations',
  'header-year',
  'metadata',
  'feed',
  'object-key',
  'received',
] as const;
export type DateSource = (typeof DATE_SOURCES)[number];

export interface Dispatch {
  /** SHA-256 (hex) of the normalised body: the same dispatch under any key or feed is one id. */
  readonly id: string;
  readonly publication: string | null;
  readonly volume: number | null;
  readonly issue: number | null;
  readonly author?: string;
  readonly title?: string;
  readonly paragraphs: readonly Paragraph[];
  readonly date: string;
  readonly dateSource: DateSource;
  /** The body: paragraphs joined by blank lines, without the header line. */
  readonly text: string;
  /** The character set the bytes were decoded from. */
  readonly charset: string;
}

/** What the parser knows about where the bytes came from. */
export interface DispatchContext {
  /** Object key or feed link, used for a date like 2001/08/14/ or 2001-08-14-. */
  readonly sourceKey?: string;
  /** A publication date supplied with the input: S3 `x-amz-meta-published` or a feed item's date. */
  readonly published?: { readonly value: string; readonly from: 'metadata' | 'feed' };
  /** When the input was uploaded or fetched (ISO timestamp); the date of last resort. */
  readonly receivedAt: string;
}
