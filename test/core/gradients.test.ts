/// <reference types="mocha" />
import { expect } from '@open-wc/testing';
import { Backprop, Network, Random, Trainer, activations, getLoss, javascriptKernels, regularizations, toMatrix } from '../../src/index.js';
import { relativeError } from './helpers.js';

/** Activations whose derivative jumps at 0: data are redrawn until no pre-activation sits near it. */
const KINKED = new Set(['relu', 'leaky-relu']);
const HIDDEN = Object.keys(activations).filter((n) => activations[n].trainable && !activations[n].applyVector);
const OUTPUTS = ['sigmoid', 'tanh', 'linear', 'softmax', 'relu', 'leaky-relu', 'elu', 'gelu', 'swish', 'softplus'];

/** Meaningful (output activation, loss) pairings: BCE and CE need outputs in (0, 1). */
const PAIRINGS: [string, string][] = [
  ...OUTPUTS.map((o): [string, string] => [o, 'mse']),
  ['sigmoid', 'binary-cross-entropy'],
  ['softmax', 'binary-cross-entropy'],
  ['sigmoid', 'cross-entropy'],
  ['softmax', 'cross-entropy'],
];

/**
 * Samples per check: 13 run forward as three four-sample blocks and one sample alone, and
 * back through the gradient kernel's blocks of four and lone samples, so every kernel path is
 * checked. They are read backwards, as a shuffled trainer reads rows out of order.
 */
const BATCH = 13;
const ORDER = Uint32Array.from({ length: BATCH }, (_, i) => BATCH - 1 - i);

function makeTargets(random: Random, loss: string, outputs: number): number[] {
  if (loss === 'mse') return Array.from({ length: outputs }, () => random.uniform(-1.5, 1.5));
  if (loss === 'binary-cross-entropy') return Array.from({ length: outputs }, () => (random.next() < 0.5 ? 0 : 1));
  // cross-entropy: alternate one-hot rows and probability rows.
  if (random.next() < 0.5) {
    const hot = random.int(outputs);
    return Array.from({ length: outputs }, (_, i) => (i === hot ? 1 : 0));
  }
  const raw = Array.from({ length: outputs }, () => random.uniform(0.1, 1));
  const sum = raw.reduce((a, b) => a + b, 0);
  return raw.map((v) => v / sum);
}

/** Smallest |z| over layers whose activation is kinked at 0, across the batch. */
function nearestKink(network: Network, inputs: number[][]): number {
  let nearest = Infinity;
  for (const x of inputs) {
    const trace = network.trace(x);
    for (let l = 1; l < trace.length; l++) {
      if (!KINKED.has(network.activationOf(l - 1).name)) continue;
      for (const z of trace[l].z) nearest = Math.min(nearest, Math.abs(z));
    }
  }
  return nearest;
}

function meanLoss(network: Network, lossName: string, inputs: number[][], targets: Float64Array): number {
  const loss = getLoss(lossName);
  const n = network.outputSize;
  const outStart = network.neuronOffset[network.depth];
  let total = 0;
  inputs.forEach((x, r) => {
    network.forwardFrom(x);
    total += loss.value(network.values, outStart, targets, r * n, n);
  });
  return total / inputs.length;
}

function checkGradients(hidden: string, output: string, lossName: string, seed: number): number {
  const layers = output === 'softmax' || lossName === 'cross-entropy' ? [3, 4, 3] : [3, 5, 4, 2];
  const network = new Network({ layers, activation: hidden, outputActivation: output, seed });
  const random = new Random(1000 * seed + 17);
  let inputs: number[][] = [];
  for (let attempt = 0; ; attempt++) {
    inputs = Array.from({ length: BATCH }, () => Array.from({ length: layers[0] }, () => random.uniform(-2, 2)));
    if (nearestKink(network, inputs) > 1e-3) break;
    expect(attempt, 'could not draw data away from the ReLU kink').to.be.lessThan(200);
  }
  const targets = Float64Array.from(inputs.flatMap(() => makeTargets(random, lossName, network.outputSize)));

  const backprop = new Backprop(network);
  const matrix = { count: BATCH, inputSize: layers[0], targetSize: network.outputSize, inputs: Float64Array.from(inputs.flat()), targets };
  backprop.reset();
  const total = backprop.accumulate(matrix, ORDER, 0, BATCH, getLoss(lossName), 1 / BATCH);
  expect(total / BATCH).to.be.closeTo(meanLoss(network, lossName, inputs, targets), 1e-12);

  let worst = 0;
  const check = (params: Float64Array, analytic: Float64Array, what: string) => {
    expect(analytic.length).to.equal(params.length);
    for (let i = 0; i < params.length; i++) {
      const saved = params[i];
      const h = 1e-6 * Math.max(1, Math.abs(saved));
      params[i] = saved + h;
      const plus = meanLoss(network, lossName, inputs, targets);
      params[i] = saved - h;
      const minus = meanLoss(network, lossName, inputs, targets);
      params[i] = saved;
      const numeric = (plus - minus) / (2 * h);
      const a = analytic[i];
      // Relative error < 1e-6, or, for near-zero entries, an absolute 1e-8: the rounding noise of a
      // central difference at h = 1e-6 is about ε·L/h ≈ 1e-10..3e-9 here (measured over seeds 1..20),
      // which exceeds 1e-6 relative for gradients below ~1e-3. Real bugs show up as errors ≳ 1e-3.
      const ok = relativeError(a, numeric) < 1e-6 || Math.abs(a - numeric) < 1e-8;
      expect(ok, `${what}[${i}] (${hidden}/${output}/${lossName}, seed ${seed}): backprop ${a} vs numeric ${numeric}`).to.equal(true);
      worst = Math.max(worst, Math.abs(a - numeric) < 1e-8 ? 0 : relativeError(a, numeric));
    }
  };
  check(network.weights, backprop.weightGradients, 'weights');
  check(network.biases, backprop.biasGradients, 'biases');
  return worst;
}

