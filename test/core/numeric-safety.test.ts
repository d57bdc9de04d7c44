/// <reference types="mocha" />
import { expect } from '@open-wc/testing';
import { Network, Trainer, activations, makeDataset, scalarActivationNames } from '../../src/index.js';

const HIDDEN = scalarActivationNames.filter((name) => activations[name].trainable);
/** Output activation and the losses that make sense with it. */
const PAIRINGS: [string, string[]][] = [
  ['sigmoid', ['mse', 'binary-cross-entropy', 'cross-entropy']],
  ['softmax', ['mse', 'cross-entropy']],
  ['tanh', ['mse']],
  ['linear', ['mse']],
  ['relu', ['mse']],
];
const RATES = [0.03, 3, 1e3, 1e8];

describe('numeric safety', () => {
  it('never leaves a non-finite weight, whatever the learning rate, activation and loss, and flags divergence', () => {
    const data = makeDataset('circle', { samples: 60, seed: 4 });
    const twoClass = { inputs: data.inputs, targets: data.targets.map(([t]) => [t, 1 - t]) };
    for (const hidden of HIDDEN) {
      for (const [output, lossNames] of PAIRINGS) {
        for (const loss of lossNames) {
          for (const learningRate of RATES) {
            const width = output === 'softmax' ? 2 : 1;
            const net = new Network({ layers: [2, 6, width], activation: hidden, outputActivation: output, seed: 3 });
            const trainer = new Trainer(net, width === 2 ? twoClass : data, { loss, learningRate, batchSize: 5 });
            for (let step = 0; step < 150 && !trainer.diverged; step++) trainer.step();
            const where = `${hidden}/${output}/${loss} at ${learningRate}`;
            expect(Array.from(net.weights).every(Number.isFinite), `${where}: weights`).to.equal(true);
            expect(Array.from(net.biases).every(Number.isFinite), `${where}: biases`).to.equal(true);
            const { loss: value } = trainer.evaluate();
            // Either the run is still sound, or it says it is not: never silent garbage.
            expect(Number.isFinite(value) || trainer.diverged, `${where}: loss ${value}`).to.equal(true);
          }
        }
      }
    }
  });

  it('stays finite over 100,000 steps at the defaults (circle, 2-4-2-1 tanh/sigmoid, lr 0.03, batch 10)', () => {
    const net = new Network({ layers: [2, 4, 2, 1], seed: 1 });
    const trainer = new Trainer(net, makeDataset('circle', { seed: 1 }));
    for (let step = 0; step < 100_000; step++) trainer.step();
    expect(trainer.diverged).to.equal(false);
    expect(trainer.steps).to.equal(100_000);
    expect(Array.from(net.weights).every(Number.isFinite)).to.equal(true);
    expect(Number.isFinite(trainer.evaluate().loss)).to.equal(true);
    expect(trainer.evaluate().accuracy).to.be.greaterThan(0.95);
  });
});
