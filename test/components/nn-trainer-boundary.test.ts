import { expect, fixture, html } from '@open-wc/testing';
import { Network, features as allFeatures } from '../../src/index.js';
import { GridSampler } from '../../components/nn-trainer/grid.js';
import '../../components/nn-trainer/nn-trainer.js';
import type { NnTrainer } from '../../components/nn-trainer/nn-trainer.js';

const nativeFrame = window.requestAnimationFrame.bind(window);
const nextFrame = () => new Promise((resolve) => nativeFrame(resolve));

describe('<nn-trainer> decision boundary', () => {
  it('samples every cell once, top row first, at its centre through the features, as the network computes it', () => {
    const features = ['x1', 'x2', 'x1sq', 'x2sq', 'x1x2', 'sin-x1', 'sin-x2'].map((name) => allFeatures[name]);
    const network = new Network({ layers: [7, 8, 8, 8, 1], activation: 'tanh', outputActivation: 'tanh', seed: 4 });
    const resolution = 5;
    const visited: number[] = [];
    const outputs: number[] = [];
    const out = network.neuronOffset[network.depth];
    const sampler = new GridSampler(network, features, [-6, 6], resolution, (cell, values, at) => {
      visited.push(cell);
      outputs.push(values[at + out]);
    });
    sampler.sample(3);
    expect(visited).to.deep.equal([0, 1, 2]);
    sampler.finish();
    expect(sampler.done).to.equal(true);
    expect(visited).to.deep.equal(Array.from({ length: resolution * resolution }, (_, i) => i));
    const step = 12 / resolution;
    for (let cell = 0; cell < visited.length; cell++) {
      const row = Math.floor(cell / resolution);
      const x1 = -6 + (cell - row * resolution + 0.5) * step;
      const x2 = 6 - (row + 0.5) * step;
      const [expected] = network.predict(features.map((feature) => feature.f(x1, x2)));
      expect(Math.abs(outputs[cell] - expected), `cell ${cell}`).to.be.below(1e-13);
    }
  });

  it('a paused trainer draws its boundary at once, then asks for no more frames once it is refined', async () => {
    const el = await fixture<NnTrainer>(html`<nn-trainer data="xor" show="boundary"></nn-trainer>`);
    el.stepEpoch();
    await el.updateComplete;
    const canvas = el.shadowRoot!.querySelector<HTMLCanvasElement>('canvas.boundary')!;
    const { data } = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height);
    let opaque = 0;
    for (let i = 3; i < data.length; i += 4) if (data[i] === 255) opaque++;
    expect(opaque / (data.length / 4), 'share of the canvas painted right after a step').to.be.above(0.95);

    let requested = 0;
    const counting = (callback: FrameRequestCallback) => {
      requested++;
      return nativeFrame(callback);
    };
    window.requestAnimationFrame = counting;
    try {
      // Refining takes a few frames at most for a small network; then the page is left alone.
      for (let i = 0; i < 120; i++) await nextFrame();
      requested = 0;
      for (let i = 0; i < 20; i++) await nextFrame();
      expect(requested, 'frames asked for by a settled, paused trainer').to.equal(0);
    } finally {
      window.requestAnimationFrame = nativeFrame;
    }
  });

  it('while playing, the boundary keeps following the network', async () => {
    const el = await fixture<NnTrainer>(html`<nn-trainer data="xor" show="boundary" learning-rate="0.3"></nn-trainer>`);
    const canvas = el.shadowRoot!.querySelector<HTMLCanvasElement>('canvas.boundary')!;
    const picture = () => Array.from(canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data);
    const before = picture();
    el.play();
    let changed = false;
    for (let i = 0; i < 120 && !changed; i++) {
      await nextFrame();
      changed = picture().some((value, j) => value !== before[j]);
    }
    el.pause();
    expect(changed, 'the boundary was redrawn while training played').to.equal(true);
  });
});
