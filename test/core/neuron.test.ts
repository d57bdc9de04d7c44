/// <reference types="mocha" />
import { expect } from '@open-wc/testing';
import { computeNeuron } from '../../src/index.js';
import { expectNnKitError } from './helpers.js';

describe('computeNeuron', () => {
  it('the "walk" example: inputs [1,0,1], weights [0.8,−0.4,0.5], bias −0.5, sigmoid', () => {
    const result = computeNeuron({ inputs: [1, 0, 1], weights: [0.8, -0.4, 0.5], bias: -0.5, activation: 'sigmoid' });
    // terms are wᵢ·xᵢ: −0.4·0 is −0.
    expect(result.terms).to.deep.equal([0.8, -0, 0.5]);
    expect(Object.is(result.terms[1], -0)).to.equal(true);
    expect(result.sum).to.be.closeTo(1.3, 1e-15);
    expect(result.z).to.be.closeTo(0.8, 1e-15);
    const y = 1 / (1 + Math.exp(-0.8));
    expect(result.output).to.be.closeTo(y, 1e-15);
    // Not thresholded: the output is the sigmoid value, not a 0/1 decision.
    expect(result.output).to.be.within(0.68, 0.69);
    expect(result.slope).to.be.closeTo(y * (1 - y), 1e-15);
  });

  it('defaults to sigmoid and supports other activations (relu, step, tanh)', () => {
    const base = { inputs: [2, -1], weights: [0.5, 1.5], bias: 0.25 };
    // z = 1 − 1.5 + 0.25 = −0.25
    expect(computeNeuron(base).output).to.be.closeTo(1 / (1 + Math.exp(0.25)), 1e-15);
    expect(computeNeuron({ ...base, activation: 'relu' })).to.deep.include({ output: 0, slope: 0 });
    expect(computeNeuron({ ...base, activation: 'step' }).output).to.equal(0);
    expect(computeNeuron({ ...base, bias: 0.5, activation: 'step' }).output).to.equal(1); // z = 0
    const t = computeNeuron({ ...base, activation: 'tanh' });
    expect(t.output).to.be.closeTo(Math.tanh(-0.25), 1e-15);
    expect(t.slope).to.be.closeTo(1 - Math.tanh(-0.25) ** 2, 1e-15);
  });

  it('rejects mismatched lengths, no inputs, non-finite values, softmax and unknown activations', () => {
    expectNnKitError(() => computeNeuron({ inputs: [1, 2, 3], weights: [1, 2], bias: 0 }), '3 inputs but 2 weights');
    expectNnKitError(() => computeNeuron({ inputs: [1], weights: [1, 2], bias: 0 }), '1 inputs but 2 weights');
    expectNnKitError(() => computeNeuron({ inputs: [], weights: [], bias: 0 }), 'at least one input');
    expectNnKitError(() => computeNeuron({ inputs: [1, NaN], weights: [1, 2], bias: 0 }), 'finite');
    expectNnKitError(() => computeNeuron({ inputs: [1], weights: [1], bias: Infinity }), 'finite');
    expectNnKitError(() => computeNeuron({ inputs: [1], weights: [1], bias: 0, activation: 'softmax' }), '"softmax"', 'whole layer');
    expectNnKitError(() => computeNeuron({ inputs: [1], weights: [1], bias: 0, activation: 'sgn' }), 'Unknown activation "sgn"');
  });
});
