/// <reference types="mocha" />
// The convolution family: sizes, hand-worked results, gradients against central
// differences, named kernels, and the digits CNN's learning from its seed.
import { expect } from '@open-wc/testing';
import {
  Cnn,
  CnnTrainer,
  type Conv2dShape,
  type PoolShape,
  Random,
  averagePoolBackward,
  averagePoolForward,
  conv2dBackward,
  conv2dForward,
  conv2dShape,
  conv2dWindow,
  convOutputSize,
  getImageKernel,
  imageKernels,
  maxPoolBackward,
  maxPoolForward,
  poolShape,
} from '../../src/index.js';
import { parseDigits } from '../../src/digits.js';
import { expectNnKitError, relativeError } from './helpers.js';

const randomArray = (random: Random, n: number) => Float64Array.from({ length: n }, () => random.uniform(-1, 1));

/** Shapes with odd sizes, strides larger than the kernel, padding larger than the kernel, a 1×1 image, a kernel larger than the image. */
const CASES = [
  { channels: 1, height: 5, width: 7, filters: 2, kernelSize: 3, stride: 1, padding: 0 },
  { channels: 2, height: 7, width: 5, filters: 3, kernelHeight: 3, kernelWidth: 2, stride: 2, padding: 1 },
  { channels: 3, height: 9, width: 9, filters: 2, kernelSize: 2, stride: 3, padding: 0 },
  { channels: 1, height: 4, width: 6, filters: 1, kernelSize: 1, stride: 1, padding: 3 },
  { channels: 1, height: 1, width: 1, filters: 2, kernelSize: 3, stride: 1, padding: 1 },
  { channels: 2, height: 3, width: 3, filters: 2, kernelSize: 5, stride: 2, padding: 2 },
];

/** Central differences of f over every entry of `values`. */
function numeric(values: Float64Array, f: () => number, h = 1e-6): Float64Array {
  return values.map((_, i) => {
    const kept = values[i];
    values[i] = kept + h;
    const up = f();
    values[i] = kept - h;
    const down = f();
    values[i] = kept;
    return (up - down) / (2 * h);
  });
}

function expectClose(actual: ArrayLike<number>, expected: ArrayLike<number>, what: string, tolerance = 1e-7): void {
  expect(actual.length, `${what}: length`).to.equal(expected.length);
  for (let i = 0; i < actual.length; i++) {
    const ok = relativeError(actual[i], expected[i]) < tolerance || Math.abs(actual[i] - expected[i]) < tolerance;
    expect(ok, `${what}[${i}]: ${actual[i]} vs ${expected[i]}`).to.equal(true);
  }
}

/** The convolution written out from its definition, one output at a time. */
function naiveConv(s: Conv2dShape, input: Float64Array, weights: Float64Array, bias: Float64Array): Float64Array {
  const out = new Float64Array(s.filters * s.outHeight * s.outWidth);
  for (let f = 0; f < s.filters; f++)
    for (let oy = 0; oy < s.outHeight; oy++)
      for (let ox = 0; ox < s.outWidth; ox++) {
        let sum = bias[f];
        for (let c = 0; c < s.channels; c++)
          for (let ky = 0; ky < s.kernelHeight; ky++)
            for (let kx = 0; kx < s.kernelWidth; kx++) {
              const y = oy * s.stride - s.padding + ky;
              const x = ox * s.stride - s.padding + kx;
              if (y < 0 || x < 0 || y >= s.height || x >= s.width) continue;
              sum += weights[((f * s.channels + c) * s.kernelHeight + ky) * s.kernelWidth + kx] * input[(c * s.height + y) * s.width + x];
            }
        out[(f * s.outHeight + oy) * s.outWidth + ox] = sum;
      }
  return out;
}

