/**
 * The benchmark's cases: one spec each, shared by every engine so all of them train
 * the same data with the same architecture, optimizer and number of sample gradients.
 */
import { type Data, makeDataset, oneHot, Random } from '../src/index.js';

export interface TrainSpec {
  id: 'A' | 'B';
  /** Layer sizes, input to output. */
  layers: number[];
  hidden: 'tanh' | 'relu';
  /** sigmoid pairs with binary cross-entropy, softmax with cross-entropy. */
  output: 'sigmoid' | 'softmax';
  data: Data;
  /** Class index of each sample (the target's 0/1 for A, the one-hot's index for B). */
  labels: number[];
  batchSize: number;
  learningRate: number;
  epochs: number;
  seed: number;
}

export interface Evaluation {
  /** Fraction of training samples classified right. */
  accuracy: number;
  /** The engine's own loss on the training data, with its name. */
  loss?: { name: string; value: number };
}

/** One engine configured for one spec, fresh and untrained. */
export interface TrainSession {
  /** The timed work: spec.epochs passes over the data. */
  run(): void | Promise<void>;
  /** Work actually done, read from the engine's own counters where it has them. */
  work(): { samples: number; updates: number };
  evaluate(): Evaluation;
  /** Case C: returns a function that computes the net's output for every grid point. */
  grid(points: Float64Array): () => ArrayLike<number>;
}

export interface Peer {
  name: string;
  /** A fresh session, or the reason this engine cannot run the spec. */
  train(spec: TrainSpec): TrainSession | string | Promise<TrainSession | string>;
  /** How this engine's setup differs from the spec, printed under the table. */
  notes(spec: TrainSpec): string[];
}

export const SEED = 1;

export function caseA(): TrainSpec {
  const data = makeDataset('circle', { samples: 500, seed: SEED });
  return {
    id: 'A',
    layers: [2, 8, 8, 1],
    hidden: 'tanh',
    output: 'sigmoid',
    data,
    labels: data.targets.map((t) => t[0]),
    batchSize: 10,
    learningRate: 0.03,
    epochs: 100,
    seed: SEED,
  };
}

/** 2000 seeded random inputs in [0, 1) with random one-hot targets. */
export function caseB(epochs: number): TrainSpec {
  const random = new Random(SEED);
  const count = 2000;
  const inputs = Array.from({ length: count }, () => Array.from({ length: 784 }, () => random.next()));
  const labels = Array.from({ length: count }, () => random.int(10));
  return {
    id: 'B',
    layers: [784, 128, 10],
    hidden: 'relu',
    output: 'softmax',
    data: { inputs, targets: oneHot(labels, 10) },
    labels,
    batchSize: 32,
    learningRate: 0.01,
    epochs,
    seed: SEED,
  };
}

/** Case C: a side × side grid over [-extent, extent]², as (x, y) pairs. */
export function grid(side = 100, extent = 6): Float64Array {
  const points = new Float64Array(side * side * 2);
  for (let r = 0; r < side; r++) {
    for (let c = 0; c < side; c++) {
      points[2 * (r * side + c)] = -extent + (2 * extent * c) / (side - 1);
      points[2 * (r * side + c) + 1] = -extent + (2 * extent * r) / (side - 1);
    }
  }
  return points;
}

/** Runs `make` with Math.random replaced by a seeded generator, for peers that draw their initial weights from it. */
export function withSeededMathRandom<T>(seed: number, make: () => T): T {
  const original = Math.random;
  const random = new Random(seed);
  Math.random = () => random.next();
  try {
    return make();
  } finally {
    Math.random = original;
  }
}

export function argmax(values: ArrayLike<number>): number {
  let best = 0;
  for (let i = 1; i < values.length; i++) if (values[i] > values[best]) best = i;
  return best;
}

/**
 * A table as text lines: the header, a rule, then the rows, each column as wide as its
 * widest cell, text columns (`left` says which) flush left and numbers flush right.
 */
export function textTable(head: string[], body: string[][], left: (column: number) => boolean): string[] {
  const widths = head.map((h, c) => Math.max(h.length, ...body.map((b) => b[c].length)));
  const line = (cells: string[]) => cells.map((cell, c) => (left(c) ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join('  ').trimEnd();
  return [line(head), widths.map((w) => '-'.repeat(w)).join('  '), ...body.map(line)];
}
