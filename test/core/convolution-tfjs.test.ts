/// <reference types="mocha" />
// Agreement with TensorFlow.js: tf.conv2d, tf.maxPool and tf.avgPool, and their gradients
// by tf.grads, on seeded random inputs with odd sizes, strides and paddings (including a
// stride larger than the kernel, padding larger than the kernel, a 1×1 image and a kernel
// larger than the image). TF.js works in NHWC with kernels (row, column, in, out); ours in
// (channel, row, column) and (filter, channel, row, column), so values are transposed.
// TF.js's CPU backend computes in float32: each value carries about 6e-8 relative error
// per operation, summed over at most a few dozen products of numbers in [−1, 1], so 1e-5
// absolute is asked.
import { expect } from '@open-wc/testing';
import type * as TF from '@tensorflow/tfjs-core';
import {
  Cnn,
  Random,
  averagePoolBackward,
  averagePoolForward,
  conv2dBackward,
  conv2dForward,
  conv2dShape,
  maxPoolBackward,
  maxPoolForward,
  poolShape,
} from '../../src/index.js';
import { loadTensorFlow } from './tfjs.js';

const TOLERANCE = 1e-5;

const randomArray = (random: Random, n: number) => Float64Array.from({ length: n }, () => random.uniform(-1, 1));

/** (c, h, w) → (h, w, c). */
function toHwc(values: Float64Array, c: number, h: number, w: number): number[] {
  const out: number[] = [];
  for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) for (let k = 0; k < c; k++) out.push(values[(k * h + y) * w + x]);
  return out;
}

/** (h, w, c) → (c, h, w). */
function fromHwc(values: ArrayLike<number>, c: number, h: number, w: number): Float64Array {
  const out = new Float64Array(c * h * w);
  for (let y = 0, i = 0; y < h; y++) for (let x = 0; x < w; x++) for (let k = 0; k < c; k++, i++) out[(k * h + y) * w + x] = values[i];
  return out;
}

/** (f, c, kh, kw) → (kh, kw, c, f). */
function kernelToTf(values: Float64Array, f: number, c: number, kh: number, kw: number): number[] {
  const out: number[] = [];
  for (let y = 0; y < kh; y++) for (let x = 0; x < kw; x++) for (let k = 0; k < c; k++) for (let g = 0; g < f; g++) out.push(values[((g * c + k) * kh + y) * kw + x]);
  return out;
}

function expectNear(ours: ArrayLike<number>, theirs: ArrayLike<number>, what: string): void {
  expect(ours.length, `${what}: length`).to.equal(theirs.length);
  let worst = 0;
  for (let i = 0; i < ours.length; i++) worst = Math.max(worst, Math.abs(ours[i] - theirs[i]));
  expect(worst, `${what}: largest difference`).to.be.below(TOLERANCE);
}

const CASES = [
  { channels: 1, height: 7, width: 5, filters: 3, kernelSize: 3, stride: 1, padding: 1 },
  { channels: 2, height: 9, width: 11, filters: 2, kernelSize: 3, stride: 2, padding: 0 },
  { channels: 3, height: 6, width: 7, filters: 2, kernelHeight: 2, kernelWidth: 3, stride: 3, padding: 1 },
  { channels: 1, height: 5, width: 5, filters: 2, kernelSize: 1, stride: 4, padding: 2 },
  { channels: 1, height: 1, width: 1, filters: 2, kernelSize: 3, stride: 1, padding: 1 },
  { channels: 2, height: 3, width: 4, filters: 1, kernelSize: 5, stride: 2, padding: 2 },
  { channels: 1, height: 13, width: 13, filters: 4, kernelSize: 5, stride: 1, padding: 0 },
];

