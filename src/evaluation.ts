/** A network's loss (and accuracy) over a data set. */
export interface Evaluation {
  /** Mean loss over the samples. */
  loss: number;
  /** Fraction of samples classified right (classification only). */
  accuracy?: number;
}

/**
 * An evaluation done a few rows at a time (Trainer.evaluation), so a large network's can be
 * spread over animation frames: the same sums, row after row in the same order, as in one
 * go, so the same numbers. The weights must not change until it is done.
 */
export interface EvaluationInSlices {
  /** Evaluates up to `rows` more rows (at least one, unless all are done); returns true once all are. */
  advance(rows: number): boolean;
  /** The mean loss (and accuracy) over the rows evaluated so far: over all of them once `advance` has returned true. */
  readonly result: Evaluation;
}

/** One output: output and target fall on the same side of the threshold (a target on it counts as negative). Several: the largest output is the target's class. */
export function isCorrect(output: Float64Array, targets: Float64Array, start: number, threshold: number): boolean {
  return predictedClass(output, 0, output.length, threshold) === targetClass(targets, start, output.length, threshold);
}

/** The class an output row predicts: one output, 1 at or above the threshold; several, the largest (the first of equals). */
export function predictedClass(values: Float64Array, start: number, size: number, threshold: number): number {
  return size === 1 ? Number(values[start] >= threshold) : largestAt(values, start, size);
}

/** The class a target row names: one target, 1 above the threshold (a target on it counts as negative); several, the largest. */
export function targetClass(values: Float64Array, start: number, size: number, threshold: number): number {
  return size === 1 ? Number(values[start] > threshold) : largestAt(values, start, size);
}

function largestAt(values: Float64Array, start: number, size: number): number {
  let best = 0;
  for (let i = 1; i < size; i++) if (values[start + i] > values[start + best]) best = i;
  return best;
}
