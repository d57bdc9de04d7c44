/// <reference types="mocha" />
// Agreement with TensorFlow.js: the attention layer written as TF.js ops (tf.matMul,
// tf.softmax, from the formulas, not from the core's code) on random inputs, its forward
// numbers and its gradients by tf.grads. TF.js's CPU backend computes in float32, so the
// bound is float32's rounding summed over a few dozen operations, relative to the size.
import { expect } from '@open-wc/testing';
import type * as TF from '@tensorflow/tfjs-core';
import { AttentionLayer, AttentionModel, Random } from '../../src/index.js';
import { loadTensorFlow } from './tfjs.js';

const close = (actual: ArrayLike<number>, expected: ArrayLike<number>, what: string, bound = 2e-5) => {
  expect(actual.length, what).to.equal(expected.length);
  let scale = 1;
  for (let i = 0; i < expected.length; i++) scale = Math.max(scale, Math.abs(expected[i]));
  for (let i = 0; i < expected.length; i++) expect(actual[i], `${what}[${i}]`).to.be.closeTo(expected[i], bound * scale);
};

describe('attention agrees with TensorFlow.js', function () {
  this.timeout(30_000);
  let tf: typeof TF;
  before(async () => {
    tf = await loadTensorFlow();
  });

  /** The layer in TF.js ops: per head softmax(QₕKₕᵀ/√dₖ/T + mask)·Vₕ, concatenated, times Wo. */
  function tfAttention(x: TF.Tensor2D, wq: TF.Tensor2D, wk: TF.Tensor2D, wv: TF.Tensor2D, wo: TF.Tensor2D, heads: number, causal: boolean, temperature: number) {
    const [n, model] = x.shape;
    const d = model / heads;
    const q = tf.matMul(x, wq);
    const k = tf.matMul(x, wk);
    const v = tf.matMul(x, wv);
    const mask = tf.tensor2d(Array.from({ length: n * n }, (_, i) => (causal && i % n > Math.floor(i / n) ? -Infinity : 0)), [n, n]);
    const scores: TF.Tensor2D[] = [];
    const weights: TF.Tensor2D[] = [];
    const mixes: TF.Tensor2D[] = [];
    for (let h = 0; h < heads; h++) {
      const part = (t: TF.Tensor2D) => tf.slice(t, [0, h * d], [n, d]) as TF.Tensor2D;
      const s = tf.div(tf.matMul(part(q as TF.Tensor2D), part(k as TF.Tensor2D), false, true), Math.sqrt(d)) as TF.Tensor2D;
      const w = tf.softmax(tf.add(tf.div(s, temperature), mask)) as TF.Tensor2D;
      scores.push(s);
      weights.push(w);
      mixes.push(tf.matMul(w, part(v as TF.Tensor2D)));
    }
    const out = tf.matMul(tf.concat(mixes, 1), wo);
    return { q, k, v, scores, weights, out };
  }

  for (const [model, heads, causal, temperature, seed] of [
    [8, 1, false, 1, 1],
    [8, 2, true, 1, 2],
    [12, 3, false, 0.5, 3],
    [16, 4, true, 3, 4],
  ] as const) {
    it(`forward and gradients match (d-model ${model}, ${heads} heads, ${causal ? 'causal' : 'full'}, T = ${temperature})`, () => {
      const n = 7;
      const random = new Random(seed);
      const layer = new AttentionLayer(model, heads, n);
      layer.initialize(() => random.normal());
      const x = Float64Array.from({ length: n * model }, () => random.normal());
      const r = Float64Array.from({ length: n * model }, () => random.normal());
      layer.forward(x, n, causal, temperature);
      const square = model * model;
      const tensors = () => [tf.tensor2d([...x], [n, model]), ...[0, 1, 2, 3].map((i) => tf.tensor2d([...layer.params.subarray(i * square, (i + 1) * square)], [model, model]))] as TF.Tensor2D[];
      tf.tidy(() => {
        const [tx, wq, wk, wv, wo] = tensors();
        const ours = tfAttention(tx, wq, wk, wv, wo, heads, causal, temperature);
        close(layer.q.subarray(0, n * model), ours.q.dataSync(), 'Q');
        close(layer.k.subarray(0, n * model), ours.k.dataSync(), 'K');
        close(layer.v.subarray(0, n * model), ours.v.dataSync(), 'V');
        for (let h = 0; h < heads; h++) {
          close(layer.scores.subarray(h * n * n, (h + 1) * n * n), ours.scores[h].dataSync(), `scores of head ${h}`);
          const w = ours.weights[h].dataSync();
          close(layer.weights.subarray(h * n * n, (h + 1) * n * n), w, `weights of head ${h}`);
          if (causal) for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) {
            expect(w[i * n + j], 'TF.js').to.equal(0);
            expect(layer.weights[h * n * n + i * n + j], 'ours').to.equal(0);
          }
        }
        close(layer.out.subarray(0, n * model), ours.out.dataSync(), 'output');
      });
      layer.grads.fill(0);
      const dx = new Float64Array(n * model);
      layer.backward(r, dx);
      const grads = tf.tidy(() => {
        const rt = tf.tensor2d([...r], [n, model]);
        const f = (tx: TF.Tensor, wq: TF.Tensor, wk: TF.Tensor, wv: TF.Tensor, wo: TF.Tensor) =>
          tf.sum(tf.mul(tfAttention(tx as TF.Tensor2D, wq as TF.Tensor2D, wk as TF.Tensor2D, wv as TF.Tensor2D, wo as TF.Tensor2D, heads, causal, temperature).out, rt));
        return tf.grads(f)(tensors()).map((g) => g.dataSync());
      });
      close(dx, grads[0], '∂L/∂x', 5e-5);
      ['Wq', 'Wk', 'Wv', 'Wo'].forEach((name, i) => close(layer.grads.subarray(i * square, (i + 1) * square), grads[i + 1], `∂L/∂${name}`, 5e-5));
    });
  }

  it("the toy model's loss (embeddings, positions, attention, read-out, cross-entropy) and its gradient match", () => {
    const m = new AttentionModel({ task: 'reverse', length: 3, model: 8, heads: 2, seed: 6 });
    for (const w of [m.layer.wq, m.layer.wk]) for (let i = 0; i < w.length; i++) w[i] *= 10;
    m.grads.fill(0);
    const loss = m.forward();
    m.backward();
    const { tokens: n, model: d, vocabulary: v, length } = m;
    const sequence = [...m.sequence];
    const targets = [...sequence.slice(length + 1), m.answerLetters()[length - 1]];
    const rows = tf.tensor1d(sequence.map((t) => t), 'int32');
    const hot = tf.oneHot(tf.tensor1d(targets, 'int32'), v);
    const square = d * d;
    const sizes = [(v + 1) * d, n * d, square, square, square, square, d * v, v];
    let at = 0;
    const params = sizes.map((size) => [...m.params.subarray(at, (at += size))]);
    const tensors = [
      tf.tensor2d(params[0], [v + 1, d]),
      tf.tensor2d(params[1], [n, d]),
      ...[2, 3, 4, 5].map((i) => tf.tensor2d(params[i], [d, d])),
      tf.tensor2d(params[6], [d, v]),
      tf.tensor1d(params[7]),
    ];
    const f = (e: TF.Tensor, p: TF.Tensor, wq: TF.Tensor, wk: TF.Tensor, wv: TF.Tensor, wo: TF.Tensor, u: TF.Tensor, b: TF.Tensor) => {
      const x = tf.add(tf.gather(e, rows), p) as TF.Tensor2D;
      const out = tfAttention(x, wq as TF.Tensor2D, wk as TF.Tensor2D, wv as TF.Tensor2D, wo as TF.Tensor2D, 2, true, 1).out;
      const logits = tf.add(tf.matMul(tf.slice(out, [length, 0], [length, d]), u as TF.Tensor2D), b);
      return tf.neg(tf.mean(tf.sum(tf.mul(hot, tf.logSoftmax(logits)), 1)));
    };
    const tfLoss = tf.tidy(() => (f as (...t: TF.Tensor[]) => TF.Tensor)(...tensors).dataSync()[0]);
    expect(loss).to.be.closeTo(tfLoss, 2e-5 * Math.max(1, tfLoss));
    const grads = tf.tidy(() => tf.grads(f as (...t: TF.Tensor[]) => TF.Tensor)(tensors).map((g) => g.dataSync()));
    at = 0;
    sizes.forEach((size, i) => {
      close(m.grads.subarray(at, at + size), grads[i], `gradient of parameter block ${i}`, 5e-5);
      at += size;
    });
    tensors.forEach((t) => t.dispose());
    rows.dispose();
    hot.dispose();
  });
});