describe('convolution: sizes', () => {
  it('an output side is ⌊(n + 2p − k)/s⌋ + 1', () => {
    expect(convOutputSize(28, 5, 1, 0)).to.equal(24);
    expect(convOutputSize(8, 3, 1, 1)).to.equal(8);
    expect(convOutputSize(7, 3, 2, 1)).to.equal(4);
    expect(convOutputSize(5, 2, 3, 0)).to.equal(2);
    expect(convOutputSize(1, 3, 1, 1)).to.equal(1);
    const s = conv2dShape({ height: 7, width: 9, kernelSize: 3, stride: 2, padding: 1, filters: 4 });
    expect([s.outHeight, s.outWidth, s.filters, s.channels]).to.deep.equal([4, 5, 4, 1]);
  });

  it('a kernel that does not fit the padded image, or a bad side, is refused with a message saying what fits', () => {
    expectNnKitError(() => conv2dShape({ height: 2, width: 2, kernelSize: 5 }), '5×5 kernel does not fit in a 2×2 image padded by 0', 'at least 2');
    expectNnKitError(() => conv2dShape({ height: 8, width: 8, kernelSize: 3, stride: 0 }), 'stride must be a whole number from 1');
    expectNnKitError(() => conv2dShape({ height: 8, width: 8, kernelSize: 2.5 }), 'kernel size');
    expectNnKitError(() => conv2dShape({ height: 8, width: 8, padding: -1 }), 'padding must be a whole number from 0');
    expectNnKitError(() => poolShape({ height: 3, width: 5, size: 4 }), '4×4 pooling window does not fit in a 3×5', 'at most 3');
    expect(poolShape({ height: 5, width: 7, size: 2 })).to.include({ outHeight: 2, outWidth: 3, stride: 2 });
  });
});

describe('convolution: forward', () => {
  it('slides a kernel over a small image as worked by hand, padding with zeros', () => {
    const s = conv2dShape({ height: 3, width: 3, kernelSize: 2, padding: 1, stride: 2 });
    const input = Float64Array.of(1, 2, 3, 4, 5, 6, 7, 8, 9);
    const weights = Float64Array.of(1, 10, 100, 1000);
    const out = conv2dForward(s, input, weights, Float64Array.of(0.5), new Float64Array(4));
    // Windows whose top-left corners are at (−1, −1), (−1, 1), (1, −1) and (1, 1) of the image.
    expect([...out]).to.deep.equal([1000 * 1 + 0.5, 100 * 2 + 1000 * 3 + 0.5, 10 * 4 + 1000 * 7 + 0.5, 5 + 10 * 6 + 100 * 8 + 1000 * 9 + 0.5]);
  });

  it('agrees with the definition written out on every shape, and conv2dWindow gives each output pixel before bias', () => {
    const random = new Random(3);
    for (const spec of CASES) {
      const s = conv2dShape(spec);
      const input = randomArray(random, s.channels * s.height * s.width);
      const weights = randomArray(random, s.filters * s.channels * s.kernelHeight * s.kernelWidth);
      const bias = randomArray(random, s.filters);
      const out = conv2dForward(s, input, weights, bias, new Float64Array(s.filters * s.outHeight * s.outWidth));
      expectClose(out, naiveConv(s, input, weights, bias), `forward ${JSON.stringify(spec)}`, 1e-12);
      const products = new Float64Array(s.channels * s.kernelHeight * s.kernelWidth);
      const inside = new Uint8Array(products.length);
      const f = s.filters - 1;
      const [oy, ox] = [s.outHeight - 1, 0];
      const sum = conv2dWindow(s, input, weights, f, oy, ox, products, inside);
      expect(sum + bias[f]).to.be.closeTo(out[(f * s.outHeight + oy) * s.outWidth + ox], 1e-12);
      products.forEach((p, i) => {
        if (!inside[i]) expect(p, 'a tap on padding contributes 0').to.equal(0);
      });
    }
  });
});

