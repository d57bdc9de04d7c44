import { type GroupBuffers, backwardSamples, forwardSamples } from './kernels.js';
import type { Network } from './network.js';

/**
 * The inner loops Backprop runs, and the buffers they run on, for one network: the
 * JavaScript kernels of kernels.ts on ordinary arrays (`javascriptKernels`), or the
 * WebAssembly SIMD kernels of src/wasm/ on views of their own memory (`loadWasmKernels`).
 * Both add the same products in the same order, so both give the same bits.
 */
export interface DenseKernels {
  readonly kind: 'javascript' | 'webassembly';
  /** The weights the loops read: the network's own, or a copy that `load()` refreshes. */
  readonly weights: Float64Array;
  /** The biases the loops read, likewise. */
  readonly biases: Float64Array;
  /** Brings `weights` and `biases` up to date with the network (before each batch). */
  load(): void;
  /** A zeroed buffer of `length` doubles that the loops can read and write. */
  float64(length: number): Float64Array;
  /** A zeroed buffer of `length` 32-bit integers, likewise. */
  int32(length: number): Int32Array;
  /** Network.forwardFrom through these kernels' weights and biases (after `load()`): the same numbers, in the network's `sums` and `values`. */
  forwardFrom(source: ArrayLike<number>, start: number): Float64Array;
  /** kernels.ts's forwardSamples through these kernels' weights and biases. */
  forwardSamples(sums: Float64Array, values: Float64Array, stride: number, size: number): void;
  /** kernels.ts's backwardSamples (without dropout) through these kernels' weights, on buffers they handed out. */
  backwardSamples(buffers: GroupBuffers, stride: number, size: number): void;
}

/** Makes the kernels for one network; `group` is the most samples Backprop runs at once. */
export type KernelFactory = (network: Network, group: number) => DenseKernels;

/** The JavaScript kernels: the fallback everywhere, and the faster path for small networks. */
export const javascriptKernels: KernelFactory = (network) => ({
  kind: 'javascript',
  weights: network.weights,
  biases: network.biases,
  load() {},
  float64: (length) => new Float64Array(length),
  int32: (length) => new Int32Array(length),
  forwardFrom: (source, start) => network.forwardFrom(source, start),
  forwardSamples: (sums, values, stride, size) => forwardSamples(network, sums, values, stride, size),
  backwardSamples: (buffers, stride, size) => backwardSamples(network, network.weights, buffers, stride, size),
});
