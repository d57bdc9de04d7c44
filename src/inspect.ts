/**
 * A look inside a network while it learns: per layer, histograms of its weights, of the
 * activations it gives on a sample of the data, and of the gradient of the loss on that
 * sample with respect to its weights; with the figures that make trouble visible (ReLUs
 * that never fire, gradients that vanish or explode).
 */
import { Backprop } from './backprop.js';
import type { DataMatrix } from './data.js';
import { check } from './errors.js';
import type { Loss } from './losses.js';
import type { Network } from './network.js';

/** Counts of values in equal bins from `min` to `max` (both included). */
export interface Histogram {
  readonly min: number;
  readonly max: number;
  readonly counts: readonly number[];
  /** Values that were not finite numbers, left out of the bins. */
  readonly nonFinite: number;
}

/** What one weight layer (into layer k + 1 of `network.layers`) looks like now. */
export interface LayerInspection {
  /** Its weights (not biases). */
  readonly weights: Histogram;
  /** The outputs of its neurons over the sample. */
  readonly activations: Histogram;
  /** ∂(mean loss over the sample)/∂w for its weights. */
  readonly gradients: Histogram;
  /** Its neurons that gave exactly 0 for every sample: dead ReLUs, which no longer learn. */
  readonly dead: number;
  readonly neurons: number;
  /** Root mean square of its weights' gradients: compare the layers to see gradients vanish or explode. */
  readonly gradientRms: number;
}

/** Counts the finite values of `values[start … end)` in `bins` equal bins spanning them (a single value spans ±0.5). */
export function histogram(values: ArrayLike<number>, start: number, end: number, bins: number): Histogram {
  check(Number.isInteger(bins) && bins >= 1, `A histogram needs a whole number of bins, at least 1; got ${bins}.`);
  let min = Infinity;
  let max = -Infinity;
  let nonFinite = 0;
  for (let i = start; i < end; i++) {
    const value = values[i];
    if (!Number.isFinite(value)) nonFinite++;
    else {
      if (value < min) min = value;
      if (value > max) max = value;
    }
  }
  const counts = new Array<number>(bins).fill(0);
  if (min > max) return { min: 0, max: 0, counts, nonFinite };
  if (min === max) {
    min -= 0.5;
    max += 0.5;
  }
  const width = (max - min) / bins;
  for (let i = start; i < end; i++) {
    const value = values[i];
    if (Number.isFinite(value)) counts[Math.min(bins - 1, Math.floor((value - min) / width))]++;
  }
  return { min, max, counts, nonFinite };
}

/**
 * Inspects a network on (the first `samples` rows of) its data. Buffers are allocated once,
 * here; each `inspect()` runs the sample forward and back without touching the network's
 * weights or any trainer.
 */
export class Inspector {
  private readonly backprop: Backprop;
  private readonly rows: Uint32Array;
  /** Every sample's activations, layer after layer, laid out like `network.values` per sample. */
  private readonly activations: Float64Array;

  constructor(
    readonly network: Network,
    readonly data: DataMatrix,
    readonly loss: Loss,
    readonly options: { samples?: number; bins?: number } = {},
  ) {
    const count = Math.min(data.count, Math.max(1, Math.floor(options.samples ?? 200)));
    this.rows = Uint32Array.from({ length: count }, (_, i) => i);
    this.backprop = new Backprop(network);
    this.activations = new Float64Array(count * network.values.length);
  }

  /** Each weight layer's histograms and figures, for the network's weights now. */
  inspect(): LayerInspection[] {
    const { network, data, rows, backprop, activations } = this;
    const bins = this.options.bins ?? 20;
    const count = rows.length;
    const stride = network.values.length;
    for (let r = 0; r < count; r++) {
      network.forwardFrom(data.inputs, r * data.inputSize);
      activations.set(network.values, r * stride);
    }
    backprop.reset();
    backprop.accumulate(data, rows, 0, count, this.loss, 1 / count);
    const gradients = backprop.weightGradients;
    const layers: LayerInspection[] = [];
    for (let k = 0; k < network.depth; k++) {
      const from = network.weightOffset[k];
      const to = network.weightOffset[k + 1];
      let squares = 0;
      for (let i = from; i < to; i++) squares += gradients[i] * gradients[i];
      const first = network.neuronOffset[k + 1];
      const size = network.layers[k + 1];
      layers.push({
        weights: histogram(network.weights, from, to, bins),
        activations: this.activationHistogram(first, size, bins),
        gradients: histogram(gradients, from, to, bins),
        dead: k < network.depth - 1 ? this.deadNeurons(first, size) : 0,
        neurons: size,
        gradientRms: Math.sqrt(squares / (to - from)),
      });
    }
    return layers;
  }

  /** The histogram of one layer's activations over every sample. */
  private activationHistogram(first: number, size: number, bins: number): Histogram {
    const { activations } = this;
    const stride = this.network.values.length;
    const count = this.rows.length;
    const gathered = new Float64Array(count * size);
    for (let r = 0; r < count; r++) gathered.set(activations.subarray(r * stride + first, r * stride + first + size), r * size);
    return histogram(gathered, 0, gathered.length, bins);
  }

  /** Neurons of a hidden layer whose output was exactly 0 for every sample. */
  private deadNeurons(first: number, size: number): number {
    const stride = this.network.values.length;
    let dead = 0;
    for (let j = 0; j < size; j++) {
      let silent = true;
      for (let r = 0; r < this.rows.length && silent; r++) silent = this.activations[r * stride + first + j] === 0;
      if (silent) dead++;
    }
    return dead;
  }
}
