import { type DigitSet, parseDigits } from '../../src/digits.js';

export type { DigitSet } from '../../src/digits.js';

/** Digits of 8 × 8 pixels, as loadDigits() gives them. */
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

