import { type Activation, getActivation } from './activations.js';
import type { CnnKernelFactory, CnnKernels } from './cnn-kernels.js';
import { type Conv2dShape, conv2dShape } from './conv2d.js';
import { defaultCnnKernels } from './default-cnn-kernels.js';
import { NnKitError } from './errors.js';
import { EPSILON } from './losses.js';
import { type PoolKind, type PoolShape, POOL_KINDS, averagePoolBackward, averagePoolForward, maxPoolBackward, poolShape } from './pool.js';
import { Random } from './random.js';

/** A small convolutional network: one convolution, an activation, a pooling, and a dense softmax layer. */
export interface CnnOptions {
  height: number;
  width: number;
  /** Image channels (1: grey). */
  channels?: number;
  classes: number;
  /** Filters of the convolution (default 8). */
  filters?: number;
  /** The kernel's side (default 3). */
  kernelSize?: number;
  stride?: number;
  /** Zeros added on every side (default ⌊(kernelSize − 1)/2⌋: "same" for an odd kernel at stride 1). */
  padding?: number;
  /** The convolution's activation, from the core's registry (default relu). */
  activation?: string;
  /** Pooling after the activation: max (default), average or none. */
  pool?: PoolKind | 'none';
  poolSize?: number;
  seed?: number;
  /** The inner loops: JavaScript's (default), or WebAssembly's from `await loadWasmCnnKernels()`; the same numbers either way. */
  kernels?: CnnKernelFactory;
}

/** The networks' defaults. */
export const CNN_DEFAULTS = { filters: 8, kernelSize: 3, stride: 1, activation: 'relu', pool: 'max', poolSize: 2, seed: 1 } as const;

/**
 * A convolutional network for small images (a few filters, pooling, a dense softmax) with
 * its parameters and every buffer allocated once: forward() and backward() allocate nothing.
 * Parameters and their gradients are each one Float64Array (convolution weights, their
 * biases, dense weights, dense biases), so an optimizer updates them in one pass.
 */
export class Cnn {
  readonly conv: Conv2dShape;
  readonly pool?: PoolShape;
  readonly poolKind: PoolKind | 'none';
  readonly activation: Activation;
  readonly classes: number;
  /** Values fed to the dense layer: the pooled (or activated) feature maps, flattened. */
  readonly features: number;
  /** Every parameter, and their gradients (on WebAssembly kernels, views of the kernels' memory). */
  readonly params: Float64Array;
  readonly gradients: Float64Array;
  /** Views into params: kernels (filter, channel, row, column), their biases, dense weights (class, feature), dense biases. */
  readonly kernels: Float64Array;
  readonly kernelBias: Float64Array;
  readonly denseWeights: Float64Array;
  readonly denseBias: Float64Array;
  /** After forward(): the image, the feature maps before and after the activation, after pooling, and the class probabilities. */
  readonly input: Float64Array;
  readonly maps: Float64Array;
  readonly activated: Float64Array;
  readonly pooled: Float64Array;
  readonly probabilities: Float64Array;
  private readonly argmax: Int32Array;
  private readonly logits: Float64Array;
  private readonly kernelGradient: Float64Array;
  private readonly kernelBiasGradient: Float64Array;
  private readonly denseGradient: Float64Array;
  private readonly denseBiasGradient: Float64Array;
  private readonly mapDelta: Float64Array;
  private readonly pooledDelta: Float64Array;
  private readonly logitDelta: Float64Array;
  private readonly seed: number;
  private readonly loops: CnnKernels;

  constructor(options: CnnOptions) {
    const kernelSize = options.kernelSize ?? CNN_DEFAULTS.kernelSize;
    const filters = options.filters ?? CNN_DEFAULTS.filters;
    this.conv = conv2dShape({
      channels: options.channels ?? 1,
      height: options.height,
      width: options.width,
      filters,
      kernelSize,
      stride: options.stride ?? CNN_DEFAULTS.stride,
      padding: options.padding ?? (kernelSize - 1) >> 1,
    });
    if (filters > 64) throw new NnKitError(`filters must be a whole number from 1 to 64; got ${filters}.`);
    if (!Number.isInteger(options.classes) || options.classes < 2 || options.classes > 100) throw new NnKitError(`A network needs 2 to 100 classes; got ${options.classes}.`);
    this.activation = getActivation(options.activation ?? CNN_DEFAULTS.activation);
    if (this.activation.applyVector || !this.activation.trainable) throw new NnKitError(`activation "${this.activation.name}" cannot be trained inside a convolution; use relu, tanh or sigmoid.`);
    this.poolKind = options.pool ?? CNN_DEFAULTS.pool;
    if (this.poolKind !== 'none' && !POOL_KINDS.includes(this.poolKind)) throw new NnKitError(`pool must be "none", "max" or "average"; got "${String(this.poolKind)}".`);
    const { outHeight, outWidth } = this.conv;
    const mapSize = filters * outHeight * outWidth;
    if (this.poolKind !== 'none') this.pool = poolShape({ channels: filters, height: outHeight, width: outWidth, size: options.poolSize ?? CNN_DEFAULTS.poolSize });
    this.features = this.pool ? filters * this.pool.outHeight * this.pool.outWidth : mapSize;
    this.classes = options.classes;
    const kernelCount = filters * this.conv.channels * this.conv.kernelHeight * this.conv.kernelWidth;
    const sizes = [kernelCount, filters, this.classes * this.features, this.classes];
    const total = sizes.reduce((a, b) => a + b, 0);
    const inputSize = this.conv.channels * this.conv.height * this.conv.width;
    const pooledSize = this.pool ? this.features : 0;
    // Every buffer below, counted for kernels that lay them out in a memory of their own.
    const doubles = 2 * total + inputSize + 3 * mapSize + pooledSize + this.features + 3 * this.classes;
    this.loops = (options.kernels ?? defaultCnnKernels)({ conv: this.conv, pool: this.pool, doubles, ints: pooledSize });
    const float64 = (length: number) => this.loops.float64(length);
    this.params = float64(total);
    this.gradients = float64(total);
    const views = (array: Float64Array) => {
      let at = 0;
      return sizes.map((size) => array.subarray(at, (at += size)));
    };
    [this.kernels, this.kernelBias, this.denseWeights, this.denseBias] = views(this.params);
    [this.kernelGradient, this.kernelBiasGradient, this.denseGradient, this.denseBiasGradient] = views(this.gradients);
    this.input = float64(inputSize);
    this.maps = float64(mapSize);
    this.activated = float64(mapSize);
    this.mapDelta = float64(mapSize);
    this.pooled = this.pool ? float64(pooledSize) : this.activated;
    this.pooledDelta = float64(this.features);
    this.argmax = this.loops.int32(pooledSize);
    this.logits = float64(this.classes);
    this.probabilities = float64(this.classes);
    this.logitDelta = float64(this.classes);
    this.seed = options.seed ?? CNN_DEFAULTS.seed;
    this.initialize();
  }

