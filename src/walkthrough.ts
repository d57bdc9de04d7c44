import { Backprop } from './backprop.js';
import { NnKitError, check, isFiniteNumber } from './errors.js';
import { backpropagateFour } from './kernels.js';
import { type Loss, getLoss } from './losses.js';
import type { ModelJSON } from './network.js';
import { Network } from './network.js';

/** One layer of one sample's pass, forward and back. */
export interface NodeTrace {
  /** Weighted sums z (empty for the input layer). */
  z: number[];
  /** Activations a (the inputs for layer 0). */
  a: number[];
  /** ∂L/∂z of each neuron (empty for the input layer). */
  dz: number[];
  /** ∂L/∂a of each neuron (for the input layer: ∂L/∂x). */
  da: number[];
}

/** One sample's backpropagation, every number of it: what a step-by-step view shows. */
export interface SampleGradients {
  /** The sample's loss. */
  loss: number;
  /** Per layer, input to output. */
  nodes: NodeTrace[];
  /** ∂L/∂w, laid out like ModelJSON: weights[layer][to][from]. */
  weights: number[][][];
  /** ∂L/∂b, laid out like ModelJSON: biases[layer][to]. */
  biases: number[][];
  /** True when the loss and the output activation pair (sigmoid + binary cross-entropy, softmax + cross-entropy) and ∂L/∂z = (a − t) scaled, as the core computes it. */
  paired: boolean;
}

/** A weight `[layer, to, from]` or a bias `[layer, to]`, as in ModelJSON. */
export type ParameterPlace = readonly [layer: number, to: number, from?: number];

/** Checks a sample against the network: one finite input per input neuron, one finite target per output. */
function checkSample(network: Network, input: ArrayLike<number>, target: ArrayLike<number>): void {
  if (!(network instanceof Network)) throw new NnKitError('sampleGradients needs a core Network.');
  network.checkInput(input);
  const n = network.outputSize;
  check(
    target != null && typeof target.length === 'number' && target.length === n,
    `The network has ${n} output${n === 1 ? '' : 's'}, so the target needs ${n} number${n === 1 ? '' : 's'}; got ${target?.length ?? 'none'}.`,
  );
  for (let i = 0; i < n; i++) check(isFiniteNumber(target[i]), `Target ${i + 1} must be a finite number; got "${String(target[i])}".`);
}

const slice = (values: Float64Array, start: number, length: number) => Array.from(values.subarray(start, start + length));

/**
 * One sample's loss and gradients, computed by the core's Backprop (the code that trains)
 * on a batch of that one sample: ∂L/∂w and ∂L/∂b laid out like ModelJSON, and every
 * neuron's z, a, ∂L/∂z and ∂L/∂a. ∂L/∂a of the output layer is the loss's own gradient;
 * of the other layers, the backward kernel's Wᵀ·∂L/∂z. The network is not changed.
 */
export function sampleGradients(network: Network, input: ArrayLike<number>, target: ArrayLike<number>, loss: Loss | string): SampleGradients {
  checkSample(network, input, target);
  const lossFn = typeof loss === 'string' ? getLoss(loss) : loss;
  const { layers, depth, neuronOffset, weightOffset, biasOffset, weights } = network;
  const backprop = new Backprop(network);
  const data = { count: 1, inputSize: layers[0], targetSize: network.outputSize, inputs: Float64Array.from(input), targets: Float64Array.from(target) };
  const value = backprop.accumulate(data, [0], 0, 1, lossFn, 1);

  // ∂L/∂a: the loss's gradient at the output, then Wᵀ·∂L/∂z layer by layer (the kernel works on four samples; three stay zero).
  const stride = network.values.length;
  const da = new Float64Array(4 * stride);
  da.set(backprop.delta.subarray(0, stride));
  const out = neuronOffset[depth];
  for (let k = 0; k < depth; k++) backpropagateFour(weights, weightOffset[k], layers[k], layers[k + 1], da, neuronOffset[k], neuronOffset[k + 1], stride);
  lossFn.gradient(backprop.values, out, data.targets, 0, network.outputSize, da);

  const nodes = layers.map((size, l) => {
    const start = neuronOffset[l];
    return {
      z: l === 0 ? [] : slice(backprop.sums, start, size),
      a: slice(backprop.values, start, size),
      dz: l === 0 ? [] : slice(backprop.delta, start, size),
      da: slice(da, start, size),
    };
  });
  const gradients = { weights: [] as number[][][], biases: [] as number[][] };
  for (let k = 0; k < depth; k++) {
    gradients.weights.push(Array.from({ length: layers[k + 1] }, (_, j) => slice(backprop.weightGradients, network.weightIndex(k, j, 0), layers[k])));
    gradients.biases.push(slice(backprop.biasGradients, biasOffset[k], layers[k + 1]));
  }
  const paired = !!lossFn.pairedGradient && lossFn.pairedActivation === network.outputActivation.name;
  return { loss: value, nodes, ...gradients, paired };
}

