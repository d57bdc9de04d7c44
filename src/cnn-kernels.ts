import type { Activation } from './activations.js';
import { type Conv2dShape, conv2dBackward, conv2dForward } from './conv2d.js';
import { type PoolShape, maxPoolForward } from './pool.js';

/** What a Cnn's kernels are made for: its shapes, and the room its buffers take. */
export interface CnnLayout {
  readonly conv: Conv2dShape;
  readonly pool?: PoolShape;
  /** How many doubles and 32-bit integers the network asks `float64()` and `int32()` for, in all. */
  readonly doubles: number;
  readonly ints: number;
}

/**
 * The inner loops a Cnn runs, and the buffers they run on: the JavaScript loops on ordinary
 * arrays (`javascriptCnnKernels`), or the WebAssembly SIMD loops of src/wasm/ on views of
 * their own memory (`loadWasmCnnKernels`). Both add the same products in the same order, so
 * both give the same bits. The loops take buffers from the same kernels' `float64()` and `int32()`.
 */
export interface CnnKernels {
  readonly kind: 'javascript' | 'webassembly';
  /** A zeroed buffer of `length` doubles that the loops can read and write. */
  float64(length: number): Float64Array;
  /** A zeroed buffer of `length` 32-bit integers, likewise. */
  int32(length: number): Int32Array;
  /** conv2dForward for the layout's convolution. */
  convolve(input: Float64Array, weights: Float64Array, bias: Float64Array, output: Float64Array): void;
  /** conv2dBackward for the layout's convolution as a first layer: adds the weights' and biases' gradients, none for the input. */
  convolveBackward(input: Float64Array, weights: Float64Array, outputGradient: Float64Array, weightGradient: Float64Array, biasGradient: Float64Array): void;
  /** The activation's forwardLayer over all of `z` into `y`. */
  activate(activation: Activation, z: Float64Array, y: Float64Array): void;
  /** The activation's backwardLayer over all of `delta`. */
  activateBackward(activation: Activation, z: Float64Array, y: Float64Array, delta: Float64Array): void;
  /** maxPoolForward for the layout's pooling. */
  maxPool(input: Float64Array, output: Float64Array, argmax: Int32Array): void;
  /** denseSums for the layout's dense layer. */
  denseSums(weights: Float64Array, bias: Float64Array, x: Float64Array, z: Float64Array): void;
  /** denseBackward for the layout's dense layer. */
  denseBackward(weights: Float64Array, x: Float64Array, delta: Float64Array, weightGradient: Float64Array, biasGradient: Float64Array, xDelta: Float64Array): void;
}

/** Makes the kernels for one network. */
export type CnnKernelFactory = (layout: CnnLayout) => CnnKernels;

/** A dense layer's sums: z[k] = ((bias[k] + w[k][0]·x[0]) + w[k][1]·x[1]) + …, w row-major with x.length inputs a row. */
export function denseSums(weights: Float64Array, bias: Float64Array, x: Float64Array, z: Float64Array): void {
  const n = x.length;
  for (let k = 0; k < z.length; k++) {
    let sum = bias[k];
    const row = k * n;
    for (let j = 0; j < n; j++) sum += weights[row + j] * x[j];
    z[k] = sum;
  }
}

/**
 * A dense layer's backward pass: for each output k in order, adds delta[k] to biasGradient[k]
 * and delta[k]·x[j] to weightGradient[k][j], and adds w[k][j]·delta[k] to xDelta[j], which it
 * first sets to 0.
 */
export function denseBackward(weights: Float64Array, x: Float64Array, delta: Float64Array, weightGradient: Float64Array, biasGradient: Float64Array, xDelta: Float64Array): void {
  const n = x.length;
  xDelta.fill(0);
  for (let k = 0; k < delta.length; k++) {
    const d = delta[k];
    const row = k * n;
    biasGradient[k] += d;
    for (let j = 0; j < n; j++) {
      weightGradient[row + j] += d * x[j];
      xDelta[j] += weights[row + j] * d;
    }
  }
}

/** The JavaScript kernels: the fallback everywhere. */
export const javascriptCnnKernels: CnnKernelFactory = ({ conv, pool }) => ({
  kind: 'javascript',
  float64: (length) => new Float64Array(length),
  int32: (length) => new Int32Array(length),
  convolve: (input, weights, bias, output) => conv2dForward(conv, input, weights, bias, output),
  convolveBackward: (input, weights, outputGradient, weightGradient, biasGradient) => conv2dBackward(conv, input, weights, outputGradient, null, weightGradient, biasGradient),
  activate: (activation, z, y) => activation.forwardLayer(z, y, 0, z.length),
  activateBackward: (activation, z, y, delta) => activation.backwardLayer(z, y, delta, 0, delta.length),
  maxPool: (input, output, argmax) => maxPoolForward(pool!, input, output, argmax),
  denseSums,
  denseBackward,
});
