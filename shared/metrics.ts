/** Metric names shared by the functions that emit them and the stack that alarms on them. */
export const FEED_METRIC = {
  namespace: 'Treatywatch',
  name: 'FeedPollFailures',
  /** Set from STAGE, so that dev and prod in one account count apart. */
  stageDimension: 'Stage',
} as const;
