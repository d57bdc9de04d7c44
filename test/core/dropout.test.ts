/// <reference types="mocha" />
// Per-layer hidden activations and dropout in the core: gradients against finite
// differences (with dropout, of the network with the same fixed masks), the model format,
// validation, and seeded determinism.
import { expect } from '@open-wc/testing';
import { Backprop, Network, Random, Trainer, activations, dropoutRates, getLoss, toMatrix } from '../../src/index.js';
import { expectNnKitError, relativeError } from './helpers.js';

/** Every activation a hidden layer may use. */
const HIDDEN = Object.keys(activations).filter((n) => activations[n].trainable && !activations[n].applyVector);
const KINKED = new Set(['relu', 'leaky-relu']);
/** 13 samples: forward and back through the four-sample kernels and a lone one. */
const BATCH = 13;
const ORDER = Uint32Array.from({ length: BATCH }, (_, i) => (i * 5) % BATCH);

interface Problem {
  network: Network;
  matrix: ReturnType<typeof toMatrix>;
  inputs: number[][];
}

/** A small regression problem on `network`, drawn until no kinked activation's z sits near 0. */
function problem(network: Network, seed: number): Problem {
  const random = new Random(seed);
  for (let attempt = 0; attempt < 200; attempt++) {
    const inputs = Array.from({ length: BATCH }, () => Array.from({ length: network.inputSize }, () => random.uniform(-2, 2)));
    const targets = inputs.map(() => Array.from({ length: network.outputSize }, () => random.uniform(-1, 1)));
    const nearKink = inputs.some((x) =>
      network.trace(x).some((layer, l) => l > 0 && KINKED.has(network.activationOf(l - 1).name) && layer.z.some((z) => Math.abs(z) < 1e-3)),
    );
    if (!nearKink) return { network, inputs, matrix: toMatrix({ inputs, targets }, network.inputSize, network.outputSize) };
  }
  throw new Error('could not draw data away from the ReLU kink');
}

/** Checks `analytic` against central differences of `lossOf` over `params`. */
function checkAgainstDifferences(params: Float64Array, analytic: Float64Array, lossOf: () => number, what: string): void {
  for (let i = 0; i < params.length; i++) {
    const saved = params[i];
    const h = 1e-6 * Math.max(1, Math.abs(saved));
    params[i] = saved + h;
    const plus = lossOf();
    params[i] = saved - h;
    const minus = lossOf();
    params[i] = saved;
    const numeric = (plus - minus) / (2 * h);
    const ok = relativeError(analytic[i], numeric) < 1e-6 || Math.abs(analytic[i] - numeric) < 1e-8;
    expect(ok, `${what}[${i}]: backprop ${analytic[i]} vs numeric ${numeric}`).to.equal(true);
  }
}

/** The mean MSE of the network as it predicts (no dropout). */
function meanLoss({ network, matrix }: Problem): number {
  const loss = getLoss('mse');
  const out = network.neuronOffset[network.depth];
  let total = 0;
  for (let r = 0; r < matrix.count; r++) {
    network.forwardFrom(matrix.inputs, r * matrix.inputSize);
    total += loss.value(network.values, out, matrix.targets, r * network.outputSize, network.outputSize);
  }
  return total / matrix.count;
}

