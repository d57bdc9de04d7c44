import { Network } from '../../src/index.js';
import { tanh } from '../../src/tanh.js';
import type { Peer, TrainSpec } from '../cases.js';

/**
 * A yardstick, not an engine: case A's network written out by hand, every size a constant
 * (2 inputs, two hidden layers of 8 tanh neurons, one sigmoid output, binary cross-entropy,
 * plain SGD), with nn-kit's initial weights and its tanh. It keeps none of an engine's
 * bookkeeping: no shuffling, no overflow guard, no loss, no layer sizes read at run time; at
 * batch size 1 it updates each weight as soon as its gradient is known, with no gradient
 * buffers at all. What it reaches against brain.js shows how much room the case-A targets
 * leave an engine.
 */
export function handWritten(batchSize: number): Peer {
  return {
    name: `hand-written 2-8-8-1, batch ${batchSize}`,
    notes: () => [
      'hand-written: case A\'s network as one loop with constant sizes, nn-kit\'s initial weights and tanh, no shuffling and no overflow guard; a yardstick for the targets, not a peer',
    ],
    train(spec: TrainSpec) {
      if (spec.layers.join('-') !== '2-8-8-1' || spec.hidden !== 'tanh' || spec.output !== 'sigmoid') return 'written for case A only';
      const network = new Network({ layers: spec.layers, activation: 'tanh', outputActivation: 'sigmoid', seed: spec.seed });
      // nn-kit's layout: weights 0–15 (8 × 2), 16–79 (8 × 8), 80–87 (1 × 8); biases 0–7, 8–15, 16.
      const w = network.weights.slice();
      const b = network.biases.slice();
      const gw = new Float64Array(88);
      const gb = new Float64Array(17);
      const count = spec.data.inputs.length;
      const x = Float64Array.from(spec.data.inputs.flat());
      const t = Float64Array.from(spec.data.targets.flat());
      const h1 = new Float64Array(8);
      const h2 = new Float64Array(8);
      const d1 = new Float64Array(8);
      const d2 = new Float64Array(8);
      const rate = spec.learningRate;
      let samples = 0;
      let updates = 0;

      /** The output for input `s` of `inputs`, leaving the hidden activations in h1 and h2. */
      const forward = (inputs: Float64Array, s: number): number => {
        const x0 = inputs[2 * s];
        const x1 = inputs[2 * s + 1];
        for (let j = 0; j < 8; j++) h1[j] = tanh(b[j] + (w[2 * j] * x0 + w[2 * j + 1] * x1));
        for (let j = 0; j < 8; j++) h2[j] = tanh(b[8 + j] + dot8(w, 16 + 8 * j, h1));
        return 1 / (1 + Math.exp(-(b[16] + dot8(w, 80, h2))));
      };

      /**
       * Backpropagates sample s, its output error times `scale`: into gw and gb, or with
       * `rate` > 0 straight into the weights (each layer's after the error passed through it).
       */
      const backward = (s: number, y: number, scale: number, rate: number): void => {
        const dz = (y - t[s]) * scale;
        for (let i = 0; i < 8; i++) d2[i] = w[80 + i] * dz * (1 - h2[i] * h2[i]);
        for (let i = 0; i < 8; i++) {
          let sum = 0;
          for (let j = 0; j < 8; j++) sum += w[16 + 8 * j + i] * d2[j];
          d1[i] = sum * (1 - h1[i] * h1[i]);
        }
        if (rate > 0) {
          b[16] -= rate * dz;
          for (let i = 0; i < 8; i++) w[80 + i] -= rate * dz * h2[i];
          for (let j = 0; j < 8; j++) {
            const u = 16 + 8 * j;
            const d = rate * d2[j];
            b[8 + j] -= d;
            for (let i = 0; i < 8; i++) w[u + i] -= d * h1[i];
          }
          for (let j = 0; j < 8; j++) {
            const d = rate * d1[j];
            b[j] -= d;
            w[2 * j] -= d * x[2 * s];
            w[2 * j + 1] -= d * x[2 * s + 1];
          }
          return;
        }
        gb[16] += dz;
        for (let i = 0; i < 8; i++) gw[80 + i] += dz * h2[i];
        for (let j = 0; j < 8; j++) {
          const u = 16 + 8 * j;
          gb[8 + j] += d2[j];
          for (let i = 0; i < 8; i++) gw[u + i] += d2[j] * h1[i];
        }
        for (let j = 0; j < 8; j++) {
          gb[j] += d1[j];
          gw[2 * j] += d1[j] * x[2 * s];
          gw[2 * j + 1] += d1[j] * x[2 * s + 1];
        }
      };

      return {
        run() {
          for (let epoch = 0; epoch < spec.epochs; epoch++) {
            if (batchSize === 1) {
              for (let s = 0; s < count; s++) backward(s, forward(x, s), 1, rate);
              samples += count;
              updates += count;
              continue;
            }
            for (let first = 0; first < count; first += batchSize) {
              const end = Math.min(count, first + batchSize);
              gw.fill(0);
              gb.fill(0);
              for (let s = first; s < end; s++) backward(s, forward(x, s), 1 / (end - first), 0);
              for (let i = 0; i < 88; i++) w[i] -= rate * gw[i];
              for (let i = 0; i < 17; i++) b[i] -= rate * gb[i];
              samples += end - first;
              updates++;
            }
          }
        },
        work: () => ({ samples, updates }),
        evaluate() {
          let right = 0;
          let loss = 0;
          for (let s = 0; s < count; s++) {
            const y = Math.min(Math.max(forward(x, s), 1e-7), 1 - 1e-7);
            if (Number(y >= 0.5) === spec.labels[s]) right++;
            loss -= t[s] * Math.log(y) + (1 - t[s]) * Math.log(1 - y);
          }
          return { accuracy: right / count, loss: { name: 'BCE', value: loss / count } };
        },
        grid(points) {
          const out = new Float64Array(points.length / 2);
          return () => {
            for (let i = 0; i < out.length; i++) out[i] = forward(points, i);
            return out;
          };
        },
      };
    },
  };
}

/** Σᵢ w[u + i] · a[i] over 8 values, in four running sums (as nn-kit's `dot`, which the JIT schedules better than one). */
function dot8(w: Float64Array, u: number, a: Float64Array): number {
  return w[u] * a[0] + w[u + 4] * a[4] + (w[u + 1] * a[1] + w[u + 5] * a[5]) + (w[u + 2] * a[2] + w[u + 6] * a[6] + (w[u + 3] * a[3] + w[u + 7] * a[7]));
}
