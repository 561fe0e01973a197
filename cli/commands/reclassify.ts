import {
  classifyDispatch,
  defaultDictionaries,
  diffClassifications,
} from '../../shared/domain/classify/index.js';
import { rederivePositions } from '../../shared/usecases/rederive-positions.js';
import type { Session } from '../session.js';

/** Re-runs the classifier over the archive after a rules change and reports what changed. */
export async function runReclassify(
  session: Session,
  options: { readonly dryRun: boolean },
  out: (line: string) => void,
) {
  const stored = await session.adapters.dispatches.listDispatches({});
  let changed = 0;
  let unchanged = 0;
  const pairs: { actor: string; topic: string }[] = [];
  for (const item of stored) {
    const next = classifyDispatch(item.dispatch);
    const diff = diffClassifications(item.classification, next);
    const versionChanged = item.classification?.rulesVersion !== next.rulesVersion;
    if (diff.added.length === 0 && diff.removed.length === 0 && !versionChanged) {
      unchanged++;
      continue;
    }
    if (!options.dryRun) await session.adapters.dispatches.updateClassification(item, next);
    for (const stance of [...(item.classification?.stances ?? []), ...next.stances]) pairs.push(stance);
    if (diff.added.length > 0 || diff.removed.length > 0) {
      changed++;
      out(
        `${item.dispatch.id.slice(0, 12)} ${item.dispatch.date}: ${[...diff.added.map((fact) => `+ ${fact}`), ...diff.removed.map((fact) => `- ${fact}`)].join(', ')}`,
      );
    } else {
      unchanged++;
    }
  }
  // Positions follow the new observations: every touched timeline is derived again.
  const rederived = options.dryRun ? 0 : await rederivePositions(session.adapters.positions, pairs);
  if (rederived > 0) out(`${rederived} position timelines derived again.`);
  out(
    `${stored.length} dispatches reclassified with rules ${defaultDictionaries().version}: ${changed} changed, ${unchanged} unchanged${options.dryRun ? ' (dry run: nothing written)' : ''}.`,
  );
}
