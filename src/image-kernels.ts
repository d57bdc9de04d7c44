import { lookup } from './errors.js';

/** A named image kernel: its reader-facing name and its numbers for a square of any side. */
export interface ImageKernel {
  readonly name: string;
  readonly label: string;
  /** What it does to an image, in a few words. */
  readonly description: string;
  /** The kernel, row-major, `size` × `size`. */
  readonly values: (size: number) => Float64Array;
}

/** Row n of Pascal's triangle: [1], [1, 1], [1, 2, 1], … (the binomial smoothing of n + 1 taps). */
function binomial(n: number): number[] {
  let row = [1];
  for (let i = 0; i < n; i++) row = [...row, 0].map((v, j) => v + (j > 0 ? row[j - 1] : 0));
  return row;
}

/** The outer product of a column and a row, as a flat square kernel. */
function outer(column: number[], row: number[]): Float64Array {
  const out = new Float64Array(column.length * row.length);
  column.forEach((c, y) => row.forEach((r, x) => (out[y * row.length + x] = c * r)));
  return out;
}

/** A derivative of `size` taps, negative on the left, positive on the right: [−1, 0, 1], [−1, −2, 0, 2, 1], … (Sobel's). */
function derivative(size: number): number[] {
  if (size < 2) return [0];
  const smooth = binomial(size - 2);
  return Array.from({ length: size }, (_, i) => (i < smooth.length ? smooth[i] : 0) * -1 + (i > 0 ? smooth[i - 1] : 0)).map((v) => v + 0);
}

/** Binomial smoothing of `size` taps, summing to 1. */
function smoothing(size: number): number[] {
  const row = binomial(size - 1);
  const sum = row.reduce((a, b) => a + b, 0);
  return row.map((v) => v / sum);
}

/** The image kernels readers can pick, by name (3×3 shown; any side works). */
export const imageKernels: Readonly<Record<string, ImageKernel>> = Object.freeze({
  'edge-x': {
    name: 'edge-x',
    label: 'Vertical edges (Sobel x)',
    description: 'bright where the image gets brighter from left to right, dark where it gets darker',
    values: (size: number) => outer(size < 2 ? [1] : binomial(size - 1), derivative(size)),
  },
  'edge-y': {
    name: 'edge-y',
    label: 'Horizontal edges (Sobel y)',
    description: 'bright where the image gets brighter from top to bottom, dark where it gets darker',
    values: (size: number) => outer(derivative(size), size < 2 ? [1] : binomial(size - 1)),
  },
  blur: {
    name: 'blur',
    label: 'Blur',
    description: 'each pixel becomes a weighted mean of its neighbours',
    values: (size: number) => outer(smoothing(size), smoothing(size)),
  },
  sharpen: {
    name: 'sharpen',
    label: 'Sharpen',
    description: 'each pixel is pushed away from its four neighbours, so edges stand out',
    values: (size: number) => {
      const out = new Float64Array(size * size);
      const middle = (size - 1) >> 1;
      const near = [
        [middle - 1, middle],
        [middle + 1, middle],
        [middle, middle - 1],
        [middle, middle + 1],
      ].filter(([y, x]) => y >= 0 && x >= 0 && y < size && x < size);
      out[middle * size + middle] = 1 + near.length;
      for (const [y, x] of near) out[y * size + x] = -1;
      return out;
    },
  },
  identity: {
    name: 'identity',
    label: 'Identity',
    description: 'the image unchanged (shifted, for an even side)',
    values: (size: number) => {
      const out = new Float64Array(size * size);
      const middle = (size - 1) >> 1;
      out[middle * size + middle] = 1;
      return out;
    },
  },
});

/** Looks up an image kernel by name, with an error that lists the accepted names. */
export function getImageKernel(name: unknown): ImageKernel {
  return lookup(imageKernels, name, 'kernel');
}
