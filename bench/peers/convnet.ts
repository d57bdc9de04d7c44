import { createRequire } from 'node:module';
import { type Peer, type TrainSpec, argmax, withSeededMathRandom } from '../cases.js';
import { Random } from '../../src/index.js';

const require = createRequire(import.meta.url);
const convnetjs = require('convnetjs') as typeof import('convnetjs');

/** ConvNetJS 0.3.0: fc layers and a softmax classifier, mini-batch SGD (float64). */
export const convnet: Peer = {
  name: 'convnetjs',
  notes: (spec) =>
    spec.id === 'A'
      ? ['convnetjs: output is fc 2 + softmax with NLL (2-class softmax = sigmoid + BCE); its batches run across epoch boundaries; Math.random seeded for init']
      : ['convnetjs: fc 10 + softmax with NLL; batches of 32 run across epoch boundaries (2000 is not a multiple of 32), so ~1% fewer updates'],
  train(spec: TrainSpec) {
    const net = new convnetjs.Net();
    const classes = spec.output === 'sigmoid' ? 2 : spec.layers[spec.layers.length - 1];
    withSeededMathRandom(spec.seed, () =>
      net.makeLayers([
        { type: 'input', out_sx: 1, out_sy: 1, out_depth: spec.layers[0] },
        ...spec.layers.slice(1, -1).map((size) => ({ type: 'fc' as const, num_neurons: size, activation: spec.hidden })),
        { type: 'softmax', num_classes: classes },
      ]),
    );
    const trainer = new convnetjs.Trainer(net, {
      method: 'sgd',
      learning_rate: spec.learningRate,
      batch_size: spec.batchSize,
      momentum: 0,
      l2_decay: 0,
    });
    const vols = spec.data.inputs.map((row) => new convnetjs.Vol([...row]));
    const order = vols.map((_, i) => i);
    const random = new Random(spec.seed);
    return {
      run() {
        for (let e = 0; e < spec.epochs; e++) {
          random.shuffle(order);
          for (const i of order) trainer.train(vols[i], spec.labels[i]);
        }
      },
      work: () => ({ samples: trainer.k, updates: Math.floor(trainer.k / spec.batchSize) }),
      evaluate() {
        let right = 0;
        let loss = 0;
        vols.forEach((vol, i) => {
          const p = net.forward(vol).w;
          if (argmax(p) === spec.labels[i]) right++;
          loss -= Math.log(Math.max(p[spec.labels[i]], 1e-7));
        });
        return { accuracy: right / vols.length, loss: { name: 'NLL', value: loss / vols.length } };
      },
      grid(points) {
        const out = new Float64Array(points.length / 2);
        const input = new convnetjs.Vol(1, 1, 2, 0);
        return () => {
          for (let i = 0; i < out.length; i++) {
            input.w[0] = points[2 * i];
            input.w[1] = points[2 * i + 1];
            out[i] = net.forward(input).w[1];
          }
          return out;
        };
      },
    };
  },
};
