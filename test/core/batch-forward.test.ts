/// <reference types="mocha" />
import { expect } from '@open-wc/testing';
import { BatchForward } from '../../src/batch-forward.js';
import { Network, Random, Trainer, makeDataset } from '../../src/index.js';

/** Largest difference relative to the size of the numbers compared. */
function relativeGap(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let gap = 0;
  for (let i = 0; i < a.length; i++) gap = Math.max(gap, Math.abs(a[i] - b[i]) / Math.max(1, Math.abs(b[i])));
  return gap;
}

describe('BatchForward: many forward passes at once', () => {
  const shapes = [
    { layers: [2, 8, 8, 1], activation: 'tanh', outputActivation: 'sigmoid' },
    { layers: [7, 8, 8, 8, 8, 8, 8, 1], activation: 'tanh', outputActivation: 'tanh' },
    { layers: [5, 9, 3], activation: 'relu', outputActivation: 'softmax' },
    { layers: [3, 1], activation: 'tanh', outputActivation: 'linear' },
  ];
  for (const shape of shapes) {
    for (const count of [1, 3, 4, 7, 64]) {
      it(`${shape.layers.join('-')} ${shape.activation}/${shape.outputActivation}, ${count} samples: every neuron as forwardFrom computes it`, () => {
        const network = new Network({ ...shape, seed: 5 });
        const batch = new BatchForward(network, 64);
        const random = new Random(9);
        const inputs = Array.from({ length: count }, () => Array.from({ length: network.inputSize }, () => random.uniform(-3, 3)));
        inputs.forEach((input, g) => batch.values.set(input, g * batch.stride));
        const before = Array.from(network.values);
        batch.run(count);
        expect(Array.from(network.values), "the network's own buffers are left alone").to.deep.equal(before);
        for (let g = 0; g < count; g++) {
          network.forwardFrom(inputs[g]);
          const mine = batch.values.subarray(g * batch.stride, (g + 1) * batch.stride);
          // Only the order in which each weighted sum is added up differs.
          expect(relativeGap(mine, network.values), `sample ${g}`).to.be.below(1e-13);
          expect(batch.outputAt(g)).to.equal(g * batch.stride + network.neuronOffset[network.depth]);
        }
      });
    }
  }

  it('capacity is rounded up to a multiple of four, and a run never goes past it', () => {
    const network = new Network({ layers: [2, 3, 1], seed: 1 });
    const batch = new BatchForward(network, 5);
    expect(batch.capacity).to.equal(8);
    expect(batch.values.length).to.equal(8 * batch.stride);
    expect(() => batch.run(100)).not.to.throw();
  });
});

describe('Trainer: the loss before training', () => {
  const spiral = makeDataset('spiral', { samples: 200, seed: 2 });

  it('a divergence reports the loss of the weights training started from, also when they were changed after an evaluation', () => {
    const changed = (network: Network) => network.weights.forEach((w, i) => (network.weights[i] = 1.5 * w));
    const reference = new Network({ layers: [2, 8, 8, 1], seed: 3 });
    changed(reference);
    const expected = new Trainer(reference, spiral, { learningRate: 1000 }).evaluate().loss;

    const network = new Network({ layers: [2, 8, 8, 1], seed: 3 });
    const trainer = new Trainer(network, spiral, { learningRate: 1000 });
    const before = trainer.evaluate().loss;
    changed(network);
    expect(before).not.to.be.closeTo(expected, 1e-6);
    while (!trainer.diverged && trainer.epochs < 200) trainer.epoch();
    expect(trainer.divergence?.kind).to.equal('growth');
    expect(trainer.divergence!.startLoss).to.equal(expected);
  });
});
