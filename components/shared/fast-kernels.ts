import { type Trainer, WASM_THRESHOLD, loadWasmKernels } from '../../src/index.js';

/**
 * Moves a trainer whose network is large enough onto the WebAssembly SIMD kernels once they
 * have loaded (a chunk of its own, fetched only for such a network): the same numbers,
 * sooner. Where WebAssembly is missing or the page's policy forbids it, the trainer keeps
 * the JavaScript kernels. `current` says whether the trainer is still in use when they arrive.
 */
export function speedUp(trainer: Trainer, current: () => boolean): void {
  if (trainer.network.weights.length < WASM_THRESHOLD) return;
  void loadWasmKernels().then((kernels) => {
    if (kernels && current() && trainer.kernels === 'javascript') trainer.useKernels(kernels);
  });
}
