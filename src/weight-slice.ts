import { Backprop } from './backprop.js';
import { NnKitError } from './errors.js';
import { Network } from './network.js';
import type { Objective } from './surfaces.js';
import type { Trainer } from './trainer.js';

/** A weight by its place, as in ModelJSON: weights[layer][to][from]. */
export type WeightPlace = readonly [layer: number, to: number, from: number];

/** The index in `network.weights` of weights[layer][to][from]; an NnKitError naming what exists when there is no such weight. */
export function weightIndexOf(network: Network, [layer, to, from]: WeightPlace): number {
  if (!(network instanceof Network)) throw new NnKitError('weightIndexOf needs a core Network.');
  const name = `weights[${layer}][${to}][${from}]`;
  const whole = (n: number) => Number.isInteger(n) && n >= 0;
  if (!whole(layer) || layer >= network.depth) {
    throw new NnKitError(`${name} does not exist: the network has weight layers 0 to ${network.depth - 1}.`);
  }
  if (!whole(to) || to >= network.layers[layer + 1]) {
    throw new NnKitError(`${name} does not exist: layer ${layer} leads to ${network.layers[layer + 1]} neuron(s), 0 to ${network.layers[layer + 1] - 1}.`);
  }
  if (!whole(from) || from >= network.layers[layer]) {
    throw new NnKitError(`${name} does not exist: layer ${layer} comes from ${network.layers[layer]} neuron(s), 0 to ${network.layers[layer] - 1}.`);
  }
  return network.weightIndex(layer, to, from);
}

/**
 * A trainer's training loss as a function of two of its network's weights, the others held
 * at their current values: L(x, y) is the mean loss over the training data (as
 * `trainer.evaluate()` gives it) with the first weight set to x and the second to y. Every
 * weight is put back before a call returns. The gradient is backpropagation's over all the
 * training data (one full batch), so it is the gradient of exactly this L.
 */
export class WeightSlice implements Objective {
  readonly trainer: Trainer;
  /** Indices of the two weights in `network.weights`. */
  readonly indices: readonly [number, number];
  private readonly backprop: Backprop;
  private readonly rows: Uint32Array;

  constructor(trainer: Trainer, first: WeightPlace, second: WeightPlace) {
    this.trainer = trainer;
    const network = trainer.network;
    this.indices = [weightIndexOf(network, first), weightIndexOf(network, second)];
    if (this.indices[0] === this.indices[1]) throw new NnKitError('The two weights must be different weights.');
    this.backprop = new Backprop(network);
    this.rows = Uint32Array.from({ length: trainer.data.count }, (_, i) => i);
  }

  /** The two weights' current values. */
  get current(): [number, number] {
    const { weights } = this.trainer.network;
    return [weights[this.indices[0]], weights[this.indices[1]]];
  }

  readonly f = (x: number, y: number): number => this.with(x, y, () => this.trainer.evaluate().loss);

  readonly gradient = (x: number, y: number, out: Float64Array): Float64Array =>
    this.with(x, y, () => {
      const { backprop, rows, trainer } = this;
      const count = trainer.data.count;
      backprop.reset();
      backprop.accumulate(trainer.data, rows, 0, count, trainer.loss, 1 / count);
      out[0] = backprop.weightGradients[this.indices[0]];
      out[1] = backprop.weightGradients[this.indices[1]];
      return out;
    });

  /**
   * L as it is now, kept even as the trainer moves on: every other weight and bias held at
   * today's values (all put back after each call). For sampling a landscape a part at a time
   * while the trainer trains, so that every cell shows the same landscape.
   */
  frozen(): (x: number, y: number) => number {
    const { weights, biases } = this.trainer.network;
    const kept = [Float64Array.from(weights), Float64Array.from(biases)];
    const now = [new Float64Array(weights.length), new Float64Array(biases.length)];
    return (x, y) => {
      now[0].set(weights);
      now[1].set(biases);
      weights.set(kept[0]);
      biases.set(kept[1]);
      try {
        return this.f(x, y);
      } finally {
        weights.set(now[0]);
        biases.set(now[1]);
      }
    };
  }

  /** Runs `action` with the two weights set to x and y, then puts them back. */
  private with<T>(x: number, y: number, action: () => T): T {
    const { weights } = this.trainer.network;
    const [a, b] = this.indices;
    const saved = [weights[a], weights[b]];
    weights[a] = x;
    weights[b] = y;
    try {
      return action();
    } finally {
      weights[a] = saved[0];
      weights[b] = saved[1];
    }
  }
}
