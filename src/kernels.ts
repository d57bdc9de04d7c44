/**
 * The inner loops of the forward and backward passes, on flat Float64Arrays. The
 * kernels for several samples load each weight (or gradient) once for all of them,
 * which is what makes a batch cheaper per sample than one sample at a time.
 */
import type { Network } from './network.js';

/** Σᵢ a[aStart + i] · b[bStart + i] for i < length, in four partial sums that break the chain of dependent adds. */
export function dot(a: Float64Array, aStart: number, b: Float64Array, bStart: number, length: number): number {
  let s0 = 0;
  let s1 = 0;
  let s2 = 0;
  let s3 = 0;
  let i = 0;
  for (; i + 3 < length; i += 4) {
    s0 += a[aStart + i] * b[bStart + i];
    s1 += a[aStart + i + 1] * b[bStart + i + 1];
    s2 += a[aStart + i + 2] * b[bStart + i + 2];
    s3 += a[aStart + i + 3] * b[bStart + i + 3];
  }
  for (; i < length; i++) s0 += a[aStart + i] * b[bStart + i];
  return s0 + s1 + (s2 + s3);
}

/** One layer's weighted sums for one sample: sums[z + j] = biases[b + j] + Σᵢ weights[w + j·fromSize + i] · values[x + i]. */
export function weightedSums(
  weights: Float64Array,
  w: number,
  biases: Float64Array,
  b: number,
  fromSize: number,
  toSize: number,
  values: Float64Array,
  x: number,
  sums: Float64Array,
  z: number,
): void {
  for (let j = 0; j < toSize; j++) sums[z + j] = biases[b + j] + dot(weights, w + j * fromSize, values, x, fromSize);
}

/**
 * One layer's weighted sums for four samples at once: for each neuron j < toSize,
 * sums[z + g·stride + j] = biases[b + j] + Σᵢ weights[w + j·fromSize + i] · values[x + g·stride + i]
 * for samples g = 0..3. Two neurons at a time: eight running sums from six loads.
 */
export function weightedSumsOfFour(
  weights: Float64Array,
  w: number,
  biases: Float64Array,
  b: number,
  fromSize: number,
  toSize: number,
  values: Float64Array,
  x: number,
  sums: Float64Array,
  z: number,
  stride: number,
): void {
  const x1 = x + stride;
  const x2 = x1 + stride;
  const x3 = x2 + stride;
  let j = 0;
  for (; j + 1 < toSize; j += 2) {
    const u = w + j * fromSize;
    const v = u + fromSize;
    let u0 = 0, u1 = 0, u2 = 0, u3 = 0;
    let v0 = 0, v1 = 0, v2 = 0, v3 = 0;
    for (let i = 0; i < fromSize; i++) {
      const wu = weights[u + i];
      const wv = weights[v + i];
      const a0 = values[x + i];
      const a1 = values[x1 + i];
      const a2 = values[x2 + i];
      const a3 = values[x3 + i];
      u0 += wu * a0;
      u1 += wu * a1;
      u2 += wu * a2;
      u3 += wu * a3;
      v0 += wv * a0;
      v1 += wv * a1;
      v2 += wv * a2;
      v3 += wv * a3;
    }
    const bu = biases[b + j];
    const bv = biases[b + j + 1];
    sums[z + j] = bu + u0;
    sums[z + stride + j] = bu + u1;
    sums[z + 2 * stride + j] = bu + u2;
    sums[z + 3 * stride + j] = bu + u3;
    sums[z + j + 1] = bv + v0;
    sums[z + stride + j + 1] = bv + v1;
    sums[z + 2 * stride + j + 1] = bv + v2;
    sums[z + 3 * stride + j + 1] = bv + v3;
  }
  // An odd last neuron: one sample at a time.
  for (let g = 0; j < toSize && g < 4; g++) {
    sums[z + g * stride + j] = biases[b + j] + dot(weights, w + j * fromSize, values, x + g * stride, fromSize);
  }
}

/**
 * One row of a weight gradient, summed over samples:
 * gradients[w + i] += Σₖ deltas[k] · values[starts[k] + i] for k < count and i < length.
 * Four samples at a time, so each gradient is read and written once per four.
 */
export function addScaledRows(
  gradients: Float64Array,
  w: number,
  length: number,
  values: Float64Array,
  starts: Int32Array,
  deltas: Float64Array,
  count: number,
): void {
  let k = 0;
  for (; k + 3 < count; k += 4) {
    const d0 = deltas[k];
    const d1 = deltas[k + 1];
    const d2 = deltas[k + 2];
    const d3 = deltas[k + 3];
    const p0 = starts[k];
    const p1 = starts[k + 1];
    const p2 = starts[k + 2];
    const p3 = starts[k + 3];
    for (let i = 0; i < length; i++) {
      gradients[w + i] += d0 * values[p0 + i] + d1 * values[p1 + i] + (d2 * values[p2 + i] + d3 * values[p3 + i]);
    }
  }
  for (; k < count; k++) {
    const d = deltas[k];
    const p = starts[k];
    for (let i = 0; i < length; i++) gradients[w + i] += d * values[p + i];
  }
}

/**
 * Backpropagates one layer for four samples at once: for each input i < fromSize,
 * delta[from + g·stride + i] = Σⱼ weights[w + j·fromSize + i] · delta[to + g·stride + j]
 * for samples g = 0..3, walking down column i of the weights with four running sums.
 */
