import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import * as tfl from '@tensorflow/tfjs-layers';
import { type Peer, type TrainSpec, argmax } from '../cases.js';

/** TensorFlow.js's backends the bench compares with: the pure-JS CPU one, and WebAssembly (SIMD, one thread). */
export type TfjsBackend = 'cpu' | 'wasm';

// Offline: the wasm backend loads the package's own .wasm files from node_modules.
const require = createRequire(import.meta.url);
setWasmPaths(`${join(dirname(require.resolve('@tensorflow/tfjs-backend-wasm/package.json')), 'dist')}/`);
// One thread, as a page without cross-origin isolation gets (and as nn-kit runs).
tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);

/**
 * Makes `backend` TensorFlow.js's current one (the backend is global: every peer and case
 * that uses TensorFlow.js calls this before building a model and before each timed run).
 */
export async function useTfjsBackend(backend: TfjsBackend): Promise<void> {
  if (tf.getBackend() !== backend && !(await tf.setBackend(backend))) throw new Error(`TensorFlow.js backend "${backend}" failed to start`);
}

await useTfjsBackend('cpu');

/** TensorFlow.js layers on the pure-JS CPU backend (float32). */
export const tfjs: Peer = tfjsPeer('cpu');
/** TensorFlow.js layers on the WebAssembly backend (float32, SIMD, one thread). */
export const tfjsWasm: Peer = tfjsPeer('wasm');

function tfjsPeer(backend: TfjsBackend): Peer {
  return {
    name: `tfjs-layers (${backend})`,
    notes: () => [`tfjs (${backend}): float32; model.fit(shuffle, yieldEvery "never"); Glorot/He uniform init like nn-kit`],
    async train(spec: TrainSpec) {
      await useTfjsBackend(backend);
      const model = tfl.sequential();
      const initializer = (s: number) =>
        spec.hidden === 'relu' ? tfl.initializers.heUniform({ seed: s }) : tfl.initializers.glorotUniform({ seed: s });
      for (let k = 1; k < spec.layers.length; k++) {
        const last = k === spec.layers.length - 1;
        model.add(
          tfl.layers.dense({
            units: spec.layers[k],
            activation: last ? spec.output : spec.hidden,
            inputShape: k === 1 ? [spec.layers[0]] : undefined,
            kernelInitializer: last ? tfl.initializers.glorotUniform({ seed: spec.seed + k }) : initializer(spec.seed + k),
          }),
        );
      }
      const optimizer = tf.train.sgd(spec.learningRate);
      // SGD keeps no step counter, so count the updates it applies.
      let updates = 0;
      const apply = optimizer.applyGradients.bind(optimizer);
      optimizer.applyGradients = (gradients) => {
        updates++;
        apply(gradients);
      };
      model.compile({ optimizer, loss: spec.output === 'sigmoid' ? 'binaryCrossentropy' : 'categoricalCrossentropy' });
      const x = tf.tensor2d(spec.data.inputs as number[][]);
      const y = tf.tensor2d(spec.data.targets as number[][]);
      let epochs = 0;
      return {
        async run() {
          await useTfjsBackend(backend);
          const history = await model.fit(x, y, {
            batchSize: spec.batchSize,
            epochs: spec.epochs,
            shuffle: true,
            verbose: 0,
            yieldEvery: 'never',
          });
          epochs += history.epoch.length;
        },
        work: () => ({ samples: epochs * spec.labels.length, updates }),
        evaluate() {
          // Read on the backend it trained on; the bench's other engines do not use TensorFlow.js.
          void useTfjsBackend(backend);
          return tf.tidy(() => {
            const loss = (model.evaluate(x, y, { batchSize: 500 }) as tf.Scalar).dataSync()[0];
            const p = (model.predict(x) as tf.Tensor).arraySync() as number[][];
            const right = p.filter((row, i) => (row.length === 1 ? Number(row[0] >= 0.5) : argmax(row)) === spec.labels[i]);
            return { accuracy: right.length / p.length, loss: { name: spec.output === 'sigmoid' ? 'BCE' : 'CE', value: loss } };
          });
        },
        grid(points) {
          void useTfjsBackend(backend);
          const input = tf.tensor2d(Float32Array.from(points), [points.length / 2, 2]);
          return () => {
            const out = model.predict(input) as tf.Tensor;
            const values = out.dataSync();
            out.dispose();
            return values;
          };
        },
      };
    },
  };
}
