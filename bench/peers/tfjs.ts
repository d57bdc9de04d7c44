import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import * as tfl from '@tensorflow/tfjs-layers';
import { type Peer, type TrainSpec, argmax } from '../cases.js';

await tf.setBackend('cpu');

/** TensorFlow.js layers on the pure-JS CPU backend (float32). */
export const tfjs: Peer = {
  name: 'tfjs-layers (cpu)',
  notes: () => ['tfjs: float32; model.fit(shuffle, yieldEvery "never"); Glorot/He uniform init like nn-kit'],
  train(spec: TrainSpec) {
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
        return tf.tidy(() => {
          const loss = (model.evaluate(x, y, { batchSize: 500 }) as tf.Scalar).dataSync()[0];
          const p = (model.predict(x) as tf.Tensor).arraySync() as number[][];
          const right = p.filter((row, i) => (row.length === 1 ? Number(row[0] >= 0.5) : argmax(row)) === spec.labels[i]);
          return { accuracy: right.length / p.length, loss: { name: spec.output === 'sigmoid' ? 'BCE' : 'CE', value: loss } };
        });
      },
      grid(points) {
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
