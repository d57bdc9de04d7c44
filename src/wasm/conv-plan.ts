import type { Conv2dShape } from '../conv2d.js';

/**
 * How src/wasm/cnn.wat's convForward walks a convolution. Its output pixels fall into kinds
 * by which taps of the kernel land inside the image (near an edge, a window loses the taps
 * on the padding); all the pixels of a kind run down one list of taps, two at a time.
 * Three tables of 32-bit integers, offsets in bytes:
 * - `kinds`, four a kind: where its tap list starts in `taps`, how many taps it has, where
 *   its first pixel's record starts in `pixels`, and how many pixels it has;
 * - `taps`, two a tap, in the order JavaScript adds them (channel, row, column): where the
 *   tap's six filters' weights sit among the six kernels side by side (48 bytes a tap), and
 *   how far its pixel is from the window's origin in the image;
 * - `pixels`, two a pixel: where it sits in a filter's output, and where its window's origin
 *   (row 0, column 0 of the kernel, perhaps on the padding) sits from the image's first pixel.
 */
export interface ConvPlan {
  readonly kinds: Int32Array;
  readonly taps: Int32Array;
  readonly pixels: Int32Array;
}

/** The lengths of a plan's tables, in 32-bit integers. */
export interface ConvPlanSize {
  readonly kinds: number;
  readonly taps: number;
  readonly pixels: number;
}

/** Consecutive output indices along one side whose windows keep kernel indices [first, end). */
interface Stretch {
  readonly start: number;
  readonly count: number;
  readonly first: number;
  readonly end: number;
}

/** Along one side of `out` outputs over `n` pixels, the stretches of outputs whose windows keep the same kernel indices. */
function stretches(out: number, n: number, kernel: number, stride: number, padding: number): Stretch[] {
  const found: Stretch[] = [];
  for (let o = 0; o < out; o++) {
    const origin = o * stride - padding;
    const first = Math.max(0, -origin);
    const end = Math.max(first, Math.min(kernel, n - origin));
    const last = found[found.length - 1];
    if (last && last.first === first && last.end === end) found[found.length - 1] = { ...last, count: last.count + 1 };
    else found.push({ start: o, count: 1, first, end });
  }
  return found;
}

const kept = (side: Stretch[]) => side.reduce((sum, s) => sum + s.end - s.first, 0);

/** The lengths of the plan's tables for `conv` (a kind for every row stretch and column stretch). */
export function convPlanSize(conv: Conv2dShape): ConvPlanSize {
  const rows = stretches(conv.outHeight, conv.height, conv.kernelHeight, conv.stride, conv.padding);
  const columns = stretches(conv.outWidth, conv.width, conv.kernelWidth, conv.stride, conv.padding);
  return {
    kinds: 4 * rows.length * columns.length,
    taps: 2 * conv.channels * kept(rows) * kept(columns),
    pixels: 2 * conv.outHeight * conv.outWidth,
  };
}

/** Fills `plan`, whose tables have the lengths convPlanSize(conv) gives. */
export function writeConvPlan(conv: Conv2dShape, plan: ConvPlan): void {
  const { channels, height, width, kernelHeight, kernelWidth, stride, padding, outWidth } = conv;
  const rows = stretches(conv.outHeight, height, kernelHeight, stride, padding);
  const columns = stretches(outWidth, width, kernelWidth, stride, padding);
  let kind = 0;
  let tap = 0;
  let pixel = 0;
  for (const row of rows) {
    for (const column of columns) {
      const tapCount = channels * (row.end - row.first) * (column.end - column.first);
      plan.kinds.set([4 * tap, tapCount, 4 * pixel, row.count * column.count], kind);
      kind += 4;
      for (let c = 0; c < channels; c++) {
        for (let ky = row.first; ky < row.end; ky++) {
          for (let kx = column.first; kx < column.end; kx++) {
            plan.taps[tap++] = 48 * ((c * kernelHeight + ky) * kernelWidth + kx);
            plan.taps[tap++] = 8 * ((c * height + ky) * width + kx);
          }
        }
      }
      for (let oy = row.start; oy < row.start + row.count; oy++) {
        for (let ox = column.start; ox < column.start + column.count; ox++) {
          plan.pixels[pixel++] = 8 * (oy * outWidth + ox);
          plan.pixels[pixel++] = 8 * ((oy * stride - padding) * width + ox * stride - padding);
        }
      }
    }
  }
}
