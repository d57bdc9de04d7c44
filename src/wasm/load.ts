import type { KernelFactory } from '../dense-kernels.js';
import type { CnnKernelFactory } from '../cnn-kernels.js';

/**
 * The fewest weights for which the WebAssembly kernels are worth their memory: measured with
 * bench/wasm-threshold.ts (Node 20). At batch size 10 they are faster from a dozen weights
 * (1.2×; 2-8-8-1: 1.4×, 528 weights: 2.0×, 33,000: 3.3×); one sample at a time, a network
 * with tanh or ReLU hidden layers breaks even at about 80 weights (2-8-8-1: 1.1–1.2×), one
 * whose hidden activation JavaScript applies (sigmoid, say) near 200. Below, the calls and
 * the copy of the weights per batch outweigh the wider arithmetic.
 */
export const WASM_THRESHOLD = 80;

export interface WasmKernelOptions {
  /** The fewest weights a network needs to get the WebAssembly kernels (default WASM_THRESHOLD). */
  threshold?: number;
}

/**
 * Loads the WebAssembly SIMD kernels of the dense layers (a chunk of its own, fetched only
 * when this is called) and resolves to a factory for `TrainerOptions.kernels`, or to
 * undefined where WebAssembly or SIMD is missing or the page's Content-Security-Policy
 * forbids it: the JavaScript kernels stay in use there. Training gives the same numbers on
 * either kernels.
 */
export async function loadWasmKernels(options: WasmKernelOptions = {}): Promise<KernelFactory | undefined> {
  const { compileDenseModule, wasmKernelFactory } = await import('./wasm-kernels.js');
  const module = await compileDenseModule();
  return module && wasmKernelFactory(module, options.threshold ?? WASM_THRESHOLD);
}

/**
 * Loads the WebAssembly SIMD loops of the small CNN (a chunk of its own, fetched only when
 * this is called) and resolves to a factory for `CnnOptions.kernels`, or to undefined where
 * WebAssembly or SIMD is missing or the page's Content-Security-Policy forbids it. The
 * network gives the same numbers on either kernels.
 */
export async function loadWasmCnnKernels(): Promise<CnnKernelFactory | undefined> {
  const { compileCnnModule, wasmCnnKernelFactory } = await import('./wasm-cnn-kernels.js');
  const module = await compileCnnModule();
  return module && wasmCnnKernelFactory(module);
}
