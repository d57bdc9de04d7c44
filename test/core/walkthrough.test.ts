/// <reference types="mocha" />
// One sample's backpropagation as the walkthrough shows it (src/walkthrough.ts): every
// gradient against central finite differences of the core's own loss, for every activation
// and loss in the registries, and the per-neuron deltas against the chain rule.
import { expect } from '@open-wc/testing';
import {
  Backprop,
  Network,
  type ParameterPlace,
  Random,
  activations,
  descend,
  getLoss,
  losses,
  nudgeCheck,
  nudgedLoss,
  parameterSlot,
  sampleGradients,
  sampleLoss,
  valueAt,
} from '../../src/index.js';
import { expectNnKitError, relativeError } from './helpers.js';

const H = 1e-5;
const TOLERANCE = 1e-6;
const HIDDEN = Object.keys(activations).filter((name) => !activations[name].applyVector);
const OUTPUTS = Object.keys(activations);

/** (output activation, loss): BCE and CE need outputs in (0, 1). */
const PAIRINGS: [string, string][] = [
  ...OUTPUTS.map((output): [string, string] => [output, 'mse']),
  ['sigmoid', 'binary-cross-entropy'],
  ['softmax', 'binary-cross-entropy'],
  ['sigmoid', 'cross-entropy'],
  ['softmax', 'cross-entropy'],
];

function targetFor(random: Random, loss: string, n: number, round: number): number[] {
  if (loss === 'mse') return Array.from({ length: n }, () => random.uniform(-1, 1));
  // Soft targets on every other round: the Keras formulas hold for any target in [0, 1].
  if (round % 2 === 0) return Array.from({ length: n }, (_, i) => (i === round % n ? 1 : 0));
  return Array.from({ length: n }, () => random.uniform(0.05, 0.95));
}

/** Every place of a weight or bias. */
function places(network: Network): ParameterPlace[] {
  const all: ParameterPlace[] = [];
  for (let k = 0; k < network.depth; k++) {
    for (let j = 0; j < network.layers[k + 1]; j++) {
      for (let i = 0; i < network.layers[k]; i++) all.push([k, j, i]);
      all.push([k, j]);
    }
  }
  return all;
}

/** A network and a sample whose weighted sums keep away from every kink (|z| > 0.01). */
function setUp(hidden: string, output: string, loss: string, seed: number) {
  const layers = output === 'softmax' || loss === 'cross-entropy' ? [3, 4, 3] : [2, 3, 2];
  const random = new Random(seed * 31 + 7);
  for (let attempt = 0; attempt < 100; attempt++) {
    const network = new Network({ layers, activation: hidden, outputActivation: output, seed: seed + attempt * 101 });
    for (let i = 0; i < network.biases.length; i++) network.biases[i] = random.uniform(-0.5, 0.5);
    const input = Array.from({ length: layers[0] }, () => random.uniform(-1.5, 1.5));
    const target = targetFor(random, loss, network.outputSize, seed);
    const sums = network.trace(input).slice(1).flatMap((layer) => layer.z);
    if (sums.every((z) => Math.abs(z) > 0.01)) return { network, input, target };
  }
  throw new Error('no sample away from the kinks');
}

