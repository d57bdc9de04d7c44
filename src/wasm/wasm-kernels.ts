import { type DenseKernels, type KernelFactory, javascriptKernels } from '../dense-kernels.js';
import type { GroupBuffers, SampleBuffers } from '../kernels.js';
import type { Activation } from '../activations.js';
import type { Network } from '../network.js';
import { compileModule } from './compile.js';
import { DENSE_WASM } from './dense-bytes.js';
import { KernelMemory } from './kernel-memory.js';

/** The loops this module's WebAssembly exports (src/wasm/dense.wat); pointers and strides in bytes. */
interface DenseExports {
  descend(parameters: number, gradients: number, count: number, rate: number): number;
  forwardNetwork(plan: number, count: number, weights: number, biases: number, values: number, sums: number, stride: number, size: number, x4: number): void;
  backwardNetwork(
    plan: number, count: number, weights: number, wg: number, bg: number, values: number, sums: number, delta: number,
    stride: number, size: number, starts: number, deltas: number, below: number,
  ): void;
}

/** The byte offsets of a group's buffers, as the loops take them. */
type Pointers = { -readonly [name in keyof GroupBuffers]: number };

/**
 * The activations dense.wat computes itself, by the code its layer loops take; any other
 * (0) is applied by its JavaScript loops after the call. The same arithmetic either way.
 */
const WASM_ACTIVATIONS: Readonly<Record<string, number>> = { linear: 1, tanh: 2, relu: 3 };
const kindOf = (activation: Activation) => WASM_ACTIVATIONS[activation.name] ?? 0;

/** Compiles the dense kernels' module (5.0 kB), or resolves to undefined where the page cannot. */
export function compileDenseModule(): Promise<WebAssembly.Module | undefined> {
  return compileModule(DENSE_WASM);
}

/**
 * The factory of WebAssembly kernels for networks of at least `threshold` weights, and
 * JavaScript kernels for smaller ones.
 */
export function wasmKernelFactory(module: WebAssembly.Module, threshold: number): KernelFactory {
  return (network, group) =>
    network.weights.length >= threshold ? new WasmDenseKernels(network, module, group) : javascriptKernels(network, group);
}

/**
 * The WebAssembly kernels for one network, on one memory sized for its buffers: copies of
 * its weights and biases, the buffers Backprop asks for (gradients, and room for `group`
 * samples' sums, values and deltas), and room to lay four samples' inputs side by side.
 * The memory never grows, so the views handed out stay valid.
 */
class WasmDenseKernels implements DenseKernels {
  readonly kind = 'webassembly';
  readonly parameters: Float64Array;
  readonly weights: Float64Array;
  readonly biases: Float64Array;
  readonly gradients: Float64Array;
  private readonly space: KernelMemory;
  private readonly loops: DenseExports;
  /** Room for four samples' inputs to a layer, interleaved. */
  private readonly x4: number;
  /** One sample's weighted sums and activations, for `forwardFrom`. */
  private readonly one: SampleBuffers;
  /**
   * The buffers last passed in, and their byte offsets: reading a view's byteOffset costs
   * more than a call into WebAssembly, so each group's are read once.
   */
  private lastBuffers?: SampleBuffers;
  private readonly at: Pointers = { sums: 0, values: 0, delta: 0, weightGradients: 0, biasGradients: 0, activeStarts: 0, activeDeltas: 0 };
  /**
   * Seven numbers a layer, as dense.wat's forwardNetwork reads them: the byte offsets of its
   * weights and biases, its input and output sizes, the byte offsets of its inputs and its
   * neurons within a sample, and the code of its activation (0: applied in JavaScript).
   */
  private readonly plan: Int32Array;
  /** The byte offsets of the plan, the parameters (the weights, then the biases) and the gradients. */
  private readonly planAt: number;
  private readonly parametersAt: number;
  private readonly biasesAt: number;
  private readonly gradientsAt: number;
  /**
   * The stretches of layers, first to last, that one call runs: each ends at a layer whose
   * activation JavaScript applies, or at the output layer (the whole network in one stretch
   * when dense.wat computes every hidden layer's activation).
   */
  private readonly stretches: readonly { readonly first: number; readonly count: number }[];

