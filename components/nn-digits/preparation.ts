import { type DigitSet, Random, augmentDigit, oneHot, padDigit } from '../../src/index.js';

const PIXELS = 64;
const CLASSES = 10;

/** Distorted copies of each digit to learn from (a training digit's copies are trained on; a held-out one's never). */
export const COPIES_PER_DIGIT = 6;
/** The seed of the copies' distortions: the same data, the same copies, whatever the session's seed. */
const COPIES_SEED = 7;

/**
 * Digits being made ready to train on, once per data set (a session picks from them): each
 * digit as the pad gives it (padDigit: what a reader drawing it would give the network),
 * its one-hot target, and `copiesPerDigit` copies rotated, slanted, narrowed or widened,
 * with thicker or thinner strokes (augmentDigit), so the network learns to read hands other
 * than the data's.
 *
 * Making the copies takes a few hundred milliseconds, so it is done in slices (`prepare`,
 * in a frame's or an idle period's budget), digit after digit from one seeded generator:
 * the same copies in the same order however it is sliced. A digit as the pad gives it is
 * made when first asked for (`row`), so the held-out digits are ready at once.
 */
export class DigitsPreparation {
  readonly set: DigitSet;
  readonly targets: readonly (readonly number[])[];
  /** Each prepared digit's distorted copies, in digit order; complete once `ready`. */
  readonly copies: (readonly number[])[][] = [];
  readonly copiesPerDigit: number;
  private readonly padded: (readonly number[] | undefined)[];
  private readonly random = new Random(COPIES_SEED);
  private readonly drawing = new Float64Array(28 * 28);
  private readonly out = new Float64Array(PIXELS);

  constructor(set: DigitSet, copiesPerDigit = COPIES_PER_DIGIT) {
    this.set = set;
    this.copiesPerDigit = copiesPerDigit;
    this.targets = oneHot(Array.from(set.labels), CLASSES);
    this.padded = new Array<undefined>(set.count);
  }

  /** True once every digit's copies are made. */
  get ready(): boolean {
    return this.copies.length === this.set.count;
  }

  /** Fraction of the digits whose copies are made, in [0, 1]. */
  get progress(): number {
    return this.copies.length / this.set.count;
  }

  /** Digit `i` as the pad gives it (the network's input for it). */
  row(i: number): readonly number[] {
    let row = this.padded[i];
    if (!row) {
      const { pixels } = this.set;
      row = Array.from(padDigit(pixels.subarray(i * PIXELS, (i + 1) * PIXELS), this.out, this.drawing));
      this.padded[i] = row;
    }
    return row;
  }

  /** Makes the next digits' copies for about `budgetMs` milliseconds (at least one digit); returns `ready`. */
  prepare(budgetMs: number): boolean {
    const start = performance.now();
    const { set, random, out, drawing } = this;
    while (!this.ready) {
      const i = this.copies.length;
      this.row(i);
      const digit = set.pixels.subarray(i * PIXELS, (i + 1) * PIXELS);
      const mine: number[][] = [];
      for (let k = 0; k < this.copiesPerDigit; k++) if (augmentDigit(digit, random, out, undefined, drawing)) mine.push(Array.from(out));
      this.copies.push(mine);
      if (performance.now() - start >= budgetMs) break;
    }
    return this.ready;
  }
}

/** Digits prepared in one go (scripts and benchmarks; the element prepares in slices). */
export function prepareDigits(set: DigitSet, copiesPerDigit = COPIES_PER_DIGIT): DigitsPreparation {
  const digits = new DigitsPreparation(set, copiesPerDigit);
  digits.prepare(Number.POSITIVE_INFINITY);
  return digits;
}

/**
 * Runs `step` (given a budget in milliseconds; true once there is nothing left to do) in the
 * browser's idle periods (short timeouts where there is no requestIdleCallback) until it is
 * done, then calls `done`; returns a function that stops it.
 */
export function whenIdle(step: (budgetMs: number) => boolean, done: () => void): () => void {
  let stopped = false;
  let handle = 0;
  const idle = typeof requestIdleCallback === 'function';
  const slice = (budget: number) => {
    if (stopped) return;
    if (step(budget)) return done();
    schedule();
  };
  const schedule = () => {
    handle = idle ? requestIdleCallback((deadline) => slice(Math.max(1, deadline.timeRemaining() - 2))) : window.setTimeout(() => slice(8), 50);
  };
  schedule();
  return () => {
    stopped = true;
    if (idle) cancelIdleCallback(handle);
    else clearTimeout(handle);
  };
}
