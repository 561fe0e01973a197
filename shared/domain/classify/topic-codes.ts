import topicsData from './data/topics.json' with { type: 'json' };

/**
 * The taxonomy's topic codes, read from the same data file the classifier compiles, so a topic a
 * user adds there is queryable at once. Only the keys are read: the query edges that need them do
 * not pay for compiling the dictionaries.
 */
export const TOPIC_CODES: readonly string[] = Object.keys(topicsData.topics).sort();
