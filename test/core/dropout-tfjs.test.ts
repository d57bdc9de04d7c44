/// <reference types="mocha" />
// Agreement with TensorFlow.js for per-layer hidden activations and dropout: the core's
// Backprop over a small batch against tf.variableGrads of the same network written as TF.js
// ops, each hidden layer with its own activation, and with dropout the core's own masks fed
// to TF.js as an explicit product (a mask holds 0 or 1 / (1 − p)). TF.js's CPU backend
// computes in float32: 2e-4 relative, or 2e-6 absolute for gradients near zero.
import { expect } from '@open-wc/testing';
import type * as TF from '@tensorflow/tfjs-core';
import { Backprop, Network, Random, getLoss, toMatrix } from '../../src/index.js';
import { relativeError } from './helpers.js';
import { loadTensorFlow, tfActivations } from './tfjs.js';

const CASES: { hidden: string[]; rates: number[] }[] = [
  { hidden: ['relu', 'tanh', 'gelu'], rates: [0, 0, 0] },
  { hidden: ['sigmoid', 'leaky-relu', 'swish'], rates: [0, 0, 0] },
  { hidden: ['elu', 'softplus', 'linear'], rates: [0, 0, 0] },
  { hidden: ['tanh', 'relu', 'sigmoid'], rates: [0.3, 0.5, 0.2] },
  { hidden: ['gelu', 'elu', 'swish'], rates: [0.25, 0, 0.4] },
  { hidden: ['softplus', 'leaky-relu', 'tanh'], rates: [0.5, 0.5, 0.5] },
];
const BATCH = 6;

describe('per-layer activations and dropout agree with TensorFlow.js', function () {
  this.timeout(30_000);
  let tf: typeof TF;
  before(async () => {
    tf = await loadTensorFlow();
  });

  CASES.forEach(({ hidden, rates }, c) => {
    it(`hidden ${hidden.join(', ')}, dropout ${rates.join(', ')}: the same batch loss and gradients`, () => {
      const ops = tfActivations(tf);
      const layers = [3, 5, 4, 3, 2];
      const network = new Network({ layers, activation: hidden, outputActivation: 'sigmoid', seed: 20 + c });
      const random = new Random(31 + c);
      for (let i = 0; i < network.biases.length; i++) network.biases[i] = random.uniform(-0.5, 0.5);
      const inputs = Array.from({ length: BATCH }, () => Array.from({ length: 3 }, () => random.uniform(-1.5, 1.5)));
      const targets = inputs.map(() => [random.next() < 0.5 ? 0 : 1, random.next() < 0.5 ? 0 : 1]);
      const matrix = toMatrix({ inputs, targets }, 3, 2);
      const backprop = new Backprop(network, { rates, random: new Random(5 + c) });
      const loss = backprop.accumulate(matrix, Uint32Array.from({ length: BATCH }, (_, i) => i), 0, BATCH, getLoss('binary-cross-entropy'), 1 / BATCH) / BATCH;
      // Per hidden layer, each sample's mask: the core's, or ones without dropout.
      const stride = network.values.length;
      const masks = hidden.map((_, h) =>
        inputs.map((__, g) =>
          Array.from({ length: layers[h + 1] }, (___, j) => (backprop.dropout ? backprop.dropout.masks[g * stride + network.neuronOffset[h + 1] + j] : 1)),
        ),
      );
      if (rates.some((rate) => rate > 0)) expect(masks.flat(2), 'some neurons dropped').to.include(0);
      const model = network.toJSON();

      const { value, grads } = tf.tidy(() => {
        const weights = model.weights.map((w, k) => tf.variable(tf.tensor2d(w), true, `dw${c}_${k}`));
        const biases = model.biases.map((b, k) => tf.variable(tf.tensor1d(b), true, `db${c}_${k}`));
        const result = tf.variableGrads(() => {
          let a: TF.Tensor = tf.tensor2d(inputs);
          weights.forEach((w, k) => {
            const z = tf.add(tf.matMul(a, w, false, true), biases[k]);
            a = k === weights.length - 1 ? tf.sigmoid(z) : tf.mul(ops[hidden[k]](z), tf.tensor2d(masks[k]));
          });
          const t = tf.tensor2d(targets);
          const p = tf.clipByValue(a, 1e-7, 1 - 1e-7);
          // Binary cross-entropy: the mean over the outputs, then over the batch.
          return tf.neg(tf.mean(tf.add(tf.mul(t, tf.log(p)), tf.mul(tf.sub(1, t), tf.log(tf.sub(1, p))))));
        });
        const read = (v: TF.Variable) => Array.from(result.grads[v.name].dataSync());
        const out = { value: result.value.dataSync()[0], grads: { weights: weights.map(read), biases: biases.map(read) } };
        [...weights, ...biases].forEach((v) => v.dispose());
        return out;
      });
      expect(relativeError(loss, value), `loss: ${loss} vs ${value}`).to.be.lessThan(2e-4);
      let compared = 0;
      const close = (a: number, b: number, where: string) => {
        if (Math.abs(a - b) > 2e-6) expect(relativeError(a, b), `${where}: ${a} vs ${b}`).to.be.lessThan(2e-4);
        compared++;
      };
      for (let k = 0; k < network.depth; k++) {
        const w = network.weightOffset[k];
        grads.weights[k].forEach((g, i) => close(backprop.weightGradients[w + i], g, `∂L/∂w layer ${k} #${i}`));
        grads.biases[k].forEach((g, j) => close(backprop.biasGradients[network.biasOffset[k] + j], g, `∂L/∂b layer ${k} #${j}`));
      }
      expect(compared).to.equal(network.weights.length + network.biases.length);
      const norm = Math.hypot(...backprop.weightGradients);
      expect(norm, 'a gradient to compare').to.be.greaterThan(1e-3);
    });
  });
});
