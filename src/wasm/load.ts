import type { KernelFactory } from '../dense-kernels.js';
import type { CnnKernelFactory } from '../cnn-kernels.js';

/**
 * The fewest weights for which the WebAssembly kernels are worth their memory: measured with
 * bench/wasm-threshold.ts (Node 20, batch 10), they are as fast as the JavaScript ones at
 * about 80 weights (2-8-8-1: 1.0×), 1.1× at 136 to 210, 1.2× at 300, 1.4× at 528 and 2.1× at
 * 33,000; below, a copy of the weights per batch and a call per layer and group outweigh the
 * wider arithmetic.
 */
export const WASM_THRESHOLD = 256;

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
  const module = compileDenseModule();
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
  const module = compileCnnModule();
  return module && wasmCnnKernelFactory(module);
}
