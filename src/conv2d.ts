import { NnKitError } from './errors.js';

/**
 * A 2-D convolution's shapes. Images are flat Float64Arrays in channel-major order
 * (channel, row, column); kernels are (filter, channel, row, column); outputs are
 * (filter, row, column). The input is padded with `padding` zeros on every side and the
 * window moves `stride` pixels at a time, so an output side is ⌊(n + 2p − k)/s⌋ + 1.
 */
export interface Conv2dShape {
  readonly channels: number;
  readonly height: number;
  readonly width: number;
  readonly filters: number;
  readonly kernelHeight: number;
  readonly kernelWidth: number;
  readonly stride: number;
  readonly padding: number;
  readonly outHeight: number;
  readonly outWidth: number;
}

/** What conv2dShape is given: a square kernel by `kernelSize`, or its two sides. */
export interface Conv2dSpec {
  channels?: number;
  height: number;
  width: number;
  filters?: number;
  kernelSize?: number;
  kernelHeight?: number;
  kernelWidth?: number;
  stride?: number;
  padding?: number;
}

/** The most pixels on a side of an image, a kernel or a padding the family accepts. */
export const MAX_SIDE = 4096;

/** ⌊(n + 2p − k)/s⌋ + 1: the output side of a window of k moving s at a time over n padded by p on each side (0 or less: no room). */
export function convOutputSize(n: number, k: number, stride: number, padding: number): number {
  return Math.floor((n + 2 * padding - k) / stride) + 1;
}

/** Checks a whole number in [min, MAX_SIDE] for a message that names it. */
export function checkSide(value: number, name: string, min = 1): number {
  if (!Number.isInteger(value) || value < min || value > MAX_SIDE) {
    throw new NnKitError(`${name} must be a whole number from ${min} to ${MAX_SIDE}; got ${value}.`);
  }
  return value;
}

/** Checks a convolution's sizes and works out its output's; throws an NnKitError saying what does not fit. */
export function conv2dShape(spec: Conv2dSpec): Conv2dShape {
  const channels = checkSide(spec.channels ?? 1, 'channels');
  const height = checkSide(spec.height, 'The image height');
  const width = checkSide(spec.width, 'The image width');
  const filters = checkSide(spec.filters ?? 1, 'filters');
  const kernelHeight = checkSide(spec.kernelHeight ?? spec.kernelSize ?? 3, 'The kernel size');
  const kernelWidth = checkSide(spec.kernelWidth ?? spec.kernelSize ?? 3, 'The kernel size');
  const stride = checkSide(spec.stride ?? 1, 'stride');
  const padding = checkSide(spec.padding ?? 0, 'padding', 0);
  const outHeight = convOutputSize(height, kernelHeight, stride, padding);
  const outWidth = convOutputSize(width, kernelWidth, stride, padding);
  if (outHeight < 1 || outWidth < 1) {
    throw new NnKitError(
      `A ${kernelHeight}×${kernelWidth} kernel does not fit in a ${height}×${width} image padded by ${padding}: ` +
        `the padded image must be at least as large as the kernel. Use a smaller kernel or more padding (at least ${Math.ceil((Math.max(kernelHeight - height, kernelWidth - width)) / 2)}).`,
    );
  }
  return { channels, height, width, filters, kernelHeight, kernelWidth, stride, padding, outHeight, outWidth };
}

/** The first output index whose window tap `k` lands inside the image (taps on padding are skipped). */
const firstInside = (k: number, stride: number, padding: number) => Math.max(0, Math.ceil((padding - k) / stride));
/** One past the last output index whose window tap `k` lands inside [0, n), at least `first`. */
const endInside = (out: number, n: number, k: number, stride: number, padding: number, first: number) =>
  Math.max(first, Math.min(out, Math.floor((n - 1 + padding - k) / stride) + 1));

/**
 * output = input ⋆ weights + bias (cross-correlation, as every deep-learning library
 * computes it), with zero padding. Writes `output` (filters × outHeight × outWidth) and returns it.
 */
