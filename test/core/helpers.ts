/// <reference types="mocha" />
import { expect } from '@open-wc/testing';
import { NnKitError } from '../../src/index.js';

/** |a − b| / max(1e-8, |a| + |b|): the symmetric relative error used by the gradient checks. */
export function relativeError(a: number, b: number): number {
  return Math.abs(a - b) / Math.max(1e-8, Math.abs(a) + Math.abs(b));
}

/** Calls `fn`, expects an NnKitError, and checks its message against every pattern. */
export function expectNnKitError(fn: () => unknown, ...patterns: (string | RegExp)[]): NnKitError {
  let thrown: unknown;
  try {
    fn();
  } catch (error) {
    thrown = error;
  }
  expect(thrown, 'expected an NnKitError to be thrown').to.be.instanceOf(NnKitError);
  const error = thrown as NnKitError;
  expect(error.name).to.equal('NnKitError');
  for (const pattern of patterns) {
    if (typeof pattern === 'string') expect(error.message).to.include(pattern);
    else expect(error.message).to.match(pattern);
  }
  return error;
}

/** True when every entry is a finite number. */
export function allFinite(values: ArrayLike<number>): boolean {
  for (let i = 0; i < values.length; i++) if (!Number.isFinite(values[i])) return false;
  return true;
}

/** Fraction of rows whose thresholded single output matches the 0/1 target. */
export function binaryAccuracy(predict: (x: number[]) => ArrayLike<number>, inputs: number[][], targets: number[][]): number {
  let correct = 0;
  inputs.forEach((x, i) => {
    if (predict(x)[0] >= 0.5 === targets[i][0] >= 0.5) correct++;
  });
  return correct / inputs.length;
}
