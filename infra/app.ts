import { App, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { acknowledgeFindings } from './acknowledgements.js';
import { readSettings } from './settings.js';
import { StatefulStack } from './stateful-stack.js';
import { StatelessStack } from './stateless-stack.js';

/** The whole system: a stateful and a stateless stack, checked by cdk-nag's AWS Solutions rules. */
export function buildApp(app: App = new App()): {
  app: App;
  stateful: StatefulStack;
  stateless: StatelessStack;
} {
  const settings = readSettings((key) => app.node.tryGetContext(key));
  const prefix = `Treatywatch-${settings.stage}`;
  const stateful = new StatefulStack(app, `${prefix}-Stateful`, { stage: settings.stage });
  const stateless = new StatelessStack(app, `${prefix}-Stateless`, {
    bucket: stateful.bucket,
    table: stateful.table,
    settings,
  });
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
  acknowledgeFindings(stateful, stateless);
  return { app, stateful, stateless };
}

if (process.argv[1]?.endsWith('infra/app.ts')) buildApp().app.synth();
