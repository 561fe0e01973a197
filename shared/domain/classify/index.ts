export type {
  ActorLabel,
  Classification,
  Evidence,
  PersonLabel,
  Stance,
  StanceLabel,
  TopicLabel,
} from './classification.js';
export { STANCES } from './classification.js';
export { classificationSchema } from './classification-schema.js';
export { classifyDispatch } from './classify-dispatch.js';
export {
  compileDictionaries,
  type Dictionaries,
  DictionaryError,
  defaultDictionaries,
} from './dictionaries.js';
export { type ClassificationChange, diffClassifications } from './diff-classifications.js';
export { explainDispatch } from './explain.js';
