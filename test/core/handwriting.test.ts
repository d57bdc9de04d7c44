/// <reference types="mocha" />
import { expect } from '@open-wc/testing';
import { Backprop, DIGIT_SYMBOLS, Network, digitToDrawing, drawingToDigit, getLoss, padDigit, parseDigits } from '../../src/index.js';
import { loadDigits } from '../../components/shared/digits-data.js';
import { expectNnKitError, relativeError } from './helpers.js';
import { loadTensorFlow } from './tfjs.js';

/** A 28 × 28 drawing with ink on the rectangle [x0, x1) × [y0, y1). */
function rectangle(x0: number, y0: number, x1: number, y1: number, ink = 1): Float64Array {
  const drawing = new Float64Array(784);
  for (let y = y0; y < y1; y++) for (let x = x0; x < x1; x++) drawing[y * 28 + x] = ink;
  return drawing;
}

describe('handwriting: the digits text format', () => {
  it('reads labels and pixels, pixels as counts over 16', () => {
    const text = `27\n${'0'.repeat(63)}g\n${'8'.repeat(64)}`;
    const set = parseDigits(text);
    expect(set.count).to.equal(2);
    expect(set.size).to.equal(8);
    expect(Array.from(set.labels)).to.deep.equal([2, 7]);
    expect(set.pixels[63]).to.equal(1);
    expect(set.pixels[0]).to.equal(0);
    expect(set.pixels[64]).to.equal(0.5);
    expect(DIGIT_SYMBOLS).to.have.length(17);
  });

  it('refuses text that is not digits, saying what is wrong', () => {
    expectNnKitError(() => parseDigits(42), 'must be text');
    expectNnKitError(() => parseDigits('0'), 'line of labels');
    expectNnKitError(() => parseDigits('x\n' + '0'.repeat(64)), 'labels');
    expectNnKitError(() => parseDigits('1\n' + '0'.repeat(63)), 'needs 64');
    expectNnKitError(() => parseDigits('1\n' + '0'.repeat(63) + 'z'), '"z"', 'pixel 64');
  });

  it('ships the UCI test set: 1,797 digits, about 180 of each, values 0–16', async () => {
    const set = await loadDigits();
    expect(set.count).to.equal(1797);
    expect(set.pixels.length).to.equal(1797 * 64);
    const perClass = new Array(10).fill(0);
    for (const label of set.labels) perClass[label]++;
    for (const n of perClass) expect(n).to.be.within(174, 183);
    for (const v of set.pixels) expect(Number.isInteger(v * 16) && v >= 0 && v <= 1).to.equal(true);
    // scikit-learn's load_digits().images[0]: a zero.
    expect(set.labels[0]).to.equal(0);
    expect(Array.from(set.pixels.subarray(0, 8), (v) => v * 16)).to.deep.equal([0, 0, 5, 13, 9, 1, 0, 0]);
  });
});