export function backpropagateFour(
  weights: Float64Array,
  w: number,
  fromSize: number,
  toSize: number,
  delta: Float64Array,
  from: number,
  to: number,
  stride: number,
): void {
  for (let i = 0; i < fromSize; i++) {
    let s0 = 0;
    let s1 = 0;
    let s2 = 0;
    let s3 = 0;
    for (let j = 0, u = w + i; j < toSize; j++, u += fromSize) {
      const weight = weights[u];
      s0 += weight * delta[to + j];
      s1 += weight * delta[to + stride + j];
      s2 += weight * delta[to + 2 * stride + j];
      s3 += weight * delta[to + 3 * stride + j];
    }
    delta[from + i] = s0;
    delta[from + stride + i] = s1;
    delta[from + 2 * stride + i] = s2;
    delta[from + 3 * stride + i] = s3;
  }
}

/**
 * Backpropagates one layer for one sample: delta[from + i] = Σⱼ weights[w + j·fromSize + i] · delta[to + j]
 * for each input i < fromSize, added up in the same order as backpropagateFour's.
 */
export function backpropagateOne(
  weights: Float64Array,
  w: number,
  fromSize: number,
  toSize: number,
  delta: Float64Array,
  from: number,
  to: number,
): void {
  for (let i = 0; i < fromSize; i++) {
    let s = 0;
    for (let j = 0, u = w + i; j < toSize; j++, u += fromSize) s += weights[u] * delta[to + j];
    delta[from + i] = s;
  }
}

/**
 * The forward pass of `size` samples through `network`'s weights and activations: sample g's
 * neurons sit g × `stride` into `sums` and `values` (laid out like the network's own), its
 * inputs already in `values`. Four samples at a time, then the rest one at a time. `masks`,
 * when given, changes each layer's activations once computed (dropout while training).
 */
export function forwardSamples(
  network: Network,
  sums: Float64Array,
  values: Float64Array,
  stride: number,
  size: number,
  masks?: { apply(layer: number, values: Float64Array, stride: number, size: number): void },
): void {
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
    masks?.apply(k + 1, values, stride, size);
  }
}

/** The buffers of a group of samples that a forward pass reads and writes. */
export interface SampleBuffers {
  /** Weighted sums and activations of the samples, sample g at g × stride, laid out like the network's. */
  readonly sums: Float64Array;
  readonly values: Float64Array;
}

/** The buffers of a group of samples that a backward pass reads and writes (Backprop's). */
export interface GroupBuffers extends SampleBuffers {
  /** ∂loss/∂z of the samples, laid out like `sums`: the output layer's set by the caller. */
  readonly delta: Float64Array;
  /** Where gradients are added, laid out like the network's weights and biases. */
  readonly weightGradients: Float64Array;
  readonly biasGradients: Float64Array;
  /** Room for one neuron's samples with a non-zero delta: where their inputs start, and those deltas. */
  readonly activeStarts: Int32Array;
  readonly activeDeltas: Float64Array;
}

/**
 * The backward pass of `size` samples whose output deltas are in `buffers.delta`: adds their
 * gradients (a sample whose delta at a neuron is 0, a ReLU that was off or no error, adds
 * nothing to its row) and leaves every hidden layer's deltas. Four samples at a time, then
 * the rest one at a time, the same sums in the same order either way. `dropout`, when given,
 * returns the activations before its masks for a layer's derivative to read.
 */
export function backwardSamples(
  network: Network,
  weights: Float64Array,
  buffers: GroupBuffers,
  stride: number,
  size: number,
  dropout?: { backward(delta: Float64Array, layer: number, stride: number, size: number): Float64Array | undefined },
): void {
  const { layers, neuronOffset, weightOffset, biasOffset, depth } = network;
  const { sums, values, delta, weightGradients, biasGradients, activeStarts, activeDeltas } = buffers;
  for (let k = depth - 1; k >= 0; k--) {
    const fromSize = layers[k];
    const toSize = layers[k + 1];
    const from = neuronOffset[k];
    const to = neuronOffset[k + 1];
    for (let j = 0; j < toSize; j++) {
      let active = 0;
      let biasGradient = 0;
      for (let g = 0; g < size; g++) {
        const d = delta[g * stride + to + j];
        if (d === 0) continue;
        activeStarts[active] = g * stride + from;
        activeDeltas[active++] = d;
        biasGradient += d;
      }
      biasGradients[biasOffset[k] + j] += biasGradient;
      addScaledRows(weightGradients, weightOffset[k] + j * fromSize, fromSize, values, activeStarts, activeDeltas, active);
    }
    if (k === 0) break;
    let g = 0;
    for (; g + 3 < size; g += 4) backpropagateFour(weights, weightOffset[k], fromSize, toSize, delta, g * stride + from, g * stride + to, stride);
    for (; g < size; g++) backpropagateOne(weights, weightOffset[k], fromSize, toSize, delta, g * stride + from, g * stride + to);
    // Through dropout's masks, the derivative reads the activations before them.
    const activated = dropout?.backward(delta, k, stride, size) ?? values;
    const activation = network.activationOf(k - 1);
    for (g = 0; g < size; g++) activation.backwardLayer(sums, activated, delta, g * stride + from, g * stride + from + fromSize);
  }
}
