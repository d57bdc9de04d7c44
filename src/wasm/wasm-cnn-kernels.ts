import type { Activation } from '../activations.js';
import { type CnnKernelFactory, type CnnKernels, type CnnLayout, javascriptCnnKernels } from '../cnn-kernels.js';
import { compileModule } from './compile.js';
import { CNN_WASM } from './cnn-bytes.js';
import { type ConvPlanSize, convPlanSize, writeConvPlan } from './conv-plan.js';
import { KernelMemory } from './kernel-memory.js';

/** The loops src/wasm/cnn.wat exports; pointers in bytes. */
interface CnnExports {
  convForward(shape: number, input: number, weights: number, bias: number, output: number, six: number, kinds: number, kindsEnd: number, tapLists: number, pixels: number): void;
  convBackward(shape: number, input: number, gradient: number, weightGradient: number, biasGradient: number, pairs: number): void;
  maxPool(channels: number, height: number, width: number, size: number, stride: number, outHeight: number, outWidth: number, input: number, output: number, argmax: number): void;
  denseSums(w: number, b: number, n: number, m: number, x: number, z: number): void;
  denseBackward(w: number, n: number, m: number, x: number, d: number, wg: number, bg: number, xd: number): void;
  relu(z: number, y: number, n: number): void;
  reluBackward(z: number, delta: number, n: number): void;
}

/** The most buffers a memory holds: a Cnn asks for 12, after the convolution's six. */
const MOST_BUFFERS = 18;
/** The convolution's shape, as convForward reads it: ten 32-bit integers. */
const SHAPE_FIELDS = 10;

/** Compiles the CNN kernels' module (2.9 kB), or returns undefined where the page cannot. */
export function compileCnnModule(): Promise<WebAssembly.Module | undefined> {
  return compileModule(CNN_WASM);
}

/** The most bytes a network's WebAssembly memory may take; larger networks stay on JavaScript. */
const MOST_BYTES = 2 ** 30;
/**
 * The most bytes the convolution's lists of taps may take: a kernel nearly as wide as the
 * image with as much padding has a list for each of many kinds of pixel (28 × 28 by 28 × 28
 * with padding 27: 4.7 MB), and stays on JavaScript. The digits' 3 × 3 takes 392 bytes.
 */
const MOST_TAP_LIST_BYTES = 2 ** 20;

/** The factory of WebAssembly CNN kernels, one memory per network (JavaScript's for a network too large for one). */
export function wasmCnnKernelFactory(module: WebAssembly.Module): CnnKernelFactory {
  return (layout) => {
    const plan = convPlanSize(layout.conv);
    const fits = 4 * plan.taps <= MOST_TAP_LIST_BYTES && WasmCnnKernels.bytesFor(layout, plan) <= MOST_BYTES;
    return fits ? new WasmCnnKernels(layout, plan, module) : javascriptCnnKernels(layout);
  };
}

/**
 * The WebAssembly kernels for one network, on one memory sized for its buffers: first the
 * convolution's shape, room for six filters' biases and kernels side by side, its plan (see
 * conv-plan.ts) and room for a pair of filters' map gradients side by side, then every buffer
 * the network asks for. The memory never grows, so the views handed out stay valid.
 */
class WasmCnnKernels implements CnnKernels {
  readonly kind = 'webassembly';
  private readonly space: KernelMemory;
  private readonly loops: CnnExports;
  /** Room for six filters' biases and kernels side by side, as the convolution reads them. */
  private readonly six: Float64Array;
  /** The convolution's output pixels by kind, each kind's taps, and each pixel's place (conv-plan.ts). */
  private readonly kinds: Int32Array;
  private readonly tapLists: Int32Array;
  private readonly pixels: Int32Array;
  /** Room for two filters' map gradients side by side, as the backward pass reads them. */
  private readonly gradientPairs: Float64Array;

