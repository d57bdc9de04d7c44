// A trainer whose network is large enough moves onto the WebAssembly SIMD kernels once they
// have loaded, and the reader sees the same numbers as on the JavaScript kernels; a small
// network never fetches them.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../components/nn-trainer/nn-trainer.js';
import type { NnTrainer } from '../../components/nn-trainer/nn-trainer.js';
import { javascriptKernels } from '../../src/dense-kernels.js';
import { WASM_THRESHOLD } from '../../src/index.js';

const bits = (values: Float64Array) => Array.from(new BigUint64Array(Float64Array.from(values).buffer), String);

describe('<nn-trainer> on the WebAssembly kernels', function () {
  this.timeout(60_000);

  it('trains a large network on them, to the same weights and losses as on the JavaScript kernels', async () => {
    const template = html`<nn-trainer data="spiral" samples="200" hidden-layers="16, 16" show="loss" controls="play, reset"></nn-trainer>`;
    const fast = await fixture<NnTrainer>(template);
    const plain = await fixture<NnTrainer>(template);
    expect(fast.network!.weights.length).to.be.at.least(WASM_THRESHOLD);
    await waitUntil(() => fast.trainer?.kernels === 'webassembly' && plain.trainer?.kernels === 'webassembly', 'both move to WebAssembly', { timeout: 10_000 });
    plain.trainer!.useKernels(javascriptKernels);
    expect(plain.trainer!.kernels).to.equal('javascript');
    for (let epoch = 0; epoch < 20; epoch++) {
      fast.stepEpoch();
      plain.stepEpoch();
    }
    await Promise.all([fast.updateComplete, plain.updateComplete]);
    expect(fast.epoch).to.equal(20);
    expect(bits(fast.network!.weights)).to.deep.equal(bits(plain.network!.weights));
    expect(fast.testLoss).to.equal(plain.testLoss);
    expect(fast.trainLoss).to.equal(plain.trainLoss);
  });

  it('keeps a small network on JavaScript, and a new run of a large one moves again after Reset', async () => {
    const small = await fixture<NnTrainer>(html`<nn-trainer samples="60" hidden-layers="4" show="loss"></nn-trainer>`);
    const large = await fixture<NnTrainer>(html`<nn-trainer samples="60" hidden-layers="16, 16" show="loss" controls="play, reset"></nn-trainer>`);
    await waitUntil(() => large.trainer?.kernels === 'webassembly', 'the large network moves', { timeout: 10_000 });
    expect(small.network!.weights.length).to.be.below(WASM_THRESHOLD);
    expect(small.trainer!.kernels).to.equal('javascript');
    const first = large.trainer;
    large.shadowRoot!.querySelector<HTMLButtonElement>('button.reset')!.click();
    await large.updateComplete;
    expect(large.trainer).to.not.equal(first);
    await waitUntil(() => large.trainer?.kernels === 'webassembly', 'the new run moves too', { timeout: 10_000 });
  });
});