describe('per-layer hidden activations', () => {
  for (const first of HIDDEN) {
    it(`gradients match finite differences with ${first} in the first hidden layer and others after it`, () => {
      const others = HIDDEN.filter((name) => name !== first);
      const list = [first, others[HIDDEN.indexOf(first) % others.length], others[(HIDDEN.indexOf(first) + 3) % others.length]];
      const network = new Network({ layers: [3, 5, 4, 3, 2], activation: list, outputActivation: 'linear', seed: 3 });
      expect(network.hiddenActivations.map((a) => a.name)).to.deep.equal(list);
      expect([0, 1, 2, 3].map((k) => network.activationOf(k).name)).to.deep.equal([...list, 'linear']);
      const p = problem(network, 11);
      const backprop = new Backprop(network);
      const total = backprop.accumulate(p.matrix, ORDER, 0, BATCH, getLoss('mse'), 1 / BATCH);
      expect(total / BATCH).to.be.closeTo(meanLoss(p), 1e-12);
      checkAgainstDifferences(network.weights, backprop.weightGradients, () => meanLoss(p), `${list} weights`);
      checkAgainstDifferences(network.biases, backprop.biasGradients, () => meanLoss(p), `${list} biases`);
    });
  }

  it('one name, or a list of one, means every hidden layer; the initial weights follow each layer', () => {
    const one = new Network({ layers: [2, 4, 4, 1], activation: 'relu', seed: 2 });
    const listOfOne = new Network({ layers: [2, 4, 4, 1], activation: ['relu'], seed: 2 });
    const spelled = new Network({ layers: [2, 4, 4, 1], activation: ['relu', 'relu'], seed: 2 });
    expect(one.hiddenActivations.map((a) => a.name)).to.deep.equal(['relu', 'relu']);
    expect(Array.from(listOfOne.weights)).to.deep.equal(Array.from(one.weights));
    expect(Array.from(spelled.weights)).to.deep.equal(Array.from(one.weights));
    // He (ReLU) draws from a wider range than Glorot (tanh) for the same fan-in and fan-out.
    const mixed = new Network({ layers: [2, 4, 4, 1], activation: ['tanh', 'relu'], seed: 2 });
    const widest = (network: Network, k: number) =>
      Math.max(...Array.from(network.weights.subarray(network.weightOffset[k], network.weightOffset[k + 1]), Math.abs));
    expect(widest(mixed, 1), 'He range for the ReLU layer').to.be.greaterThan(Math.sqrt(6 / 8));
    expect(widest(mixed, 0), 'Glorot range for the tanh layer').to.be.at.most(Math.sqrt(6 / 6));
  });

  it('refuses a list of the wrong length, an unknown name and softmax, saying what is accepted', () => {
    expectNnKitError(() => new Network({ layers: [2, 4, 4, 1], activation: ['relu', 'tanh', 'relu'] }), 'lists 3 names', '2 hidden layers', 'one name for all of them or 2');
    expectNnKitError(() => new Network({ layers: [2, 4, 4, 1], activation: ['relu', 'nope'] }), 'Unknown activation "nope"');
    expectNnKitError(() => new Network({ layers: [2, 4, 4, 1], activation: ['relu', 'softmax'] }), 'whole output layer');
    expectNnKitError(() => new Network({ layers: [2, 4, 4, 1], activation: 3 as unknown as string }), 'Unknown activation "3"');
  });

  it('round-trips through model JSON: one name stays a string, a list a list; old models still load', () => {
    const shared = new Network({ layers: [2, 3, 3, 1], activation: 'relu', seed: 4 });
    expect(shared.toJSON().activation).to.equal('relu');
    const mixed = new Network({ layers: [2, 3, 3, 1], activation: ['relu', 'gelu'], seed: 4 });
    const json = JSON.parse(JSON.stringify(mixed.toJSON()));
    expect(json.activation).to.deep.equal(['relu', 'gelu']);
    const back = Network.fromJSON(json);
    expect(back.hiddenActivations.map((a) => a.name)).to.deep.equal(['relu', 'gelu']);
    expect(Array.from(back.predict([0.3, -0.7]))).to.deep.equal(Array.from(mixed.predict([0.3, -0.7])));
    // A model written before per-layer activations: one name.
    const old = { ...json, activation: 'tanh' };
    expect(Network.fromJSON(old).hiddenActivations.map((a) => a.name)).to.deep.equal(['tanh', 'tanh']);
  });

  it('tampered model JSON gets a clear message', () => {
    const json = new Network({ layers: [2, 3, 3, 1], activation: ['relu', 'gelu'] }).toJSON();
    expectNnKitError(() => Network.fromJSON({ ...json, activation: ['relu'] }), 'Model JSON', 'must hold 2 names');
    expectNnKitError(() => Network.fromJSON({ ...json, activation: ['relu', 'gelu', 'tanh'] }), 'must hold 2 names');
    expectNnKitError(() => Network.fromJSON({ ...json, activation: ['relu', 7] }), 'must hold 2 names');
    expectNnKitError(() => Network.fromJSON({ ...json, activation: ['relu', '__proto__'] }), 'unknown activation', '__proto__');
    expectNnKitError(() => Network.fromJSON({ ...json, activation: { 0: 'relu' } }), '"activation" must be a name');
    expectNnKitError(() => Network.fromJSON({ ...json, activation: ['relu', 'softmax'] }), 'whole output layer');
  });
});