  /** The bytes of buffers a network of `layout` needs: the kernels' own, then the network's. */
  static bytesFor({ conv, doubles, ints }: CnnLayout, plan: ConvPlanSize): number {
    const taps = conv.channels * conv.kernelHeight * conv.kernelWidth;
    return 4 * (SHAPE_FIELDS + plan.kinds + plan.taps + plan.pixels + ints) + 8 * (6 * (taps + 1) + 2 * conv.outHeight * conv.outWidth + doubles);
  }

  constructor(
    private readonly layout: CnnLayout,
    plan: ConvPlanSize,
    module: WebAssembly.Module,
  ) {
    const { channels, height, width, filters, kernelHeight, kernelWidth, stride, padding, outHeight, outWidth } = layout.conv;
    const shape = [channels, height, width, filters, kernelHeight, kernelWidth, stride, padding, outHeight, outWidth];
    const taps = channels * kernelHeight * kernelWidth;
    this.space = new KernelMemory(WasmCnnKernels.bytesFor(layout, plan), MOST_BUFFERS);
    this.loops = new WebAssembly.Instance(module, { env: { memory: this.space.memory } }).exports as unknown as CnnExports;
    // The shape's table sits at the start of the memory (byte 0).
    this.int32(SHAPE_FIELDS).set(shape);
    this.six = this.float64(6 * (taps + 1));
    this.kinds = this.int32(plan.kinds);
    this.tapLists = this.int32(plan.taps);
    this.pixels = this.int32(plan.pixels);
    writeConvPlan(layout.conv, { kinds: this.kinds, taps: this.tapLists, pixels: this.pixels });
    this.gradientPairs = this.float64(2 * outHeight * outWidth);
  }

  float64(length: number): Float64Array {
    return this.space.float64(length);
  }

  int32(length: number): Int32Array {
    return this.space.int32(length);
  }

  convolve(input: Float64Array, weights: Float64Array, bias: Float64Array, output: Float64Array): void {
    const { kinds } = this;
    this.loops.convForward(0, input.byteOffset, weights.byteOffset, bias.byteOffset, output.byteOffset, this.six.byteOffset, kinds.byteOffset, kinds.byteOffset + kinds.byteLength, this.tapLists.byteOffset, this.pixels.byteOffset);
  }

  convolveBackward(input: Float64Array, _weights: Float64Array, outputGradient: Float64Array, weightGradient: Float64Array, biasGradient: Float64Array): void {
    this.loops.convBackward(0, input.byteOffset, outputGradient.byteOffset, weightGradient.byteOffset, biasGradient.byteOffset, this.gradientPairs.byteOffset);
  }

  /** ReLU runs in WebAssembly; other activations run their own JavaScript loops, on this memory. */
  activate(activation: Activation, z: Float64Array, y: Float64Array): void {
    if (activation.name === 'relu') this.loops.relu(z.byteOffset, y.byteOffset, z.length);
    else activation.forwardLayer(z, y, 0, z.length);
  }

  activateBackward(activation: Activation, z: Float64Array, y: Float64Array, delta: Float64Array): void {
    if (activation.name === 'relu') this.loops.reluBackward(z.byteOffset, delta.byteOffset, delta.length);
    else activation.backwardLayer(z, y, delta, 0, delta.length);
  }

  maxPool(input: Float64Array, output: Float64Array, argmax: Int32Array): void {
    const { channels, height, width, size, stride, outHeight, outWidth } = this.layout.pool!;
    this.loops.maxPool(channels, height, width, size, stride, outHeight, outWidth, input.byteOffset, output.byteOffset, argmax.byteOffset);
  }

  denseSums(weights: Float64Array, bias: Float64Array, x: Float64Array, z: Float64Array): void {
    this.loops.denseSums(weights.byteOffset, bias.byteOffset, x.length, z.length, x.byteOffset, z.byteOffset);
  }

  denseBackward(weights: Float64Array, x: Float64Array, delta: Float64Array, weightGradient: Float64Array, biasGradient: Float64Array, xDelta: Float64Array): void {
    this.loops.denseBackward(weights.byteOffset, x.length, delta.length, x.byteOffset, delta.byteOffset, weightGradient.byteOffset, biasGradient.byteOffset, xDelta.byteOffset);
  }
}
