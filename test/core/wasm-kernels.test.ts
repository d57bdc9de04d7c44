// The WebAssembly SIMD kernels (src/wasm/) against the JavaScript kernels (src/kernels.ts):
// both paths must give the same bits, weight for weight, for every shape the kernels split
// differently (odd layer sizes, batches that are not a multiple of four, one-neuron layers),
// every hidden activation family, optimizers, regularization and dropout.
// The whole core suite also runs on the WebAssembly kernels: see the "core on WebAssembly
// kernels" group in web-test-runner.config.js.
import { expect } from '@open-wc/testing';
import { defaultKernels } from '../../src/default-kernels.js';
import type { KernelFactory } from '../../src/dense-kernels.js';
import { javascriptKernels } from '../../src/dense-kernels.js';
import { Backprop, Network, Random, Trainer, type TrainerOptions, getLoss, oneHot } from '../../src/index.js';
import { createOptimizerState, optimizers } from '../../src/optimizers.js';
import { tanh } from '../../src/tanh.js';
import { WASM_THRESHOLD, loadWasmKernels } from '../../src/wasm/load.js';

interface Run {
  layers: number[];
  activation: string | readonly string[];
  outputActivation: string;
  batchSize: number;
  options?: TrainerOptions;
}

/** Trains `steps` steps from the same seed on seeded random data; returns the network. */
function train(run: Run, kernels: KernelFactory, steps = 12): Network {
  const random = new Random(11);
  const outputs = run.layers[run.layers.length - 1];
  const inputs = Array.from({ length: 45 }, () => Array.from({ length: run.layers[0] }, () => random.uniform(-1, 1)));
  const labels = inputs.map(() => random.int(Math.max(2, outputs)));
  const targets = outputs === 1 ? labels.map((label) => [label]) : oneHot(labels, outputs);
  const network = new Network({ layers: run.layers, activation: run.activation, outputActivation: run.outputActivation, seed: 5 });
  const trainer = new Trainer(network, { inputs, targets }, { learningRate: 0.2, batchSize: run.batchSize, ...run.options, kernels });
  for (let i = 0; i < steps; i++) trainer.step();
  expect(trainer.diverged, 'the run stays finite').to.equal(false);
  return network;
}

/** The index of the first entry whose bits differ (−1 when every bit is the same). */
function firstDifference(a: Float64Array, b: Float64Array): number {
  const bitsA = new BigUint64Array(Float64Array.from(a).buffer);
  const bitsB = new BigUint64Array(Float64Array.from(b).buffer);
  expect(bitsA.length).to.equal(bitsB.length);
  return bitsA.findIndex((bits, i) => bits !== bitsB[i]);
}

