/// <reference types="mocha" />
import { expect } from '@open-wc/testing';
import { LIMITS, Network, validateLayers } from '../../src/index.js';
import { expectNnKitError } from './helpers.js';

const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

/** A [2, 2, 1] tanh/sigmoid network with hand-set weights. */
function tiny(): Network {
  const network = new Network({ layers: [2, 2, 1], activation: 'tanh', outputActivation: 'sigmoid' });
  // Layer 0: neuron 0 ← (0.5, −1), neuron 1 ← (0.25, 2); biases 0.1, −0.3.
  network.weights.set([0.5, -1, 0.25, 2, 1.5, -0.75]);
  network.biases.set([0.1, -0.3, 0.2]);
  return network;
}

describe('Network', () => {
  it('lays out weights as weights[k][to][from] and exposes sizes', () => {
    const network = new Network({ layers: [3, 4, 2] });
    expect(network.inputSize).to.equal(3);
    expect(network.outputSize).to.equal(2);
    expect(network.depth).to.equal(2);
    expect(network.weights.length).to.equal(3 * 4 + 4 * 2);
    expect(network.biases.length).to.equal(4 + 2);
    expect(network.weightIndex(0, 0, 0)).to.equal(0);
    expect(network.weightIndex(0, 1, 0)).to.equal(3);
    expect(network.weightIndex(0, 3, 2)).to.equal(11);
    expect(network.weightIndex(1, 0, 0)).to.equal(12);
    expect(network.weightIndex(1, 1, 3)).to.equal(19);
    expect(Array.from(network.biasOffset)).to.deep.equal([0, 4, 6]); // cumulative: 0, 4, 4 + 2
    expect(Array.from(network.weightOffset)).to.deep.equal([0, 12, 20]); // 0, 3·4, 12 + 4·2
    expect(network.activation.name).to.equal('tanh');
    expect(network.outputActivation.name).to.equal('sigmoid');
    expect(network.seed).to.equal(1);
    expect(network.layers).to.deep.equal([3, 4, 2]);
    expect(Object.isFrozen(network.layers)).to.equal(true);
  });

  it('keeps every weight, then every bias, in one array: parameters', () => {
    const network = new Network({ layers: [3, 4, 2], seed: 2 });
    expect(network.parameters.length).to.equal(20 + 6);
    network.biases[5] = 7;
    network.weights[0] = -3;
    expect(network.parameters[0]).to.equal(-3);
    expect(network.parameters[25]).to.equal(7);
    network.parameters[20] = 0.5;
    expect(network.biases[0]).to.equal(0.5);
  });

  it('initialises biases to zero and weights within Glorot / He limits', () => {
    const glorot = new Network({ layers: [3, 5, 2], activation: 'tanh', seed: 4 });
    expect(Array.from(glorot.biases).every((b) => b === 0)).to.equal(true);
    const limit0 = Math.sqrt(6 / (3 + 5));
    for (let i = 0; i < 15; i++) expect(Math.abs(glorot.weights[i])).to.be.at.most(limit0);
    const he = new Network({ layers: [3, 50, 2], activation: 'relu', seed: 4 });
    const heLimit = Math.sqrt(6 / 3);
    const first = Array.from(he.weights.subarray(0, 150));
    expect(Math.max(...first.map(Math.abs))).to.be.at.most(heLimit);
    // He's range is wider than Glorot's would be (√(6/53) ≈ 0.34): some weight exceeds it.
    expect(Math.max(...first.map(Math.abs))).to.be.greaterThan(Math.sqrt(6 / 53));
  });

  it('predict computes tanh hidden and sigmoid output by hand', () => {
    const network = tiny();
    const [x1, x2] = [0.8, -0.6];
    const h0 = Math.tanh(0.5 * x1 - 1 * x2 + 0.1);
    const h1 = Math.tanh(0.25 * x1 + 2 * x2 - 0.3);
    const out = sigmoid(1.5 * h0 - 0.75 * h1 + 0.2);
    const predicted = network.predict([x1, x2]);
    expect(predicted).to.be.instanceOf(Float64Array);
    expect(predicted.length).to.equal(1);
    expect(predicted[0]).to.be.closeTo(out, 1e-15);
    // predict returns a fresh copy, not the live output view.
    network.predict([0, 0]);
    expect(predicted[0]).to.be.closeTo(out, 1e-15);
  });

  it('trace: layer 0 a = inputs, z = W·a + b per layer, last a = predict()', () => {
    const network = tiny();
    const input = [1.25, 0.4];
    const trace = network.trace(input);
    expect(trace.length).to.equal(3);
    expect(trace[0]).to.deep.equal({ z: [], a: input });
    const z1 = [0.5 * 1.25 - 1 * 0.4 + 0.1, 0.25 * 1.25 + 2 * 0.4 - 0.3];
    trace[1].z.forEach((z, j) => expect(z).to.be.closeTo(z1[j], 1e-15));
    trace[1].a.forEach((a, j) => expect(a).to.be.closeTo(Math.tanh(z1[j]), 1e-15));
    const z2 = 1.5 * Math.tanh(z1[0]) - 0.75 * Math.tanh(z1[1]) + 0.2;
    expect(trace[2].z[0]).to.be.closeTo(z2, 1e-15);
    expect(trace[2].a[0]).to.be.closeTo(sigmoid(z2), 1e-15);
    expect(trace[2].a).to.deep.equal(Array.from(network.predict(input)));
  });

  it('trace of a softmax output: z is the raw sums, a sums to 1', () => {
    const network = new Network({ layers: [2, 3], outputActivation: 'softmax' });
    network.weights.set([1, 0, 0, 1, 1, 1]);
    network.biases.set([0, 0.5, -1]);
    const trace = network.trace([2, -1]);
    const z = [2, -0.5, 0];
    trace[1].z.forEach((v, j) => expect(v).to.be.closeTo(z[j], 1e-15));
    const denom = z.reduce((s, v) => s + Math.exp(v), 0);
    trace[1].a.forEach((v, j) => expect(v).to.be.closeTo(Math.exp(z[j]) / denom, 1e-15));
  });

  it('forwardFrom reads inputs at an offset and returns the output view', () => {
    const network = tiny();
    const out = network.forwardFrom([9, 9, 0.8, -0.6], 2);
    expect(out).to.equal(network.output);
    expect(out[0]).to.be.closeTo(network.predict([0.8, -0.6])[0], 1e-15);
  });

  it('clone is deep: same predictions, independent weights', () => {
    const network = new Network({ layers: [2, 3, 1], seed: 3 });
    const copy = network.clone();
    expect(Array.from(copy.weights)).to.deep.equal(Array.from(network.weights));
    copy.weights[0] += 1;
    expect(copy.weights[0]).to.not.equal(network.weights[0]);
  });

  describe('determinism', () => {
    it('same seed → bit-identical weights; different seed → different weights', () => {
      const options = { layers: [4, 6, 3], activation: 'relu', outputActivation: 'softmax' };
      const a = new Network({ ...options, seed: 42 });
      const b = new Network({ ...options, seed: 42 });
      const c = new Network({ ...options, seed: 43 });
      expect(a.weights.length).to.equal(b.weights.length);
      a.weights.forEach((w, i) => expect(Object.is(w, b.weights[i])).to.equal(true));
      let differ = 0;
      a.weights.forEach((w, i) => (differ += w === c.weights[i] ? 0 : 1));
      expect(differ).to.equal(a.weights.length);
      // Default seed is 1.
      const d = new Network({ layers: [4, 6, 3], activation: 'relu', outputActivation: 'softmax' });
      const e = new Network({ ...options, seed: 1 });
      expect(Array.from(d.weights)).to.deep.equal(Array.from(e.weights));
    });
  });

  describe('validation', () => {
    it('predict rejects wrong input length and non-finite inputs', () => {
      const network = new Network({ layers: [3, 1] });
      expectNnKitError(() => network.predict([1, 2]), 'takes 3 inputs', 'got 2');
      expectNnKitError(() => network.predict([1, 2, 3, 4]), 'takes 3 inputs', 'got 4');
      expectNnKitError(() => new Network({ layers: [1, 1] }).predict([1, 2]), 'takes 1 input;');
      expectNnKitError(() => network.predict([1, NaN, 3]), 'Input 2', 'NaN');
      expectNnKitError(() => network.predict([1, 2, Infinity]), 'Input 3', 'Infinity');
      expectNnKitError(() => network.trace([1]), 'takes 3 inputs');
      expectNnKitError(() => network.predict(null as unknown as number[]), 'takes 3 inputs', 'none');
    });

    it('rejects bad layer lists with a message saying what is accepted', () => {
      expectNnKitError(() => new Network({ layers: [] }), 'at least two sizes');
      expectNnKitError(() => new Network({ layers: [3] }), 'at least two sizes');
      expectNnKitError(() => new Network({ layers: [0, 1] }), 'whole numbers of at least 1', '"0"');
      expectNnKitError(() => new Network({ layers: [2, 0] }), 'whole numbers of at least 1');
      expectNnKitError(() => new Network({ layers: [2.5, 1] }), 'whole numbers', '"2.5"');
      expectNnKitError(() => new Network({ layers: [-1, 1] }), 'whole numbers', '"-1"');
      expectNnKitError(() => new Network({ layers: [2, NaN] }), 'whole numbers', 'NaN');
      expectNnKitError(() => new Network({ layers: ['2', 1] as unknown as number[] }), 'whole numbers');
      expectNnKitError(() => new Network({ layers: '2,1' as unknown as number[] }), 'at least two sizes');
      expectNnKitError(() => new Network(undefined as unknown as { layers: number[] }), 'options must be an object');
    });

    it('enforces LIMITS: layer count, layer size and parameter count', () => {
      expect(LIMITS).to.deep.equal({ layerSize: 4096, layers: 32, parameters: 1_000_000 });
      validateLayers(new Array(LIMITS.layers).fill(1));
      expectNnKitError(() => new Network({ layers: new Array(LIMITS.layers + 1).fill(1) }), 'at most 32 layers', '33');
      validateLayers([1, LIMITS.layerSize]);
      expectNnKitError(() => new Network({ layers: [2, LIMITS.layerSize + 1] }), 'at most 4096 neurons', '4097');
      // (1000 + 1)·999 = 999,999 parameters is allowed; (1000 + 1)·1000 = 1,001,000 is not.
      validateLayers([1000, 999]);
      expectNnKitError(() => validateLayers([1000, 1000]), '1,001,000', '1,000,000');
    });

    it('rejects unknown activations and softmax as a hidden activation', () => {
      expectNnKitError(() => new Network({ layers: [2, 1], activation: 'sigmoidd' }), 'Unknown activation "sigmoidd"', '"tanh"');
      expectNnKitError(() => new Network({ layers: [2, 1], outputActivation: 'max' }), 'Unknown activation "max"');
      expectNnKitError(() => new Network({ layers: [2, 3, 1], activation: 'softmax' }), '"softmax"', 'output layer');
      // Softmax is fine as the output activation.
      expect(new Network({ layers: [2, 3], outputActivation: 'softmax' }).outputActivation.name).to.equal('softmax');
    });

    it('rejects a non-finite seed', () => {
      expectNnKitError(() => new Network({ layers: [2, 1], seed: NaN }), 'seed', 'NaN');
      expectNnKitError(() => new Network({ layers: [2, 1], seed: Infinity }), 'seed');
    });
  });
});
