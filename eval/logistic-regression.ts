/**
 * Multinomial logistic regression over sparse string features, trained by full-batch gradient
 * descent with AdaGrad steps and an L2 penalty. Deterministic: the same examples in the same order
 * give the same weights. Class 0 is the reference ("no stance"): weights are returned relative to
 * it, so a feature the model never saw adds nothing.
 */
export interface Example {
  readonly features: readonly string[];
  /** 0 … classes − 1. */
  readonly label: number;
}

export interface TrainingOptions {
  readonly classes: number;
  readonly epochs: number;
  readonly l2: number;
  readonly learningRate: number;
  /** Features whose largest weight (relative to class 0) is smaller than this are dropped. */
  readonly prune: number;
}

export function trainLogisticRegression(
  examples: readonly Example[],
  options: TrainingOptions,
): Map<string, number[]> {
  const { classes, epochs, l2, learningRate } = options;
  const weights = new Map<string, Float64Array>();
  const squares = new Map<string, Float64Array>();
  const row = (table: Map<string, Float64Array>, feature: string) => {
    let values = table.get(feature);
    if (!values) {
      values = new Float64Array(classes);
      table.set(feature, values);
    }
    return values;
  };
  for (const example of examples) for (const feature of example.features) row(weights, feature);
  for (let epoch = 0; epoch < epochs; epoch++) {
    const gradient = new Map<string, Float64Array>();
    for (const example of examples) {
      const probabilities = softmax(weights, example.features, classes);
      for (const feature of example.features) {
        const values = row(gradient, feature);
        for (let c = 0; c < classes; c++)
          values[c] = (values[c] ?? 0) + (probabilities[c] ?? 0) - (c === example.label ? 1 : 0);
      }
    }
    for (const [feature, values] of gradient) {
      const current = row(weights, feature);
      const accumulated = row(squares, feature);
      for (let c = 0; c < classes; c++) {
        const step = (values[c] ?? 0) / examples.length + l2 * (current[c] ?? 0);
        accumulated[c] = (accumulated[c] ?? 0) + step * step;
        current[c] = (current[c] ?? 0) - (learningRate * step) / Math.sqrt((accumulated[c] ?? 0) + 1e-8);
      }
    }
  }
  const relative = new Map<string, number[]>();
  for (const [feature, values] of weights) {
    const reference = values[0] ?? 0;
    const kept = [...values].slice(1).map((value) => Math.round((value - reference) * 100) / 100);
    if (Math.max(...kept.map(Math.abs)) >= options.prune) relative.set(feature, kept);
  }
  return relative;
}

export function softmax(
  weights: ReadonlyMap<string, ArrayLike<number>>,
  features: readonly string[],
  classes: number,
): number[] {
  const logits = new Array<number>(classes).fill(0);
  for (const feature of features) {
    const values = weights.get(feature);
    if (values) for (let c = 0; c < classes; c++) logits[c] = (logits[c] ?? 0) + (values[c] ?? 0);
  }
  const top = Math.max(...logits);
  const exponentials = logits.map((logit) => Math.exp(logit - top));
  const sum = exponentials.reduce((total, value) => total + value, 0);
  return exponentials.map((value) => value / sum);
}
