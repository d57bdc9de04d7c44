import { createRequire } from 'node:module';
import { type Peer, type TrainSpec, argmax, withSeededMathRandom } from '../cases.js';

type Brain = typeof import('brain.js');
const require = createRequire(import.meta.url);

/** brain.js, or why it would not load (the bench then prints the reason instead of a row). */
const loaded: Brain | string = (() => {
  try {
    return require('brain.js') as Brain;
  } catch (error) {
    return `brain.js failed to load: ${(error as Error).message.split('\n')[0]}`;
  }
})();

/** brain.js internals the bench uses: seeded initialisation before training starts. */
interface BrainInternals {
  formatData(data: unknown): unknown;
  verifyIsInitialized(data: unknown): void;
}

interface Sample {
  input: number[];
  output: number[];
}

/**
 * brain.js rejects momentum 0 and errorThresh 0 ("out of normal training range"), so
 * this subclass lets exactly 0 through its validation. Training itself is brain.js's
 * own code, unchanged: with momentum 0 it still computes (and multiplies by 0) the
 * momentum term.
 */
function exactNetwork(brain: Brain) {
  return class NeuralNetwork extends brain.NeuralNetwork {
    validateTrainingOptions(options: Record<string, unknown>): void {
      const patched = { ...options };
      if (patched.momentum === 0) patched.momentum = 0.5;
      if (patched.errorThresh === 0) patched.errorThresh = 0.5;
      const base = brain.NeuralNetwork.prototype as unknown as { validateTrainingOptions(o: unknown): void };
      base.validateTrainingOptions.call(this, patched);
    }
  };
}
const NeuralNetwork = typeof loaded === 'string' ? undefined : exactNetwork(loaded);

/** brain.js 1.6.1's NeuralNetwork (CPU; per-sample updates, no mini-batches). */
export const brainjs: Peer = {
  name: 'brain.js',
  notes: (spec) =>
    spec.id === 'A'
      ? ['brain.js: batch 1 (one update per sample, 10x the updates), no shuffling, tanh on every layer incl. the output (1.6.1 has no separate output activation), MSE-style error, float32']
      : ['brain.js: batch 1, relu on every layer incl. the output (no softmax), MSE-style error, no shuffling, float32'],
  train(spec: TrainSpec) {
    if (!NeuralNetwork) return loaded as string;
    const net = new NeuralNetwork({ hiddenLayers: spec.layers.slice(1, -1), activation: spec.hidden });
    // Plain arrays, brain.js's documented format (typed arrays would make it build lookup tables).
    const data: Sample[] = spec.data.inputs.map((input, i) => ({ input: [...input], output: [...spec.data.targets[i]] }));
    const internals = net as unknown as BrainInternals;
    // Build the weights now (seeded), so train() does no setup beyond its own copy of the data into Float32Arrays.
    withSeededMathRandom(spec.seed, () => internals.verifyIsInitialized(internals.formatData(data)));
    let iterations = 0;
    let error = NaN;
    return {
      run() {
        const status = net.train(data, {
          iterations: spec.epochs,
          errorThresh: 0,
          learningRate: spec.learningRate,
          momentum: 0,
          log: false,
        });
        iterations += status.iterations;
        error = status.error;
      },
      work: () => ({ samples: iterations * data.length, updates: iterations * data.length }),
      evaluate() {
        let right = 0;
        for (let i = 0; i < data.length; i++) {
          const out = net.run<number[], Float32Array>(data[i].input);
          const predicted = out.length === 1 ? Number(out[0] >= 0.5) : argmax(out);
          if (predicted === spec.labels[i]) right++;
        }
        return { accuracy: right / data.length, loss: { name: 'MSE', value: error } };
      },
      grid(points) {
        const out = new Float64Array(points.length / 2);
        const input = [0, 0];
        return () => {
          for (let i = 0; i < out.length; i++) {
            input[0] = points[2 * i];
            input[1] = points[2 * i + 1];
            out[i] = net.run<number[], Float32Array>(input)[0];
          }
          return out;
        };
      },
    };
  },
};
