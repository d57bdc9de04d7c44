// Stands in for src/default-kernels.ts in the "core on WebAssembly kernels" test group
// (web-test-runner.config.js maps it with an import map): every Backprop the core suite
// builds, of any size, runs on the WebAssembly SIMD kernels.
import { loadWasmKernels } from '../../../src/wasm/load.js';

const kernels = await loadWasmKernels({ threshold: 0 });
if (!kernels) throw new Error('This browser cannot compile the WebAssembly SIMD kernels, so the WebAssembly group cannot run.');

export const defaultKernels = kernels;
