import { NnKitError } from './errors.js';
import { checkSide, convOutputSize } from './conv2d.js';

/** The kinds of pooling: the largest value of each window, or their mean. */
export const POOL_KINDS = ['max', 'average'] as const;
export type PoolKind = (typeof POOL_KINDS)[number];

/**
 * A pooling's shapes: windows of size × size moving `stride` pixels at a time, without
 * padding (TensorFlow's "valid"), over each channel of a (channel, row, column) image.
 */
export interface PoolShape {
  readonly channels: number;
  readonly height: number;
  readonly width: number;
  readonly size: number;
  readonly stride: number;
  readonly outHeight: number;
  readonly outWidth: number;
}

/** Checks a pooling's sizes (stride defaults to the window's size) and works out its output's. */
export function poolShape(spec: { channels?: number; height: number; width: number; size: number; stride?: number }): PoolShape {
  const channels = checkSide(spec.channels ?? 1, 'channels');
  const height = checkSide(spec.height, 'The feature map height');
  const width = checkSide(spec.width, 'The feature map width');
  const size = checkSide(spec.size, 'pool-size');
  const stride = checkSide(spec.stride ?? size, 'The pooling stride');
  const outHeight = convOutputSize(height, size, stride, 0);
  const outWidth = convOutputSize(width, size, stride, 0);
  if (outHeight < 1 || outWidth < 1) {
    throw new NnKitError(`A ${size}×${size} pooling window does not fit in a ${height}×${width} feature map; use a pool-size of at most ${Math.min(height, width)}.`);
  }
  return { channels, height, width, size, stride, outHeight, outWidth };
}

/** Max pooling: writes each window's largest value into `output` and its input index into `argmax` (for the backward pass). */
export function maxPoolForward(shape: PoolShape, input: Float64Array, output: Float64Array, argmax: Int32Array): Float64Array {
  const { channels, height, width, size, stride, outHeight, outWidth } = shape;
  for (let c = 0, o = 0; c < channels; c++) {
    const base = c * height * width;
    for (let oy = 0; oy < outHeight; oy++) {
      for (let ox = 0; ox < outWidth; ox++, o++) {
        let best = base + oy * stride * width + ox * stride;
        let max = input[best];
        for (let ky = 0; ky < size; ky++) {
          const row = base + (oy * stride + ky) * width + ox * stride;
          for (let kx = 0; kx < size; kx++) {
            const v = input[row + kx];
            // A NaN wins, so it shows rather than hides.
            if (v > max || v !== v) {
              max = v;
              best = row + kx;
            }
          }
        }
        output[o] = max;
        argmax[o] = best;
      }
    }
  }
  return output;
}

/** Max pooling's backward pass: each window's gradient goes to the input that won it. Writes `inputGradient`. */
export function maxPoolBackward(shape: PoolShape, outputGradient: Float64Array, argmax: Int32Array, inputGradient: Float64Array): void {
  const { channels, height, width, outHeight, outWidth } = shape;
  inputGradient.fill(0, 0, channels * height * width);
  const count = channels * outHeight * outWidth;
  for (let o = 0; o < count; o++) inputGradient[argmax[o]] += outputGradient[o];
}

/** Average pooling: writes each window's mean into `output`. */
export function averagePoolForward(shape: PoolShape, input: Float64Array, output: Float64Array): Float64Array {
  const { channels, height, width, size, stride, outHeight, outWidth } = shape;
  const scale = 1 / (size * size);
  for (let c = 0, o = 0; c < channels; c++) {
    const base = c * height * width;
    for (let oy = 0; oy < outHeight; oy++) {
      for (let ox = 0; ox < outWidth; ox++, o++) {
        let sum = 0;
        for (let ky = 0; ky < size; ky++) {
          const row = base + (oy * stride + ky) * width + ox * stride;
          for (let kx = 0; kx < size; kx++) sum += input[row + kx];
        }
        output[o] = sum * scale;
      }
    }
  }
  return output;
}

/** Average pooling's backward pass: each window's gradient is shared equally by its inputs. Writes `inputGradient`. */
export function averagePoolBackward(shape: PoolShape, outputGradient: Float64Array, inputGradient: Float64Array): void {
  const { channels, height, width, size, stride, outHeight, outWidth } = shape;
  const scale = 1 / (size * size);
  inputGradient.fill(0, 0, channels * height * width);
  for (let c = 0, o = 0; c < channels; c++) {
    const base = c * height * width;
    for (let oy = 0; oy < outHeight; oy++) {
      for (let ox = 0; ox < outWidth; ox++, o++) {
        const g = outputGradient[o] * scale;
        for (let ky = 0; ky < size; ky++) {
          const row = base + (oy * stride + ky) * width + ox * stride;
          for (let kx = 0; kx < size; kx++) inputGradient[row + kx] += g;
        }
      }
    }
  }
}
