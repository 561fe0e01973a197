/**
 * Shows how the classifier reads each sentence of one dispatch: mentions, topics, cues, speech
 * frames, subjects and the observations they give. A tuning aid for the dev corpus.
 *
 *   npx tsx eval/explain.ts corpus/dev/d10-bush-speech-reactions.txt [sentence-substring]
 */
import { readFileSync } from 'node:fs';
import { explainDispatch } from '../shared/domain/classify/explain.js';
import { parseDispatch } from '../shared/domain/index.js';

const [path, filter] = process.argv.slice(2);
if (!path) throw new Error('usage: explain FILE [sentence-substring]');
const parsed = parseDispatch(readFileSync(path), {
  sourceKey: `incoming/${path}`,
  receivedAt: '2001-06-01T12:00:00Z',
});
if (!parsed.ok) throw parsed.error;
for (const line of explainDispatch(parsed.dispatch, filter)) console.log(line);
