/// <reference types="mocha" />
import { expect } from '@open-wc/testing';
import { type ModelJSON, Network, NnKitError, Trainer, makeDataset } from '../../src/index.js';
import { expectNnKitError } from './helpers.js';

function trained(): Network {
  const network = new Network({ layers: [2, 5, 3, 1], activation: 'relu', outputActivation: 'sigmoid', seed: 9 });
  const trainer = new Trainer(network, makeDataset('xor', { samples: 100 }), { learningRate: 0.1 });
  for (let i = 0; i < 30; i++) trainer.step();
  return network;
}

/** A small valid model written out by hand. */
function validModel(): ModelJSON {
  return {
    format: 'nn-kit.model',
    version: 1,
    layers: [2, 2, 1],
    activation: 'tanh',
    outputActivation: 'sigmoid',
    weights: [
      [
        [0.5, -1],
        [0.25, 2],
      ],
      [[1.5, -0.75]],
    ],
    biases: [[0.1, -0.3], [0.2]],
  };
}

const modelWith = (patch: Record<string, unknown>) => ({ ...validModel(), ...patch });

describe('serialization', () => {
  it('toJSON → stringify → parse → fromJSON is bit-exact (weights, biases, predictions)', () => {
    const network = trained();
    const text = JSON.stringify(network.toJSON());
    const copy = Network.fromJSON(JSON.parse(text));
    expect(copy.layers).to.deep.equal(network.layers);
    expect(copy.activation.name).to.equal('relu');
    expect(copy.outputActivation.name).to.equal('sigmoid');
    network.weights.forEach((w, i) => expect(Object.is(w, copy.weights[i]), `weight ${i}`).to.equal(true));
    network.biases.forEach((b, i) => expect(Object.is(b, copy.biases[i]), `bias ${i}`).to.equal(true));
    for (const x of [[0, 0], [1.5, -2.25], [-4, 3], [1e-3, 5]]) {
      expect(Object.is(copy.predict(x)[0], network.predict(x)[0])).to.equal(true);
    }
    // And the text is stable through a second round trip.
    expect(JSON.stringify(copy.toJSON())).to.equal(text);
  });

  it('toJSON writes weights[layer][to][from] and biases[layer][to]', () => {
    const network = Network.fromJSON(validModel());
    expect(network.weights[network.weightIndex(0, 1, 0)]).to.equal(0.25);
    expect(network.weights[network.weightIndex(1, 0, 1)]).to.equal(-0.75);
    expect(network.biases[network.biasOffset[1]]).to.equal(0.2);
    expect(network.toJSON()).to.deep.equal(validModel());
    const z = 1.5 * Math.tanh(0.5 * 1 - 1 * 2 + 0.1) - 0.75 * Math.tanh(0.25 * 1 + 2 * 2 - 0.3) + 0.2;
    expect(network.predict([1, 2])[0]).to.be.closeTo(1 / (1 + Math.exp(-z)), 1e-15);
  });

  it('rejects non-objects and arrays', () => {
    for (const bad of [null, undefined, 3, 'model', [], [validModel()]]) {
      expectNnKitError(() => Network.fromJSON(bad), 'Model JSON', 'expected an object');
    }
  });

  it('rejects a wrong format or version, naming the field', () => {
    expectNnKitError(() => Network.fromJSON(modelWith({ format: 'keras' })), '"format"', 'nn-kit.model');
    expectNnKitError(() => Network.fromJSON(modelWith({ format: undefined })), '"format"');
    expectNnKitError(() => Network.fromJSON(modelWith({ version: 2 })), '"version"', '1');
    expectNnKitError(() => Network.fromJSON(modelWith({ version: '1' })), '"version"');
  });

  it('rejects layers that are not positive whole numbers', () => {
    for (const layers of [[2, 0, 1], [2, 2.5, 1], [-2, 2, 1], [2, '2', 1], [2], [], 'x', null, { 0: 2, 1: 1, length: 2 }]) {
      expectNnKitError(() => Network.fromJSON(modelWith({ layers })), 'Model JSON', /[Ll]ayer/);
    }
  });

  it('rejects missing, short, ragged or non-numeric weights and biases, naming the place', () => {
    const m = validModel;
    expectNnKitError(() => Network.fromJSON(modelWith({ weights: undefined })), '"weights"', '2 layers');
    expectNnKitError(() => Network.fromJSON(modelWith({ weights: [m().weights[0]] })), '"weights"');
    expectNnKitError(() => Network.fromJSON(modelWith({ biases: undefined })), '"biases"');
    expectNnKitError(() => Network.fromJSON(modelWith({ biases: { 0: [0, 0], 1: [0] } })), '"biases"');
    expectNnKitError(() => Network.fromJSON(modelWith({ weights: [[[0.5, -1]], m().weights[1]] })), 'weights[0]', '2 rows');
    expectNnKitError(() => Network.fromJSON(modelWith({ weights: [[[0.5, -1], [0.25]], m().weights[1]] })), 'weights[0][1]', '2 finite numbers');
    expectNnKitError(() => Network.fromJSON(modelWith({ weights: [m().weights[0], [[1.5, -0.75, 3]]] })), 'weights[1][0]');
    expectNnKitError(() => Network.fromJSON(modelWith({ weights: [m().weights[0], [{ 0: 1.5, 1: -0.75 }]] })), 'weights[1][0]');
    expectNnKitError(() => Network.fromJSON(modelWith({ biases: [[0.1], [0.2]] })), 'biases[0]', '2 finite numbers');
    expectNnKitError(() => Network.fromJSON(modelWith({ biases: [[0.1, -0.3], 0.2] })), 'biases[1]');
  });

  it('rejects NaN (null after JSON), Infinity and strings in weights and biases', () => {
    const nan = JSON.parse(JSON.stringify(modelWith({ weights: [[[NaN, -1], [0.25, 2]], [[1.5, -0.75]]] })));
    expect(nan.weights[0][0][0]).to.equal(null);
    expectNnKitError(() => Network.fromJSON(nan), 'weights[0][0]', 'finite numbers');
    expectNnKitError(() => Network.fromJSON(modelWith({ weights: [[[0.5, -1], [0.25, Infinity]], [[1.5, -0.75]]] })), 'weights[0][1]');
    expectNnKitError(() => Network.fromJSON(modelWith({ weights: [[[0.5, '-1'], [0.25, 2]], [[1.5, -0.75]]] })), 'weights[0][0]');
    expectNnKitError(() => Network.fromJSON(modelWith({ biases: [[0.1, NaN], [0.2]] })), 'biases[0]');
    expectNnKitError(() => Network.fromJSON(modelWith({ biases: [[0.1, -0.3], ['0.2']] })), 'biases[1]');
  });

  it('rejects holes in weight rows (sparse arrays would load as NaN)', () => {
    // eslint-disable-next-line no-sparse-arrays
    const holey = [0.5, , ] as unknown as number[];
    expect(holey.length).to.equal(2);
    expectNnKitError(() => Network.fromJSON(modelWith({ weights: [[holey, [0.25, 2]], [[1.5, -0.75]]] })), 'weights[0][0]');
  });

  it('rejects unknown or missing activations, and softmax as the hidden one', () => {
    expectNnKitError(() => Network.fromJSON(modelWith({ activation: 'swishy' })), 'activation', '"swishy"');
    expectNnKitError(() => Network.fromJSON(modelWith({ outputActivation: 'prob' })), 'ctivation', '"prob"');
    expectNnKitError(() => Network.fromJSON(modelWith({ activation: 3 })), '"activation"');
    expectNnKitError(() => Network.fromJSON(modelWith({ outputActivation: undefined })), '"outputActivation"');
    expectNnKitError(() => Network.fromJSON(modelWith({ activation: 'softmax' })), '"softmax"');
  });

  it('a "__proto__" key from JSON.parse neither pollutes Object.prototype nor supplies fields', () => {
    const text =
      '{"__proto__": {"polluted": "yes", "format": "nn-kit.model", "version": 1, "layers": [2, 1],' +
      ' "activation": "tanh", "outputActivation": "sigmoid", "weights": [[[1, 2]]], "biases": [[0]]}}';
    const parsed = JSON.parse(text);
    expect(() => Network.fromJSON(parsed)).to.throw(NnKitError, /"format"/);
    expect(({} as Record<string, unknown>).polluted).to.equal(undefined);
    expect(Object.prototype).to.not.have.own.property('polluted');

    // A valid model with an extra "__proto__" key loads, and still pollutes nothing.
    const extra = JSON.parse(JSON.stringify(validModel()).replace('{', '{"__proto__": {"polluted": "yes", "layers": [9, 9]},'));
    const network = Network.fromJSON(extra);
    expect(network.layers).to.deep.equal([2, 2, 1]);
    expect(({} as Record<string, unknown>).polluted).to.equal(undefined);
  });

  it('fields inherited through a prototype are not read', () => {
    const inherited = Object.create(validModel());
    expectNnKitError(() => Network.fromJSON(inherited), '"format"');
  });

  it('error messages start with "Model JSON:"', () => {
    const error = expectNnKitError(() => Network.fromJSON(modelWith({ version: 0 })));
    expect(error.message.startsWith('Model JSON:')).to.equal(true);
  });
});
