import { forwardSamples } from './kernels.js';
import type { Network } from './network.js';

/** Samples run together by default: enough for the four-sample kernels to reuse each weight they load. */
const DEFAULT_CAPACITY = 64;

/**
 * Forward passes of many inputs at once through a network's own weights and activations,
 * for views that sample a network over a grid (a decision boundary, each neuron's map).
 * The samples go through the four-sample kernels training uses, so each weight is loaded
 * once per four samples rather than once per sample. Buffers are allocated once; a run
 * allocates nothing and leaves the network's own `values` and `sums` alone.
 *
 * The numbers are the network's forward pass; only the order in which each weighted sum
 * is added up may differ from `Network.forwardFrom` (the last bits of a double), as it
 * does between training's batches and a single sample.
 */
export class BatchForward {
  /** Room for one sample's neurons: sample g's inputs, hidden values and outputs start at g · stride, laid out like `network.values`. */
  readonly stride: number;
  /** Most samples in one run: a multiple of four. */
  readonly capacity: number;
  /** Activations of the run's samples; write each sample's inputs at g · stride before `run`. */
  readonly values: Float64Array;
  /** Weighted sums of the run's samples, laid out like `values`. */
  private readonly sums: Float64Array;

  constructor(
    readonly network: Network,
    capacity = DEFAULT_CAPACITY,
  ) {
    this.stride = network.values.length;
    this.capacity = 4 * Math.max(1, Math.ceil(capacity / 4));
    this.values = new Float64Array(this.capacity * this.stride);
    this.sums = new Float64Array(this.capacity * this.stride);
  }

  /** Where sample g's outputs start in `values`. */
  outputAt(g: number): number {
    return g * this.stride + this.network.neuronOffset[this.network.depth];
  }

  /** Runs the forward pass of samples 0 … count − 1 (at most `capacity`), whose inputs are already in `values`. */
  run(count: number): void {
    forwardSamples(this.network, this.sums, this.values, this.stride, Math.min(count, this.capacity));
  }
}