export function conv2dForward(shape: Conv2dShape, input: Float64Array, weights: Float64Array, bias: Float64Array | null, output: Float64Array): Float64Array {
  const { channels, height, width, filters, kernelHeight: kh, kernelWidth: kw, stride, padding, outHeight: oh, outWidth: ow } = shape;
  const plane = oh * ow;
  for (let f = 0; f < filters; f++) {
    const b = bias ? bias[f] : 0;
    const base = f * plane;
    output.fill(b, base, base + plane);
    for (let c = 0; c < channels; c++) {
      const inBase = c * height * width;
      const wBase = (f * channels + c) * kh * kw;
      for (let ky = 0; ky < kh; ky++) {
        const y0 = firstInside(ky, stride, padding);
        const y1 = endInside(oh, height, ky, stride, padding, y0);
        for (let kx = 0; kx < kw; kx++) {
          const w = weights[wBase + ky * kw + kx];
          const x0 = firstInside(kx, stride, padding);
          const x1 = endInside(ow, width, kx, stride, padding, x0);
          for (let oy = y0; oy < y1; oy++) {
            const row = inBase + (oy * stride - padding + ky) * width - padding + kx;
            const out = base + oy * ow;
            for (let ox = x0; ox < x1; ox++) output[out + ox] += w * input[row + ox * stride];
          }
        }
      }
    }
  }
  return output;
}

/**
 * Backpropagates ∂L/∂output through the convolution: adds ∂L/∂weights and ∂L/∂bias to
 * `weightGradient` and `biasGradient` (so a batch accumulates), and writes ∂L/∂input into
 * `inputGradient` unless it is null (a first layer needs none).
 */
export function conv2dBackward(
  shape: Conv2dShape,
  input: Float64Array,
  weights: Float64Array,
  outputGradient: Float64Array,
  inputGradient: Float64Array | null,
  weightGradient: Float64Array,
  biasGradient: Float64Array | null,
): void {
  const { channels, height, width, filters, kernelHeight: kh, kernelWidth: kw, stride, padding, outHeight: oh, outWidth: ow } = shape;
  const plane = oh * ow;
  inputGradient?.fill(0, 0, channels * height * width);
  for (let f = 0; f < filters; f++) {
    const base = f * plane;
    if (biasGradient) {
      let sum = 0;
      for (let i = base; i < base + plane; i++) sum += outputGradient[i];
      biasGradient[f] += sum;
    }
    for (let c = 0; c < channels; c++) {
      const inBase = c * height * width;
      const wBase = (f * channels + c) * kh * kw;
      for (let ky = 0; ky < kh; ky++) {
        const y0 = firstInside(ky, stride, padding);
        const y1 = endInside(oh, height, ky, stride, padding, y0);
        for (let kx = 0; kx < kw; kx++) {
          const w = weights[wBase + ky * kw + kx];
          const x0 = firstInside(kx, stride, padding);
          const x1 = endInside(ow, width, kx, stride, padding, x0);
          let sum = 0;
          for (let oy = y0; oy < y1; oy++) {
            const row = inBase + (oy * stride - padding + ky) * width - padding + kx;
            const out = base + oy * ow;
            if (inputGradient) {
              for (let ox = x0; ox < x1; ox++) {
                const g = outputGradient[out + ox];
                sum += g * input[row + ox * stride];
                inputGradient[row + ox * stride] += w * g;
              }
            } else {
              for (let ox = x0; ox < x1; ox++) sum += outputGradient[out + ox] * input[row + ox * stride];
            }
          }
          weightGradient[wBase + ky * kw + kx] += sum;
        }
      }
    }
  }
}

/**
 * One output pixel's window, for showing it: writes kernel × input for every tap of
 * filter `filter` at output (row, column) into `products` (channels × kh × kw; 0 where the
 * tap lies on padding, and `inside[i]` 0 there, 1 elsewhere). Returns the products' sum,
 * the output pixel before bias.
 */
export function conv2dWindow(
  shape: Conv2dShape,
  input: Float64Array,
  weights: Float64Array,
  filter: number,
  row: number,
  column: number,
  products: Float64Array,
  inside?: Uint8Array,
): number {
  const { channels, height, width, kernelHeight: kh, kernelWidth: kw, stride, padding } = shape;
  let sum = 0;
  for (let c = 0, i = 0; c < channels; c++) {
    for (let ky = 0; ky < kh; ky++) {
      const y = row * stride - padding + ky;
      for (let kx = 0; kx < kw; kx++, i++) {
        const x = column * stride - padding + kx;
        const on = y >= 0 && y < height && x >= 0 && x < width;
        const product = on ? weights[((filter * channels + c) * kh + ky) * kw + kx] * input[(c * height + y) * width + x] : 0;
        products[i] = product;
        if (inside) inside[i] = on ? 1 : 0;
        sum += product;
      }
    }
  }
  return sum;
}
