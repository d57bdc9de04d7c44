import { type DenseKernels, type KernelFactory, javascriptKernels } from '../dense-kernels.js';
import type { addScaledRows, backpropagateFour } from '../kernels.js';
import type { Network } from '../network.js';
import { compileModule } from './compile.js';
import { DENSE_WASM } from './dense-bytes.js';
import { KernelMemory } from './kernel-memory.js';

/** The loops this module's WebAssembly exports (src/wasm/dense.wat); pointers and strides in bytes. */
interface DenseExports {
  weightedSumsOfFour(w: number, b: number, n: number, count: number, x: number, z: number, stride: number, x4: number): void;
  weightedSums(w: number, b: number, n: number, m: number, x: number, z: number): void;
  addScaledRows(g: number, n: number, values: number, starts: number, deltas: number, count: number): void;
  backpropagateFour(w: number, n: number, m: number, dFrom: number, dTo: number, stride: number): void;
}

/** Compiles the dense kernels' module (2.6 kB), or returns undefined where the page cannot. */
export function compileDenseModule(): WebAssembly.Module | undefined {
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
  readonly weights: Float64Array;
  readonly biases: Float64Array;
  private readonly space: KernelMemory;
  private readonly loops: DenseExports;
  /** Room for four samples' inputs to a layer, interleaved. */
  private readonly x4: number;
  /** One sample's weighted sums and activations, for `forwardFrom`. */
  private readonly oneSums: Float64Array;
  private readonly oneValues: Float64Array;

  constructor(
    private readonly network: Network,
    module: WebAssembly.Module,
    group: number,
  ) {
    const { weights, biases, values, layers } = network;
    const parameters = weights.length + biases.length;
    // Two copies of the parameters (weights and biases, their gradients), four buffers of `group` samples
    // (sums, values, deltas, and one to spare), per-sample indices and deltas, the interleaved inputs,
    // one sample's sums and values.
    const doubles = 2 * parameters + 4 * group * values.length + 2 * group + 4 * Math.max(...layers) + 2 * values.length;
    this.space = new KernelMemory(8 * doubles, 16);
    this.loops = new WebAssembly.Instance(module, { env: { memory: this.space.memory } }).exports as unknown as DenseExports;
    this.weights = this.float64(weights.length);
    this.biases = this.float64(biases.length);
    this.x4 = this.float64(4 * Math.max(...layers)).byteOffset;
    this.oneSums = this.float64(values.length);
    this.oneValues = this.float64(values.length);
  }

  load(): void {
    this.weights.set(this.network.weights);
    this.biases.set(this.network.biases);
  }

  float64(length: number): Float64Array {
    return this.space.float64(length);
  }

  int32(length: number): Int32Array {
    return this.space.int32(length);
  }

  /**
   * Network.forwardFrom through the WebAssembly loop for one sample (the order of kernels.ts's
   * dot): the same sums and values, left in the network's `sums` and `values`.
   */
  forwardFrom(source: ArrayLike<number>, start: number): Float64Array {
    const { network, weights, biases, loops, oneSums: sums, oneValues: values } = this;
    const { layers, neuronOffset, weightOffset, biasOffset } = network;
    for (let i = 0; i < layers[0]; i++) values[i] = source[start + i];
    for (let k = 0; k < layers.length - 1; k++) {
      const to = neuronOffset[k + 1];
      loops.weightedSums(
        weights.byteOffset + 8 * weightOffset[k],
        biases.byteOffset + 8 * biasOffset[k],
        layers[k],
        layers[k + 1],
        values.byteOffset + 8 * neuronOffset[k],
        sums.byteOffset + 8 * to,
      );
      network.activationOf(k).forwardLayer(sums, values, to, to + layers[k + 1]);
    }
    network.sums.set(sums);
    network.values.set(values);
    return network.output;
  }

  /**
   * kernels.ts's forwardSamples: four samples at a time through the four-sample loop (but
   * an odd last neuron), the rest one at a time with dot's order, as the JavaScript kernels
   * do; then each layer's activation.
   */
  forwardSamples(sums: Float64Array, values: Float64Array, stride: number, size: number): void {
    const { network, weights, biases, loops, x4 } = this;
    const { layers, neuronOffset, weightOffset, biasOffset } = network;
    for (let k = 0; k < layers.length - 1; k++) {
      const fromSize = layers[k];
      const toSize = layers[k + 1];
      const from = neuronOffset[k];
      const to = neuronOffset[k + 1];
      const w = weightOffset[k];
      const b = biasOffset[k];
      const paired = toSize - (toSize % 2);
      let g = 0;
      for (; g + 3 < size; g += 4) {
        const x = g * stride + from;
        const z = g * stride + to;
        loops.weightedSumsOfFour(
          weights.byteOffset + 8 * w,
          biases.byteOffset + 8 * b,
          fromSize,
          paired,
          values.byteOffset + 8 * x,
          sums.byteOffset + 8 * z,
          8 * stride,
          x4,
        );
        if (paired === toSize) continue;
        const j = toSize - 1;
        for (let s = 0; s < 4; s++) this.weightedSums(w + j * fromSize, b + j, fromSize, 1, values, x + s * stride, sums, z + s * stride + j);
      }
      for (; g < size; g++) this.weightedSums(w, b, fromSize, toSize, values, g * stride + from, sums, g * stride + to);
      const activation = network.activationOf(k);
      for (g = 0; g < size; g++) activation.forwardLayer(sums, values, g * stride + to, g * stride + to + toSize);
    }
  }

  /** weightedSums of kernels.ts for one sample (x into values, z into sums), on this memory. */
  private weightedSums(w: number, b: number, n: number, m: number, values: Float64Array, x: number, sums: Float64Array, z: number): void {
    const { weights, biases } = this;
    this.loops.weightedSums(weights.byteOffset + 8 * w, biases.byteOffset + 8 * b, n, m, values.byteOffset + 8 * x, sums.byteOffset + 8 * z);
  }

  readonly addScaledRows: typeof addScaledRows = (gradients, w, length, values, starts, deltas, count) => {
    if (count > 0) this.loops.addScaledRows(gradients.byteOffset + 8 * w, length, values.byteOffset, starts.byteOffset, deltas.byteOffset, count);
  };

  readonly backpropagateFour: typeof backpropagateFour = (weights, w, fromSize, toSize, delta, from, to, stride) => {
    this.loops.backpropagateFour(weights.byteOffset + 8 * w, fromSize, toSize, delta.byteOffset + 8 * from, delta.byteOffset + 8 * to, 8 * stride);
  };
}