describe('handwriting: drawing to 8 × 8', () => {
  it('a blank (or NaN) drawing gives all zeros', () => {
    expect(Array.from(drawingToDigit(new Float64Array(784))).every((v) => v === 0)).to.equal(true);
    expect(Array.from(drawingToDigit(new Float64Array(784).fill(Number.NaN))).every((v) => v === 0)).to.equal(true);
  });

  it('a filled square fills the box wherever and however big it is drawn', () => {
    for (const [x, y, side] of [[0, 0, 28], [3, 10, 6], [20, 1, 2]]) {
      const digit = drawingToDigit(rectangle(x, y, x + side, y + side));
      for (const v of digit) expect(v).to.be.closeTo(1, 1e-12);
    }
  });

  it('a drawing narrower than 20 of the box’s 32 pixels is widened to 20, and centred', () => {
    // 4 wide, 16 tall → 8 of 32 wide by shape, widened to 20: box pixels 6–26, blocks 1 and 6 half filled.
    const row = Array.from(drawingToDigit(rectangle(10, 5, 14, 21)).subarray(0, 8));
    expect(row.map((v) => +v.toFixed(12))).to.deep.equal([0, 0.5, 1, 1, 1, 1, 0.5, 0]);
    // 12 wide, 16 tall → 24 by shape: blocks 1–6 filled.
    const wide = Array.from(drawingToDigit(rectangle(8, 5, 20, 21)).subarray(0, 8));
    expect(wide.map((v) => +v.toFixed(12))).to.deep.equal([0, 1, 1, 1, 1, 1, 1, 0]);
  });

  it('grey ink counts as a share of a pixel, and ink above 1 as 1', () => {
    const grey = drawingToDigit(rectangle(4, 4, 24, 24, 0.25));
    for (const v of grey) expect(v).to.be.closeTo(0.25, 1e-12);
    const over = drawingToDigit(rectangle(4, 4, 24, 24, 7));
    for (const v of over) expect(v).to.be.closeTo(1, 1e-12);
  });

  it('refuses a drawing of the wrong size', () => {
    expectNnKitError(() => drawingToDigit(new Float64Array(10)), '784');
    expectNnKitError(() => digitToDrawing(new Float64Array(10)), '64');
  });

  it('an 8 × 8 digit drawn on the pad and read back is the digit (UCI digits that span blocks 1–6)', async () => {
    const set = await loadDigits();
    let checked = 0;
    for (let i = 0; i < set.count; i++) {
      const digit = set.pixels.subarray(i * 64, i * 64 + 64);
      const columns = [0, 1, 2, 3, 4, 5, 6, 7].filter((c) => [0, 1, 2, 3, 4, 5, 6, 7].some((r) => digit[r * 8 + c] > 0));
      if (columns[0] !== 1 || columns.at(-1) !== 6) continue;
      const back = drawingToDigit(digitToDrawing(digit));
      for (let j = 0; j < 64; j++) expect(back[j]).to.be.closeTo(digit[j], 1e-12);
      checked++;
    }
    expect(checked).to.equal(1301);
  });

  it('every one of the 1,797 digits, as the pad gives it, drawn on the pad and read back, is itself', async () => {
    const set = await loadDigits();
    let moved = 0;
    for (let i = 0; i < set.count; i++) {
      const digit = set.pixels.subarray(i * 64, i * 64 + 64);
      const input = padDigit(digit);
      // The same input whether the pad is given the data set's digit or the network's input.
      const fromDigit = drawingToDigit(digitToDrawing(digit));
      const fromInput = drawingToDigit(digitToDrawing(input));
      let largest = 0;
      for (let j = 0; j < 64; j++) largest = Math.max(largest, Math.abs(fromInput[j] - input[j]), Math.abs(fromDigit[j] - input[j]));
      expect(largest, `digit ${i}`).to.be.below(1e-12);
      // A digit whose ink spans columns 1–6 or 0–7 is the input itself; any other is centred
      // (a narrow one widened): not the data's 8 × 8, but one input however it reaches the network.
      const columns = [0, 1, 2, 3, 4, 5, 6, 7].filter((c) => [0, 1, 2, 3, 4, 5, 6, 7].some((r) => digit[r * 8 + c] > 0));
      const kept = (columns[0] === 1 && columns.at(-1) === 6) || (columns[0] === 0 && columns.at(-1) === 7);
      expect(input.every((v, j) => Math.abs(v - digit[j]) < 1e-12), `digit ${i}`).to.equal(kept);
      if (!kept) moved++;
    }
    expect(moved).to.be.above(300);
  });

  it('equals TF.js avgPool (4 × 4, stride 4) on a 32 × 32 drawing whose ink touches every edge', async () => {
    const tf = await loadTensorFlow();
    const drawing = new Float64Array(32 * 32);
    let state = 7;
    for (let i = 0; i < drawing.length; i++) {
      state = (state * 1103515245 + 12345) % 2147483648;
      drawing[i] = (state % 17) / 16;
    }
    for (const i of [0, 31, 31 * 32, 32 * 32 - 1]) drawing[i] = 1;
    const ours = drawingToDigit(drawing, {}, 32);
    const pooled = tf.tidy(() => tf.avgPool(tf.tensor4d(Array.from(drawing), [1, 32, 32, 1]), 4, 4, 'valid').dataSync());
    for (let j = 0; j < 64; j++) expect(ours[j]).to.be.closeTo(pooled[j], 1e-6);
  });
});