describe('backprop gradients match finite differences of the mean batch loss', () => {
  for (const [output, lossName] of PAIRINGS) {
    for (const hidden of HIDDEN) {
      it(`hidden ${hidden}, output ${output}, loss ${lossName} (seeds 1..3)`, () => {
        for (let seed = 1; seed <= 3; seed++) checkGradients(hidden, output, lossName, seed);
      });
    }
  }

  it('the gradient is non-trivial (a wrong sign or factor would be caught)', () => {
    const network = new Network({ layers: [2, 3, 1], seed: 4 });
    const backprop = new Backprop(network);
    const sample = toMatrix({ inputs: [[0.7, -1.2]], targets: [[1]] }, 2, 1);
    const loss = getLoss('binary-cross-entropy');
    backprop.accumulate(sample, [0], 0, 1, loss, 1);
    const norm = Math.hypot(...backprop.weightGradients);
    expect(norm).to.be.greaterThan(1e-3);
    // accumulate adds: a second call with scale 1 doubles the gradient.
    const once = Float64Array.from(backprop.weightGradients);
    backprop.accumulate(sample, [0], 0, 1, loss, 1);
    backprop.weightGradients.forEach((g, i) => expect(g).to.be.closeTo(2 * once[i], 1e-15));
    backprop.reset();
    expect(Array.from(backprop.weightGradients).every((g) => g === 0)).to.equal(true);
    expect(Array.from(backprop.biasGradients).every((g) => g === 0)).to.equal(true);
  });

  for (const [layers, activation, count, smallestNorm] of [
    [[5, 7, 3], 'relu', 37, 1e-3],
    // Wide enough (16,399 neurons) that it is passed four samples at a time, not sixteen; its
    // gradient is small, as a deep narrow-waisted tanh network's is at the start.
    [[3, 4096, 3, 4096, 3, 4096, 3, 4096, 3], 'tanh', 9, 1e-4],
  ] as const) {
    it(`a batch gives the same gradient however it is split into groups and blocks (${layers.join('-')})`, () => {
      checkSplit([...layers], activation, count, smallestNorm);
    });
  }
});

/** Backprop over `count` samples at once and one sample at a time: the same loss and gradients. */
function checkSplit(layers: number[], activation: string, count: number, smallestNorm: number): void {
  const network = new Network({ layers, activation, outputActivation: 'softmax', seed: 8 });
  const random = new Random(21);
  const inputSize = layers[0];
  const inputs = Array.from({ length: count }, () => Array.from({ length: inputSize }, () => random.uniform(-2, 2)));
  const labels = Array.from({ length: count }, () => random.int(3));
  const data = toMatrix({ inputs, targets: labels.map((l) => [0, 1, 2].map((c) => (c === l ? 1 : 0))) }, inputSize, 3);
  const rows = Uint32Array.from({ length: count }, (_, i) => (i * 11) % count);
  const loss = getLoss('cross-entropy');
  const whole = new Backprop(network);
  const wholeLoss = whole.accumulate(data, rows, 0, count, loss, 1 / count);
  const oneByOne = new Backprop(network);
  let oneByOneLoss = 0;
  for (let r = 0; r < count; r++) oneByOneLoss += oneByOne.accumulate(data, rows, r, 1, loss, 1 / count);
  expect(wholeLoss).to.be.closeTo(oneByOneLoss, 1e-12);
  let norm = 0;
  for (const g of whole.weightGradients) norm += g * g;
  expect(Math.sqrt(norm), 'a gradient to compare').to.be.greaterThan(smallestNorm);
  for (let i = 0; i < whole.weightGradients.length; i++) {
    if (Math.abs(whole.weightGradients[i] - oneByOne.weightGradients[i]) > 1e-14) {
      expect.fail(`weight ${i}: ${whole.weightGradients[i]} in one batch, ${oneByOne.weightGradients[i]} one by one`);
    }
  }
  whole.biasGradients.forEach((g, i) => expect(g, `bias ${i}`).to.be.closeTo(oneByOne.biasGradients[i], 1e-14));
}