describe('convolution: gradients match central differences', () => {
  for (const spec of CASES) {
    it(`conv2d ${JSON.stringify(spec)}`, () => {
      const random = new Random(11);
      const s = conv2dShape(spec);
      const input = randomArray(random, s.channels * s.height * s.width);
      const weights = randomArray(random, s.filters * s.channels * s.kernelHeight * s.kernelWidth);
      const bias = randomArray(random, s.filters);
      const out = new Float64Array(s.filters * s.outHeight * s.outWidth);
      const r = randomArray(random, out.length);
      const loss = () => conv2dForward(s, input, weights, bias, out).reduce((sum, v, i) => sum + v * r[i], 0);
      const dInput = new Float64Array(input.length).fill(99);
      const dWeights = new Float64Array(weights.length);
      const dBias = new Float64Array(bias.length);
      conv2dBackward(s, input, weights, r, dInput, dWeights, dBias);
      expectClose(dInput, numeric(input, loss), '∂L/∂input');
      expectClose(dWeights, numeric(weights, loss), '∂L/∂weights');
      expectClose(dBias, numeric(bias, loss), '∂L/∂bias');
      // The weight and bias gradients accumulate over a batch.
      conv2dBackward(s, input, weights, r, null, dWeights, dBias);
      expectClose(dWeights, numeric(weights, loss).map((v) => 2 * v), '∂L/∂weights after two samples');
    });
  }

  for (const [size, stride, height, width] of [
    [2, 2, 5, 7],
    [3, 1, 4, 5],
    [2, 3, 7, 8],
    [1, 1, 1, 1],
  ]) {
    it(`max and average pooling ${size}×${size}, stride ${stride}, on ${height}×${width}`, () => {
      const random = new Random(5);
      const s: PoolShape = poolShape({ channels: 2, height, width, size, stride });
      const input = randomArray(random, 2 * height * width);
      const out = new Float64Array(2 * s.outHeight * s.outWidth);
      const argmax = new Int32Array(out.length);
      const r = randomArray(random, out.length);
      const dInput = new Float64Array(input.length);
      const maxLoss = () => maxPoolForward(s, input, out, argmax).reduce((sum, v, i) => sum + v * r[i], 0);
      maxLoss();
      for (let o = 0; o < out.length; o++) expect(out[o]).to.equal(input[argmax[o]]);
      maxPoolBackward(s, r, argmax, dInput);
      expectClose(dInput, numeric(input, maxLoss), 'max ∂L/∂input');
      const averageLoss = () => averagePoolForward(s, input, out).reduce((sum, v, i) => sum + v * r[i], 0);
      averagePoolBackward(s, r, dInput);
      expectClose(dInput, numeric(input, averageLoss), 'average ∂L/∂input');
    });
  }

  for (const pool of ['max', 'average', 'none'] as const) {
    it(`the whole CNN (pool ${pool}, tanh): cross-entropy gradient of every parameter`, () => {
      const cnn = new Cnn({ height: 7, width: 6, classes: 3, filters: 2, kernelSize: 3, stride: 2, padding: 1, pool, activation: 'tanh', seed: 4 });
      const random = new Random(9);
      const image = randomArray(random, 42);
      cnn.zeroGradients();
      cnn.forward(image);
      const loss = cnn.backward(2);
      const loss2 = () => -Math.log(cnn.forward(image)[2]);
      expect(loss).to.be.closeTo(loss2(), 1e-12);
      expectClose(cnn.gradients, numeric(cnn.params, loss2), 'CNN ∂L/∂θ', 1e-6);
    });
  }
});

