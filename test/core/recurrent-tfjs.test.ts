/// <reference types="mocha" />
// Agreement with TensorFlow.js: the same weights in tf.layers.rnn over tf.layers.simpleRNNCell
// or tf.layers.gruCell, a softmax output per step written in TF.js ops, and tf.variableGrads
// for the gradients. TF.js's GRU is Keras's with reset_after = false (the reset gate scales
// h_{t−1} before W_hh), the form src/recurrent.ts implements; its gate activation is set to
// the logistic sigmoid (TF.js defaults to the hard sigmoid).
//
// TF.js's CPU backend computes in float32: a relative error near 2⁻²⁴ ≈ 6e-8 per operation,
// summed over a few dozen operations per value and six steps; values are compared to 1e-4 of
// their size (at least 1e-5 absolute).
import { expect } from '@open-wc/testing';
import type * as TF from '@tensorflow/tfjs-core';
import { Random, RecurrentNet } from '../../src/index.js';
import { loadTensorFlow } from './tfjs.js';

type TFL = typeof TF & {
  layers: {
    rnn(args: object): { apply(x: TF.Tensor): TF.Tensor; setWeights(w: TF.Tensor[]): void; trainableWeights: { read(): TF.Variable }[] };
    simpleRNNCell(args: object): object;
    gruCell(args: object): object;
  };
};

/** The weights are set from ours: no initializer is needed (TF.js's orthogonal one wants chained ops this bundle lacks). */
const ZEROS = { kernelInitializer: 'zeros', recurrentInitializer: 'zeros' };
const STEPS = 6;
const INPUTS = 3;
const HIDDEN = 4;
const OUTPUTS = 3;

/** Rows (our layout: a row per unit) of a block of params, transposed to Keras's [in, units] kernel. */
function kernel(tf: typeof TF, params: Float64Array, start: number, rows: number, columns: number): TF.Tensor {
  return tf.transpose(tf.tensor2d(Array.from(params.subarray(start, start + rows * columns)), [rows, columns]));
}

function close(actual: number, expected: number, what: string): void {
  expect(Math.abs(actual - expected), `${what}: TF.js ${actual}, ours ${expected}`).to.be.at.most(Math.max(1e-5, 1e-4 * Math.abs(expected)));
}