describe('WebAssembly kernels', () => {
  let wasm: KernelFactory;

  before(async () => {
    const loaded = await loadWasmKernels({ threshold: 0 });
    expect(loaded, 'this browser compiles the WebAssembly SIMD kernels').to.be.a('function');
    wasm = loaded!;
  });

  it('run a network on WebAssembly memory, and keep networks below the threshold on JavaScript', async () => {
    const wide = new Network({ layers: [40, 30, 3], activation: 'relu', outputActivation: 'softmax' });
    const tiny = new Network({ layers: [2, 1] });
    expect(new Backprop(wide, undefined, wasm).kernels.kind).to.equal('webassembly');
    expect(new Backprop(wide, undefined, javascriptKernels).kernels.kind).to.equal('javascript');
    const automatic = (await loadWasmKernels())!;
    expect(wide.weights.length).to.be.at.least(WASM_THRESHOLD);
    expect(new Backprop(wide, undefined, automatic).kernels.kind).to.equal('webassembly');
    expect(tiny.weights.length).to.be.below(WASM_THRESHOLD);
    expect(new Backprop(tiny, undefined, automatic).kernels.kind).to.equal('javascript');
  });

  it('train to the same bits as the JavaScript kernels, for every way the loops split the work', () => {
    const shapes = [[784, 128, 10], [5, 7, 3], [3, 9, 9, 1], [6, 2, 5, 4], [13, 11, 3], [1, 1, 1], [2, 8, 8, 1], [9, 6, 1], [5, 3]];
    const families = [
      ['relu', 'softmax'],
      ['tanh', 'sigmoid'],
      ['leaky-relu', 'linear'],
      ['linear', 'tanh'],
      ['sigmoid', 'linear'],
    ];
    let checked = 0;
    for (const layers of shapes) {
      for (const batchSize of [1, 3, 4, 7, 16, 33]) {
        for (const [activation, out] of families) {
          const outputActivation = out === 'softmax' && layers[layers.length - 1] < 2 ? 'sigmoid' : out;
          const run = { layers, activation, outputActivation, batchSize };
          const js = train(run, javascriptKernels);
          const fast = train(run, wasm);
          const where = `${layers.join('-')} ${activation}/${outputActivation}, batch ${batchSize}`;
          expect(firstDifference(js.weights, fast.weights), `${where}: weights`).to.equal(-1);
          expect(firstDifference(js.biases, fast.biases), `${where}: biases`).to.equal(-1);
          expect(firstDifference(js.weights, new Network({ layers, activation, outputActivation, seed: 5 }).weights), `${where}: training moved the weights`).to.not.equal(-1);
          checked++;
        }
      }
    }
    expect(checked).to.equal(9 * 6 * 5);
  });

  it('give the same bits when some hidden layers have activations WebAssembly computes and others JavaScript applies', () => {
    const lists = [
      ['tanh', 'sigmoid', 'relu'],
      ['sigmoid', 'tanh', 'linear'],
      ['relu', 'elu', 'tanh'],
    ];
    for (const activations of lists) {
      for (const batchSize of [1, 6, 16]) {
        const run = { layers: [4, 7, 5, 6, 3], activation: activations, outputActivation: 'softmax', batchSize };
        const js = train(run, javascriptKernels);
        const fast = train(run, wasm);
        const where = `${activations.join(', ')}, batch ${batchSize}`;
        expect(firstDifference(js.weights, fast.weights), `${where}: weights`).to.equal(-1);
        expect(firstDifference(js.biases, fast.biases), `${where}: biases`).to.equal(-1);
      }
    }
  });

  it('diverge alike on inputs large enough to saturate tanh and overflow', () => {
    for (const [activation, scale] of [['tanh', 1e6], ['relu', 1e150], ['linear', 1e200]] as const) {
      const outcome = (kernels: KernelFactory) => {
        const random = new Random(12);
        const inputs = Array.from({ length: 30 }, () => Array.from({ length: 3 }, () => random.uniform(-1, 1) * scale));
        const targets = inputs.map(() => [random.int(2)]);
        const network = new Network({ layers: [3, 6, 5, 1], activation, outputActivation: 'sigmoid', seed: 2 });
        const trainer = new Trainer(network, { inputs, targets }, { learningRate: 0.5, batchSize: 7, kernels });
        const losses = Array.from({ length: 15 }, () => trainer.step());
        return { network, losses, diverged: trainer.diverged, divergence: trainer.divergence };
      };
      const js = outcome(javascriptKernels);
      const fast = outcome(wasm);
      expect(fast.losses.map(String), `${activation}: each step's loss`).to.deep.equal(js.losses.map(String));
      // tanh saturates and stays finite; ReLU and linear layers pass the huge inputs on until they overflow.
      expect(js.diverged, `${activation}: the JavaScript run diverged`).to.equal(activation !== 'tanh');
      expect(fast.diverged, `${activation}: diverged`).to.equal(js.diverged);
      expect(fast.divergence, `${activation}: why`).to.deep.equal(js.divergence);
      expect(firstDifference(js.network.weights, fast.network.weights), `${activation}: weights`).to.equal(-1);
    }
  });

  it("take SGD's step as optimizers.ts does, and leave the network as it was when a parameter would not be finite", () => {
    // 18 parameters (pairs only) and 17 (a last one alone), ±0 among them.
    for (const layers of [[5, 3], [3, 2, 1, 1, 1, 1]]) {
      const network = new Network({ layers, seed: 6 });
      network.parameters[0] = -0;
      network.parameters[network.parameters.length - 1] = -0;
      const before = network.parameters.slice();
      const kernels = wasm(network, 4);
      const random = new Random(7);
      const gradients = Float64Array.from(before, (_, i) => (i % 5 === 0 ? 0 : random.uniform(-3, 3)));
      const expected = before.slice();
      expect(optimizers.sgd.update(expected, gradients, createOptimizerState(0), 0.3, 1)).to.equal(true);
      kernels.load();
      kernels.gradients.set(gradients);
      expect(kernels.descend!(0.3), `${layers.join('-')}: finite`).to.equal(true);
      expect(firstDifference(network.parameters, expected), `${layers.join('-')}: the network's new parameters`).to.equal(-1);
      for (let at = 0; at < before.length; at++) {
        for (const bad of [Number.NaN, Number.POSITIVE_INFINITY]) {
          network.parameters.set(before);
          kernels.load();
          kernels.gradients.set(gradients);
          kernels.gradients[at] = bad;
          expect(kernels.descend!(0.3), `${layers.join('-')}: ${bad} at ${at}`).to.equal(false);
          expect(firstDifference(network.parameters, before), `${layers.join('-')}: ${bad} at ${at} left the network alone`).to.equal(-1);
        }
      }
    }
  });

  it('refuse an update that overflows alike, leaving the same weights and the same divergence', () => {
    for (const batchSize of [1, 5]) {
      const outcome = (kernels: KernelFactory) => {
        const random = new Random(13);
        const inputs = Array.from({ length: 20 }, () => Array.from({ length: 4 }, () => random.uniform(-100, 100)));
        const targets = inputs.map(() => [random.int(2)]);
        const network = new Network({ layers: [4, 9, 1], activation: 'tanh', outputActivation: 'sigmoid', seed: 8 });
        const trainer = new Trainer(network, { inputs, targets }, { learningRate: 1e308, batchSize, kernels });
        const losses = Array.from({ length: 4 }, () => trainer.step());
        return { network, losses, steps: trainer.steps, divergence: trainer.divergence, start: new Network({ layers: [4, 9, 1], seed: 8 }) };
      };
      const js = outcome(javascriptKernels);
      const fast = outcome(wasm);
      expect(js.divergence, `batch ${batchSize}: the JavaScript run overflowed`).to.deep.equal({ kind: 'overflow', cause: 'learning-rate' });
      expect(Number.isFinite(js.losses[js.steps]), `batch ${batchSize}: the refused step's loss was finite, its update was not`).to.equal(true);
      expect(fast.divergence, `batch ${batchSize}: why`).to.deep.equal(js.divergence);
      expect(fast.steps, `batch ${batchSize}: steps taken`).to.equal(js.steps);
      expect(fast.losses.map(String), `batch ${batchSize}: each step's loss`).to.deep.equal(js.losses.map(String));
      expect(firstDifference(fast.network.parameters, js.network.parameters), `batch ${batchSize}: parameters`).to.equal(-1);
      expect(firstDifference(fast.network.parameters, js.start.parameters), `batch ${batchSize}: the overflowing step changed nothing`).to.equal(-1);
    }
  });

  it('compute tanh as src/tanh.ts does, bit for bit, on each of its branches and at their edges', () => {
    // A 1-1-1 network with weight 1 and bias 0 leaves tanh(x) as its hidden neuron's value (x = −0 comes out as tanh(+0)).
    const network = new Network({ layers: [1, 1, 1], activation: 'tanh', outputActivation: 'linear' });
    network.weights.set([1, 1]);
    network.biases.set([0, 0]);
    const kernels = wasm(network, 4);
    expect(kernels.kind).to.equal('webassembly');
    kernels.load();
    const random = new Random(8);
    const edges = [0, -0, 3.7e-9, -3.7e-9, 3.6e-9, 0.625, -0.625, 0.6249999999999999, 22, -22, 21.999999999999996, 1e-300, 5e-324, 700, -1e308];
    const spread = Array.from({ length: 3000 }, (_, i) => (i % 2 ? -1 : 1) * 10 ** random.uniform(-10, 1.5));
    const specials = [Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY];
    for (const x of [...edges, ...spread, ...specials]) {
      kernels.forwardFrom([x], 0);
      const expected = tanh(Object.is(x, -0) ? 0 : x);
      expect(Object.is(network.values[1], expected), `tanh(${x}): ${network.values[1]} against ${expected}`).to.equal(true);
    }
  });

  it('give the same bits with Adam, L2, and dropout (whose forward pass is JavaScript)', () => {
    const runs: Run[] = [
      { layers: [20, 17, 4], activation: 'tanh', outputActivation: 'softmax', batchSize: 10, options: { optimizer: 'adam', learningRate: 0.01 } },
      { layers: [20, 17, 4], activation: 'relu', outputActivation: 'softmax', batchSize: 9, options: { regularization: 'l2', regularizationRate: 0.01 } },
      { layers: [20, 15, 15, 4], activation: 'relu', outputActivation: 'softmax', batchSize: 12, options: { dropout: 0.3 } },
    ];
    for (const run of runs) {
      const js = train(run, javascriptKernels, 20);
      const fast = train(run, wasm, 20);
      expect(firstDifference(js.weights, fast.weights), JSON.stringify(run.options)).to.equal(-1);
      expect(firstDifference(js.biases, fast.biases), JSON.stringify(run.options)).to.equal(-1);
    }
  });

  it('can take over a run between steps (useKernels) and carry it on to the same bits, dropout included', () => {
    const run = (switchAt: number, first: KernelFactory, then: KernelFactory, dropout: number) => {
      const random = new Random(3);
      const inputs = Array.from({ length: 37 }, () => Array.from({ length: 12 }, () => random.uniform(-1, 1)));
      const targets = inputs.map(() => [random.int(2)]);
      const network = new Network({ layers: [12, 20, 9, 1], activation: 'relu', outputActivation: 'sigmoid', seed: 4 });
      const trainer = new Trainer(network, { inputs, targets }, { learningRate: 0.1, batchSize: 6, dropout, kernels: first });
      for (let i = 0; i < 20; i++) {
        if (i === switchAt) trainer.useKernels(then);
        trainer.step();
      }
      return { network, kind: trainer.kernels, loss: trainer.evaluate().loss };
    };
    for (const dropout of [0, 0.25]) {
      const plain = run(-1, javascriptKernels, javascriptKernels, dropout);
      const switched = run(7, javascriptKernels, wasm, dropout);
      expect(plain.kind).to.equal('javascript');
      expect(switched.kind, 'the trainer runs on the kernels it was given').to.equal('webassembly');
      expect(firstDifference(switched.network.weights, plain.network.weights), `weights, dropout ${dropout}`).to.equal(-1);
      expect(firstDifference(switched.network.biases, plain.network.biases), `biases, dropout ${dropout}`).to.equal(-1);
      expect(switched.loss).to.equal(plain.loss);
    }
  });

  it("evaluate and classify as the JavaScript kernels do, leaving the same numbers in the network's sums and values", () => {
    for (const [layers, activation] of [[[784, 128, 10], 'tanh'], [[13, 11, 3], 'tanh'], [[7, 5, 5, 2], 'tanh'], [[7, 5, 5, 2], 'sigmoid']] as const) {
      const run = { layers: [...layers], activation, outputActivation: 'softmax', batchSize: 8 };
      const [js, fast] = [javascriptKernels, wasm].map((kernels) => {
        const network = train(run, kernels, 3);
        const random = new Random(9);
        const inputs = Array.from({ length: 21 }, () => Array.from({ length: layers[0] }, () => random.uniform(-2, 2)));
        const trainer = new Trainer(network, { inputs, targets: oneHot(inputs.map(() => random.int(layers[2] ?? 2)), layers[layers.length - 1]) }, { kernels });
        const evaluation = trainer.evaluate();
        const confusion = trainer.confusion();
        return { evaluation, confusion, sums: network.sums.slice(), values: network.values.slice() };
      });
      expect(Object.is(js.evaluation.loss, fast.evaluation.loss), `${layers.join('-')}: loss`).to.equal(true);
      expect(fast.evaluation.accuracy).to.equal(js.evaluation.accuracy);
      expect(fast.confusion).to.deep.equal(js.confusion);
      expect(firstDifference(js.sums, fast.sums), 'sums').to.equal(-1);
      expect(firstDifference(js.values, fast.values), 'values').to.equal(-1);
    }
  });

  it('leave the gradients, sums and deltas of a batch where the JavaScript kernels do', () => {
    const network = new Network({ layers: [30, 21, 5], activation: 'relu', outputActivation: 'softmax', seed: 3 });
    const random = new Random(4);
    const count = 23;
    const inputs = Float64Array.from({ length: count * 30 }, () => random.uniform(-1, 1));
    const targets = Float64Array.from(oneHot(Array.from({ length: count }, () => random.int(5)), 5).flat());
    const data = { count, inputSize: 30, targetSize: 5, inputs, targets };
    const rows = Array.from({ length: count }, (_, i) => i);
    const [js, fast] = [javascriptKernels, wasm].map((kernels) => {
      const backprop = new Backprop(network, undefined, kernels);
      const loss = backprop.accumulate(data, rows, 0, count, getLoss('cross-entropy'), 1 / count);
      return { backprop, loss };
    });
    expect(Object.is(js.loss, fast.loss)).to.equal(true);
    for (const field of ['weightGradients', 'biasGradients', 'sums', 'values', 'delta'] as const) {
      expect(firstDifference(js.backprop[field], fast.backprop[field]), field).to.equal(-1);
    }
  });

  it("are a Backprop's default in the WebAssembly test group, whose import map swaps the default kernels; JavaScript's elsewhere", () => {
    const mapped = document.querySelector('script[type="importmap"]')?.textContent?.includes('default-kernels') ?? false;
    const network = new Network({ layers: [3, 3, 1] });
    expect(defaultKernels(network, 4).kind).to.equal(mapped ? 'webassembly' : 'javascript');
    expect(new Backprop(network).kernels.kind).to.equal(mapped ? 'webassembly' : 'javascript');
  });
});