  constructor(
    private readonly network: Network,
    module: WebAssembly.Module,
    group: number,
  ) {
    const { weights, biases, values, layers } = network;
    const parameters = weights.length + biases.length;
    // Two copies of the parameters (weights and biases, their gradients), four buffers of `group` samples
    // (sums, values, deltas, and one to spare), per-sample indices and deltas, the interleaved inputs,
    // one sample's sums and values, the plan.
    const doubles = 2 * parameters + 4 * group * values.length + 2 * group + 4 * Math.max(...layers) + 2 * values.length + 4 * layers.length;
    this.space = new KernelMemory(8 * doubles, 16);
    this.loops = new WebAssembly.Instance(module, { env: { memory: this.space.memory } }).exports as unknown as DenseExports;
    this.parameters = this.float64(parameters);
    this.weights = this.parameters.subarray(0, weights.length);
    this.biases = this.parameters.subarray(weights.length);
    this.gradients = this.float64(parameters);
    this.parametersAt = this.parameters.byteOffset;
    this.biasesAt = this.parametersAt + 8 * weights.length;
    this.gradientsAt = this.gradients.byteOffset;
    this.x4 = this.float64(4 * Math.max(...layers)).byteOffset;
    this.one = { sums: this.float64(values.length), values: this.float64(values.length) };
    const { depth, weightOffset, biasOffset, neuronOffset } = network;
    this.plan = this.int32(7 * depth);
    this.planAt = this.plan.byteOffset;
    const stretches = [];
    let first = 0;
    for (let k = 0; k < depth; k++) {
      const code = kindOf(network.activationOf(k));
      this.plan.set([8 * weightOffset[k], 8 * biasOffset[k], layers[k], layers[k + 1], 8 * neuronOffset[k], 8 * neuronOffset[k + 1], code], 7 * k);
      if (code !== 0 && k < depth - 1) continue;
      stretches.push({ first, count: k + 1 - first });
      first = k + 1;
    }
    this.stretches = stretches;
  }

  load(): void {
    this.parameters.set(this.network.parameters);
  }

  descend(learningRate: number): boolean {
    const { parameters } = this;
    const finite = this.loops.descend(this.parametersAt, this.gradientsAt, parameters.length, learningRate) === 1;
    if (finite) this.network.parameters.set(parameters);
    return finite;
  }

  float64(length: number): Float64Array {
    return this.space.float64(length);
  }

  int32(length: number): Int32Array {
    return this.space.int32(length);
  }

  /**
   * Network.forwardFrom through the WebAssembly loops for one sample (the order of kernels.ts's
   * dot): the same sums and values, left in the network's `sums` and `values`.
   */
  forwardFrom(source: ArrayLike<number>, start: number): Float64Array {
    const { network, one } = this;
    const { sums, values } = one;
    for (let i = 0; i < network.inputSize; i++) values[i] = source[start + i];
    this.forwardSamples(one, values.length, 1);
    network.sums.set(sums);
    network.values.set(values);
    return network.output;
  }

  /**
   * kernels.ts's forwardSamples: four samples at a time through the four-sample loop (but an
   * odd last neuron), the rest one at a time with dot's order, as the JavaScript kernels do;
   * then each layer's activation, in WebAssembly or, at the end of a stretch, in JavaScript.
   */
  forwardSamples(buffers: SampleBuffers, stride: number, size: number): void {
    const { network, loops, x4, plan } = this;
    const { sums, values } = buffers;
    const at = this.pointersOf(buffers);
    for (let s = 0; s < this.stretches.length; s++) {
      const { first, count } = this.stretches[s];
      loops.forwardNetwork(this.planAt + 28 * first, count, this.parametersAt, this.biasesAt, at.values, at.sums, 8 * stride, size, x4);
      const last = first + count - 1;
      if (plan[7 * last + 6] !== 0) continue;
      const to = plan[7 * last + 5] / 8;
      const end = to + plan[7 * last + 3];
      const activation = network.activationOf(last);
      for (let g = 0; g < size; g++) activation.forwardLayer(sums, values, g * stride + to, g * stride + end);
    }
  }

  /**
   * kernels.ts's backwardSamples without dropout, a stretch at a time from the last: below a
   * stretch, JavaScript applies the derivative of the activation that ended the one before.
   */
  backwardSamples(buffers: GroupBuffers, stride: number, size: number): void {
    const { network, loops, plan, stretches } = this;
    const { sums, values, delta } = buffers;
    const at = this.pointersOf(buffers);
    for (let s = stretches.length - 1; s >= 0; s--) {
      const { first, count } = stretches[s];
      loops.backwardNetwork(
        this.planAt + 28 * first, count, this.parametersAt, at.weightGradients, at.biasGradients, at.values,
        at.sums, at.delta, 8 * stride, size, at.activeStarts, at.activeDeltas, first > 0 ? 0 : -1,
      );
      if (first === 0) continue;
      const from = plan[7 * first + 4] / 8;
      const end = from + plan[7 * first + 2];
      const below = network.activationOf(first - 1);
      for (let g = 0; g < size; g++) below.backwardLayer(sums, values, delta, g * stride + from, g * stride + end);
    }
  }

  /** The byte offsets of `buffers` (those of a group's buffers it lacks stay 0), read again only when the buffers change. */
  private pointersOf(buffers: SampleBuffers | GroupBuffers): Pointers {
    if (buffers !== this.lastBuffers) {
      const { at } = this;
      const group = buffers as Partial<GroupBuffers>;
      at.sums = buffers.sums.byteOffset;
      at.values = buffers.values.byteOffset;
      at.delta = group.delta?.byteOffset ?? 0;
      at.weightGradients = group.weightGradients?.byteOffset ?? 0;
      at.biasGradients = group.biasGradients?.byteOffset ?? 0;
      at.activeStarts = group.activeStarts?.byteOffset ?? 0;
      at.activeDeltas = group.activeDeltas?.byteOffset ?? 0;
      this.lastBuffers = buffers;
    }
    return this.at;
  }
}
