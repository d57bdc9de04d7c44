import type { CnnKernelFactory } from './cnn-kernels.js';
import { Cnn, type CnnOptions } from './cnn.js';
import { NnKitError } from './errors.js';
import { type Optimizer, type OptimizerState, createOptimizerState, getOptimizer } from './optimizers.js';
import { Random } from './random.js';

/** Labelled images of one size: `images` holds them one after another, each (channel, row, column). */
export interface ImageSet {
  readonly images: Float64Array;
  readonly labels: ArrayLike<number>;
  readonly height: number;
  readonly width: number;
  readonly channels?: number;
  readonly classes: number;
}

/** What a CNN trainer adds to the network's options. */
export interface CnnTrainerOptions extends Omit<CnnOptions, 'height' | 'width' | 'channels' | 'classes'> {
  /** sgd, momentum or adam (default adam). */
  optimizer?: string;
  /** Default 0.01. */
  learningRate?: number;
  /** Images per update (default 16). */
  batchSize?: number;
  /** The share of the images held out for testing, never trained on (default 0.25). */
  testFraction?: number;
}

export const CNN_TRAINER_DEFAULTS = { optimizer: 'adam', learningRate: 0.01, batchSize: 16, testFraction: 0.25 } as const;

/**
 * Trains a Cnn on an image set by mini-batches. The images are split once, from the seed,
 * into training and held-out test images; each epoch visits the training images in a new
 * seeded order. step() does one batch and allocates nothing.
 */
export class CnnTrainer {
  /** The network; useKernels() moves it onto other kernels, as another Cnn with the same parameters. */
  cnn: Cnn;
  readonly data: ImageSet;
  readonly train: Int32Array;
  readonly test: Int32Array;
  readonly optimizer: Optimizer;
  readonly learningRate: number;
  readonly batchSize: number;
  /** Updates taken, and whole passes over the training images. */
  steps = 0;
  epoch = 0;
  /** The mean loss of the last batch. */
  loss = Number.NaN;
  private position = 0;
  private readonly state: OptimizerState;
  private random: Random;
  private readonly imageSize: number;
  private readonly seed: number;
  private readonly cnnOptions: CnnOptions;

  constructor(data: ImageSet, options: CnnTrainerOptions = {}) {
    const { height, width, classes } = data;
    const channels = data.channels ?? 1;
    this.imageSize = height * width * channels;
    const count = data.labels.length;
    if (count < 2 || data.images.length !== count * this.imageSize) throw new NnKitError(`The images must be ${height}×${width}×${channels} each, at least two of them, one per label.`);
    for (let i = 0; i < count; i++) {
      const label = data.labels[i];
      if (!Number.isInteger(label) || label < 0 || label >= classes) throw new NnKitError(`Label ${label} of image ${i} is not a class from 0 to ${classes - 1}.`);
    }
    this.cnnOptions = { ...options, height, width, channels, classes };
    this.cnn = new Cnn(this.cnnOptions);
    this.data = data;
    this.optimizer = getOptimizer(options.optimizer ?? CNN_TRAINER_DEFAULTS.optimizer);
    this.learningRate = options.learningRate ?? CNN_TRAINER_DEFAULTS.learningRate;
    if (!(this.learningRate > 0 && this.learningRate <= 10)) throw new NnKitError(`learning-rate must be above 0 and at most 10; got ${this.learningRate}.`);
    this.batchSize = options.batchSize ?? CNN_TRAINER_DEFAULTS.batchSize;
    if (!Number.isInteger(this.batchSize) || this.batchSize < 1 || this.batchSize > 1024) throw new NnKitError(`The batch size must be a whole number from 1 to 1024; got ${this.batchSize}.`);
    const testFraction = options.testFraction ?? CNN_TRAINER_DEFAULTS.testFraction;
    this.seed = options.seed ?? 1;
    const order = new Random(this.seed + 7919).shuffle(Int32Array.from({ length: count }, (_, i) => i));
    const held = Math.min(count - 1, Math.max(testFraction > 0 ? 1 : 0, Math.round(count * testFraction)));
    this.test = order.slice(0, held).sort();
    this.train = order.slice(held).sort();
    this.state = createOptimizerState(this.cnn.params.length, this.optimizer.slots);
    this.random = new Random(this.seed);
    this.random.shuffle(this.train);
  }

  /**
   * Runs the next steps on other kernels, such as those `loadWasmCnnKernels()` resolves to:
   * the network moves onto them with its parameters, and the run goes on to the same numbers.
   */
  useKernels(kernels: CnnKernelFactory): void {
    const cnn = new Cnn({ ...this.cnnOptions, kernels });
    cnn.params.set(this.cnn.params);
    this.cnn = cnn;
  }

  /** Offset of image `index` in data.images. */
  offsetOf(index: number): number {
    return index * this.imageSize;
  }

  /** One update on the next batch of training images; returns false if a parameter stopped being a number. */
  step(): boolean {
    const { cnn, train, batchSize, data } = this;
    cnn.zeroGradients();
    let loss = 0;
    for (let b = 0; b < batchSize; b++) {
      const index = train[this.position++];
      // The pass ends with its last image: the epoch counts from the step that finished it.
      if (this.position >= train.length) {
        this.position = 0;
        this.epoch++;
        this.random.shuffle(train);
      }
      cnn.forward(data.images, index * this.imageSize);
      loss += cnn.backward(data.labels[index]);
    }
    const gradients = cnn.gradients;
    const scale = 1 / batchSize;
    for (let i = 0; i < gradients.length; i++) gradients[i] *= scale;
    this.loss = loss * scale;
    this.steps++;
    return this.optimizer.update(cnn.params, gradients, this.state, this.learningRate, this.steps);
  }

  /** The share of the images in `indices` (default: the held-out ones) the network classifies right. */
  accuracy(indices: Int32Array = this.test): number {
    let right = 0;
    for (const index of indices) if (this.cnn.predict(this.data.images, index * this.imageSize) === this.data.labels[index]) right++;
    return indices.length ? right / indices.length : 0;
  }

  /** counts[true × classes + predicted] over `indices` (default: the held-out images). */
  confusion(indices: Int32Array = this.test): Int32Array {
    const classes = this.data.classes;
    const counts = new Int32Array(classes * classes);
    for (const index of indices) counts[this.data.labels[index] * classes + this.cnn.predict(this.data.images, index * this.imageSize)]++;
    return counts;
  }

  /** Back to the untrained network of the seed, in the first epoch's order. */
  reset(): void {
    this.cnn.initialize();
    this.state.first.fill(0);
    this.state.second.fill(0);
    this.steps = 0;
    this.epoch = 0;
    this.position = 0;
    this.loss = Number.NaN;
    this.train.sort();
    this.random = new Random(this.seed);
    this.random.shuffle(this.train);
  }
}
