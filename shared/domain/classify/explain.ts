import type { Dispatch } from '../dispatch.js';
import { analyseDispatch, type SentenceTrace } from './classify-dispatch.js';
import { type Dictionaries, defaultDictionaries } from './dictionaries.js';
import { featuresOf } from './stance-features.js';
import { classProbabilities, logitsOf, MODEL_STANCES, type StanceModel } from './stance-model.js';
import type { Token } from './tokens.js';

/** How many of a model reading's features are shown: the ones that pushed it most. */
const SHOWN_FEATURES = 3;

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
    if (dictionaries.stanceModel) lines.push(...modelReadings(trace, dictionaries.stanceModel));
  };
  const classification = analyseDispatch(dispatch, dictionaries, describe);
  lines.push('', 'stances:');
  for (const stance of classification.stances)
    lines.push(`   ${stance.actor} ${stance.topic} ${stance.stance} (${stance.confidence})`);
  return lines;
}

/** The model's reading of each holder and topic: its surest stance, how likely no stance is, and the features behind it. */
function modelReadings(trace: SentenceTrace, model: StanceModel): string[] {
  return trace.candidates
    .filter((candidate) => model.topics.has(candidate.topic))
    .map((candidate) => {
      const features = featuresOf(candidate);
      const probabilities = classProbabilities(logitsOf(model, features));
      const scores = MODEL_STANCES.map((_, index) => probabilities[index + 1] ?? 0);
      const best = scores.indexOf(Math.max(...scores));
      const pushes = [...new Set(features)]
        .map((feature) => ({ feature, weight: model.weights.get(feature)?.[best] ?? 0 }))
        .filter((item) => item.weight > 0)
        .sort((a, b) => b.weight - a.weight)
        .slice(0, SHOWN_FEATURES)
        .map((item) => `${item.feature.slice(item.feature.indexOf('|') + 1)} +${item.weight}`);
      const none = probabilities[0].toFixed(2);
      return `   model ${candidate.actor} ${candidate.topic} ${MODEL_STANCES[best]} ${(scores[best] ?? 0).toFixed(2)} (no stance ${none}) via ${candidate.speaker.speaker} (${candidate.role})${pushes.length > 0 ? `: ${pushes.join(', ')}` : ''}`;
    });
}
