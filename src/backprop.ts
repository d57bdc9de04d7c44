import type { DataMatrix } from './data.js';
import { Dropout } from './dropout.js';
import { defaultKernels } from './default-kernels.js';
import type { DenseKernels, KernelFactory } from './dense-kernels.js';
import { type GroupBuffers, backpropagateOne, backwardSamples, forwardSamples } from './kernels.js';
import type { Loss } from './losses.js';
import type { Network } from './network.js';
import type { Random } from './random.js';

/** Most samples passed forward and back together, so the kernels reuse each weight they load. */
const GROUP = 16;
/** What each group buffer should hold at most: a wider network passes fewer samples at once, down to four. */
const GROUP_VALUES = 65_536;

/**
 * Gradient buffers for one network, and backpropagation into them over a batch of
 * samples. Allocated once; accumulating a batch allocates nothing.
 */
export class Backprop {
  /** ∂loss/∂w, then ∂loss/∂b: laid out like `network.parameters`. */
  readonly gradients: Float64Array;
  /** ∂loss/∂w (the start of `gradients`), laid out like `network.weights`. */
  readonly weightGradients: Float64Array;
  /** ∂loss/∂b (the rest of `gradients`), laid out like `network.biases`. */
  readonly biasGradients: Float64Array;
  /** Room for one sample's neurons: each sample of a group sits one stride after the last. */
  private readonly stride: number;
  /** Samples in a group: a multiple of four, so the four-sample kernels never run past its buffers. */
  private readonly group: number;
  /** Weighted sums z of the group's samples, each laid out like `network.sums`; after `accumulate`, its last group's (sample g at g × stride). */
  readonly sums: Float64Array;
  /** Activations of the group's samples, each laid out like `network.values`. */
  readonly values: Float64Array;
  /** ∂loss/∂z (times `scale`) of the group's samples, laid out like `sums`; the input layer's slots are not written. */
  readonly delta: Float64Array;
  /** The buffers above, with room for one neuron's samples whose delta is not 0, as the backward pass takes them. */
  private readonly buffers: GroupBuffers;
  /** The loops, and the buffers above: JavaScript's, or WebAssembly's for a large network (the same numbers either way). */
  readonly kernels: DenseKernels;
  /** Dropout on the hidden layers while training (none when every rate is 0: the plain forward pass runs). */
  readonly dropout?: Dropout;
  /** True when accumulate() takes one sample without arranging a group (the JavaScript kernels, no dropout). */
  readonly single: boolean;

  /** `dropout`: a rate per hidden layer (or one for all) and the generator its masks are drawn from. */
  constructor(readonly network: Network, dropout?: { rates: readonly number[]; random: Random }, kernels: KernelFactory = defaultKernels) {
    this.stride = network.values.length;
    this.group = 4 * Math.max(1, Math.min(GROUP / 4, Math.floor(GROUP_VALUES / (4 * this.stride))));
    const k = (this.kernels = kernels(network, this.group));
    this.gradients = k.gradients;
    this.weightGradients = this.gradients.subarray(0, network.weights.length);
    this.biasGradients = this.gradients.subarray(network.weights.length);
    this.sums = k.float64(this.group * this.stride);
    this.values = k.float64(this.group * this.stride);
    this.delta = k.float64(this.group * this.stride);
    const { weightGradients, biasGradients, sums, values, delta } = this;
    this.buffers = { weightGradients, biasGradients, sums, values, delta, activeStarts: k.int32(this.group), activeDeltas: k.float64(this.group) };
    if (dropout && dropout.rates.some((rate) => rate > 0)) this.dropout = new Dropout(network, dropout.rates, dropout.random, this.values.length);
    this.single = !this.dropout && k.kind === 'javascript';
  }

  /** Clears the accumulated gradients. */
  reset(): void {
    this.gradients.fill(0);
  }

  /**
   * Adds `scale` × the gradient of `loss` for the samples `rows[start]` … `rows[start +
   * count − 1]` of `data`, and returns the sum of their losses.
   */
  accumulate(data: DataMatrix, rows: ArrayLike<number>, start: number, count: number, loss: Loss, scale: number): number {
    // One sample needs no group, which at batch size 1 costs more than the arithmetic.
    if (count === 1 && this.single) return this.accumulateOne(data, rows, start, loss, scale);
    let total = 0;
    this.kernels.load();
    for (let first = start; first < start + count; first += this.group) {
      const size = Math.min(this.group, start + count - first);
      this.forward(data, rows, first, size);
      total += this.backward(data, rows, first, size, loss, scale);
    }
    return total;
  }

