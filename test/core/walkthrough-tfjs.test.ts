/// <reference types="mocha" />
// Agreement with TensorFlow.js: one sample's loss and gradients (sampleGradients) against
// tf.variableGrads of the same network written as TF.js ops from the formulas (Keras's
// conventions: MSE and binary cross-entropy are means over the outputs, cross-entropy a sum,
// probabilities clipped to [1e-7, 1 − 1e-7]). TF.js's CPU backend computes in float32, so
// the bound is float32's rounding summed over a few dozen operations: 2e-4 relative, or
// 2e-6 absolute for gradients near zero.
import { expect } from '@open-wc/testing';
import type * as TF from '@tensorflow/tfjs-core';
import { EPSILON, Network, Random, sampleGradients } from '../../src/index.js';
import { relativeError } from './helpers.js';
import { loadTensorFlow, tfActivations } from './tfjs.js';

function tfLoss(tf: typeof TF, name: string, y: TF.Tensor, t: TF.Tensor): TF.Scalar {
  const p = tf.clipByValue(y, EPSILON, 1 - EPSILON);
  if (name === 'mse') return tf.mean(tf.square(tf.sub(y, t)));
  if (name === 'binary-cross-entropy') return tf.neg(tf.mean(tf.add(tf.mul(t, tf.log(p)), tf.mul(tf.sub(1, t), tf.log(tf.sub(1, p))))));
  return tf.neg(tf.sum(tf.mul(t, tf.log(p))));
}

const CASES: [string, string, string][] = [
  ['sigmoid', 'sigmoid', 'mse'],
  ['tanh', 'linear', 'mse'],
  ['relu', 'sigmoid', 'binary-cross-entropy'],
  ['leaky-relu', 'softmax', 'cross-entropy'],
  ['elu', 'softmax', 'binary-cross-entropy'],
  ['gelu', 'sigmoid', 'cross-entropy'],
  ['swish', 'tanh', 'mse'],
  ['softplus', 'softmax', 'cross-entropy'],
];

describe('walkthrough gradients agree with TensorFlow.js', function () {
  this.timeout(30_000);
  let tf: typeof TF;
  before(async () => {
    tf = await loadTensorFlow();
  });

  it('tf.variableGrads of random small networks equals sampleGradients, weight by weight', () => {
    const ops = tfActivations(tf);
    let compared = 0;
    CASES.forEach(([hidden, output, loss], c) => {
      for (const seed of [1, 2, 3]) {
        const random = new Random(97 * c + seed);
        const layers = [1 + random.int(3), 2 + random.int(3), ...(seed === 3 ? [2 + random.int(2)] : []), 2 + random.int(2)];
        const network = new Network({ layers, activation: hidden, outputActivation: output, seed: 10 * c + seed });
        for (let i = 0; i < network.biases.length; i++) network.biases[i] = random.uniform(-0.5, 0.5);
        const input = layers.slice(0, 1).flatMap((n) => Array.from({ length: n }, () => random.uniform(-1.5, 1.5)));
        const n = network.outputSize;
        const hot = random.int(n);
        const target = loss === 'mse' ? Array.from({ length: n }, () => random.uniform(-1, 1)) : Array.from({ length: n }, (_, i) => (i === hot ? 1 : 0));
        const ours = sampleGradients(network, input, target, loss);
        const model = network.toJSON();

        const { value, grads } = tf.tidy(() => {
          const weights = model.weights.map((w, k) => tf.variable(tf.tensor2d(w), true, `w${c}_${seed}_${k}`));
          const biases = model.biases.map((b, k) => tf.variable(tf.tensor1d(b), true, `b${c}_${seed}_${k}`));
          const result = tf.variableGrads(() => {
            let a: TF.Tensor = tf.tensor2d([input], [1, input.length]);
            weights.forEach((w, k) => {
              const z = tf.add(tf.matMul(a, w, false, true), biases[k]);
              a = ops[k === weights.length - 1 ? output : hidden](z);
            });
            return tfLoss(tf, loss, a, tf.tensor2d([target]));
          });
          const read = (v: TF.Variable) => Array.from(result.grads[v.name].dataSync());
          const out = { value: result.value.dataSync()[0], grads: { weights: weights.map(read), biases: biases.map(read) } };
          [...weights, ...biases].forEach((v) => v.dispose());
          return out;
        });
        const at = `${hidden}/${output}/${loss}, layers ${layers.join('-')}`;
        expect(relativeError(ours.loss, value), `loss ${at}`).to.be.lessThan(2e-4);
        const close = (a: number, b: number, where: string) => {
          if (Math.abs(a - b) > 2e-6) expect(relativeError(a, b), `${where} ${at}: ${a} vs ${b}`).to.be.lessThan(2e-4);
          compared++;
        };
        ours.weights.forEach((layer, k) => layer.flat().forEach((g, i) => close(g, grads.weights[k][i], `∂L/∂w layer ${k} #${i}`)));
        ours.biases.forEach((layer, k) => layer.forEach((g, j) => close(g, grads.biases[k][j], `∂L/∂b layer ${k} #${j}`)));
      }
    });
    expect(compared).to.be.greaterThan(300);
  });
});