/** The sample's loss with the network as it is: a forward pass and the loss's value. */
export function sampleLoss(network: Network, input: ArrayLike<number>, target: ArrayLike<number>, loss: Loss | string): number {
  checkSample(network, input, target);
  const lossFn = typeof loss === 'string' ? getLoss(loss) : loss;
  network.forwardFrom(input);
  return lossFn.value(network.values, network.neuronOffset[network.depth], Float64Array.from(target), 0, network.outputSize);
}

/** Where a weight or bias lives: its array and index; an NnKitError naming what exists when there is none. */
export function parameterSlot(network: Network, place: ParameterPlace): { array: Float64Array; index: number } {
  const [layer, to, from] = place;
  const whole = (n: unknown): n is number => Number.isInteger(n) && (n as number) >= 0;
  const name = from === undefined ? `biases[${layer}][${to}]` : `weights[${layer}][${to}][${from}]`;
  if (!whole(layer) || layer >= network.depth) throw new NnKitError(`${name} does not exist: the network has layers 0 to ${network.depth - 1}.`);
  if (!whole(to) || to >= network.layers[layer + 1]) throw new NnKitError(`${name} does not exist: layer ${layer} leads to neurons 0 to ${network.layers[layer + 1] - 1}.`);
  if (from === undefined) return { array: network.biases, index: network.biasOffset[layer] + to };
  if (!whole(from) || from >= network.layers[layer]) throw new NnKitError(`${name} does not exist: layer ${layer} comes from neurons 0 to ${network.layers[layer] - 1}.`);
  return { array: network.weights, index: network.weightIndex(layer, to, from) };
}

/**
 * The sample's loss with one weight or bias moved by `epsilon`, the network put back after:
 * the numerical check of a gradient, ΔL ≈ (∂L/∂w)·ε.
 */
export function nudgedLoss(network: Network, place: ParameterPlace, epsilon: number, input: ArrayLike<number>, target: ArrayLike<number>, loss: Loss | string): number {
  check(isFiniteNumber(epsilon), `The nudge ε must be a finite number; got "${String(epsilon)}".`);
  const { array, index } = parameterSlot(network, place);
  const kept = array[index];
  array[index] = kept + epsilon;
  try {
    return sampleLoss(network, input, target, loss);
  } finally {
    array[index] = kept;
  }
}

/** One step of gradient descent on every weight and bias, w ← w − α·∂L/∂w, with gradients laid out like ModelJSON. */
export function descend(network: Network, gradients: Pick<SampleGradients, 'weights' | 'biases'>, learningRate: number): void {
  check(isFiniteNumber(learningRate) && learningRate >= 0, `The learning rate must be a number of at least 0; got "${String(learningRate)}".`);
  for (let k = 0; k < network.depth; k++) {
    for (let j = 0; j < network.layers[k + 1]; j++) {
      const row = gradients.weights[k][j];
      for (let i = 0; i < network.layers[k]; i++) network.weights[network.weightIndex(k, j, i)] -= learningRate * row[i];
      network.biases[network.biasOffset[k] + j] -= learningRate * gradients.biases[k][j];
    }
  }
}

/** The value of a weight or bias, read from ModelJSON-shaped arrays (weights or gradients). */
export function valueAt(place: ParameterPlace, arrays: Pick<ModelJSON, 'weights' | 'biases'>): number {
  const [layer, to, from] = place;
  return from === undefined ? arrays.biases[layer][to] : arrays.weights[layer][to][from];
}

/** The numerical check of one gradient: the loss moved by ε against the gradient's prediction. */
export interface NudgeCheck {
  /** ∂L/∂w from backpropagation. */
  gradient: number;
  epsilon: number;
  /** (∂L/∂w)·ε: the change the gradient predicts. */
  predicted: number;
  /** L(w + ε) − L(w): the change a forward pass measures. */
  actual: number;
  /** The loss before and after the nudge. */
  before: number;
  after: number;
}

/** Nudges one weight or bias by ε (put back after) and compares the change in the loss with (∂L/∂w)·ε. */
export function nudgeCheck(network: Network, place: ParameterPlace, epsilon: number, input: ArrayLike<number>, target: ArrayLike<number>, loss: Loss | string): NudgeCheck {
  const result = sampleGradients(network, input, target, loss);
  const gradient = valueAt(place, result);
  const after = nudgedLoss(network, place, epsilon, input, target, loss);
  return { gradient, epsilon, predicted: gradient * epsilon, actual: after - result.loss, before: result.loss, after };
}
