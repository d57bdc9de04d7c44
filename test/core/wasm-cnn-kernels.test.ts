// The small CNN's WebAssembly SIMD kernels (src/wasm/cnn.wat) against its JavaScript loops:
// both paths must give the same numbers, bit for bit, for every shape the loops split differently (odd and
// even filter counts and classes, windows that run over the padding, strides, several
// channels), every pooling and trainable activation, optimizers, and pixels that are NaN.
// The whole core suite also runs on these kernels: see the "core on WebAssembly kernels"
// group in web-test-runner.config.js.
import { expect } from '@open-wc/testing';
import { type CnnKernelFactory, denseSums, javascriptCnnKernels } from '../../src/cnn-kernels.js';
import { defaultCnnKernels } from '../../src/default-cnn-kernels.js';
import { Cnn, type CnnOptions, CnnTrainer, Random, conv2dShape, getActivation, poolShape } from '../../src/index.js';
import { loadWasmCnnKernels } from '../../src/wasm/load.js';

/**
 * The index of the first entry that differs (−1 when none does): Object.is, so −0 differs
 * from 0 and NaN matches NaN (whose payload no reader sees).
 */
function firstDifference(a: ArrayLike<number>, b: ArrayLike<number>): number {
  expect(a.length).to.equal(b.length);
  return Array.from(a).findIndex((value, i) => !Object.is(value, b[i]));
}

/** Every shape below: sides, channels, filters, kernel, stride, padding, pooling, classes. */
const shapes: Omit<CnnOptions, 'activation' | 'seed'>[] = [
  { height: 8, width: 8, classes: 10, filters: 6, kernelSize: 3 },
  { height: 8, width: 8, classes: 10, filters: 5, kernelSize: 3, pool: 'average' },
  { height: 7, width: 9, classes: 3, filters: 1, kernelSize: 2, pool: 'none' },
  { height: 9, width: 6, channels: 3, classes: 4, filters: 4, kernelSize: 3, stride: 2, padding: 2, pool: 'max', poolSize: 1 },
  { height: 5, width: 5, channels: 2, classes: 5, filters: 3, kernelSize: 5, padding: 4, pool: 'max', poolSize: 3 },
  { height: 12, width: 10, classes: 2, filters: 8, kernelSize: 4, stride: 3, padding: 1 },
  // Thirteen filters: six at a time, the last six overlapping.
  { height: 5, width: 6, classes: 3, filters: 13, kernelSize: 3, pool: 'none' },
  { height: 6, width: 6, classes: 7, filters: 2, kernelSize: 1, padding: 0, pool: 'average', poolSize: 3 },
  // 25 pixels of one kind: twelve pairs, then one overlapping the last.
  { height: 7, width: 7, classes: 3, filters: 2, kernelSize: 3, padding: 0, pool: 'none' },
  // Three pixels of one kind: a pair, then one overlapping it.
  { height: 3, width: 5, classes: 2, filters: 3, kernelSize: 3, padding: 0, pool: 'none' },
  // Padding wider than the kernel: windows wholly in the padding, with no tap inside.
  { height: 4, width: 4, classes: 2, filters: 3, kernelSize: 2, padding: 3 },
  { height: 1, width: 1, classes: 2, filters: 1, kernelSize: 1, padding: 100, stride: 100 },
];

/** Random images for a network of `shape`, with a few pixels 0 and, if asked, one NaN in the last image (so the others' gradients stay numbers). */
function images(shape: Cnn, count: number, random: Random, withNaN: boolean): Float64Array {
  const size = shape.input.length;
  const pixels = Float64Array.from({ length: count * size }, () => (random.next() < 0.2 ? 0 : random.uniform(-1, 1)));
  if (withNaN) pixels[(count - 1) * size + random.int(size)] = Number.NaN;
  return pixels;
}

