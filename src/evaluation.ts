import type { DataMatrix } from './data.js';
import type { DenseKernels } from './dense-kernels.js';
import { check } from './errors.js';
import type { Loss } from './losses.js';

/** A network's loss (and accuracy) over a data set. */
export interface Evaluation {
  /** Mean loss over the samples. */
  loss: number;
  /** Fraction of samples classified right (classification only). */
  accuracy?: number;
}

/** What an evaluation reads: the data, the loss, the kernels that run the network, how to tell a right answer. */
export interface EvaluationParts {
  readonly matrix: DataMatrix;
  readonly loss: Loss;
  readonly kernels: DenseKernels;
  /** The network's `values`, where the kernels leave each layer's outputs. */
  readonly values: Float64Array;
  /** Where the output layer starts in `values`. */
  readonly outputStart: number;
  readonly outputSize: number;
  /** Counts right answers (classification), with this threshold for one output. */
  readonly classify: boolean;
  readonly threshold: number;
  /** True once the weights have changed since the evaluation began (its sums would mix two networks). */
  readonly weightsChanged: () => boolean;
}

/**
 * An evaluation done a few rows at a time, so a large network's can be spread over
 * animation frames: the same sums, row after row in the same order, as in one go, so the
 * same numbers. The weights must not change until it is done (Trainer.evaluation).
 */
export class EvaluationInSlices {
  private row = 0;
  private total = 0;
  private correct = 0;

  constructor(private readonly parts: EvaluationParts) {}

  /** True once every row is evaluated. */
  get done(): boolean {
    return this.row >= this.parts.matrix.count;
  }

  /** Evaluates up to `rows` more rows (at least one, unless all are done); returns `done`. */
  advance(rows: number): boolean {
    const { matrix, loss, kernels, values, outputStart, outputSize, classify, threshold } = this.parts;
    check(!this.parts.weightsChanged(), 'The weights changed during an evaluation; start a new one.');
    const end = Math.min(matrix.count, this.row + Math.max(1, Math.floor(rows)));
    kernels.load();
    for (let row = this.row; row < end; row++) {
      const output = kernels.forwardFrom(matrix.inputs, row * matrix.inputSize);
      this.total += loss.value(values, outputStart, matrix.targets, row * outputSize, outputSize);
      if (classify && isCorrect(output, matrix.targets, row * outputSize, threshold)) this.correct++;
    }
    this.row = Math.max(this.row, end);
    return this.done;
  }

  /** The mean loss (and accuracy) over every row; all rows must be done. */
  get result(): Evaluation {
    check(this.done, 'The evaluation is not finished.');
    const { count } = this.parts.matrix;
    const result: Evaluation = { loss: this.total / count };
    if (this.parts.classify) result.accuracy = this.correct / count;
    return result;
  }
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
