/**
 * `npx tsx bench/wasm-threshold.ts`: where the WebAssembly kernels start to beat the
 * JavaScript ones. Trains networks of growing width (two hidden layers, SGD) on each kernel
 * path in interleaved rounds, at batch sizes 1 and 10, with tanh (computed in WebAssembly),
 * ReLU (likewise) and sigmoid (applied in JavaScript, so each layer is a call of its own)
 * hidden layers, and prints the median per-round ratio of their CPU times, with the
 * network's number of weights: WASM_THRESHOLD in src/wasm/load.ts is set from this table.
 */
import { Network, Random, Trainer } from '../src/index.js';
import type { KernelFactory } from '../src/dense-kernels.js';
import { loadWasmKernels } from '../src/wasm/load.js';

const wasm = await loadWasmKernels({ threshold: 0 });
if (!wasm) throw new Error('This Node has no WebAssembly SIMD.');
const cpuMs = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)];

function trainer(layers: number[], activation: string, batchSize: number, kernels?: KernelFactory): Trainer {
  const random = new Random(7);
  const inputs = Array.from({ length: 200 }, () => Array.from({ length: layers[0] }, () => random.uniform(-1, 1)));
  const targets = inputs.map((x) => [x[0] > 0 ? 1 : 0]);
  const network = new Network({ layers, activation, outputActivation: 'sigmoid', seed: 1 });
  const t = new Trainer(network, { inputs, targets }, { batchSize, learningRate: 0.03, kernels });
  t.step();
  return t;
}

/** CPU ms for `steps` steps. */
function time(t: Trainer, steps: number): number {
  const start = cpuMs();
  for (let i = 0; i < steps; i++) t.step();
  return cpuMs() - start;
}

const activations = ['tanh', 'relu', 'sigmoid'];
const columns = activations.flatMap((activation) => [1, 10].map((batchSize) => ({ activation, batchSize })));
console.log('JS ÷ WebAssembly time (median of 7 rounds; > 1: WebAssembly is faster), by hidden activation and batch size');
console.log(`layers            weights  ${columns.map(({ activation, batchSize }) => `${activation} ${batchSize}`.padStart(10)).join('')}`);
const shapes = [[1, 1], [2, 1], [1, 1, 1], [2, 2, 1], [2, 4, 1], [2, 8, 8, 1], ...[4, 6, 8, 10, 12, 16, 24, 32, 64, 128].map((width) => [width, width, width, 1])];
for (const layers of shapes) {
  let weights = 0;
  for (let k = 1; k < layers.length; k++) weights += layers[k - 1] * layers[k];
  const cells = columns.map(({ activation, batchSize }) => {
    // About 4 million weight updates a round, within 50 to 100,000 steps.
    const steps = Math.min(100_000, Math.max(50, Math.round(4e6 / weights / batchSize)));
    const js = trainer(layers, activation, batchSize);
    const fast = trainer(layers, activation, batchSize, wasm);
    const ratios: number[] = [];
    for (let round = 0; round < 7; round++) ratios.push(time(js, steps) / time(fast, steps));
    return `${median(ratios).toFixed(2)}x`.padStart(10);
  });
  console.log(`${layers.join('-').padEnd(16)}  ${String(weights).padStart(7)}  ${cells.join('')}`);
}
