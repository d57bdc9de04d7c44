import type { KernelFactory } from '../dense-kernels.js';
import type { CnnKernelFactory } from '../cnn-kernels.js';

/**
 * The fewest weights for which the WebAssembly kernels are worth their memory: measured with
 * bench/wasm-threshold.ts (Node 20). From 12 weights they break even one sample at a time
 * (2-4-1: 1.0–1.2×) and win at batch size 10 (1.2–1.4×), and they pull ahead as networks grow
 * (2-8-8-1: 1.5–1.8×; 528 weights: 2.0–3.0×; 32,896: 3.8–4.3×). Below, one sample at a
 * time, the calls and the copies of the parameters outweigh the wider arithmetic (1-1 and
 * 2-1: 0.75–0.8×).
 */
export const WASM_THRESHOLD = 12;

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