describe('one sample at a time (batch size 1)', () => {
  /** Backprop on the JavaScript kernels, as a trainer makes it: with no dropout, one sample takes the short path. */
  const onJavaScript = (network: Network) => new Backprop(network, undefined, javascriptKernels);
  /** The same JavaScript loops under another kind, which keeps even one sample on the grouped path. */
  const groupedKernels = (network: Network, group: number) => ({ ...javascriptKernels(network, group), kind: 'webassembly' as const });

  for (const [output, lossName] of PAIRINGS) {
    it(`one sample gives the grouped path's bits for every hidden activation (output ${output}, loss ${lossName})`, () => {
      for (const hidden of HIDDEN) {
        const layers = [3, 5, 1, 4, output === 'softmax' || lossName === 'cross-entropy' ? 3 : 2];
        const network = new Network({ layers, activation: hidden, outputActivation: output, seed: 6 });
        const random = new Random(31);
        const count = 6;
        const rows = Uint32Array.from([5, 2, 4, 0, 3, 1]);
        // Half the inputs 0, so a ReLU is off and whole rows of deltas are 0 (the skipped rows).
        const inputs = Array.from({ length: count }, (_, r) => Array.from({ length: 3 }, () => (r % 2 ? random.uniform(-2, 2) : 0)));
        const targets = Float64Array.from(inputs.flatMap(() => makeTargets(random, lossName, network.outputSize)));
        const data = { count, inputSize: 3, targetSize: network.outputSize, inputs: Float64Array.from(inputs.flat()), targets };
        const loss = getLoss(lossName);
        const grouped = new Backprop(network, undefined, groupedKernels);
        const single = onJavaScript(network);
        expect([single.single, grouped.single]).to.deep.equal([true, false]);
        for (let row = 0; row < count; row++) {
          grouped.reset();
          single.reset();
          // Scale 1, as a step of one sample has, and another, as a caller adding samples one by one into a mean has.
          const scale = row % 2 ? 1 : 1 / 3;
          const where = `${hidden}/${output}/${lossName}, row ${row}`;
          expect(Object.is(single.accumulate(data, rows, row, 1, loss, scale), grouped.accumulate(data, rows, row, 1, loss, scale)), `loss, ${where}`).to.equal(true);
          grouped.weightGradients.forEach((g, i) => expect(Object.is(single.weightGradients[i], g), `weight ${i}, ${where}`).to.equal(true));
          grouped.biasGradients.forEach((g, i) => expect(Object.is(single.biasGradients[i], g), `bias ${i}, ${where}`).to.equal(true));
        }
        expect(Math.hypot(...single.weightGradients), `a gradient to compare (${hidden})`).to.be.greaterThan(0);
      }
    });
  }

  it('one sample adds to the gradients, as a group does', () => {
    const network = new Network({ layers: [2, 3, 1], seed: 4 });
    const backprop = onJavaScript(network);
    const sample = toMatrix({ inputs: [[0.7, -1.2]], targets: [[1]] }, 2, 1);
    const loss = getLoss('binary-cross-entropy');
    backprop.accumulate(sample, [0], 0, 1, loss, 1);
    const once = Float64Array.from(backprop.weightGradients);
    expect(Math.hypot(...once)).to.be.greaterThan(1e-3);
    const onceBiases = Float64Array.from(backprop.biasGradients);
    backprop.accumulate(sample, [0], 0, 1, loss, 1);
    backprop.weightGradients.forEach((g, i) => expect(g).to.equal(2 * once[i]));
    backprop.biasGradients.forEach((g, i) => expect(g).to.equal(2 * onceBiases[i]));
  });

  it('a trainer takes the short path for a step of one sample, not for a step of two', () => {
    const calls = { one: 0 };
    // The short path is private: counted through the prototype.
    const prototype = Backprop.prototype as unknown as { accumulateOne: (...args: unknown[]) => number };
    const original = prototype.accumulateOne;
    prototype.accumulateOne = function (this: Backprop, ...args: unknown[]) {
      calls.one++;
      return original.apply(this, args);
    };
    try {
      const data = { inputs: [[0.5, -0.5], [1, 0.2], [-0.3, 0.8], [0, 1]], targets: [[1], [0], [1], [0]] };
      const javascript = { kernels: javascriptKernels };
      new Trainer(new Network({ layers: [2, 3, 1], seed: 2 }), data, { batchSize: 2, ...javascript }).epoch();
      expect(calls.one, 'batch size 2').to.equal(0);
      new Trainer(new Network({ layers: [2, 3, 1], seed: 2 }), data, { batchSize: 1, ...javascript }).epoch();
      expect(calls.one, 'batch size 1: one call a sample').to.equal(4);
    } finally {
      prototype.accumulateOne = original;
    }
  });

  it('with dropout, or on other kernels, one sample goes through a group', () => {
    const network = new Network({ layers: [2, 3, 1], seed: 4 });
    expect(new Backprop(network, { rates: [0.3], random: new Random(1) }, javascriptKernels).single).to.equal(false);
    expect(new Backprop(network, undefined, groupedKernels).single).to.equal(false);
  });
});

