/// <reference types="mocha" />
import { expect } from '@open-wc/testing';
import { DIVERGENCE, Network, Trainer, makeDataset } from '../../src/index.js';

describe('Trainer: divergence with finite numbers', () => {
  const spiral = makeDataset('spiral', { samples: 200, seed: 2 });

  for (const optimizer of ['sgd', 'momentum', 'adam']) {
    it(`${optimizer} at learning rate 1000 on the spiral: flagged once the loss stays ${DIVERGENCE.factor}× above its start`, () => {
      const network = new Network({ layers: [2, 8, 8, 1], seed: 3 });
      const trainer = new Trainer(network, spiral, { optimizer, learningRate: 1000 });
      const start = trainer.evaluate().loss;
      const losses: number[] = [];
      while (!trainer.diverged && trainer.epochs < 200) losses.push(trainer.epoch());
      expect(trainer.diverged, `epoch losses ${losses.slice(-3).join(', ')}`).to.equal(true);
      expect(trainer.divergence).to.include({ kind: 'growth', cause: 'learning-rate' });
      expect(trainer.divergence!.startLoss).to.be.closeTo(start, 1e-12);
      expect(trainer.divergence!.loss).to.be.above(DIVERGENCE.factor * start);
      // Every number stayed finite: the old test (a non-finite loss) could not see this run.
      expect(Array.from(network.weights).every(Number.isFinite)).to.equal(true);
      expect(losses.slice(-DIVERGENCE.epochs).every((loss) => loss > DIVERGENCE.factor * start)).to.equal(true);
      // Once diverged, a step changes nothing.
      const weights = Array.from(network.weights);
      expect(Number.isNaN(trainer.step())).to.equal(true);
      expect(Array.from(network.weights)).to.deep.equal(weights);
    });
  }

  it('a run that learns is never flagged, though its loss moves about', () => {
    const network = new Network({ layers: [2, 8, 8, 1], seed: 3 });
    const trainer = new Trainer(network, spiral, { optimizer: 'adam', learningRate: 0.03 });
    for (let epoch = 0; epoch < 100; epoch++) trainer.epoch();
    expect(trainer.diverged).to.equal(false);
    expect(trainer.divergence).to.equal(undefined);
  });

  it('names the regularization rate when the penalty step alone overshoots (L2 at rate 1000), else the learning rate', () => {
    const circle = makeDataset('circle', { samples: 200, seed: 1 });
    const run = (options: ConstructorParameters<typeof Trainer>[2]) => {
      const trainer = new Trainer(new Network({ layers: [2, 4, 2, 1], seed: 1 }), circle, options);
      while (!trainer.diverged && trainer.epochs < 200) trainer.epoch();
      return trainer;
    };
    for (const regularization of ['l1', 'l2']) {
      const trainer = run({ learningRate: 0.03, regularization, regularizationRate: 1000 });
      expect(trainer.diverged, regularization).to.equal(true);
      expect(trainer.divergence!.cause, regularization).to.equal('regularization-rate');
    }
    const plain = run({ learningRate: 1000, regularization: 'l2', regularizationRate: 0.0001 });
    expect(plain.diverged).to.equal(true);
    expect(plain.divergence!.cause).to.equal('learning-rate');
  });
});
