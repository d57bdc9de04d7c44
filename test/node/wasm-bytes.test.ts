// The WebAssembly kernels' binaries (src/wasm/*-bytes.ts, committed) are what
// scripts/build-wasm.mjs makes from their text (src/wasm/*.wat), and they load in Node:
// a change to a text without a rebuild fails here.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Cnn, Network } from '../../src/index.js';
import { Backprop } from '../../src/backprop.js';
import { loadWasmCnnKernels, loadWasmKernels } from '../../src/wasm/load.js';
import { CNN_WASM } from '../../src/wasm/cnn-bytes.js';
import { DENSE_WASM } from '../../src/wasm/dense-bytes.js';
// @ts-expect-error: a plain script without type declarations
import { MODULES, generate } from '../../scripts/build-wasm.mjs';

const binaries: Record<string, string> = { DENSE_WASM, CNN_WASM };

describe('WebAssembly kernels build', () => {
  for (const entry of MODULES as { text: string; module: string; constant: string }[]) {
    it(`src/wasm/${entry.module} is up to date with src/wasm/${entry.text}`, async () => {
      const expected: string = await generate(entry);
      assert.ok(expected.includes(`'${binaries[entry.constant]}'`), `src/wasm/${entry.module} is out of date: run node scripts/build-wasm.mjs`);
    });
  }

  it('loads in Node and runs a large network on WebAssembly', async () => {
    const kernels = await loadWasmKernels();
    assert.ok(kernels, 'Node 20 has WebAssembly SIMD');
    const network = new Network({ layers: [64, 32, 4], activation: 'relu', outputActivation: 'softmax' });
    assert.equal(new Backprop(network, undefined, kernels).kernels.kind, 'webassembly');
  });

  it('loads in Node and runs a CNN on WebAssembly', async () => {
    const kernels = await loadWasmCnnKernels();
    assert.ok(kernels, 'Node 20 has WebAssembly SIMD');
    const cnn = new Cnn({ height: 8, width: 8, classes: 10, kernels });
    const plain = new Cnn({ height: 8, width: 8, classes: 10 });
    assert.equal(cnn.kernelKind, 'webassembly');
    assert.equal(plain.kernelKind, 'javascript');
    const image = Float64Array.from({ length: 64 }, (_, i) => (i % 7) / 6);
    assert.deepEqual(Array.from(cnn.forward(image)), Array.from(plain.forward(image)));
  });
});
