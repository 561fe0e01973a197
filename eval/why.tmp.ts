import { readFileSync } from 'node:fs';
import { classifyDispatch } from '../shared/domain/classify/classify-dispatch.js';
import { parseDispatch } from '../shared/domain/index.js';

const [file, actor] = process.argv.slice(2);
const r = parseDispatch(readFileSync(file!), {
  sourceKey: 'incoming/' + file!.split('/').pop(),
  receivedAt: '2001-01-01T00:00:00Z',
});
if (!r.ok) throw r.error;
const c = classifyDispatch(r.dispatch);
for (const a of c.actors)
  if (!actor || a.actor === actor)
    console.log(
      a.actor,
      a.evidence.map((e) => e.text.slice(0, 200)),
    );
for (const s of c.stances)
  if (!actor || s.actor === actor)
    console.log(
      s.actor,
      s.topic,
      s.stance,
      s.confidence,
      JSON.stringify(
        s.evidence.map((e) => `[${e.speaker}] ${e.text.slice(0, 220)}`),
        null,
        1,
      ),
    );

import { defaultDictionaries } from '../shared/domain/classify/dictionaries.js';
import { findMentions } from '../shared/domain/classify/mentions.js';

if (process.env.MENTIONS)
  for (const m of findMentions(r.dispatch.text, r.dispatch.date, defaultDictionaries))
    if (m.start > Number(process.env.MENTIONS) && m.start < Number(process.env.MENTIONS) + 600)
      console.log(m.kind, m.actor, JSON.stringify(m.text));
