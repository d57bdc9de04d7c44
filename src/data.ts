import { NnKitError, check } from './errors.js';
import type { Random } from './random.js';

/** Training or test data as rows: inputs[i] goes with targets[i]. */
export interface Data {
  inputs: readonly (readonly number[])[];
  targets: readonly (readonly number[])[];
}

/** Data packed into flat arrays, checked once, for fast training and evaluation. */
export interface DataMatrix {
  readonly count: number;
  readonly inputSize: number;
  readonly targetSize: number;
  /** count × inputSize values, row after row. */
  readonly inputs: Float64Array;
  /** count × targetSize values, row after row. */
  readonly targets: Float64Array;
}

/** Packs and checks data: rows must all have the stated width and hold finite numbers. */
export function toMatrix(data: Data, inputSize: number, targetSize: number): DataMatrix {
  check(data && typeof data === 'object', 'Data must be an object with "inputs" and "targets".');
  const { inputs, targets } = data;
  check(Array.isArray(inputs) && Array.isArray(targets), 'Data must have "inputs" and "targets" arrays.');
  check(inputs.length > 0, 'Data has no samples.');
  check(
    inputs.length === targets.length,
    `Data has ${inputs.length} input rows but ${targets.length} target rows; they must pair up.`,
  );
  const count = inputs.length;
  return {
    count,
    inputSize,
    targetSize,
    inputs: packRows(inputs, inputSize, 'input'),
    targets: packRows(targets, targetSize, 'target'),
  };
}

function packRows(rows: readonly (readonly number[])[], width: number, what: string): Float64Array {
  const packed = new Float64Array(rows.length * width);
  rows.forEach((row, r) => {
    if (!Array.isArray(row) || row.length !== width) {
      throw new NnKitError(
        `Each ${what} row must hold ${width} number${width === 1 ? '' : 's'}; row ${r + 1} holds ${Array.isArray(row) ? row.length : 'no list'}.`,
      );
    }
    for (let c = 0; c < width; c++) {
      const value = row[c];
      if (typeof value !== 'number' || !Number.isFinite(value)) {
        throw new NnKitError(`The ${what} in row ${r + 1}, column ${c + 1} is "${String(value)}"; only finite numbers work.`);
      }
      packed[r * width + c] = value;
    }
  });
  return packed;
}

/** Shuffles the rows with `random` and splits them: the first `trainFraction` to train. */
export function splitData(data: Data, trainFraction: number, random: Random): { train: Data; test: Data } {
  check(
    Number.isFinite(trainFraction) && trainFraction > 0 && trainFraction < 1,
    `The training fraction must be between 0 and 1 (exclusive); got ${trainFraction}.`,
  );
  const order = random.shuffle(data.inputs.map((_, i) => i));
  const trainCount = Math.max(1, Math.min(order.length - 1, Math.round(order.length * trainFraction)));
  const pick = (indices: number[]): Data => ({
    inputs: indices.map((i) => data.inputs[i]),
    targets: indices.map((i) => data.targets[i]),
  });
  return { train: pick(order.slice(0, trainCount)), test: pick(order.slice(trainCount)) };
}

/** One-hot rows for class indices: oneHot([2], 3) → [[0, 0, 1]]. */
export function oneHot(labels: readonly number[], classes: number): number[][] {
  return labels.map((label) => Array.from({ length: classes }, (_, c) => (c === label ? 1 : 0)));
}
