import { NnKitError } from '../../src/index.js';
import type { DigitSet } from '../shared/digits-data.js';
import { LIMITS } from './nn-convolution.settings.js';

/** An image as the element keeps it: its size and its pixels, row-major. */
export interface Picture {
  readonly height: number;
  readonly width: number;
  readonly pixels: Float64Array;
}

/** A picture from rows of numbers. */
export const fromRows = (rows: readonly (readonly number[])[]): Picture => ({ height: rows.length, width: rows[0].length, pixels: Float64Array.from(rows.flat()) });

/** A picture's rows, for scripts. */
export function toRows(values: ArrayLike<number>, height: number, width: number, offset = 0): number[][] {
  return Array.from({ length: height }, (_, y) => Array.from({ length: width }, (_, x) => values[offset + y * width + x]));
}

const drawn = (size: number, ink: (y: number, x: number) => number): Picture => fromRows(Array.from({ length: size }, (_, y) => Array.from({ length: size }, (_, x) => ink(y, x))));

/** The built-in shapes, by name: small, with odd and even sides. */
export const SHAPES: Readonly<Record<string, () => Picture>> = {
  square: () => drawn(8, (y, x) => (y >= 1 && y <= 6 && x >= 1 && x <= 6 && (y === 1 || y === 6 || x === 1 || x === 6) ? 1 : 0)),
  cross: () => drawn(7, (y, x) => (y === 3 || x === 3 ? 1 : 0)),
  diagonal: () => drawn(9, (y, x) => (Math.abs(y - x) === 0 ? 1 : Math.abs(y - x) === 1 ? 0.5 : 0)),
  ring: () => drawn(9, (y, x) => Math.max(0, 1 - Math.abs(Math.hypot(y - 4, x - 4) - 3) * 1.2)),
  stripes: () => drawn(8, (_y, x) => (x % 4 < 2 ? 1 : 0)),
};

export const DIGIT_NAMES = Array.from({ length: 10 }, (_, d) => `digit-${d}`);

/** The first digit of each label in the set: digit-3 is the first 3. */
export function digitPicture(digits: DigitSet, name: string): Picture {
  const wanted = Number(name.slice(6));
  const index = digits.labels.indexOf(wanted);
  return { height: digits.size, width: digits.size, pixels: digits.pixels.slice(index * 64, index * 64 + 64) };
}

/**
 * Reads `image`'s rows of numbers: rows separated by ";" (or new lines), values by commas or
 * spaces; every row as long, 1 to LIMITS.side a side, every value a finite number within ±1e6.
 */
export function parseRows(value: unknown): Picture {
  let rows: unknown[][];
  if (Array.isArray(value)) {
    if (!value.every((row) => Array.isArray(row))) throw new NnKitError('image as an array must be an array of rows, e.g. [[0, 1], [1, 0]].');
    rows = value as unknown[][];
  } else {
    const text = String(value).trim();
    rows = text.split(/[;\n|]+/).map((row) => row.trim()).filter((row) => row !== '').map((row) => row.split(/[,\s]+/).filter((v) => v !== '').map((v) => Number(v.replace(/^\u2212/, '-'))));
  }
  const height = rows.length;
  const width = rows[0]?.length ?? 0;
  if (height < 1 || width < 1 || height > LIMITS.side || width > LIMITS.side) {
    throw new NnKitError(`image must be a sample's name or 1 to ${LIMITS.side} rows of 1 to ${LIMITS.side} numbers, rows separated by ";", e.g. "0 1 0; 1 1 1; 0 1 0".`);
  }
  rows.forEach((row, y) => {
    if (row.length !== width) throw new NnKitError(`image row ${y + 1} has ${row.length} numbers; every row needs ${width}, as the first has.`);
    row.forEach((v, x) => {
      if (typeof v !== 'number' || !Number.isFinite(v) || Math.abs(v) > 1e6) throw new NnKitError(`image row ${y + 1}, value ${x + 1} is not a number within ±1000000.`);
    });
  });
  return fromRows(rows as number[][]);
}
