/// <reference types="mocha" />
import { expect } from '@open-wc/testing';
import { Inspector, Network, Random, Trainer, getLoss, histogram, makeDataset, toMatrix } from '../../src/index.js';
import { expectNnKitError, relativeError } from './helpers.js';

/** Mean loss of `network` over the first `count` rows of data. */
function meanLoss(network: Network, inputs: number[][], targets: number[][], count: number, lossName: string): number {
  const loss = getLoss(lossName);
  const target = new Float64Array(targets[0].length);
  const out = network.neuronOffset[network.depth];
  let total = 0;
  for (let r = 0; r < count; r++) {
    network.forwardFrom(inputs[r]);
    target.set(targets[r]);
    total += loss.value(network.values, out, target, 0, target.length);
  }
  return total / count;
}

describe('inspect: histograms of a layer', () => {
  it('counts values in equal bins, the largest in the last, and leaves non-finite ones out', () => {
    const h = histogram([0, 1, 2, 3, 4, Number.NaN, Infinity], 0, 7, 4);
    expect(h.min).to.equal(0);
    expect(h.max).to.equal(4);
    expect(h.counts).to.deep.equal([1, 1, 1, 2]);
    expect(h.nonFinite).to.equal(2);
  });

  it('reads only the range asked for; one repeated value spans ±0.5; no values gives empty bins', () => {
    expect(histogram([9, 2, 2, 2, 9], 1, 4, 3)).to.deep.equal({ min: 1.5, max: 2.5, counts: [0, 3, 0], nonFinite: 0 });
    expect(histogram([], 0, 0, 2)).to.deep.equal({ min: 0, max: 0, counts: [0, 0], nonFinite: 0 });
    expectNnKitError(() => histogram([1], 0, 1, 0), 'bins');
  });
});

describe('inspect: a network while it learns', () => {
  const data = makeDataset('xor', { samples: 60, seed: 4 });
  const matrix = toMatrix(data, 2, 1);

  it('gives each weight layer the gradient of the mean loss over the sample, as finite differences do', () => {
    const network = new Network({ layers: [2, 5, 3, 1], activation: 'tanh', outputActivation: 'sigmoid', seed: 7 });
    const samples = 25;
    const layers = new Inspector(network, matrix, getLoss('binary-cross-entropy'), { samples }).inspect();
    expect(layers).to.have.length(3);
    const h = 1e-6;
    for (let k = 0; k < network.depth; k++) {
      let squares = 0;
      const differences: number[] = [];
      for (let i = network.weightOffset[k]; i < network.weightOffset[k + 1]; i++) {
        const w = network.weights[i];
        network.weights[i] = w + h;
        const up = meanLoss(network, data.inputs as number[][], data.targets as number[][], samples, 'binary-cross-entropy');
        network.weights[i] = w - h;
        const down = meanLoss(network, data.inputs as number[][], data.targets as number[][], samples, 'binary-cross-entropy');
        network.weights[i] = w;
        const slope = (up - down) / (2 * h);
        differences.push(slope);
        squares += slope * slope;
      }
      const rms = Math.sqrt(squares / differences.length);
      expect(relativeError(layers[k].gradientRms, rms), `layer ${k}`).to.be.below(1e-6);
      const sum = layers[k].gradients.counts.reduce((a, b) => a + b, 0);
      expect(sum).to.equal(differences.length);
      expect(layers[k].gradients.min).to.be.closeTo(Math.min(...differences), 1e-7);
      expect(layers[k].gradients.max).to.be.closeTo(Math.max(...differences), 1e-7);
    }
  });

  it('histograms every weight and every activation of the sample, and finds ReLUs that never fire', () => {
    const network = new Network({ layers: [2, 4, 1], activation: 'relu', outputActivation: 'sigmoid', seed: 2 });
    // Neuron 2 of the hidden layer: a bias no input of the data (|x| ≤ 6) can overcome.
    network.biases[network.biasOffset[0] + 2] = -1000;
    const [hidden, output] = new Inspector(network, matrix, getLoss('binary-cross-entropy'), { samples: 40, bins: 10 }).inspect();
    expect(hidden.weights.counts.reduce((a, b) => a + b, 0)).to.equal(8);
    expect(hidden.activations.counts.reduce((a, b) => a + b, 0)).to.equal(40 * 4);
    expect(hidden.activations.counts[0]).to.be.at.least(40); // the dead neuron's zeros, at least
    expect(hidden.dead).to.equal(1);
    expect(hidden.neurons).to.equal(4);
    expect(output.dead).to.equal(0); // an output is never counted as dead
    expect(output.activations.min).to.be.above(0);
    expect(output.activations.max).to.be.below(1);
  });

  it('changes neither the weights nor a trainer\'s run', () => {
    const make = () => new Network({ layers: [2, 4, 2, 1], activation: 'tanh', seed: 3 });
    const a = make();
    const b = make();
    const ta = new Trainer(a, data, { learningRate: 0.1, seed: 5 });
    const tb = new Trainer(b, data, { learningRate: 0.1, seed: 5 });
    const inspector = new Inspector(b, toMatrix(data, 2, 1), tb.loss);
    for (let i = 0; i < 12; i++) {
      ta.step();
      tb.step();
      inspector.inspect();
    }
    expect(Array.from(b.weights)).to.deep.equal(Array.from(a.weights));
    expect(Array.from(b.biases)).to.deep.equal(Array.from(a.biases));
  });

  it('shows vanishing gradients: a deep sigmoid network\'s first layer gets far smaller gradients than its last', () => {
    const network = new Network({ layers: [2, 8, 8, 8, 8, 8, 1], activation: 'sigmoid', seed: 1 });
    const layers = new Inspector(network, matrix, getLoss('binary-cross-entropy')).inspect();
    expect(layers[0].gradientRms * 20).to.be.below(layers.at(-1)!.gradientRms);
  });

  it('inspects at most the rows there are', () => {
    const small = toMatrix({ inputs: [[0, 1], [1, 0]], targets: [[1], [0]] }, 2, 1);
    const network = new Network({ layers: [2, 3, 1], seed: new Random(1).int(100) });
    const [layer] = new Inspector(network, small, getLoss('mse'), { samples: 500 }).inspect();
    expect(layer.activations.counts.reduce((a, b) => a + b, 0)).to.equal(2 * 3);
  });
});
