import { check, isFiniteNumber } from './errors.js';
import { weightedSums, weightedSumsOfFour } from './kernels.js';
import type { Network } from './network.js';
import type { Random } from './random.js';

/**
 * The dropout rates of a network's hidden layers, one per hidden layer, from a rate for all
 * of them or a list with one per hidden layer (a list of one is for all too). Each rate is
 * in [0, 1); throws a clear NnKitError otherwise.
 */
export function dropoutRates(given: number | readonly number[] | undefined, hidden: number): number[] {
  if (given == null) return new Array<number>(hidden).fill(0);
  const list = typeof given === 'number' ? [given] : Array.isArray(given) ? given : undefined;
  check(list !== undefined, 'Dropout must be a rate such as 0.2, or a list of rates, one per hidden layer.');
  check(
    list.length === 1 || list.length === hidden,
    `Dropout lists ${list.length} rates; this network has ${hidden} hidden layer${hidden === 1 ? '' : 's'}: give one rate for all of them${hidden > 1 ? ` or ${hidden}, one per layer` : ''}.`,
  );
  for (const rate of list) {
    check(isFiniteNumber(rate) && rate >= 0 && rate < 1, `A dropout rate is at least 0 and below 1 (0.2 drops a fifth of a layer's neurons); got ${String(rate)}.`);
  }
  return list.length === hidden ? [...list] : new Array<number>(hidden).fill(list[0] ?? 0);
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
   * The forward pass of `size` samples laid out as forwardSamples' (kernels.ts), with each
   * hidden layer's activations multiplied by its masks (drawn afresh unless `hold`).
   */
  forward(sums: Float64Array, values: Float64Array, stride: number, size: number): void {
    const { network, rates, masks, kept, random } = this;
    const { layers, weights, biases, neuronOffset, weightOffset, biasOffset } = network;
    for (let k = 0; k < layers.length - 1; k++) {
      const fromSize = layers[k];
      const toSize = layers[k + 1];
      const from = neuronOffset[k];
      const to = neuronOffset[k + 1];
      let g = 0;
      for (; g + 3 < size; g += 4) {
        weightedSumsOfFour(weights, weightOffset[k], biases, biasOffset[k], fromSize, toSize, values, g * stride + from, sums, g * stride + to, stride);
      }
      for (; g < size; g++) {
        weightedSums(weights, weightOffset[k], biases, biasOffset[k], fromSize, toSize, values, g * stride + from, sums, g * stride + to);
      }
      const activation = network.activationOf(k);
      for (g = 0; g < size; g++) activation.forwardLayer(sums, values, g * stride + to, g * stride + to + toSize);
      const rate = rates[k + 1];
      if (rate === 0) continue;
      const scale = 1 / (1 - rate);
      for (g = 0; g < size; g++) {
        const start = g * stride + to;
        for (let i = start; i < start + toSize; i++) {
          if (!this.hold) masks[i] = random.next() < rate ? 0 : scale;
          kept[i] = values[i];
          values[i] *= masks[i];
        }
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
