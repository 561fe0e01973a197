import {
  classifyDispatch,
  defaultDictionaries,
  diffClassifications,
} from '../../shared/domain/classify/index.js';
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
  for (const item of stored) {
    const next = classifyDispatch(item.dispatch);
    const diff = diffClassifications(item.classification, next);
    const versionChanged = item.classification?.rulesVersion !== next.rulesVersion;
    if (diff.added.length === 0 && diff.removed.length === 0 && !versionChanged) {
      unchanged++;
      continue;
    }
    if (!options.dryRun) await session.adapters.dispatches.updateClassification(item.dispatch.id, next);
    if (diff.added.length > 0 || diff.removed.length > 0) {
      changed++;
      out(
        `${item.dispatch.id.slice(0, 12)} ${item.dispatch.date}: ${[...diff.added.map((fact) => `+ ${fact}`), ...diff.removed.map((fact) => `- ${fact}`)].join(', ')}`,
      );
    } else {
      unchanged++;
    }
  }
  out(
    `${stored.length} dispatches reclassified with rules ${defaultDictionaries.version}: ${changed} changed, ${unchanged} unchanged${options.dryRun ? ' (dry run: nothing written)' : ''}.`,
  );
}