describe('handwriting: the digits network', () => {
  it('softmax + cross-entropy gradients on real digits match finite differences and TF.js', async () => {
    const set = await loadDigits();
    const network = new Network({ layers: [64, 12, 10], activation: 'relu', outputActivation: 'softmax', seed: 3 });
    const loss = getLoss('cross-entropy');
    const count = 6;
    const targets = new Float64Array(count * 10);
    for (let i = 0; i < count; i++) targets[i * 10 + set.labels[i]] = 1;
    const data = { count, inputSize: 64, targetSize: 10, inputs: set.pixels.slice(0, count * 64), targets };
    const order = Uint32Array.from({ length: count }, (_, i) => i);
    const backprop = new Backprop(network);
    backprop.reset();
    const total = backprop.accumulate(data, order, 0, count, loss, 1);
    const meanLoss = () => {
      let sum = 0;
      for (let i = 0; i < count; i++) {
        const out = network.forwardFrom(data.inputs, i * 64);
        sum -= Math.log(out[set.labels[i]]);
      }
      return sum;
    };
    expect(relativeError(total, meanLoss())).to.be.below(1e-9);
    for (const index of [0, 100, 500, 700, 767]) {
      const h = 1e-6;
      const w = network.weights[index];
      network.weights[index] = w + h;
      const up = meanLoss();
      network.weights[index] = w - h;
      const down = meanLoss();
      network.weights[index] = w;
      const numeric = (up - down) / (2 * h);
      if (Math.abs(numeric) > 1e-7) expect(relativeError(backprop.weightGradients[index], numeric)).to.be.below(1e-5);
    }
    const tf = await loadTensorFlow();
    const model = network.toJSON();
    const [w1, w2] = model.weights.map((layer) => tf.transpose(tf.tensor2d(layer)));
    const [b1, b2] = model.biases.map((b) => tf.tensor1d(b));
    const x = tf.tensor2d(Array.from(data.inputs), [count, 64]);
    const y = tf.tensor2d(Array.from(targets), [count, 10]);
    const f = (a: typeof w1, c: typeof w2) => tf.losses.softmaxCrossEntropy(y, tf.add(tf.matMul(tf.relu(tf.add(tf.matMul(x, a), b1)), c), b2), undefined, undefined, tf.Reduction.SUM);
    expect(relativeError(f(w1, w2).dataSync()[0], total)).to.be.below(1e-5);
    const [grad1] = tf.grads((a, c) => f(a as typeof w1, c as typeof w2))([w1, w2]);
    const g1 = grad1.arraySync() as number[][];
    for (const [from, to] of [[20, 3], [36, 7], [44, 11]]) {
      expect(backprop.weightGradients[network.weightIndex(0, to, from)]).to.be.closeTo(g1[from][to], 1e-4);
    }
  });
});

describe('handwriting: strokes and shifts', () => {
  it('inks a stroke: full along the line, a soft edge, nothing beyond; going over it does not darken', async () => {
    const { inkStrokes, PEN_RADIUS } = await import('../../src/index.js');
    const line = inkStrokes([[4, 14.5, 24, 14.5]]);
    // Pixel centres on the line: distance 0; one row off: distance 1; the soft edge ends at radius + 0.5.
    expect(line[14 * 28 + 10]).to.equal(1);
    expect(line[13 * 28 + 10]).to.be.closeTo(Math.min(1, PEN_RADIUS + 0.5 - 1), 1e-12);
    expect(line[11 * 28 + 10]).to.equal(0);
    expect(line[14 * 28 + 27]).to.equal(0);
    const twice = inkStrokes([[4, 14.5, 24, 14.5], [24, 14.5, 4, 14.5]]);
    expect(Array.from(twice)).to.deep.equal(Array.from(line));
    // A dot, and points that are not numbers skipped.
    const dot = inkStrokes([[10.5, 10.5], [Number.NaN, 3, 4, Number.POSITIVE_INFINITY]]);
    expect(dot[10 * 28 + 10]).to.equal(1);
    expect(dot.filter((v) => v > 0).length).to.be.within(5, 13);
  });

  it('distorts a digit: seeded, in [0, 1], the ink moved but the digit still there; the cut thickens or thins its strokes', async () => {
    const { augmentDigit, Random } = await import('../../src/index.js');
    const set = await loadDigits();
    const digit = set.pixels.subarray(0, 64);
    const copy = (seed: number, distortion?: Parameters<typeof augmentDigit>[3]) => {
      const out = new Float64Array(64);
      expect(augmentDigit(digit, new Random(seed), out, distortion)).to.equal(true);
      return out;
    };
    expect(Array.from(copy(3))).to.deep.equal(Array.from(copy(3)));
    expect(Array.from(copy(3))).to.not.deep.equal(Array.from(copy(4)));
    for (const v of copy(5)) expect(v >= 0 && v <= 1).to.equal(true);
    // No distortion and a cut at half the ink: close to the digit as the pad gives it.
    const still = { rotate: 0, shear: 0, widen: [1, 1], cut: [0.5, 0.5] } as const;
    const plain = padDigit(digit);
    const same = copy(1, still);
    let difference = 0;
    for (let j = 0; j < 64; j++) difference += Math.abs(same[j] - plain[j]);
    expect(difference / 64).to.be.below(0.15);
    const ink = (values: Float64Array) => values.reduce((a, b) => a + b, 0);
    expect(ink(copy(1, { ...still, cut: [0.1, 0.1] }))).to.be.above(ink(copy(1, { ...still, cut: [0.7, 0.7] })) * 1.3);
    // A cut above all ink leaves nothing.
    const out = new Float64Array(64);
    expect(augmentDigit(digit, new Random(1), out, { ...still, cut: [2, 2] })).to.equal(false);
    expect(out.every((v) => v === 0)).to.equal(true);
    expectNnKitError(() => augmentDigit(new Float64Array(3), new Random(1)), '64');
  });
});
