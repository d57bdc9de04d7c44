import { BatchForward } from '../../src/batch-forward.js';
import type { KernelFactory } from '../../src/dense-kernels.js';
import { Network, Trainer } from '../../src/index.js';
import type { Peer, TrainSpec } from '../cases.js';

/**
 * nn-kit itself; `batchSize` overrides the spec's (case A's batch-1 row, like brain.js).
 * `kernels`: the WebAssembly kernels' factory (`loadWasmKernels()`, which keeps small networks
 * on the JavaScript kernels), or none for the JavaScript kernels throughout.
 */
export function nnkit(name = 'nn-kit', batchSize?: number, kernels?: KernelFactory): Peer {
  return {
    name,
    notes: () => [],
    train(spec: TrainSpec) {
      const network = new Network({
        layers: spec.layers,
        activation: spec.hidden,
        outputActivation: spec.output,
        seed: spec.seed,
      });
      const trainer = new Trainer(network, spec.data, {
        loss: spec.output === 'sigmoid' ? 'binary-cross-entropy' : 'cross-entropy',
        optimizer: 'sgd',
        learningRate: spec.learningRate,
        batchSize: batchSize ?? spec.batchSize,
        seed: spec.seed,
        kernels,
      });
      return {
        run() {
          for (let e = 0; e < spec.epochs; e++) trainer.epoch();
        },
        work: () => ({ samples: trainer.epochs * trainer.data.count, updates: trainer.steps }),
        evaluate() {
          const { loss, accuracy } = trainer.evaluate();
          return { accuracy: accuracy ?? NaN, loss: { name: trainer.loss.name === 'cross-entropy' ? 'CE' : 'BCE', value: loss } };
        },
        grid(points) {
          // As <nn-trainer> samples its boundary: 64 points at a time through the four-sample kernels.
          const out = new Float64Array(points.length / 2);
          const batch = new BatchForward(network, 64);
          const { values, stride } = batch;
          return () => {
            for (let first = 0; first < out.length; first += batch.capacity) {
              const count = Math.min(batch.capacity, out.length - first);
              for (let g = 0; g < count; g++) {
                values[g * stride] = points[2 * (first + g)];
                values[g * stride + 1] = points[2 * (first + g) + 1];
              }
              batch.run(count);
              for (let g = 0; g < count; g++) out[first + g] = values[batch.outputAt(g)];
            }
            return out;
          };
        },
      };
    },
  };
}