describe('convolution: named kernels', () => {
  it('edge-x and edge-y are Sobel\'s at 3×3; blur sums to 1; sharpen is 5 minus the four neighbours; identity keeps the image', () => {
    expect([...imageKernels['edge-x'].values(3)]).to.deep.equal([-1, 0, 1, -2, 0, 2, -1, 0, 1]);
    expect([...imageKernels['edge-y'].values(3)]).to.deep.equal([-1, -2, -1, 0, 0, 0, 1, 2, 1]);
    expect([...imageKernels['edge-x'].values(5)].slice(0, 5)).to.deep.equal([-1, -2, 0, 2, 1]);
    for (const size of [1, 2, 3, 5, 7]) expect(imageKernels.blur.values(size).reduce((a, b) => a + b, 0)).to.be.closeTo(1, 1e-12);
    expect([...imageKernels.blur.values(3)].map((v) => v * 16)).to.deep.equal([1, 2, 1, 2, 4, 2, 1, 2, 1]);
    expect([...imageKernels.sharpen.values(3)]).to.deep.equal([0, -1, 0, -1, 5, -1, 0, -1, 0]);
    const image = Float64Array.from({ length: 25 }, (_, i) => i % 7);
    const s = conv2dShape({ height: 5, width: 5, kernelSize: 3, padding: 1 });
    expect([...conv2dForward(s, image, imageKernels.identity.values(3), null, new Float64Array(25))]).to.deep.equal([...image]);
    expectNnKitError(() => getImageKernel('emboss'), 'Unknown kernel "emboss"', '"edge-x"');
  });

  it('edge-x answers a dark-to-light step from left to right with positive values, and edge-y ignores it', () => {
    const image = Float64Array.from({ length: 36 }, (_, i) => (i % 6 >= 3 ? 1 : 0));
    const s = conv2dShape({ height: 6, width: 6, kernelSize: 3 });
    const x = conv2dForward(s, image, imageKernels['edge-x'].values(3), null, new Float64Array(16));
    const y = conv2dForward(s, image, imageKernels['edge-y'].values(3), null, new Float64Array(16));
    expect([...x.subarray(0, 4)]).to.deep.equal([0, 4, 4, 0]);
    expect(y.every((v) => v === 0)).to.equal(true);
  });
});

describe('convolution: the digits CNN', function () {
  this.timeout(60_000);
  let data: { images: Float64Array; labels: Uint8Array; height: number; width: number; classes: number };
  before(async () => {
    const set = parseDigits((await import('../../data/digits/digits.js')).default);
    data = { images: set.pixels, labels: set.labels, height: 8, width: 8, classes: 10 };
  });

  it('reaches at least 95% on held-out digits in ten epochs from its seed, with the defaults', () => {
    const trainer = new CnnTrainer(data);
    expect(trainer.test.length).to.equal(Math.round(1797 * 0.25));
    const held = new Set(trainer.test);
    expect([...trainer.train].some((i) => held.has(i)), 'no test digit is trained on').to.equal(false);
    const before = trainer.accuracy();
    while (trainer.epoch < 10) trainer.step();
    const after = trainer.accuracy();
    expect(before).to.be.below(0.3);
    expect(after).to.be.at.least(0.95);
    const confusion = trainer.confusion();
    expect(confusion.reduce((a, b) => a + b, 0)).to.equal(trainer.test.length);
    let diagonal = 0;
    for (let k = 0; k < 10; k++) diagonal += confusion[k * 11];
    expect(diagonal / trainer.test.length).to.equal(after);
  });

  it('is the same network, run for run, from the same seed; reset() starts the same run again', () => {
    const a = new CnnTrainer(data, { seed: 5, optimizer: 'momentum', learningRate: 0.02 });
    const b = new CnnTrainer(data, { seed: 5, optimizer: 'momentum', learningRate: 0.02 });
    for (let i = 0; i < 30; i++) a.step(), b.step();
    expect([...a.cnn.params]).to.deep.equal([...b.cnn.params]);
    const trained = [...a.cnn.params];
    a.reset();
    expect(a.steps).to.equal(0);
    for (let i = 0; i < 30; i++) a.step();
    expect([...a.cnn.params]).to.deep.equal(trained);
    const c = new CnnTrainer(data, { seed: 6 });
    expect([...c.cnn.params]).not.to.deep.equal([...new CnnTrainer(data, { seed: 5 }).cnn.params]);
  });

  it('refuses labels outside its classes and a learning rate of 0', () => {
    expectNnKitError(() => new CnnTrainer({ ...data, classes: 5 }), 'is not a class from 0 to 4');
    expectNnKitError(() => new CnnTrainer(data, { learningRate: 0 }), 'learning-rate');
    expectNnKitError(() => new Cnn({ height: 8, width: 8, classes: 10, activation: 'softmax' }), 'cannot be trained');
  });
});
