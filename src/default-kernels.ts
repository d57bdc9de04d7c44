/**
 * The kernels a Backprop runs when it is given none: the JavaScript ones. The WebAssembly
 * test group (web-test-runner.config.js) maps this module to test/core/wasm/default-kernels.ts
 * to run every core test on the WebAssembly kernels instead.
 */
export { javascriptKernels as defaultKernels } from './dense-kernels.js';
