import { DRAWING_SIZE, NnKitError } from '../../src/index.js';

/**
 * Checks an image a script set: 784 numbers (28 × 28, row by row) in [0, 1]. Returns them
 * as a list, or throws an NnKitError saying what is wrong. The length is read before
 * anything is copied, so `{ length: 1e12 }` is refused at once.
 */
export function checkImage(value: unknown): number[] {
  const size = DRAWING_SIZE * DRAWING_SIZE;
  const length = value != null && typeof value === 'object' ? (value as ArrayLike<unknown>).length : undefined;
  if (length !== size) {
    throw new NnKitError(`image must be ${size} numbers (28 × 28, row by row) from 0 to 1; got ${typeof length === 'number' ? `${String(length).slice(0, 20)} values` : typeof value}.`);
  }
  const list = Array.from(value as ArrayLike<unknown>);
  const bad = list.findIndex((v) => !(typeof v === 'number' && v >= 0 && v <= 1));
  if (bad >= 0) throw new NnKitError(`image must hold numbers from 0 to 1 only; value ${bad + 1} is not one.`);
  return list as number[];
}
