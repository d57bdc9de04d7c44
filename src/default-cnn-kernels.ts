/**
 * The kernels a Cnn runs when it is given none: the JavaScript ones. The WebAssembly test
 * group (web-test-runner.config.js) maps this module to test/core/wasm/default-cnn-kernels.ts
 * to run every core test on the WebAssembly kernels instead.
 */
export { javascriptCnnKernels as defaultCnnKernels } from './cnn-kernels.js';
