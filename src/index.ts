/**
 * nn-kit's core engine: networks, activations, losses, optimizers, datasets, a
 * trainer, and gradient descent on loss surfaces of two parameters. Plain TypeScript
 * with no DOM: it runs in a page, a worker and Node.
 */
export * from './dense.js';
export * from './batch-forward.js';
export * from './loss-surfaces.js';
export * from './attention.js';
export * from './walkthrough.js';
export * from './convolution.js';
export * from './recurrence.js';
export * from './handwriting.js';
export * from './inspect.js';
export { type DenseKernels, type KernelFactory, javascriptKernels } from './dense-kernels.js';
export { WASM_THRESHOLD, type WasmKernelOptions, loadWasmCnnKernels, loadWasmKernels } from './wasm/load.js';