  /** accumulate() for the one sample `rows[start]` where `single`: the same sums in the same order, with no group to arrange. */
  private accumulateOne(data: DataMatrix, rows: ArrayLike<number>, start: number, loss: Loss, scale: number): number {
    const { network, sums, values, delta, weightGradients, biasGradients, kernels } = this;
    const { layers, neuronOffset, weightOffset, biasOffset, depth } = network;
    kernels.load();
    this.forward(data, rows, start, 1);
    const sampleLoss = this.outputDelta(loss, data.targets, rows[start] * data.targetSize, neuronOffset[depth], scale);
    for (let k = depth - 1; k >= 0; k--) {
      const fromSize = layers[k];
      const toSize = layers[k + 1];
      const from = neuronOffset[k];
      const to = neuronOffset[k + 1];
      for (let j = 0, w = weightOffset[k]; j < toSize; j++, w += fromSize) {
        const d = delta[to + j];
        biasGradients[biasOffset[k] + j] += d;
        if (d !== 0) for (let i = 0; i < fromSize; i++) weightGradients[w + i] += d * values[from + i];
      }
      if (k === 0) break;
      backpropagateOne(kernels.weights, weightOffset[k], fromSize, toSize, delta, from, to);
      network.activationOf(k - 1).backwardLayer(sums, values, delta, from, to);
    }
    return sampleLoss;
  }

  /** Forward pass of `size` samples into the group's buffers. */
  private forward(data: DataMatrix, rows: ArrayLike<number>, first: number, size: number): void {
    const { values, stride } = this;
    const inputs = this.network.layers[0];
    for (let g = 0; g < size; g++) {
      const row = rows[first + g] * data.inputSize;
      for (let i = 0; i < inputs; i++) values[g * stride + i] = data.inputs[row + i];
    }
    // Dropout runs the JavaScript kernels, reading the network's own weights.
    if (this.dropout) forwardSamples(this.network, this.sums, values, stride, size, this.dropout);
    else this.kernels.forwardSamples(this.buffers, stride, size);
  }

  /** Backward pass of the group just run forward: adds its gradients, returns its summed loss. */
  private backward(data: DataMatrix, rows: ArrayLike<number>, first: number, size: number, loss: Loss, scale: number): number {
    const { network, stride, dropout, kernels } = this;
    const out = network.neuronOffset[network.depth];
    let total = 0;
    for (let g = 0; g < size; g++) {
      total += this.outputDelta(loss, data.targets, rows[first + g] * data.targetSize, g * stride + out, scale);
    }
    if (dropout) backwardSamples(network, kernels.weights, this.buffers, stride, size, dropout);
    else kernels.backwardSamples(this.buffers, stride, size);
    return total;
  }

  /** One sample's ∂loss/∂z at the output layer (starting at `out`), times `scale`; returns its loss. */
  private outputDelta(loss: Loss, targets: Float64Array, target: number, out: number, scale: number): number {
    const { sums, values, delta } = this;
    const output = this.network.outputActivation;
    const n = this.network.outputSize;
    const sampleLoss = loss.value(values, out, targets, target, n);
    if (loss.pairedActivation === output.name && loss.pairedGradient) {
      loss.pairedGradient(values, out, targets, target, n, delta);
    } else {
      loss.gradient(values, out, targets, target, n, delta);
      if (output.applyVector) {
        // Softmax Jacobian: ∂L/∂zᵢ = yᵢ (gᵢ − Σⱼ gⱼ yⱼ).
        let gy = 0;
        for (let i = out; i < out + n; i++) gy += delta[i] * values[i];
        for (let i = out; i < out + n; i++) delta[i] = values[i] * (delta[i] - gy);
      } else {
        for (let i = out; i < out + n; i++) delta[i] *= output.df(sums[i], values[i]);
      }
    }
    for (let i = out; i < out + n; i++) delta[i] *= scale;
    return sampleLoss;
  }
}
