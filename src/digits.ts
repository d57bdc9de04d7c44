import { check } from './errors.js';

/** Handwritten digits as the core keeps them: flat arrays, one row of size × size pixels a digit. */
export interface DigitSet {
  /** How many digits. */
  readonly count: number;
  /** Pixels a side (8 for the UCI digits). */
  readonly size: number;
  /** count × size² values in [0, 1], digit after digit, each row-major, top row first. */
  readonly pixels: Float64Array;
  /** The digit each image shows, 0–9. */
  readonly labels: Uint8Array;
}

/** The characters of the digits text format: a pixel's ink, 0 (none) to 16 (full). */
export const DIGIT_SYMBOLS = '0123456789abcdefg';

/** The most digits a text may hold (the UCI test set has 1,797; MNIST's test set 10,000). */
export const MAX_DIGITS = 20_000;

/**
 * Reads digits from the kit's text format: the labels, one character 0–9 a digit, on the
 * first line; then every digit's 64 pixels (8 × 8, row-major, top row first), each one
 * character of "0123456789abcdefg" for 0–16 pixels of 16 inked (the UCI set's 4 × 4 block
 * counts). Whitespace after the first line is ignored. Pixels come back as count / 16.
 */
export function parseDigits(text: unknown): DigitSet {
  check(typeof text === 'string', 'Digits must be text: a line of labels, then 64 pixels a digit.');
  const newline = text.indexOf('\n');
  check(newline > 0, 'Digits text must start with a line of labels (0–9), then the pixels.');
  const labelText = text.slice(0, newline).trim();
  const pixelText = text.slice(newline + 1).replace(/\s+/g, '');
  const count = labelText.length;
  const size = 8;
  check(count > 0 && /^[0-9]+$/.test(labelText), 'The first line of digits text must be labels, one character 0–9 a digit.');
  check(count <= MAX_DIGITS, `Digits text may hold at most ${MAX_DIGITS} digits; this one has ${count}.`);
  check(
    pixelText.length === count * size * size,
    `Digits text with ${count} labels needs ${count * size * size} pixel characters; it has ${pixelText.length}.`,
  );
  const labels = new Uint8Array(count);
  for (let i = 0; i < count; i++) labels[i] = labelText.charCodeAt(i) - 48;
  const pixels = new Float64Array(pixelText.length);
  for (let i = 0; i < pixelText.length; i++) {
    const value = DIGIT_SYMBOLS.indexOf(pixelText[i]);
    check(value >= 0, `Digit pixels must be characters 0–9 or a–g; got "${pixelText[i]}" at pixel ${i + 1}.`);
    pixels[i] = value / 16;
  }
  return { count, size, pixels, labels };
}