describe('WebAssembly CNN kernels', () => {
  let wasm: CnnKernelFactory;

  before(async () => {
    const loaded = await loadWasmCnnKernels();
    expect(loaded, 'this browser compiles the WebAssembly SIMD kernels').to.be.a('function');
    wasm = loaded!;
  });

  it('run a network on WebAssembly memory when given them, and on JavaScript when given JavaScript kernels', () => {
    const options = { height: 8, width: 8, classes: 10 };
    expect(new Cnn({ ...options, kernels: wasm }).kernelKind).to.equal('webassembly');
    expect(new Cnn({ ...options, kernels: javascriptCnnKernels }).kernelKind).to.equal('javascript');
    // A kernel as wide as the image with as much padding needs a list of taps for each of thousands of kinds of pixel (4.7 MB): JavaScript runs it.
    expect(new Cnn({ height: 28, width: 28, classes: 2, kernelSize: 28, padding: 27, kernels: wasm }).kernelKind).to.equal('javascript');
  });

  it('leave the same bits in every buffer of a forward and a backward pass, for every shape, activation and pooling', () => {
    const random = new Random(17);
    let checked = 0;
    for (const shape of shapes) {
      for (const activation of ['relu', 'tanh', 'sigmoid']) {
        const [js, fast] = [javascriptCnnKernels, wasm].map((kernels) => new Cnn({ ...shape, activation, seed: 3, kernels }));
        // Biases other than 0, so the sums start where the loops differ.
        for (const cnn of [js, fast]) cnn.params.set(js.params);
        const biases = Float64Array.from({ length: js.kernelBias.length + js.denseBias.length }, () => random.uniform(-0.5, 0.5));
        for (const cnn of [js, fast]) {
          cnn.kernelBias.set(biases.subarray(0, js.kernelBias.length));
          cnn.denseBias.set(biases.subarray(js.kernelBias.length));
        }
        const pixels = images(js, 3, random, checked % 4 === 0);
        for (let n = 0; n < 3; n++) {
          const label = n % shape.classes;
          js.forward(pixels, n * js.input.length);
          fast.forward(pixels, n * js.input.length);
          const where = `${JSON.stringify(shape)} ${activation}, image ${n}`;
          expect(Object.is(js.backward(label), fast.backward(label)), `${where}: loss`).to.equal(true);
          for (const field of ['maps', 'activated', 'pooled', 'probabilities', 'gradients'] as const) {
            expect(firstDifference(js[field], fast[field]), `${where}: ${field}`).to.equal(-1);
          }
        }
        checked++;
      }
    }
    expect(checked).to.equal(shapes.length * 3);
  });

  it('pick the same pixel of each max-pooling window as JavaScript: the first of ties, the last NaN', () => {
    const conv = conv2dShape({ height: 4, width: 4 });
    const pool = poolShape({ channels: 1, height: 4, width: 4, size: 2 });
    const [js, fast] = [javascriptCnnKernels, wasm].map((factory) => {
      const kernels = factory({ conv, pool, doubles: 20, ints: 4 });
      const input = kernels.float64(16);
      const output = kernels.float64(4);
      const argmax = kernels.int32(4);
      // Windows: a tie of four, a NaN beside a larger value, two NaNs, and a tie after a smaller value.
      input.set([1, 1, 0, 5, 1, 1, Number.NaN, 2, Number.NaN, 3, 2, 4, 0, Number.NaN, 4, 4]);
      kernels.maxPool(input, output, argmax);
      return { output, argmax };
    });
    expect(Array.from(js.argmax)).to.deep.equal([0, 6, 13, 11]);
    expect(Array.from(fast.argmax)).to.deep.equal(Array.from(js.argmax));
    expect(firstDifference(js.output, fast.output)).to.equal(-1);
  });

  it('pick the same pixel as JavaScript in windows full of ties and NaNs, for odd rows of windows, every size and stride', () => {
    const random = new Random(23);
    const values = [0, 1, 2, Number.NaN];
    const conv = conv2dShape({ height: 4, width: 4 });
    for (const spec of [
      { channels: 2, height: 6, width: 6, size: 2 },
      { channels: 1, height: 7, width: 7, size: 3, stride: 2 },
      { channels: 3, height: 5, width: 9, size: 3 },
      { channels: 1, height: 5, width: 5, size: 1 },
      { channels: 2, height: 8, width: 6, size: 2, stride: 1 },
    ]) {
      const pool = poolShape(spec);
      const inputs = Float64Array.from({ length: pool.channels * pool.height * pool.width }, () => values[random.int(values.length)]);
      const outputs = pool.channels * pool.outHeight * pool.outWidth;
      const [js, fast] = [javascriptCnnKernels, wasm].map((factory) => {
        const kernels = factory({ conv, pool, doubles: inputs.length + outputs, ints: outputs });
        const input = kernels.float64(inputs.length);
        const output = kernels.float64(outputs);
        const argmax = kernels.int32(outputs);
        input.set(inputs);
        kernels.maxPool(input, output, argmax);
        return { output, argmax };
      });
      const where = JSON.stringify(spec);
      expect(Array.from(fast.argmax), where).to.deep.equal(Array.from(js.argmax));
      expect(firstDifference(js.output, fast.output), where).to.equal(-1);
    }
  });

  it('train the digits network to the same bits, with each optimizer, and classify as JavaScript does', () => {
    const random = new Random(5);
    const count = 60;
    const data = { images: Float64Array.from({ length: count * 64 }, () => random.next()), labels: Uint8Array.from({ length: count }, () => random.int(10)), height: 8, width: 8, classes: 10 };
    for (const optimizer of ['sgd', 'momentum', 'adam']) {
      const [js, fast] = [javascriptCnnKernels, wasm].map((kernels) => {
        const trainer = new CnnTrainer(data, { optimizer, filters: 5, batchSize: 7, seed: 2, kernels });
        for (let i = 0; i < 25; i++) trainer.step();
        return trainer;
      });
      expect(firstDifference(js.cnn.params, fast.cnn.params), `${optimizer}: parameters`).to.equal(-1);
      expect(firstDifference(js.cnn.params, new Cnn({ height: 8, width: 8, classes: 10, filters: 5, seed: 2 }).params), `${optimizer}: training moved them`).to.not.equal(-1);
      expect(Object.is(js.loss, fast.loss)).to.equal(true);
      expect(Array.from(fast.confusion())).to.deep.equal(Array.from(js.confusion()));
    }
  });

  it('can take over a run between steps (CnnTrainer.useKernels) and carry it on to the same numbers', () => {
    const random = new Random(8);
    const data = { images: Float64Array.from({ length: 50 * 36 }, () => random.next()), labels: Uint8Array.from({ length: 50 }, () => random.int(3)), height: 6, width: 6, classes: 3 };
    const run = (switchAt: number) => {
      const trainer = new CnnTrainer(data, { filters: 3, batchSize: 6, optimizer: 'adam', seed: 4, kernels: javascriptCnnKernels });
      for (let i = 0; i < 20; i++) {
        if (i === switchAt) trainer.useKernels(wasm);
        trainer.step();
      }
      return trainer;
    };
    const plain = run(-1);
    const switched = run(7);
    expect(plain.cnn.kernelKind).to.equal('javascript');
    expect(switched.cnn.kernelKind).to.equal('webassembly');
    expect(firstDifference(switched.cnn.params, plain.cnn.params)).to.equal(-1);
    expect(Object.is(switched.loss, plain.loss)).to.equal(true);
    expect(Array.from(switched.confusion())).to.deep.equal(Array.from(plain.confusion()));
  });

  it('read where a buffer is again when a loop is given another one', () => {
    const layout = new Cnn({ height: 4, width: 4, classes: 2 });
    const kernels = wasm({ conv: layout.conv, pool: layout.pool, doubles: 400, ints: 0 });
    const random = new Random(3);
    const filled = (length: number) => {
      const buffer = kernels.float64(length);
      for (let i = 0; i < length; i++) buffer[i] = random.uniform(-2, 2);
      return buffer;
    };
    const sets = [[5, 3], [7, 2]].map(([n, m]) => ({ w: filled(n * m), b: filled(m), x: filled(n), z: kernels.float64(m), y: kernels.float64(m) }));
    for (let round = 0; round < 3; round++) {
      for (const [i, { w, b, x, z, y }] of sets.entries()) {
        kernels.denseSums(w, b, x, z);
        const expected = new Float64Array(z.length);
        denseSums(w.slice(), b.slice(), x.slice(), expected);
        expect(firstDifference(z, expected), `round ${round}, set ${i}: sums`).to.equal(-1);
        kernels.activate(getActivation('relu'), z, y);
        expect(firstDifference(y, z.map((v) => (v > 0 ? v : 0))), `round ${round}, set ${i}: ReLU`).to.equal(-1);
      }
    }
  });

  it("are a Cnn's default in the WebAssembly test group, whose import map swaps the default kernels; JavaScript's elsewhere", () => {
    const mapped = document.querySelector('script[type="importmap"]')?.textContent?.includes('default-cnn-kernels') ?? false;
    const layout = new Cnn({ height: 4, width: 4, classes: 2 });
    expect(layout.kernelKind).to.equal(mapped ? 'webassembly' : 'javascript');
    expect(defaultCnnKernels({ conv: layout.conv, pool: layout.pool, doubles: 0, ints: 0 }).kind).to.equal(mapped ? 'webassembly' : 'javascript');
  });
});
