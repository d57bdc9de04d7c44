import { check, isFiniteNumber } from './errors.js';
import { type Network, perHiddenLayer } from './network.js';
import type { Random } from './random.js';

/**
 * The dropout rates of a network's hidden layers, one per hidden layer, from a rate for all
 * of them or a list with one per hidden layer (a list of one is for all too). Each rate is
 * in [0, 1); throws a clear NnKitError otherwise.
 */
export function dropoutRates(given: number | readonly number[] | undefined, hidden: number): number[] {
  const list = perHiddenLayer(given ?? 0, hidden, 'Dropout', 'rate');
  for (const rate of list) check(isFiniteNumber(rate) && rate >= 0 && rate < 1, `A dropout rate is at least 0 and below 1; got ${String(rate)}.`);
  return list.length === hidden ? list : new Array<number>(hidden).fill(list[0]);
}

/**
 * Inverted dropout for training: each step, every neuron of a hidden layer with rate p is
 * dropped (its activation set to 0) with probability p and the others scaled by 1 / (1 − p),
 * so the layer's expected output is unchanged and the network is used as it is everywhere
 * else (predictions, the test loss, every view). Masks are drawn from a seeded generator
 * into buffers allocated once: the same seed drops the same neurons.
 */
export class Dropout {
  /** Each neuron layer's rate (0 for the inputs and the outputs), indexed like `network.layers`. */
  readonly rates: Float64Array;
  /** The last masks drawn, laid out like the group's `values`: 0 for a dropped neuron, 1 / (1 − p) for a kept one. */
  readonly masks: Float64Array;
  /** The hidden activations before their masks, for the derivative f′(z, a). */
  readonly kept: Float64Array;
  /** True to reuse the last masks instead of drawing new ones (for gradient checks with a fixed mask). */
  hold = false;

  constructor(
    readonly network: Network,
    rates: readonly number[],
    private readonly random: Random,
    length: number,
  ) {
    this.rates = new Float64Array(network.layers.length);
    this.rates.set(dropoutRates(rates, network.layers.length - 2), 1);
    this.masks = new Float64Array(length).fill(1);
    this.kept = new Float64Array(length);
  }

  /**
   * Multiplies neuron layer `layer`'s activations of `size` samples by their masks (drawn
   * afresh unless `hold`), keeping them as they were for the derivative; forwardSamples
   * (kernels.ts) calls it after each layer.
   */
  apply(layer: number, values: Float64Array, stride: number, size: number): void {
    const rate = this.rates[layer];
    if (rate === 0) return;
    const { masks, kept, random } = this;
    const scale = 1 / (1 - rate);
    const first = this.network.neuronOffset[layer];
    const count = this.network.layers[layer];
    for (let g = 0; g < size; g++) {
      for (let i = g * stride + first; i < g * stride + first + count; i++) {
        if (!this.hold) masks[i] = random.next() < rate ? 0 : scale;
        kept[i] = values[i];
        values[i] *= masks[i];
      }
    }
  }

  /**
   * Backpropagation through the masks of neuron layer `layer` (∂L/∂a times the mask) for
   * `size` samples; returns the activations its derivative reads (those before the masks),
   * or undefined when the layer has no dropout.
   */
  backward(delta: Float64Array, layer: number, stride: number, size: number): Float64Array | undefined {
    if (this.rates[layer] === 0) return undefined;
    const { masks } = this;
    const first = this.network.neuronOffset[layer];
    const count = this.network.layers[layer];
    for (let g = 0; g < size; g++) {
      for (let i = g * stride + first; i < g * stride + first + count; i++) delta[i] *= masks[i];
    }
    return this.kept;
  }
}
