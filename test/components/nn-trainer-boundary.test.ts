import { expect, fixture, html } from '@open-wc/testing';
import { Network, features as allFeatures } from '../../src/index.js';
import { BoundaryJob } from '../../components/nn-trainer/boundary.js';
import { GridSampler, type Palette, outputPainter } from '../../components/nn-trainer/grid.js';
import type { Session } from '../../components/nn-trainer/session.js';
import { divergingTable } from '../../components/shared/colors.js';
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

  it('a repaint spread over many frames while the network trains is complete and equals one painted at once from the weights it began with', () => {
    const features = ['x1', 'x2', 'x1sq', 'x2sq', 'x1x2', 'sin-x1', 'sin-x2'].map((name) => allFeatures[name]);
    const options = { layers: [7, 8, 8, 8, 8, 8, 8, 1], activation: 'tanh', outputActivation: 'tanh', seed: 9 } as const;
    const network = new Network(options);
    const session = { network, features, kind: 'classification' } as unknown as Session;
    const [negative, neutral, positive] = [{ r: 200, g: 90, b: 20 }, { r: 240, g: 240, b: 240 }, { r: 20, g: 110, b: 200 }];
    const palette: Palette = {
      diverging: divergingTable(negative, neutral, positive),
      background: divergingTable(negative, neutral, positive, 255, 0.45),
      neutral,
      classes: [negative, positive],
    };
    const extent = [-6, 6] as const;
    // A clock that moves 1 ms each time it is read: a chunk of cells "takes" 1 ms, so a
    // frame given 1 ms samples one chunk, whatever the machine's speed.
    let time = 0;
    const job = new BoundaryJob(session, palette, extent, false, () => time++);
    const began = new Network(options);
    // The network trains between frames of the repaint.
    let frames = 1;
    while (!job.play(1)) {
      for (let i = 0; i < network.weights.length; i += 3) network.weights[i] += 0.05;
      frames++;
      expect(frames, 'frames for one repaint').to.be.below(100_000);
    }
    // A chunk is 64 cells at most: the network trained many times during the repaint.
    expect(frames, 'frames the repaint took').to.be.at.least(job.resolution ** 2 / 64);
    expect(frames, 'frames the repaint took').to.be.above(3);
    const resolution = job.resolution;
    const shown = job.finished.getContext('2d')!.getImageData(0, 0, resolution, resolution).data;
    for (let i = 3; i < shown.length; i += 4) expect(shown[i], `alpha of pixel ${(i - 3) / 4}`).to.equal(255);

    const image = new ImageData(resolution, resolution);
    new GridSampler(began, features, extent, resolution, outputPainter(image, began, palette, [-1, 1])).finish();
    const once = new OffscreenCanvas(resolution, resolution).getContext('2d')!;
    once.putImageData(image, 0, 0);
    const expected = once.getImageData(0, 0, resolution, resolution).data;
    let differing = 0;
    for (let i = 0; i < expected.length; i++) if (expected[i] !== shown[i]) differing++;
    expect(differing, `channels that differ from a one-shot paint, of ${expected.length}`).to.equal(0);
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
