/// <reference types="mocha" />
import { expect } from '@open-wc/testing';
import {
  type Data,
  Network,
  Random,
  Trainer,
  type TrainerOptions,
  applyFeatures,
  makeDataset,
  parseFeatures,
  splitData,
} from '../../src/index.js';
import { binaryAccuracy } from './helpers.js';

/**
 * Trains for exactly `epochs` epochs on half the data (split with splitData(data, 0.5, new Random(seed))) and
 * returns the accuracy on the other half, counted here from predict() rather than by Trainer.evaluate.
 */
function testAccuracy(data: Data, layers: number[], net: { activation?: string; outputActivation?: string }, options: TrainerOptions, epochs: number, seed: number) {
  const { train, test } = splitData(data, 0.5, new Random(seed));
  const network = new Network({ layers, ...net, seed });
  const trainer = new Trainer(network, train, options);
  for (let e = 0; e < epochs; e++) trainer.epoch();
  expect(trainer.epochs).to.equal(epochs);
  expect(trainer.diverged).to.equal(false);
  const accuracy = binaryAccuracy((x) => network.predict(x), test.inputs as number[][], test.targets as number[][]);
  // The trainer's own count agrees with ours.
  expect(trainer.evaluate(test).accuracy).to.be.closeTo(accuracy, 1e-12);
  return accuracy;
}

const SGD = { learningRate: 0.03, batchSize: 10 };
const SEEDS = [1, 2, 3];

describe('learning (500 points, noise 0, half for testing; seeds 1..3)', () => {
  it('circle: [2,4,2,1] tanh/sigmoid, SGD lr 0.03, batch 10, 200 epochs → ≥ 95% test accuracy', () => {
    for (const seed of SEEDS) {
      const acc = testAccuracy(makeDataset('circle', { seed }), [2, 4, 2, 1], { activation: 'tanh' }, SGD, 200, seed);
      expect(acc, `seed ${seed}`).to.be.at.least(0.95);
    }
  });

  it('xor: [2,8,4,1] tanh/sigmoid, SGD lr 0.03, batch 10, 200 epochs → ≥ 95% test accuracy', () => {
    for (const seed of SEEDS) {
      const acc = testAccuracy(makeDataset('xor', { seed }), [2, 8, 4, 1], { activation: 'tanh' }, SGD, 200, seed);
      expect(acc, `seed ${seed}`).to.be.at.least(0.95);
    }
  });

  it('gauss: [2,4,2,1] tanh/sigmoid, SGD lr 0.03, batch 10, 20 epochs → ≥ 95% test accuracy', () => {
    for (const seed of SEEDS) {
      const acc = testAccuracy(makeDataset('gauss', { seed }), [2, 4, 2, 1], { activation: 'tanh' }, SGD, 20, seed);
      expect(acc, `seed ${seed}`).to.be.at.least(0.95);
    }
  });

  it('moons: [2,8,8,1] tanh/sigmoid, SGD lr 0.03, batch 10, 100 epochs → ≥ 95% test accuracy', () => {
    for (const seed of SEEDS) {
      const acc = testAccuracy(makeDataset('moons', { seed }), [2, 8, 8, 1], { activation: 'tanh' }, SGD, 100, seed);
      expect(acc, `seed ${seed}`).to.be.at.least(0.95);
    }
  });

  it('spiral: features x1,x2,x1²,x2²,x1x2,sin x1,sin x2 → [7,8,8,1] tanh/sigmoid, Adam lr 0.01, batch 10, 200 epochs → ≥ 95%', () => {
    const picked = parseFeatures(['x1', 'x2', 'x1sq', 'x2sq', 'x1x2', 'sin-x1', 'sin-x2']);
    for (const seed of SEEDS) {
      const points = makeDataset('spiral', { seed });
      const data = { inputs: applyFeatures(points.inputs, picked), targets: points.targets };
      const acc = testAccuracy(data, [7, 8, 8, 1], { activation: 'tanh' }, { optimizer: 'adam', learningRate: 0.01, batchSize: 10 }, 200, seed);
      expect(acc, `seed ${seed}`).to.be.at.least(0.95);
    }
  });

  it('sine (noise-free): [1,10,10,1] tanh/linear, MSE, Adam lr 0.01, batch 10, 200 epochs → test MSE < 0.01', () => {
    for (const seed of SEEDS) {
      const { train, test } = splitData(makeDataset('sine', { seed }), 0.5, new Random(seed));
      const network = new Network({ layers: [1, 10, 10, 1], activation: 'tanh', outputActivation: 'linear', seed });
      const trainer = new Trainer(network, train, { optimizer: 'adam', learningRate: 0.01, batchSize: 10 });
      expect(trainer.loss.name).to.equal('mse');
      const before = trainer.evaluate(test).loss;
      for (let e = 0; e < 200; e++) trainer.epoch();
      // Mean squared error computed here from predict().
      const mse = test.inputs.reduce((s, x, i) => s + (network.predict(x)[0] - test.targets[i][0]) ** 2, 0) / test.inputs.length;
      expect(mse, `seed ${seed}`).to.be.lessThan(0.01);
      expect(mse).to.be.lessThan(before / 10);
      expect(trainer.evaluate(test).loss).to.be.closeTo(mse, 1e-12);
    }
  });

  it('three Gaussian blobs, softmax: [2,8,3] tanh/softmax, cross-entropy, SGD lr 0.03, batch 10, 50 epochs → ≥ 95%', () => {
    const centres = [[-3, -2], [3, -2], [0, 3]];
    for (const seed of SEEDS) {
      const random = new Random(100 + seed);
      const inputs: number[][] = [];
      const labels: number[] = [];
      for (let i = 0; i < 300; i++) {
        const c = i % 3;
        inputs.push([random.normal(centres[c][0], 1), random.normal(centres[c][1], 1)]);
        labels.push(c);
      }
      const targets = labels.map((c) => [0, 1, 2].map((k) => (k === c ? 1 : 0)));
      const { train, test } = splitData({ inputs, targets }, 0.5, new Random(seed));
      const network = new Network({ layers: [2, 8, 3], activation: 'tanh', outputActivation: 'softmax', seed });
      const trainer = new Trainer(network, train, SGD);
      expect(trainer.loss.name).to.equal('cross-entropy');
      for (let e = 0; e < 50; e++) trainer.epoch();
      let correct = 0;
      test.inputs.forEach((x, i) => {
        const p = Array.from(network.predict(x));
        expect(p.reduce((a, b) => a + b, 0)).to.be.closeTo(1, 1e-12);
        if (p.indexOf(Math.max(...p)) === test.targets[i].indexOf(1)) correct++;
      });
      const acc = correct / test.inputs.length;
      expect(acc, `seed ${seed}`).to.be.at.least(0.95);
      expect(trainer.evaluate(test).accuracy).to.be.closeTo(acc, 1e-12);
    }
  });
});
