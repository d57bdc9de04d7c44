// Stands in for src/default-cnn-kernels.ts in the "core on WebAssembly kernels" test group
// (web-test-runner.config.js maps it with an import map): every Cnn the core suite builds
// runs on the WebAssembly SIMD kernels.
import { loadWasmCnnKernels } from '../../../src/wasm/load.js';

const kernels = await loadWasmCnnKernels();
if (!kernels) throw new Error('This browser cannot compile the WebAssembly SIMD kernels, so the WebAssembly group cannot run.');

export const defaultCnnKernels = kernels;