describe('convolution agrees with TensorFlow.js', function () {
  this.timeout(30_000);
  let tf: typeof TF;
  before(async () => {
    tf = await loadTensorFlow();
  });

  for (const spec of CASES) {
    it(`conv2d and its gradients: ${JSON.stringify(spec)}`, () => {
      const s = conv2dShape(spec);
      const random = new Random(21);
      const { channels: c, height: h, width: w, filters: f, kernelHeight: kh, kernelWidth: kw } = s;
      const input = randomArray(random, c * h * w);
      const weights = randomArray(random, f * c * kh * kw);
      const bias = randomArray(random, f);
      const outSize = f * s.outHeight * s.outWidth;
      const r = randomArray(random, outSize);
      const ours = conv2dForward(s, input, weights, bias, new Float64Array(outSize));
      const dInput = new Float64Array(input.length);
      const dWeights = new Float64Array(weights.length);
      const dBias = new Float64Array(f);
      conv2dBackward(s, input, weights, r, dInput, dWeights, dBias);

      const [theirs, gx, gw, gb] = tf.tidy(() => {
        const x = tf.tensor4d(toHwc(input, c, h, w), [1, h, w, c]);
        const k = tf.tensor4d(kernelToTf(weights, f, c, kh, kw), [kh, kw, c, f]);
        const b = tf.tensor1d([...bias]);
        const weight = tf.tensor4d(toHwc(r, f, s.outHeight, s.outWidth), [1, s.outHeight, s.outWidth, f]);
        const conv = (x: TF.Tensor, k: TF.Tensor, b: TF.Tensor) => tf.add(tf.conv2d(x as TF.Tensor4D, k as TF.Tensor4D, s.stride, s.padding), b);
        const grads = tf.grads((x: TF.Tensor, k: TF.Tensor, b: TF.Tensor) => tf.sum(tf.mul(conv(x, k, b), weight)))([x, k, b]);
        return [conv(x, k, b), ...grads].map((t) => t.dataSync());
      });
      expectNear(ours, fromHwc(theirs, f, s.outHeight, s.outWidth), 'output');
      expectNear(dInput, fromHwc(gx, c, h, w), '∂L/∂input');
      expectNear(kernelToTf(dWeights, f, c, kh, kw), gw, '∂L/∂kernel');
      expectNear(dBias, gb, '∂L/∂bias');
    });
  }

  for (const [size, stride, height, width] of [
    [2, 2, 8, 8],
    [3, 2, 7, 9],
    [2, 3, 5, 11],
    [3, 1, 3, 3],
    [1, 1, 1, 1],
  ]) {
    it(`maxPool and avgPool ${size}×${size}, stride ${stride}, on ${height}×${width}, and their gradients`, () => {
      const random = new Random(33);
      const c = 3;
      const s = poolShape({ channels: c, height, width, size, stride });
      const input = randomArray(random, c * height * width);
      const outSize = c * s.outHeight * s.outWidth;
      const r = randomArray(random, outSize);
      const maxOut = maxPoolForward(s, input, new Float64Array(outSize), new Int32Array(outSize));
      const argmax = new Int32Array(outSize);
      maxPoolForward(s, input, new Float64Array(outSize), argmax);
      const dMax = new Float64Array(input.length);
      maxPoolBackward(s, r, argmax, dMax);
      const averageOut = averagePoolForward(s, input, new Float64Array(outSize));
      const dAverage = new Float64Array(input.length);
      averagePoolBackward(s, r, dAverage);

      const [tfMax, tfAverage, tfDMax, tfDAverage] = tf.tidy(() => {
        const x = tf.tensor4d(toHwc(input, c, height, width), [1, height, width, c]);
        const weight = tf.tensor4d(toHwc(r, c, s.outHeight, s.outWidth), [1, s.outHeight, s.outWidth, c]);
        const max = (x: TF.Tensor) => tf.maxPool(x as TF.Tensor4D, size, stride, 'valid');
        const average = (x: TF.Tensor) => tf.avgPool(x as TF.Tensor4D, size, stride, 'valid');
        const dMax = tf.grad((x: TF.Tensor) => tf.sum(tf.mul(max(x), weight)))(x);
        const dAverage = tf.grad((x: TF.Tensor) => tf.sum(tf.mul(average(x), weight)))(x);
        return [max(x), average(x), dMax, dAverage].map((t) => t.dataSync());
      });
      expectNear(maxOut, fromHwc(tfMax, c, s.outHeight, s.outWidth), 'max pooled');
      expectNear(averageOut, fromHwc(tfAverage, c, s.outHeight, s.outWidth), 'average pooled');
      expectNear(dMax, fromHwc(tfDMax, c, height, width), 'max ∂L/∂input');
      expectNear(dAverage, fromHwc(tfDAverage, c, height, width), 'average ∂L/∂input');
    });
  }

  it('the digits CNN (conv 3×3 same, relu, max pool 2, dense softmax): probabilities and every parameter gradient', () => {
    const cnn = new Cnn({ height: 8, width: 8, classes: 10, filters: 4, seed: 3 });
    const random = new Random(2);
    const image = Float64Array.from({ length: 64 }, () => random.next());
    const label = 7;
    cnn.zeroGradients();
    const probabilities = [...cnn.forward(image)];
    cnn.backward(label);
    const f = 4;
    const [tfProbabilities, gk, gkb, gd, gdb] = tf.tidy(() => {
      const x = tf.tensor4d([...image], [1, 8, 8, 1]);
      const k = tf.tensor4d(kernelToTf(cnn.kernels, f, 1, 3, 3), [3, 3, 1, f]);
      const kb = tf.tensor1d([...cnn.kernelBias]);
      // Ours: dense weights (class, feature), features (filter, row, column); TF flattens (row, column, filter).
      const dense: number[] = [];
      for (let y = 0; y < 4; y++) for (let xx = 0; xx < 4; xx++) for (let g = 0; g < f; g++) for (let k2 = 0; k2 < 10; k2++) dense.push(cnn.denseWeights[k2 * 64 + (g * 4 + y) * 4 + xx]);
      const d = tf.tensor2d(dense, [64, 10]);
      const db = tf.tensor1d([...cnn.denseBias]);
      const target = tf.cast(tf.oneHot([label], 10), 'float32');
      const logits = (k: TF.Tensor, kb: TF.Tensor, d: TF.Tensor, db: TF.Tensor) => {
        const maps = tf.relu(tf.add(tf.conv2d(x, k as TF.Tensor4D, 1, 'same'), kb));
        return tf.add(tf.matMul(tf.reshape(tf.maxPool(maps as TF.Tensor4D, 2, 2, 'valid'), [1, 64]), d as TF.Tensor2D), db);
      };
      const grads = tf.grads((k: TF.Tensor, kb: TF.Tensor, d: TF.Tensor, db: TF.Tensor) => tf.losses.softmaxCrossEntropy(target, logits(k, kb, d, db)))([k, kb, d, db]);
      return [tf.softmax(logits(k, kb, d, db)), ...grads].map((t) => t.dataSync());
    });
    expectNear(probabilities, tfProbabilities, 'probabilities');
    expectNear(kernelToTf(cnn.kernels.map((_, i) => cnn.gradients[i]), f, 1, 3, 3), gk, '∂L/∂kernels');
    expectNear(cnn.gradients.subarray(36, 40), gkb, '∂L/∂kernel biases');
    const ourDense: number[] = [];
    const dg = cnn.gradients.subarray(40, 40 + 640);
    for (let y = 0; y < 4; y++) for (let xx = 0; xx < 4; xx++) for (let g = 0; g < f; g++) for (let k2 = 0; k2 < 10; k2++) ourDense.push(dg[k2 * 64 + (g * 4 + y) * 4 + xx]);
    expectNear(ourDense, gd, '∂L/∂dense weights');
    expectNear(cnn.gradients.subarray(680), gdb, '∂L/∂dense biases');
  });
});
