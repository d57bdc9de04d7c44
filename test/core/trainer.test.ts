/// <reference types="mocha" />
import { expect } from '@open-wc/testing';
import { Network, Trainer, makeDataset } from '../../src/index.js';
import { allFinite, expectNnKitError } from './helpers.js';

const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

describe('Trainer', () => {
  describe('evaluate', () => {
    it('counts accuracy and mean BCE on a hand-made single-output case', () => {
      const network = new Network({ layers: [1, 1], outputActivation: 'sigmoid' });
      network.weights[0] = 1;
      network.biases[0] = 0;
      const data = { inputs: [[2], [-1], [3], [-2]], targets: [[1], [1], [0], [0]] };
      const trainer = new Trainer(network, data);
      expect(trainer.task).to.equal('classification');
      expect(trainer.loss.name).to.equal('binary-cross-entropy');
      // σ(2) > ½ right; σ(−1) < ½ wrong; σ(3) > ½ wrong; σ(−2) < ½ right.
      const expectedLoss =
        (-Math.log(sigmoid(2)) - Math.log(sigmoid(-1)) - Math.log(1 - sigmoid(3)) - Math.log(1 - sigmoid(-2))) / 4;
      const result = trainer.evaluate();
      expect(result.accuracy).to.equal(0.5);
      expect(result.loss).to.be.closeTo(expectedLoss, 1e-14);
      // Other data, passed in: all four right.
      const other = { inputs: [[1], [4], [-3], [-0.5]], targets: [[1], [1], [0], [0]] };
      expect(trainer.evaluate(other).accuracy).to.equal(1);
      // Evaluating does not change the weights.
      expect(network.weights[0]).to.equal(1);
    });

    it('uses the arg-max for several outputs (softmax / cross-entropy)', () => {
      const network = new Network({ layers: [2, 3], outputActivation: 'softmax' });
      // Output j = input·row j: identity on the first two classes, class 2 gets (x1 + x2)/2.
      network.weights.set([1, 0, 0, 1, 0.5, 0.5]);
      network.biases.fill(0);
      const data = {
        inputs: [[3, 0], [0, 3], [2, 2.5], [3, 0], [0, 1]],
        targets: [[1, 0, 0], [0, 1, 0], [0, 0, 1], [0, 0, 1], [1, 0, 0]],
      };
      const trainer = new Trainer(network, data);
      expect(trainer.loss.name).to.equal('cross-entropy');
      // z rows: (3, 0, 1.5), (0, 3, 1.5), (2, 2.5, 2.25), (3, 0, 1.5), (0, 1, 0.5)
      // arg-maxes 0, 1, 1, 0, 1 vs classes 0, 1, 2, 2, 0 → right, right, wrong, wrong, wrong.
      expect(trainer.evaluate().accuracy).to.equal(0.4);
      const softmax = (z: number[]) => z.map((v) => Math.exp(v) / z.reduce((s, u) => s + Math.exp(u), 0));
      const ps = [softmax([3, 0, 1.5])[0], softmax([0, 3, 1.5])[1], softmax([2, 2.5, 2.25])[2], softmax([3, 0, 1.5])[2], softmax([0, 1, 0.5])[0]];
      expect(trainer.evaluate().loss).to.be.closeTo(-ps.reduce((s, p) => s + Math.log(p), 0) / 5, 1e-14);
    });

    it('confusion counts true class against predicted class (the same hand-made softmax case)', () => {
      const network = new Network({ layers: [2, 3], outputActivation: 'softmax' });
      network.weights.set([1, 0, 0, 1, 0.5, 0.5]);
      network.biases.fill(0);
      const data = {
        inputs: [[3, 0], [0, 3], [2, 2.5], [3, 0], [0, 1]],
        targets: [[1, 0, 0], [0, 1, 0], [0, 0, 1], [0, 0, 1], [1, 0, 0]],
      };
      // True classes 0, 1, 2, 2, 0 predicted as 0, 1, 1, 0, 1 (the arg-maxes worked out above).
      expect(new Trainer(network, data).confusion()).to.deep.equal([
        [1, 1, 0],
        [0, 1, 0],
        [1, 1, 0],
      ]);
    });

    it('confusion with one sigmoid output has classes 0 and 1, and its diagonal is the accuracy', () => {
      const network = new Network({ layers: [1, 1], outputActivation: 'sigmoid' });
      network.weights[0] = 1;
      network.biases[0] = 0;
      const trainer = new Trainer(network, { inputs: [[2], [-1], [3], [-2]], targets: [[1], [1], [0], [0]] });
      // σ(2) → 1 for class 1; σ(−1) → 0 for class 1; σ(3) → 1 for class 0; σ(−2) → 0 for class 0.
      expect(trainer.confusion()).to.deep.equal([
        [1, 1],
        [1, 1],
      ]);
    });

    it('tanh output, classification, 0/1 targets: an output of −0.9 for target 0 is right, +0.9 for target 0 is wrong', () => {
      const network = new Network({ layers: [1, 1], outputActivation: 'tanh' });
      network.weights[0] = 1;
      network.biases[0] = 0;
      const x = Math.atanh(0.9);
      // outputs +0.9, −0.9, −0.9, +0.9 for targets 1, 0, 0, 0: whatever the decision line in (−0.9, 0.9),
      // the first three are right and the last is wrong.
      const data = { inputs: [[x], [-x], [-x], [x]], targets: [[1], [0], [0], [0]] };
      const trainer = new Trainer(network, data, { task: 'classification', loss: 'mse' });
      expect(trainer.evaluate().accuracy).to.equal(0.75);
      // With −1/1 targets the same outputs are scored the same way.
      const signed = { inputs: data.inputs, targets: [[1], [-1], [-1], [-1]] };
      expect(trainer.evaluate(signed).accuracy).to.equal(0.75);
    });

    it('regression reports loss only (MSE by hand)', () => {
      const network = new Network({ layers: [1, 1], outputActivation: 'linear' });
      network.weights[0] = 2;
      network.biases[0] = -1;
      const trainer = new Trainer(network, { inputs: [[0], [1], [2]], targets: [[0], [0], [5]] });
      expect(trainer.task).to.equal('regression');
      // outputs −1, 1, 3 → squared errors 1, 1, 4
      expect(trainer.evaluate()).to.deep.equal({ loss: 2 });
    });

    it('evaluation() in slices of any size gives the bits evaluate() gives, on training and other data', () => {
      const data = makeDataset('spiral', { samples: 101, seed: 4 });
      const test = makeDataset('spiral', { samples: 37, seed: 5 });
      const network = new Network({ layers: [2, 16, 16, 1], activation: 'tanh', outputActivation: 'sigmoid', seed: 2 });
      const trainer = new Trainer(network, data, { seed: 2 });
      for (let i = 0; i < 20; i++) trainer.step();
      const whole = [trainer.evaluate(), trainer.evaluate(test)];
      for (const rows of [1, 3, 8, 100, 1000]) {
        const slices = [trainer.evaluation(), trainer.evaluation(test)];
        let calls = 0;
        for (const slice of slices) while (!slice.advance(rows)) calls++;
        expect(calls, `slices of ${rows}`).to.equal(Math.ceil(101 / rows) - 1 + Math.ceil(37 / rows) - 1);
        expect(slices.map((slice) => slice.result)).to.deep.equal(whole);
      }
    });

    it('the training data measured in slices before the first step spares that step measuring it again; not on other data, part of it, or weights that moved', () => {
      const data = makeDataset('spiral', { samples: 50, seed: 3 });
      const build = () => new Trainer(new Network({ layers: [2, 8, 1], activation: 'tanh', outputActivation: 'sigmoid', seed: 3 }), data, { seed: 3 });
      /** How many times the first step measures the training data itself, after `before`. */
      const measuresAfter = (before: (trainer: Trainer) => void) => {
        const trainer = build();
        before(trainer);
        let calls = 0;
        const evaluate = trainer.evaluate.bind(trainer);
        trainer.evaluate = (other) => (calls++, evaluate(other));
        trainer.step();
        return calls;
      };
      const inSlices = (trainer: Trainer) => {
        const slices = trainer.evaluation();
        while (!slices.advance(7));
      };
      expect(measuresAfter(inSlices), 'measured in slices').to.equal(0);
      expect(measuresAfter(() => {}), 'not measured').to.equal(1);
      expect(measuresAfter((t) => t.evaluation(makeDataset('spiral', { samples: 9, seed: 4 })).advance(100)), 'other data').to.equal(1);
      expect(measuresAfter((t) => t.evaluation().advance(7)), 'part of it').to.equal(1);
      expect(measuresAfter((t) => (inSlices(t), (t.network.weights[0] += 1))), 'a weight moved after').to.equal(1);
      const movedMidway = (t: Trainer) => {
        const slices = t.evaluation();
        slices.advance(7);
        t.network.weights[0] += 1;
        while (!slices.advance(7));
      };
      expect(measuresAfter(movedMidway), 'a weight moved midway').to.equal(1);
    });

    it('an evaluation in slices tells the mean over the rows so far', () => {
      const data = makeDataset('xor', { samples: 40, seed: 1 });
      const trainer = new Trainer(new Network({ layers: [2, 4, 1], outputActivation: 'sigmoid', seed: 1 }), data);
      const slices = trainer.evaluation();
      expect(slices.advance(10)).to.equal(false);
      const firstTen = { inputs: data.inputs.slice(0, 10), targets: data.targets.slice(0, 10) };
      expect(slices.result).to.deep.equal(new Trainer(trainer.network, firstTen).evaluate());
      expect(slices.advance(Number.NaN), 'a count that is not a number takes one row').to.equal(false);
      expect(slices.advance(29)).to.equal(true);
      expect(slices.result).to.deep.equal(trainer.evaluate());
    });
  });

  describe('epochs and batches', () => {
    /**
     * A linear [1, 1] net with zero weights and learning rate 0: every step's loss is the mean of t² over its
     * batch. Sample i has t² = 2^i, so batchLoss·size, read in binary, names exactly the samples used.
     */
    function powersOfTwo(shuffle: boolean) {
      const network = new Network({ layers: [1, 1], outputActivation: 'linear' });
      network.weights.fill(0);
      const count = 25;
      const data = {
        inputs: Array.from({ length: count }, (_, i) => [i]),
        targets: Array.from({ length: count }, (_, i) => [Math.sqrt(2 ** i)]),
      };
      const trainer = new Trainer(network, data, { learningRate: 0, batchSize: 10, loss: 'mse', shuffle, seed: 3 });
      return { trainer, count };
    }

    for (const shuffle of [false, true]) {
      it(`covers every sample exactly once per epoch: 25 samples, batch 10 → 10, 10, 5 (shuffle ${shuffle})`, () => {
        const { trainer, count } = powersOfTwo(shuffle);
        for (let epoch = 0; epoch < 3; epoch++) {
          const used: number[] = [];
          const sizes: number[] = [];
          const startSteps = trainer.steps;
          expect(trainer.epochProgress).to.equal(0);
          for (let s = 0; s < 3; s++) {
            const size = trainer.nextBatchSize;
            sizes.push(size);
            const bits = Math.round(trainer.step() * size);
            for (let i = 0; i < count; i++) if (bits & (2 ** i)) used.push(i);
            expect(trainer.epochs).to.equal(s < 2 ? epoch : epoch + 1);
          }
          expect(sizes).to.deep.equal([10, 10, 5]);
          expect(used.length).to.equal(count);
          expect([...used].sort((a, b) => a - b)).to.deep.equal(Array.from({ length: count }, (_, i) => i));
          if (!shuffle) expect(used).to.deep.equal(Array.from({ length: count }, (_, i) => i));
          expect(trainer.steps - startSteps).to.equal(3);
        }
      });
    }

    it('epoch() runs 3 steps, bumps `epochs` once and returns the mean loss over all 25 samples', () => {
      const { trainer, count } = powersOfTwo(true);
      const mean = trainer.epoch();
      expect(trainer.steps).to.equal(3);
      expect(trainer.epochs).to.equal(1);
      expect(mean * count).to.be.closeTo(2 ** count - 1, 1e-6);
      trainer.step();
      expect(trainer.epochProgress).to.equal(10 / 25);
      trainer.epoch();
      expect(trainer.epochs).to.equal(2);
      expect(trainer.steps).to.equal(6);
    });

    it('a batch size larger than the data takes the whole epoch in one step', () => {
      const { trainer } = powersOfTwo(false);
      trainer.batchSize = 100;
      expect(trainer.nextBatchSize).to.equal(25);
      trainer.step();
      expect(trainer.epochs).to.equal(1);
    });
  });

  describe('determinism and reset semantics', () => {
    const run = (seed: number, steps: number) => {
      const network = new Network({ layers: [2, 6, 4, 1], activation: 'tanh', seed });
      const trainer = new Trainer(network, makeDataset('circle', { samples: 200, noise: 15 }), { optimizer: 'adam', learningRate: 0.01 });
      const losses = Array.from({ length: steps }, () => trainer.step());
      return { network, losses };
    };

    it('two trainers on two same-seed networks give bit-identical losses and weights over 100 steps', () => {
      const a = run(12, 100);
      const b = run(12, 100);
      expect(a.losses).to.deep.equal(b.losses);
      a.network.weights.forEach((w, i) => expect(Object.is(w, b.network.weights[i])).to.equal(true));
      a.network.biases.forEach((w, i) => expect(Object.is(w, b.network.biases[i])).to.equal(true));
    });

    it('a different seed gives a different run; the trainer seed alone changes the shuffle', () => {
      const a = run(12, 20);
      const c = run(13, 20);
      expect(a.losses).to.not.deep.equal(c.losses);
      const data = makeDataset('gauss', { samples: 100 });
      const shuffled = (seed: number) => {
        const trainer = new Trainer(new Network({ layers: [2, 3, 1], seed: 1 }), data, { seed });
        return Array.from({ length: 5 }, () => trainer.step());
      };
      expect(shuffled(1)).to.deep.equal(shuffled(1));
      expect(shuffled(1)).to.not.deep.equal(shuffled(2));
    });

    it('training mutates only the trainer\'s own network', () => {
      const a = new Network({ layers: [2, 3, 1], seed: 2 });
      const b = new Network({ layers: [2, 3, 1], seed: 2 });
      const trainer = new Trainer(a, makeDataset('xor', { samples: 50 }));
      for (let i = 0; i < 10; i++) trainer.step();
      expect(Array.from(a.weights)).to.not.deep.equal(Array.from(b.weights));
      expect(Array.from(b.weights)).to.deep.equal(Array.from(new Network({ layers: [2, 3, 1], seed: 2 }).weights));
    });
  });

  describe('validation', () => {
    const net = () => new Network({ layers: [2, 3, 1] });
    const good = { inputs: [[0, 1], [1, 0]], targets: [[1], [0]] };

    it('rejects NaN, Infinity, strings and ragged rows, naming row and column', () => {
      expectNnKitError(() => new Trainer(net(), { inputs: [[0, 1], [NaN, 0]], targets: [[1], [0]] }), 'row 2, column 1', 'NaN', 'finite');
      expectNnKitError(() => new Trainer(net(), { inputs: [[0, Infinity]], targets: [[1]] }), 'row 1, column 2', 'Infinity');
      expectNnKitError(() => new Trainer(net(), { inputs: [[0, 1]], targets: [[-Infinity]] }), 'target', 'row 1, column 1');
      expectNnKitError(() => new Trainer(net(), { inputs: [[0, '1' as unknown as number]], targets: [[1]] }), 'row 1, column 2');
      expectNnKitError(() => new Trainer(net(), { inputs: [[0, 1], [1]], targets: [[1], [0]] }), 'input row must hold 2 numbers', 'row 2 holds 1');
      expectNnKitError(() => new Trainer(net(), { inputs: [[0, 1], [1, 2, 3]], targets: [[1], [0]] }), 'row 2 holds 3');
      expectNnKitError(() => new Trainer(net(), { inputs: [[0, 1], 5 as unknown as number[]], targets: [[1], [0]] }), 'row 2 holds no list');
    });

    it('rejects targets of the wrong width, unpaired rows and empty data', () => {
      expectNnKitError(() => new Trainer(net(), { inputs: [[0, 1]], targets: [[1, 0]] }), 'target row must hold 1 number;', 'holds 2');
      const softmax = new Network({ layers: [2, 3], outputActivation: 'softmax' });
      expectNnKitError(() => new Trainer(softmax, { inputs: [[0, 1]], targets: [[1]] }), 'target row must hold 3 numbers', 'holds 1');
      expectNnKitError(() => new Trainer(net(), { inputs: [[0, 1], [1, 1]], targets: [[1]] }), '2 input rows but 1 target rows');
      expectNnKitError(() => new Trainer(net(), { inputs: [], targets: [] }), 'no samples');
      expectNnKitError(() => new Trainer(net(), null as unknown as typeof good), 'Data must be an object');
      expectNnKitError(() => new Trainer(net(), { inputs: 'x', targets: [] } as unknown as typeof good), '"inputs" and "targets" arrays');
    });

    it('rejects bad batch sizes, negative or non-finite rates, and unknown names', () => {
      for (const batchSize of [0, -1, 2.5, NaN]) expectNnKitError(() => new Trainer(net(), good, { batchSize }), 'batch size', 'whole number');
      expectNnKitError(() => new Trainer(net(), good, { learningRate: -0.1 }), 'learning rate', '-0.1');
      expectNnKitError(() => new Trainer(net(), good, { learningRate: NaN }), 'learning rate');
      expectNnKitError(() => new Trainer(net(), good, { learningRate: Infinity }), 'learning rate');
      expectNnKitError(() => new Trainer(net(), good, { regularizationRate: -1 }), 'regularization rate');
      expectNnKitError(() => new Trainer(net(), good, { loss: 'l2' }), 'Unknown loss "l2"', '"mse"');
      expectNnKitError(() => new Trainer(net(), good, { optimizer: 'adagrad' }), 'Unknown optimizer "adagrad"', '"adam"');
      expectNnKitError(() => new Trainer(net(), good, { regularization: 'dropout' }), 'Unknown regularization "dropout"', '"l1"', '"l2"');
      expectNnKitError(() => new Trainer(net(), good, { seed: NaN }), 'seed');
      expect(new Trainer(net(), good, { learningRate: 0 }).learningRate).to.equal(0);
    });

    it('rejects the step activation (hidden or output): it cannot learn', () => {
      expectNnKitError(() => new Trainer(new Network({ layers: [2, 3, 1], activation: 'step' }), good), '"step"', 'cannot learn');
      expectNnKitError(() => new Trainer(new Network({ layers: [2, 1], outputActivation: 'step' }), good), '"step"');
    });
  });

  describe('divergence', () => {
    const fin = (n: Network) => allFinite(n.weights) && allFinite(n.biases);

    for (const [optimizer, learningRate] of [['sgd', 10], ['momentum', 10], ['sgd', 1e6], ['momentum', 1e6]] as const) {
      it(`${optimizer}, learning rate ${learningRate}, MSE/linear on plane: sets diverged and keeps weights finite`, () => {
        const network = new Network({ layers: [2, 4, 2, 1], outputActivation: 'linear', seed: 1 });
        const trainer = new Trainer(network, makeDataset('plane'), { learningRate, optimizer });
        let steps = 0;
        while (!trainer.diverged && steps < 5000) {
          trainer.step();
          steps++;
          expect(fin(network), `non-finite weights after step ${steps}, diverged = ${trainer.diverged}`).to.equal(true);
        }
        expect(trainer.diverged).to.equal(true);
        const frozen = Float64Array.from(network.weights);
        const stepsBefore = trainer.steps;
        const epochsBefore = trainer.epochs;
        // The step that diverged, and any after it, change nothing: weights, steps, epochs.
        expect(epochsBefore).to.equal(Math.floor((stepsBefore * 10) / 500));
        for (let i = 0; i < 60; i++) trainer.step();
        expect(fin(network)).to.equal(true);
        expect(Array.from(network.weights)).to.deep.equal(Array.from(frozen));
        expect(trainer.steps).to.equal(stepsBefore);
        expect(trainer.epochs).to.equal(epochsBefore);
      });
    }

    for (const optimizer of ['sgd', 'momentum', 'adam']) {
      it(`${optimizer}: an update that would overflow (lr 1e307, |gradient| ≈ 2e5) is refused; weights stay finite`, () => {
        const network = new Network({ layers: [1, 1], outputActivation: 'linear', seed: 1 });
        const trainer = new Trainer(network, { inputs: [[100]], targets: [[1000]] }, { learningRate: 1e307, optimizer, batchSize: 1 });
        for (let i = 0; i < 3; i++) {
          trainer.step();
          expect(fin(network), `step ${i + 1}: weights ${Array.from(network.weights)}, biases ${Array.from(network.biases)}`).to.equal(true);
        }
        expect(trainer.diverged).to.equal(true);
      });
    }

    for (const optimizer of ['sgd', 'momentum', 'adam']) {
      it(`${optimizer}: a finite loss with an infinite gradient changes nothing`, () => {
        // ReLU passes 1e308 on; the output weight times it is finite, its gradient is not.
        const network = new Network({ layers: [1, 1, 1], activation: 'relu', outputActivation: 'linear', seed: 1 });
        network.weights.set([1e308, 1e-300]);
        const trainer = new Trainer(network, { inputs: [[1]], targets: [[0]] }, { optimizer, batchSize: 1 });
        const loss = trainer.step();
        expect(Number.isFinite(loss), 'the loss is finite').to.equal(true);
        expect(trainer.diverged).to.equal(true);
        expect(Array.from(network.weights)).to.deep.equal([1e308, 1e-300]);
        expect(Array.from(network.biases)).to.deep.equal([0, 0]);
        expect([trainer.steps, trainer.epochs]).to.deep.equal([0, 0]);
      });
    }

    it("adam: a gradient whose square overflows Adam's memory is refused, not kept as a frozen weight", () => {
      // Loss ≈ 1e300 and gradient ≈ 2e160 are finite; g² is not.
      const network = new Network({ layers: [1, 1], outputActivation: 'linear', seed: 1 });
      network.weights.set([1e140]);
      const trainer = new Trainer(network, { inputs: [[1e10]], targets: [[0]] }, { optimizer: 'adam', batchSize: 1 });
      expect(Number.isFinite(trainer.step())).to.equal(true);
      expect(trainer.diverged).to.equal(true);
      expect(Array.from(network.weights)).to.deep.equal([1e140]);
      expect(trainer.steps).to.equal(0);
    });

    it('2000 steps at default settings stay finite and do not diverge', () => {
      const network = new Network({ layers: [2, 4, 2, 1] });
      const trainer = new Trainer(network, makeDataset('circle', { noise: 10 }));
      for (let i = 0; i < 2000; i++) expect(Number.isFinite(trainer.step())).to.equal(true);
      expect(trainer.diverged).to.equal(false);
      expect(trainer.steps).to.equal(2000);
      expect(fin(network)).to.equal(true);
    });
  });
});