describe('walkthrough: one sample, forward and back', () => {
  it('every weight and bias gradient agrees with finite differences of the core loss, for every activation and loss', () => {
    let checked = 0;
    for (const hidden of HIDDEN) {
      for (const [output, loss] of PAIRINGS) {
        for (const seed of [1, 2]) {
          const { network, input, target } = setUp(hidden, output, loss, seed);
          const result = sampleGradients(network, input, target, loss);
          expect(result.loss, `${hidden}/${output}/${loss} loss`).to.be.closeTo(sampleLoss(network, input, target, loss), 1e-15);
          for (const place of places(network)) {
            const plus = nudgedLoss(network, place, H, input, target, loss);
            const minus = nudgedLoss(network, place, -H, input, target, loss);
            const numeric = (plus - minus) / (2 * H);
            const ours = valueAt(place, result);
            const at = `${hidden}/${output}/${loss} seed ${seed} at [${place.join('][')}]: ${ours} vs ${numeric}`;
            if (Math.abs(numeric) < 1e-9) expect(Math.abs(ours), at).to.be.lessThan(1e-8);
            else expect(relativeError(ours, numeric), at).to.be.lessThan(TOLERANCE);
            checked++;
          }
        }
      }
    }
    expect(checked).to.be.greaterThan(1000);
  });

  it('∂L/∂a of the inputs agrees with finite differences over the inputs (the chain reaches every layer)', () => {
    for (const hidden of ['sigmoid', 'tanh', 'gelu', 'swish', 'softplus']) {
      for (const [output, loss] of [['sigmoid', 'mse'], ['softmax', 'cross-entropy'], ['sigmoid', 'binary-cross-entropy']]) {
        const { network, input, target } = setUp(hidden, output, loss, 3);
        const result = sampleGradients(network, input, target, loss);
        input.forEach((x, i) => {
          const moved = (d: number) => sampleLoss(network, input.map((v, m) => (m === i ? x + d : v)), target, loss);
          const numeric = (moved(H) - moved(-H)) / (2 * H);
          expect(relativeError(result.nodes[0].da[i], numeric), `${hidden}/${output}/${loss} ∂L/∂x${i}`).to.be.lessThan(TOLERANCE);
        });
      }
    }
  });

  it('∂L/∂a of the outputs agrees with finite differences of the loss over the outputs', () => {
    for (const [output, loss] of PAIRINGS.filter(([o]) => o === 'sigmoid' || o === 'softmax')) {
      const { network, input, target } = setUp('tanh', output, loss, 4);
      const result = sampleGradients(network, input, target, loss);
      const a = Float64Array.from(result.nodes[network.depth].a);
      const t = Float64Array.from(target);
      const lossFn = getLoss(loss);
      a.forEach((value, i) => {
        const at = (d: number) => {
          const moved = Float64Array.from(a);
          moved[i] = value + d;
          return lossFn.value(moved, 0, t, 0, a.length);
        };
        const numeric = (at(H) - at(-H)) / (2 * H);
        expect(relativeError(result.nodes[network.depth].da[i], numeric), `${output}/${loss} ∂L/∂a${i}`).to.be.lessThan(TOLERANCE);
      });
    }
  });

  it('∂L/∂z is ∂L/∂a · f′(z) for every scalar activation, and equals ∂L/∂b', () => {
    for (const hidden of HIDDEN) {
      const { network, input, target } = setUp(hidden, 'sigmoid', 'mse', 5);
      const result = sampleGradients(network, input, target, 'mse');
      for (let l = 1; l <= network.depth; l++) {
        const f = network.activationOf(l - 1);
        result.nodes[l].dz.forEach((dz, j) => {
          const { z, a, da } = result.nodes[l];
          expect(dz, `${hidden} layer ${l} neuron ${j}`).to.be.closeTo(da[j] * f.df(z[j], a[j]), 1e-12);
          expect(result.biases[l - 1][j]).to.equal(dz);
        });
      }
    }
  });

  it('softmax with cross-entropy gives ∂L/∂z = p − y; sigmoid with binary cross-entropy gives (p − y)/n', () => {
    const soft = setUp('tanh', 'softmax', 'cross-entropy', 2);
    const ce = sampleGradients(soft.network, soft.input, soft.target, 'cross-entropy');
    expect(ce.paired).to.equal(true);
    const p = ce.nodes[2].a;
    const sum = soft.target.reduce((s, t) => s + t, 0);
    ce.nodes[2].dz.forEach((dz, i) => expect(dz).to.be.closeTo(p[i] * sum - soft.target[i], 1e-15));
    const sig = setUp('tanh', 'sigmoid', 'binary-cross-entropy', 2);
    const bce = sampleGradients(sig.network, sig.input, sig.target, 'binary-cross-entropy');
    expect(bce.paired).to.equal(true);
    bce.nodes[2].dz.forEach((dz, i) => expect(dz).to.be.closeTo((bce.nodes[2].a[i] - sig.target[i]) / 2, 1e-15));
    expect(sampleGradients(sig.network, sig.input, sig.target, 'mse').paired).to.equal(false);
  });

  it('gives the gradient the training Backprop accumulates for that sample, and changes nothing', () => {
    const { network, input, target } = setUp('relu', 'sigmoid', 'binary-cross-entropy', 6);
    const before = network.toJSON();
    const result = sampleGradients(network, input, target, getLoss('binary-cross-entropy'));
    const backprop = new Backprop(network);
    backprop.accumulate({ count: 1, inputSize: 2, targetSize: 2, inputs: Float64Array.from(input), targets: Float64Array.from(target) }, [0], 0, 1, losses['binary-cross-entropy'], 1);
    for (const place of places(network)) {
      const { array, index } = parameterSlot(network, place);
      const flat = array === network.weights ? backprop.weightGradients : backprop.biasGradients;
      expect(valueAt(place, result)).to.equal(flat[index]);
    }
    expect(network.toJSON()).to.deep.equal(before);
  });

  it('the trace matches the network’s own forward pass', () => {
    const { network, input, target } = setUp('tanh', 'softmax', 'cross-entropy', 7);
    const result = sampleGradients(network, input, target, 'cross-entropy');
    const trace = network.trace(input);
    trace.forEach((layer, l) => {
      expect(result.nodes[l].a).to.deep.equal(layer.a);
      expect(result.nodes[l].z).to.deep.equal(layer.z);
    });
  });

  it('one step of descent lowers the sample’s loss by about α‖g‖² and nudging puts the weight back', () => {
    const { network, input, target } = setUp('sigmoid', 'sigmoid', 'mse', 8);
    const result = sampleGradients(network, input, target, 'mse');
    const all = [...result.weights.flat().flat(), ...result.biases.flat()];
    const squared = all.reduce((s, g) => s + g * g, 0);
    const copy = network.clone();
    nudgedLoss(copy, [1, 0, 1], 0.5, input, target, 'mse');
    expect(copy.toJSON()).to.deep.equal(network.toJSON());
    const rate = 1e-3;
    descend(copy, result, rate);
    const after = sampleLoss(copy, input, target, 'mse');
    expect(after).to.be.lessThan(result.loss);
    expect(relativeError(result.loss - after, rate * squared)).to.be.lessThan(1e-2);
    expect(copy.weights[copy.weightIndex(0, 1, 0)]).to.equal(network.weights[network.weightIndex(0, 1, 0)] - rate * result.weights[0][1][0]);
  });

  it('nudgeCheck: the change ε makes agrees with (∂L/∂w)·ε to first order, and the network is put back', () => {
    const { network, input, target } = setUp('tanh', 'sigmoid', 'mse', 9);
    const before = network.toJSON();
    for (const epsilon of [1e-2, 1e-3]) {
      const check = nudgeCheck(network, [0, 1, 0], epsilon, input, target, 'mse');
      expect(check.after).to.equal(nudgedLoss(network, [0, 1, 0], epsilon, input, target, 'mse'));
      expect(check.actual).to.equal(check.after - check.before);
      expect(check.predicted).to.equal(check.gradient * epsilon);
      // The error is second order: about ε² · ∂²L/∂w², so a tenth of ε leaves a hundredth of it.
      expect(Math.abs(check.actual - check.predicted)).to.be.lessThan(Math.abs(check.predicted) * epsilon * 20);
    }
    expect(network.toJSON()).to.deep.equal(before);
  });

  it('refuses a mismatched sample or place with a message that says what is accepted', () => {
    const network = new Network({ layers: [2, 2, 2], activation: 'sigmoid', outputActivation: 'sigmoid' });
    expectNnKitError(() => sampleGradients(network, [1], [0, 1], 'mse'), 'takes 2 inputs');
    expectNnKitError(() => sampleGradients(network, [1, 2], [0], 'mse'), 'target needs 2 numbers');
    expectNnKitError(() => sampleGradients(network, [1, 2], [0, Number.NaN], 'mse'), 'Target 2');
    expectNnKitError(() => sampleGradients(network, [1, 2], [0, 1], 'hinge'), 'Unknown loss "hinge"');
    expectNnKitError(() => parameterSlot(network, [2, 0, 0]), 'weights[2][0][0]', 'layers 0 to 1');
    expectNnKitError(() => parameterSlot(network, [0, 5]), 'biases[0][5]');
    expectNnKitError(() => nudgedLoss(network, [0, 0, 0], Number.POSITIVE_INFINITY, [1, 2], [0, 1], 'mse'), 'finite');
    expectNnKitError(() => descend(network, sampleGradients(network, [1, 2], [0, 1], 'mse'), -1), 'learning rate');
  });
});