/** A dropout run's loss computed here from the masks the core drew: each hidden activation times its mask. */
function maskedLoss(network: Network, matrix: Problem['matrix'], masks: Float64Array, stride: number): number {
  let total = 0;
  for (let r = 0; r < matrix.count; r++) {
    let a = Array.from(matrix.inputs.subarray(ORDER[r] * matrix.inputSize, (ORDER[r] + 1) * matrix.inputSize));
    for (let k = 0; k < network.depth; k++) {
      const f = network.activationOf(k).f;
      const next: number[] = [];
      for (let j = 0; j < network.layers[k + 1]; j++) {
        let z = network.biases[network.biasOffset[k] + j];
        for (let i = 0; i < a.length; i++) z += network.weights[network.weightIndex(k, j, i)] * a[i];
        const masked = k < network.depth - 1 ? masks[r * stride + network.neuronOffset[k + 1] + j] : 1;
        next.push(f(z) * masked);
      }
      a = next;
    }
    const t = matrix.targets.subarray(ORDER[r] * network.outputSize, (ORDER[r] + 1) * network.outputSize);
    total += a.reduce((sum, y, i) => sum + (y - t[i]) ** 2, 0) / a.length;
  }
  return total / matrix.count;
}

describe('dropout', () => {
  for (const list of [['tanh', 'relu', 'sigmoid'], ['gelu', 'elu', 'swish']]) {
    it(`with a fixed mask, the gradient of the masked network matches finite differences (${list})`, () => {
      const network = new Network({ layers: [3, 6, 5, 4, 2], activation: list, outputActivation: 'linear', seed: 5 });
      const p = problem(network, 17);
      const backprop = new Backprop(network, { rates: [0.3, 0.5, 0.2], random: new Random(9) });
      const dropout = backprop.dropout!;
      const loss = getLoss('mse');
      const total = backprop.accumulate(p.matrix, ORDER, 0, BATCH, loss, 1 / BATCH);
      const stride = network.values.length;
      // The masks: 0 or 1 / (1 − p) on the hidden layers, some of each; 1 on the inputs and outputs.
      for (const [layer, rate] of [[1, 0.3], [2, 0.5], [3, 0.2]] as const) {
        const seen = new Set<number>();
        for (let g = 0; g < BATCH; g++) {
          for (let j = 0; j < network.layers[layer]; j++) seen.add(dropout.masks[g * stride + network.neuronOffset[layer] + j]);
        }
        expect([...seen].sort(), `layer ${layer}'s masks`).to.deep.equal([0, 1 / (1 - rate)].sort());
      }
      expect(total / BATCH).to.be.closeTo(maskedLoss(network, p.matrix, dropout.masks, stride), 1e-12);
      expect(total / BATCH, 'dropout changes the training loss').to.not.be.closeTo(meanLoss(p), 1e-6);
      dropout.hold = true;
      const heldLoss = () => maskedLoss(network, p.matrix, dropout.masks, stride);
      checkAgainstDifferences(network.weights, backprop.weightGradients, heldLoss, 'weights');
      checkAgainstDifferences(network.biases, backprop.biasGradients, heldLoss, 'biases');
      // Held masks: the core's own loss with them is the same as the one computed here.
      const held = backprop.accumulate(p.matrix, ORDER, 0, BATCH, loss, 1 / BATCH);
      expect(held / BATCH).to.be.closeTo(heldLoss(), 1e-12);
    });
  }

  it('rates of 0 leave the plain path: the same weights, bit for bit, as a trainer without dropout', () => {
    const make = (options: object) => {
      const network = new Network({ layers: [2, 6, 4, 1], activation: 'relu', seed: 7 });
      const random = new Random(3);
      const inputs = Array.from({ length: 60 }, () => [random.uniform(-5, 5), random.uniform(-5, 5)]);
      const trainer = new Trainer(network, { inputs, targets: inputs.map(([x, y]) => [x * y > 0 ? 1 : 0]) }, options);
      for (let e = 0; e < 5; e++) trainer.epoch();
      return { network, trainer };
    };
    const plain = make({});
    const zero = make({ dropout: 0 });
    const zeros = make({ dropout: [0, 0] });
    expect(zero.trainer.dropout).to.deep.equal([0, 0]);
    expect(Array.from(zero.network.weights)).to.deep.equal(Array.from(plain.network.weights));
    expect(Array.from(zeros.network.biases)).to.deep.equal(Array.from(plain.network.biases));
    const dropped = make({ dropout: 0.3 });
    expect(Array.from(dropped.network.weights), 'dropout changes training').to.not.deep.equal(Array.from(plain.network.weights));
  });

  it('the same seed drops the same neurons: two runs give the same weights; another seed does not', () => {
    const run = (seed: number, dropout: number | number[]) => {
      const network = new Network({ layers: [2, 8, 8, 1], activation: ['relu', 'tanh'], seed: 1 });
      const random = new Random(4);
      const inputs = Array.from({ length: 80 }, () => [random.uniform(-5, 5), random.uniform(-5, 5)]);
      const trainer = new Trainer(network, { inputs, targets: inputs.map(([x, y]) => [x * y > 0 ? 1 : 0]) }, { dropout, seed, learningRate: 0.1 });
      const losses = Array.from({ length: 4 }, () => trainer.epoch());
      return { weights: Array.from(network.weights), losses, evaluation: trainer.evaluate() };
    };
    const first = run(2, [0.2, 0.4]);
    const second = run(2, [0.2, 0.4]);
    expect(second.weights).to.deep.equal(first.weights);
    expect(second.losses).to.deep.equal(first.losses);
    expect(run(3, [0.2, 0.4]).weights).to.not.deep.equal(first.weights);
    expect(first.losses.every(Number.isFinite)).to.equal(true);
  });

  it('evaluate() uses the whole network: the loss of the network as it predicts, the same however often it runs', () => {
    const network = new Network({ layers: [2, 8, 1], activation: 'tanh', seed: 6 });
    const random = new Random(8);
    const inputs = Array.from({ length: 40 }, () => [random.uniform(-5, 5), random.uniform(-5, 5)]);
    const data = { inputs, targets: inputs.map(([x]) => [x > 0 ? 1 : 0]) };
    const trainer = new Trainer(network, data, { dropout: 0.5 });
    trainer.epoch();
    const matrix = toMatrix(data, 2, 1);
    const loss = getLoss('binary-cross-entropy');
    let total = 0;
    for (let r = 0; r < matrix.count; r++) {
      network.forwardFrom(matrix.inputs, r * 2);
      total += loss.value(network.values, network.neuronOffset[2], matrix.targets, r, 1);
    }
    expect(trainer.evaluate().loss).to.equal(total / matrix.count);
    expect(trainer.evaluate(data).loss).to.equal(trainer.evaluate().loss);
  });

  it('refuses rates outside [0, 1) and a list of the wrong length', () => {
    const network = new Network({ layers: [2, 4, 4, 1] });
    const data = { inputs: [[0, 0], [1, 1]], targets: [[0], [1]] };
    for (const bad of [1, -0.1, Number.NaN, Infinity]) {
      expectNnKitError(() => new Trainer(network, data, { dropout: bad }), 'at least 0 and below 1', String(bad));
    }
    expectNnKitError(() => new Trainer(network, data, { dropout: [0.1, 0.2, 0.3] }), 'lists 3 rates', '2 hidden layers');
    expectNnKitError(() => new Trainer(network, data, { dropout: '0.2' as unknown as number }), 'at least 0 and below 1', 'got 0.2');
    expect(dropoutRates([0.25], 3)).to.deep.equal([0.25, 0.25, 0.25]);
    expect(dropoutRates(undefined, 2)).to.deep.equal([0, 0]);
  });
});
