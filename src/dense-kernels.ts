import { type GroupBuffers, type SampleBuffers, backwardSamples, forwardSamples } from './kernels.js';
import type { Network } from './network.js';

/**
 * The inner loops Backprop runs, and the buffers they run on, for one network: the
 * JavaScript kernels of kernels.ts on ordinary arrays (`javascriptKernels`), or the
 * WebAssembly SIMD kernels of src/wasm/ on views of their own memory (`loadWasmKernels`).
 * Both add the same products in the same order, so both give the same bits.
 */
export interface DenseKernels {
  readonly kind: 'javascript' | 'webassembly';
  /** The weights and biases the loops read, laid out like the network's `parameters`: its own, or a copy that `load()` refreshes. */
  readonly parameters: Float64Array;
  /** The weights in `parameters`. */
  readonly weights: Float64Array;
  /** The biases in `parameters`. */
  readonly biases: Float64Array;
  /** Where Backprop adds the gradients, laid out like `parameters`. */
  readonly gradients: Float64Array;
  /** Brings `parameters` up to date with the network (before each batch). */
  load(): void;
  /**
   * optimizers.ts's sgd from `gradients`, where these kernels run it themselves: the network's
   * parameters change only when every one comes out finite. Returns whether they did.
   */
  descend?(learningRate: number): boolean;
  /** A zeroed buffer of `length` doubles that the loops can read and write. */
  float64(length: number): Float64Array;
  /** A zeroed buffer of `length` 32-bit integers, likewise. */
  int32(length: number): Int32Array;
  /** Network.forwardFrom through these kernels' weights and biases (after `load()`): the same numbers, in the network's `sums` and `values`. */
  forwardFrom(source: ArrayLike<number>, start: number): Float64Array;
  /** kernels.ts's forwardSamples through these kernels' weights and biases, on buffers they handed out. */
  forwardSamples(buffers: SampleBuffers, stride: number, size: number): void;
  /** kernels.ts's backwardSamples (without dropout) through these kernels' weights, on buffers they handed out. */
  backwardSamples(buffers: GroupBuffers, stride: number, size: number): void;
}

/** Makes the kernels for one network; `group` is the most samples Backprop runs at once. */
export type KernelFactory = (network: Network, group: number) => DenseKernels;

/** The JavaScript kernels: the fallback everywhere, and the faster path for small networks. */
export const javascriptKernels: KernelFactory = (network) => ({
  kind: 'javascript',
  parameters: network.parameters,
  weights: network.weights,
  biases: network.biases,
  gradients: new Float64Array(network.parameters.length),
  load() {},
  float64: (length) => new Float64Array(length),
  int32: (length) => new Int32Array(length),
  forwardFrom: (source, start) => network.forwardFrom(source, start),
  forwardSamples: ({ sums, values }, stride, size) => forwardSamples(network, sums, values, stride, size),
  backwardSamples: (buffers, stride, size) => backwardSamples(network, network.weights, buffers, stride, size),
});