describe('recurrent networks agree with TensorFlow.js', function () {
  this.timeout(30_000);
  let tf: TFL;
  before(async () => {
    tf = (await loadTensorFlow()) as TFL;
  });

  for (const cell of ['rnn', 'gru'] as const) {
    it(`${cell}: states, outputs, loss and every gradient, on random weights and inputs`, () => {
      for (const seed of [1, 2]) {
        const random = new Random(seed * 10 + (cell === 'gru' ? 1 : 0));
        const net = new RecurrentNet({ cell, inputs: INPUTS, hidden: HIDDEN, outputs: OUTPUTS, maxSteps: STEPS, seed });
        for (let i = 0; i < net.params.length; i++) net.params[i] = random.uniform(-1, 1);
        const x = Float64Array.from({ length: STEPS * INPUTS }, () => random.uniform(-1, 1));
        const targets = Int32Array.from({ length: STEPS }, () => random.int(OUTPUTS));
        net.forward(x, STEPS);
        net.clearGradients();
        const loss = net.backward(targets);

        const { gates, wx, wh, b, wy, by } = net.layout;
        const rows = gates * HIDDEN;
        const tfCell =
          cell === 'rnn'
            ? tf.layers.simpleRNNCell({ units: HIDDEN, activation: 'tanh', ...ZEROS })
            : tf.layers.gruCell({ units: HIDDEN, activation: 'tanh', recurrentActivation: 'sigmoid', resetAfter: false, ...ZEROS });
        const layer = tf.layers.rnn({ cell: tfCell, returnSequences: true });
        const input = tf.tensor3d(Array.from(x), [1, STEPS, INPUTS]);
        tf.dispose(layer.apply(input)); // builds the layer's weights
        layer.setWeights([kernel(tf, net.params, wx, rows, INPUTS), kernel(tf, net.params, wh, rows, HIDDEN), tf.tensor1d(Array.from(net.params.subarray(b, b + rows)))]);
        const wyVar = tf.variable(kernel(tf, net.params, wy, OUTPUTS, HIDDEN));
        const byVar = tf.variable(tf.tensor1d(Array.from(net.params.subarray(by, by + OUTPUTS))));
        const oneHot = tf.oneHot(tf.tensor1d(Array.from(targets), 'int32'), OUTPUTS);
        let states: Float32Array | undefined;
        let probabilities: Float32Array | undefined;
        const f = () => {
          const h = tf.reshape(layer.apply(input) as TF.Tensor, [STEPS, HIDDEN]);
          states = h.dataSync() as Float32Array;
          const logits = tf.add(tf.matMul(h as TF.Tensor2D, wyVar as unknown as TF.Tensor2D), byVar);
          probabilities = tf.softmax(logits).dataSync() as Float32Array;
          return tf.neg(tf.sum(tf.mul(oneHot, tf.logSoftmax(logits)))) as TF.Scalar;
        };
        const [kernelVar, recurrentVar, biasVar] = layer.trainableWeights.map((w) => w.read());
        const { value, grads } = tf.variableGrads(f, [kernelVar, recurrentVar, biasVar, wyVar, byVar]);

        close(value.dataSync()[0], loss, `${cell} loss`);
        for (let t = 1; t <= STEPS; t++) {
          for (let j = 0; j < HIDDEN; j++) close(states![(t - 1) * HIDDEN + j], net.stateAt(t)[j], `${cell} h_${t}[${j}]`);
          for (let o = 0; o < OUTPUTS; o++) close(probabilities![(t - 1) * OUTPUTS + o], net.outputAt(t)[o], `${cell} p_${t}[${o}]`);
        }
        // TF.js's gradients are [in, units] kernels: gradient[i][r] is ours at row r, column i.
        const compare = (name: string, variable: TF.Variable, start: number, rowCount: number, columns: number) => {
          const values = grads[variable.name].dataSync();
          for (let r = 0; r < rowCount; r++) {
            for (let i = 0; i < columns; i++) close(values[i * rowCount + r], net.gradients[start + r * columns + i], `${cell} ∂L/∂${name}[${r}][${i}]`);
          }
        };
        compare('W_x', kernelVar, wx, rows, INPUTS);
        compare('W_h', recurrentVar, wh, rows, HIDDEN);
        compare('W_y', wyVar, wy, OUTPUTS, HIDDEN);
        const biasGrad = grads[biasVar.name].dataSync();
        for (let r = 0; r < rows; r++) close(biasGrad[r], net.gradients[b + r], `${cell} ∂L/∂b[${r}]`);
        const outGrad = grads[byVar.name].dataSync();
        for (let o = 0; o < OUTPUTS; o++) close(outGrad[o], net.gradients[by + o], `${cell} ∂L/∂b_y[${o}]`);
        tf.dispose([value, ...Object.values(grads), wyVar, byVar, input, oneHot]);
        (layer as { dispose?: () => void }).dispose?.();
      }
    });

    it(`${cell}: ‖∂L/∂h_t‖ per step equals TF.js's gradient of the loss in each step's state`, () => {
      const random = new Random(cell === 'gru' ? 5 : 6);
      const net = new RecurrentNet({ cell, inputs: INPUTS, hidden: HIDDEN, outputs: OUTPUTS, maxSteps: STEPS, seed: 3 });
      for (let i = 0; i < net.params.length; i++) net.params[i] = random.uniform(-1.5, 1.5);
      const x = Float64Array.from({ length: STEPS * INPUTS }, () => random.uniform(-1, 1));
      // The loss of the last step only: what reaches back to h_t through the recurrence.
      const target = random.int(OUTPUTS);
      const targets = Int32Array.from({ length: STEPS }, (_, t) => (t === STEPS - 1 ? target : -1));
      net.forward(x, STEPS);
      net.clearGradients();
      net.backward(targets);
      // The same net unrolled in TF.js ops from each h_t onwards: ∂L/∂h_t by tf.grad.
      const { wx, wh, b, wy, by } = net.layout;
      const rows = net.layout.gates * HIDDEN;
      const Wx = kernel(tf, net.params, wx, rows, INPUTS);
      const Wh = kernel(tf, net.params, wh, rows, HIDDEN);
      const bias = tf.tensor1d(Array.from(net.params.subarray(b, b + rows)));
      const Wy = kernel(tf, net.params, wy, OUTPUTS, HIDDEN);
      const bY = tf.tensor1d(Array.from(net.params.subarray(by, by + OUTPUTS)));
      const xs = tf.tensor2d(Array.from(x), [STEPS, INPUTS]);
      const stepOf = (h: TF.Tensor2D, t: number): TF.Tensor2D => {
        const xt = tf.slice(xs, [t, 0], [1, INPUTS]);
        if (cell === 'rnn') return tf.tanh(tf.add(tf.add(tf.matMul(xt, Wx as TF.Tensor2D), tf.matMul(h, Wh as TF.Tensor2D)), bias)) as TF.Tensor2D;
        const gx = tf.add(tf.matMul(xt, Wx as TF.Tensor2D), bias);
        const [xz, xr, xh] = tf.split(gx, 3, 1);
        const [uz, ur, uh] = tf.split(Wh, 3, 1);
        const z = tf.sigmoid(tf.add(xz, tf.matMul(h, uz as TF.Tensor2D)));
        const r = tf.sigmoid(tf.add(xr, tf.matMul(h, ur as TF.Tensor2D)));
        const c = tf.tanh(tf.add(xh, tf.matMul(tf.mul(r, h) as TF.Tensor2D, uh as TF.Tensor2D)));
        return tf.add(tf.mul(z, h), tf.mul(tf.sub(1, z), c)) as TF.Tensor2D;
      };
      for (let from = 1; from <= STEPS; from++) {
        const norm = tf.tidy(() => {
          const ht = tf.tensor2d(Array.from(net.stateAt(from)), [1, HIDDEN]);
          const lossFrom = (h0: TF.Tensor) => {
            let h = h0 as TF.Tensor2D;
            for (let t = from; t < STEPS; t++) h = stepOf(h, t);
            const logits = tf.add(tf.matMul(h, Wy as TF.Tensor2D), bY);
            return tf.neg(tf.sum(tf.slice(tf.logSoftmax(logits), [0, target], [1, 1]))) as TF.Scalar;
          };
          return tf.norm(tf.grad(lossFrom)(ht)).dataSync()[0];
        });
        close(norm, net.stateGradientNorms[from - 1], `${cell} ‖∂L/∂h_${from}‖`);
      }
      tf.dispose([Wx, Wh, bias, Wy, bY, xs]);
    });
  }
});