describe('regularization gradient through the Trainer (one SGD step)', () => {
  for (const name of ['l1', 'l2']) {
    it(`${name}: Δw = −lr·(∂loss/∂w + rate·penalty′(w)), Δb = −lr·∂loss/∂b`, () => {
      const network = new Network({ layers: [2, 4, 1], activation: 'tanh', outputActivation: 'sigmoid', seed: 5 });
      const random = new Random(99);
      const inputs = Array.from({ length: 6 }, () => [random.uniform(-2, 2), random.uniform(-2, 2)]);
      const targetRows = inputs.map(([a, b]) => [a * b > 0 ? 1 : 0]);
      const targets = Float64Array.from(targetRows.flat());
      const lr = 0.1;
      const rate = 0.05;
      const penaltyPrime = name === 'l1' ? (w: number) => Math.sign(w) : (w: number) => 2 * w;
      const penalty = name === 'l1' ? Math.abs : (w: number) => w * w;

      // Finite-difference gradient of the data loss, before the step.
      const grad = (params: Float64Array) =>
        Array.from(params, (saved, i) => {
          const h = 1e-6 * Math.max(1, Math.abs(saved));
          params[i] = saved + h;
          const plus = meanLoss(network, 'binary-cross-entropy', inputs, targets);
          params[i] = saved - h;
          const minus = meanLoss(network, 'binary-cross-entropy', inputs, targets);
          params[i] = saved;
          return (plus - minus) / (2 * h);
        });
      const gw = grad(network.weights);
      const gb = grad(network.biases);
      const w0 = Float64Array.from(network.weights);
      const b0 = Float64Array.from(network.biases);
      expect(w0.every((w) => w !== 0)).to.equal(true);

      const trainer = new Trainer(
        network,
        { inputs, targets: targetRows },
        { learningRate: lr, batchSize: inputs.length, optimizer: 'sgd', regularization: name, regularizationRate: rate },
      );
      expect(trainer.penalty()).to.be.closeTo(rate * Array.from(w0).reduce((s, w) => s + penalty(w), 0), 1e-14);
      trainer.step();
      w0.forEach((w, i) => {
        const expected = -lr * (gw[i] + rate * penaltyPrime(w));
        const actual = network.weights[i] - w;
        expect(Math.abs(actual - expected), `weight ${i}: Δ ${actual} vs ${expected}`).to.be.lessThan(1e-9);
      });
      b0.forEach((b, i) => {
        const expected = -lr * gb[i];
        expect(Math.abs(network.biases[i] - b - expected), `bias ${i}`).to.be.lessThan(1e-9);
      });
    });
  }

  it('l1 and l2 penalties and their derivatives, by hand', () => {
    expect(regularizations.l1.penalty(-0.3)).to.equal(0.3);
    expect(regularizations.l1.gradient(-0.3)).to.equal(-1);
    expect(regularizations.l1.gradient(0.2)).to.equal(1);
    expect(regularizations.l1.gradient(0)).to.equal(0);
    expect(regularizations.l2.penalty(-0.3)).to.be.closeTo(0.09, 1e-17);
    expect(regularizations.l2.gradient(-0.3)).to.equal(-0.6);
    expect(regularizations.none.penalty(5)).to.equal(0);
    expect(regularizations.none.gradient(5)).to.equal(0);
  });
});
