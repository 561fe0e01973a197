import type { Dispatch } from '../dispatch.js';
import { analyseDispatch, type SentenceTrace } from './classify-dispatch.js';
import { type Dictionaries, defaultDictionaries } from './dictionaries.js';
import type { Token } from './tokens.js';

/**
 * A readable account of how each sentence was read: who is mentioned, who speaks, which clause
 * subjects hold what, which cues and topics were found, and the observations they gave.
 */
export function explainDispatch(
  dispatch: Dispatch,
  filter?: string,
  dictionaries: Dictionaries = defaultDictionaries(),
): string[] {
  const lines: string[] = [];
  const span = (tokens: readonly Token[], from: number, to: number) =>
    from < to ? dispatch.text.slice((tokens[from] as Token).start, (tokens[to - 1] as Token).end) : '';
  const describe = (trace: SentenceTrace) => {
    const { sentence, tokens, structure } = trace;
    if (filter && !sentence.text.includes(filter)) return;
    const s = (from: number, to: number) => span(tokens, from, to);
    lines.push(`[${sentence.index}] ${sentence.text}`);
    if (trace.forecast.length > 0 || trace.analysis)
      lines.push(
        `   ${trace.forecast.length > 0 ? 'forecast ' : ''}${trace.analysis ? 'closing-analysis' : ''}`,
      );
    lines.push(
      `   clauses: ${structure.clauseStarts.map((start, index) => `«${s(start, structure.clauseStarts[index + 1] ?? sentence.to)}»`).join(' ')}`,
    );
    for (const mention of trace.mentions)
      lines.push(
        `   mention ${mention.kind} «${s(mention.from, mention.to)}» → ${mention.actors.join(',') || '-'}${mention.possessive ? ' (possessive)' : ''}`,
      );
    for (const topic of trace.topics)
      lines.push(`   topic ${topic.topic}${topic.anaphor ? ' (anaphor)' : ''} «${s(topic.from, topic.to)}»`);
    for (const cue of trace.cues)
      lines.push(
        `   cue «${s(cue.from, cue.to)}» ${cue.values.map((value) => ('polarity' in value ? `${value.topic ?? '*'}:${value.polarity}` : '')).join(' ')}`,
      );
    for (const frame of structure.frames)
      lines.push(
        `   speech «${s(frame.verb.from, frame.verb.to)}» by ${frame.holders.map((holder) => holder.speaker).join(' + ')}: ${frame.content.map(([from, to]) => `«${s(from, to)}»`).join(' ')}`,
      );
    for (const subject of structure.subjects)
      lines.push(
        `   ${subject.possessive ? 'possessive' : 'subject'} ${subject.holders.map((holder) => `«${s(holder.from, holder.to)}»`).join(' + ')}`,
      );
    for (const [from, to] of structure.conditionals) lines.push(`   conditional «${s(from, to)}»`);
    for (const observation of trace.observations)
      lines.push(
        `   => ${observation.actor} ${observation.topic} ${observation.polarity} (${observation.weight.toFixed(2)}${observation.earlier ? ', earlier' : ''}) via ${observation.speaker.speaker}`,
      );
  };
  const classification = analyseDispatch(dispatch, dictionaries, describe);
  lines.push('', 'stances:');
  for (const stance of classification.stances)
    lines.push(`   ${stance.actor} ${stance.topic} ${stance.stance} (${stance.confidence})`);
  return lines;
}