  /** Where the inner loops run: on JavaScript or WebAssembly. */
  get kernelKind(): CnnKernels['kind'] {
    return this.loops.kind;
  }

  /** Draws every weight again from the seed (He or Glorot uniform, by the activation), biases 0. */
  initialize(seed = this.seed): void {
    const random = new Random(seed);
    const fanIn = this.conv.channels * this.conv.kernelHeight * this.conv.kernelWidth;
    const fanOut = this.conv.filters * this.conv.kernelHeight * this.conv.kernelWidth;
    const convLimit = this.activation.initializer === 'he' ? Math.sqrt(6 / fanIn) : Math.sqrt(6 / (fanIn + fanOut));
    for (let i = 0; i < this.kernels.length; i++) this.kernels[i] = random.uniform(-convLimit, convLimit);
    const denseLimit = Math.sqrt(6 / (this.features + this.classes));
    for (let i = 0; i < this.denseWeights.length; i++) this.denseWeights[i] = random.uniform(-denseLimit, denseLimit);
    this.kernelBias.fill(0);
    this.denseBias.fill(0);
  }

  /** Runs one image (`images[offset…]`, channel, row, column) through the network; returns the class probabilities. */
  forward(images: ArrayLike<number>, offset = 0): Float64Array {
    const { input, maps, activated, pooled, logits, probabilities, classes, loops } = this;
    for (let i = 0; i < input.length; i++) input[i] = images[offset + i];
    loops.convolve(input, this.kernels, this.kernelBias, maps);
    loops.activate(this.activation, maps, activated);
    if (this.poolKind === 'max') loops.maxPool(activated, pooled, this.argmax);
    else if (this.poolKind === 'average') averagePoolForward(this.pool!, activated, pooled);
    loops.denseSums(this.denseWeights, this.denseBias, pooled, logits);
    let max = -Infinity;
    for (let k = 0; k < classes; k++) if (logits[k] > max) max = logits[k];
    let sum = 0;
    for (let k = 0; k < classes; k++) sum += probabilities[k] = Math.exp(logits[k] - max);
    for (let k = 0; k < classes; k++) probabilities[k] /= sum;
    return probabilities;
  }

  /** The most probable class of an image. */
  predict(images: ArrayLike<number>, offset = 0): number {
    const p = this.forward(images, offset);
    let best = 0;
    for (let k = 1; k < p.length; k++) if (p[k] > p[best]) best = k;
    return best;
  }

  /** Sets every gradient to 0 (before a batch). */
  zeroGradients(): void {
    this.gradients.fill(0);
  }

  /**
   * After forward(): adds the gradient of the cross-entropy loss −log p[label] with respect
   * to every parameter to `gradients` (a batch accumulates). Returns the loss (p clipped to ε as Keras does).
   */
  backward(label: number): number {
    const { classes, pooled, probabilities, logitDelta, pooledDelta } = this;
    for (let k = 0; k < classes; k++) logitDelta[k] = probabilities[k] - (k === label ? 1 : 0);
    this.loops.denseBackward(this.denseWeights, pooled, logitDelta, this.denseGradient, this.denseBiasGradient, pooledDelta);
    const delta = this.mapDelta;
    if (this.poolKind === 'max') maxPoolBackward(this.pool!, pooledDelta, this.argmax, delta);
    else if (this.poolKind === 'average') averagePoolBackward(this.pool!, pooledDelta, delta);
    else delta.set(pooledDelta);
    this.loops.activateBackward(this.activation, this.maps, this.activated, delta);
    this.loops.convolveBackward(this.input, this.kernels, delta, this.kernelGradient, this.kernelBiasGradient);
    const p = probabilities[label];
    return -Math.log(p < EPSILON ? EPSILON : p);
  }

  /** Filter `f`'s kernel as rows (channel 0), for showing. */
  kernelRows(f: number): number[][] {
    const { kernelHeight: kh, kernelWidth: kw, channels } = this.conv;
    const base = f * channels * kh * kw;
    return Array.from({ length: kh }, (_, y) => Array.from(this.kernels.subarray(base + y * kw, base + (y + 1) * kw)));
  }
}
