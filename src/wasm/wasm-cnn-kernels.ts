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

/**
 * A buffer's byte offset, kept for the next call with the same buffer: reading a view's
 * byteOffset (or length) over WebAssembly memory costs more than a call into it, and a Cnn
 * passes the same buffers at every image.
 */
class Pointer {
  private view?: Float64Array | Int32Array;
  private at = 0;
  /** The length of the buffer last given to `of`. */
  length = 0;

  of(view: Float64Array | Int32Array): number {
    if (view !== this.view) {
      this.view = view;
      this.at = view.byteOffset;
      this.length = view.length;
    }
    return this.at;
  }
}

const pointers = (count: number) => Array.from({ length: count }, () => new Pointer());

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
  /**
   * The byte offsets of the kernels' own buffers: room for six filters' biases and kernels
   * side by side, as the convolution reads them; the convolution's output pixels by kind
   * (and where the kinds end), each kind's taps and each pixel's place (conv-plan.ts); room
   * for two filters' map gradients side by side, as the backward pass reads them.
   */
  private readonly at: { six: number; kinds: number; kindsEnd: number; tapLists: number; pixels: number; gradientPairs: number };
  /** The byte offsets of the buffers each loop was last given, one Pointer an argument. */
  private readonly pointers = {
    convolve: pointers(4),
    convolveBackward: pointers(4),
    relu: pointers(2),
    reluBackward: pointers(2),
    maxPool: pointers(3),
    denseSums: pointers(4),
    denseBackward: pointers(6),
  };

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
    const six = this.float64(6 * (taps + 1));
    const kinds = this.int32(plan.kinds);
    const tapLists = this.int32(plan.taps);
    const pixels = this.int32(plan.pixels);
    writeConvPlan(layout.conv, { kinds, taps: tapLists, pixels });
    const gradientPairs = this.float64(2 * outHeight * outWidth);
    this.at = {
      six: six.byteOffset,
      kinds: kinds.byteOffset,
      kindsEnd: kinds.byteOffset + kinds.byteLength,
      tapLists: tapLists.byteOffset,
      pixels: pixels.byteOffset,
      gradientPairs: gradientPairs.byteOffset,
    };
  }

  float64(length: number): Float64Array {
    return this.space.float64(length);
  }

  int32(length: number): Int32Array {
    return this.space.int32(length);
  }

  convolve(input: Float64Array, weights: Float64Array, bias: Float64Array, output: Float64Array): void {
    const { at } = this;
    const p = this.pointers.convolve;
    this.loops.convForward(0, p[0].of(input), p[1].of(weights), p[2].of(bias), p[3].of(output), at.six, at.kinds, at.kindsEnd, at.tapLists, at.pixels);
  }

  convolveBackward(input: Float64Array, _weights: Float64Array, outputGradient: Float64Array, weightGradient: Float64Array, biasGradient: Float64Array): void {
    const p = this.pointers.convolveBackward;
    this.loops.convBackward(0, p[0].of(input), p[1].of(outputGradient), p[2].of(weightGradient), p[3].of(biasGradient), this.at.gradientPairs);
  }

  /** ReLU runs in WebAssembly; other activations run their own JavaScript loops, on this memory. */
  activate(activation: Activation, z: Float64Array, y: Float64Array): void {
    const p = this.pointers.relu;
    if (activation.name === 'relu') this.loops.relu(p[0].of(z), p[1].of(y), p[0].length);
    else activation.forwardLayer(z, y, 0, z.length);
  }

  activateBackward(activation: Activation, z: Float64Array, y: Float64Array, delta: Float64Array): void {
    const p = this.pointers.reluBackward;
    if (activation.name === 'relu') this.loops.reluBackward(p[0].of(z), p[1].of(delta), p[1].length);
    else activation.backwardLayer(z, y, delta, 0, delta.length);
  }

  maxPool(input: Float64Array, output: Float64Array, argmax: Int32Array): void {
    const { channels, height, width, size, stride, outHeight, outWidth } = this.layout.pool!;
    const p = this.pointers.maxPool;
    this.loops.maxPool(channels, height, width, size, stride, outHeight, outWidth, p[0].of(input), p[1].of(output), p[2].of(argmax));
  }

  denseSums(weights: Float64Array, bias: Float64Array, x: Float64Array, z: Float64Array): void {
    const p = this.pointers.denseSums;
    const w = p[0].of(weights);
    const b = p[1].of(bias);
    const xAt = p[2].of(x);
    const zAt = p[3].of(z);
    this.loops.denseSums(w, b, p[2].length, p[3].length, xAt, zAt);
  }

  denseBackward(weights: Float64Array, x: Float64Array, delta: Float64Array, weightGradient: Float64Array, biasGradient: Float64Array, xDelta: Float64Array): void {
    const p = this.pointers.denseBackward;
    const w = p[0].of(weights);
    const xAt = p[1].of(x);
    const dAt = p[2].of(delta);
    this.loops.denseBackward(w, p[1].length, p[2].length, xAt, dAt, p[3].of(weightGradient), p[4].of(biasGradient), p[5].of(xDelta));
  }
}
