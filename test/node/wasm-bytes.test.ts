// The WebAssembly kernels' binary (src/wasm/dense-bytes.ts, committed) is what
// scripts/build-wasm.mjs makes from their text (src/wasm/dense.wat), and it loads in Node:
// a change to the text without a rebuild fails here.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Network } from '../../src/index.js';
import { Backprop } from '../../src/backprop.js';
import { loadWasmKernels } from '../../src/wasm/load.js';
import { DENSE_WASM } from '../../src/wasm/dense-bytes.js';
// @ts-expect-error: a plain script without type declarations
import { generate } from '../../scripts/build-wasm.mjs';

describe('WebAssembly kernels build', () => {
  it('src/wasm/dense-bytes.ts is up to date with src/wasm/dense.wat', async () => {
    const expected: string = await generate();
    assert.ok(expected.includes(`'${DENSE_WASM}'`), 'src/wasm/dense-bytes.ts is out of date: run node scripts/build-wasm.mjs');
  });

  it('stays small enough to compile synchronously on a page (Chromium allows 4 kB there)', () => {
    assert.ok(Buffer.from(DENSE_WASM, 'base64').length < 4096);
  });

  it('loads in Node and runs a large network on WebAssembly', async () => {
    const kernels = await loadWasmKernels();
    assert.ok(kernels, 'Node 20 has WebAssembly SIMD');
    const network = new Network({ layers: [64, 32, 4], activation: 'relu', outputActivation: 'softmax' });
    assert.equal(new Backprop(network, undefined, kernels).kernels.kind, 'webassembly');
  });
});
