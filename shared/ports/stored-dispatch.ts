import type { Classification } from '../domain/classify/index.js';
import type { Dispatch } from '../domain/index.js';

/** Where a dispatch came from: an uploaded object or a feed item (its feed, guid and link). */
export type DispatchSource =
  | {
      readonly kind: 's3';
      readonly bucket: string;
      readonly key: string;
      readonly versionId?: string;
      readonly etag?: string;
    }
  | {
      readonly kind: 'feed';
      readonly feedUrl: string;
      readonly feedName: string;
      readonly guid?: string;
      readonly link?: string;
    };

export interface StoredDispatch {
  readonly dispatch: Dispatch;
  /** What the classifier said at ingest (or the last reclassify), with its rules version. */
  readonly classification?: Classification;
  readonly source: DispatchSource;
  readonly ingestedAt: string;
  /** How many more times the same text arrived after the first. */
  readonly duplicateDeliveries: number;
}
