import { type Data, type DigitSet, Network, NnKitError, Random, Trainer, augmentDigit, oneHot, padDigit } from '../../src/index.js';

/** What one epoch left: the numbers `nn-epoch` carries. */
export interface EpochRecord {
  epoch: number;
  trainLoss: number;
  testLoss: number;
  accuracy: number;
}

/**
 * Digits ready to train on, prepared once per data set (a session picks from them): each
 * digit as the pad gives it (padDigit: what a reader drawing it would give the network),
 * its one-hot target, and its distorted copies (augmentDigit).
 */
export interface PreparedDigits {
  readonly set: DigitSet;
  readonly rows: readonly (readonly number[])[];
  readonly targets: readonly (readonly number[])[];
  readonly copies: readonly (readonly (readonly number[])[])[];
}

/** What a session is built from: checked settings and prepared data. */
export interface SessionOptions {
  hidden: readonly number[];
  activation: string;
  optimizer: string;
  learningRate: number;
  batchSize: number;
  seed: number;
  trainSplit: number;
  digits: PreparedDigits;
  /** Weights trained ahead, in the core's model format. */
  model?: unknown;
}

const PIXELS = 64;
const CLASSES = 10;

/** Distorted copies of each digit to learn from (a training digit's copies are trained on; a held-out one's never). */
export const COPIES_PER_DIGIT = 6;
/** The seed of the copies' distortions: the same data, the same copies, whatever the session's seed. */
const COPIES_SEED = 7;

/**
 * Prepares digits for sessions: each as the pad gives it (so a held-out digit drawn on the
 * pad is the very input the network is measured on), and COPIES_PER_DIGIT copies rotated,
 * slanted, narrowed or widened, with thicker or thinner strokes (augmentDigit), so the
 * network learns to read hands other than the data's.
 */
export function prepareDigits(set: DigitSet): PreparedDigits {
  const random = new Random(COPIES_SEED);
  const drawing = new Float64Array(28 * 28);
  const out = new Float64Array(PIXELS);
  const rows: number[][] = [];
  const copies: number[][][] = [];
  for (let i = 0; i < set.count; i++) {
    const digit = set.pixels.subarray(i * PIXELS, (i + 1) * PIXELS);
    rows.push(Array.from(padDigit(digit, out, drawing)));
    const mine: number[][] = [];
    for (let k = 0; k < COPIES_PER_DIGIT; k++) if (augmentDigit(digit, random, out, undefined, drawing)) mine.push(Array.from(out));
    copies.push(mine);
  }
  return { set, rows, targets: oneHot(Array.from(set.labels), CLASSES), copies };
}

/**
 * One training run of `<nn-digits>`: the split, the core's Network (64 inputs, softmax over
 * ten digits) and Trainer (cross-entropy), and what each epoch left. Training is advanced a
 * time slice at a time by the element; every number comes from the core.
 */
export class DigitsSession {
  readonly network: Network;
  readonly trainer: Trainer;
  /** Everything trained on: the training digits and their distorted copies. */
  readonly train: Data;
  /** How many of `train` are distorted copies. */
  readonly copies: number;
  readonly test: Data;
  /** The held-out digits' pixels as the pad gives them (count × 64: the network's inputs) and labels, for the confusion matrix's cells. */
  readonly testPixels: Float64Array;
  readonly testLabels: Uint8Array;
  /** One record per epoch; the first (epoch 0) is the network before training. */
  readonly history: EpochRecord[] = [];
  private epochLoss = 0;
  private epochCount = 0;
  private confusionCache?: { epoch: number; counts: number[][] };
  private readingsCache?: { epoch: number; predicted: Uint8Array };

  constructor(options: SessionOptions) {
    const { digits } = options;
    const { set } = digits;
    if (set.count < 2) throw new NnKitError('The digits must hold at least two, one to learn from and one to hold out.');
    const random = new Random(options.seed);
    const order = random.shuffle(Array.from({ length: set.count }, (_, i) => i));
    const trainCount = Math.max(1, Math.min(set.count - 1, Math.round(set.count * options.trainSplit)));
    const trainIndices = order.slice(0, trainCount);
    const testIndices = order.slice(trainCount);
    const inputs = trainIndices.map((i) => digits.rows[i]);
    const targets = trainIndices.map((i) => digits.targets[i]);
    this.copies = 0;
    for (const i of trainIndices) {
      for (const copy of digits.copies[i]) {
        inputs.push(copy);
        targets.push(digits.targets[i]);
      }
      this.copies += digits.copies[i].length;
    }
    this.train = { inputs, targets };
    this.test = { inputs: testIndices.map((i) => digits.rows[i]), targets: testIndices.map((i) => digits.targets[i]) };
    this.testLabels = Uint8Array.from(testIndices, (i) => set.labels[i]);
    this.testPixels = new Float64Array(testIndices.length * PIXELS);
    testIndices.forEach((i, k) => this.testPixels.set(digits.rows[i], k * PIXELS));
    this.network = options.model ? checkModel(Network.fromJSON(options.model)) : new Network({ layers: [PIXELS, ...options.hidden, CLASSES], activation: options.activation, outputActivation: 'softmax', seed: options.seed });
    this.trainer = new Trainer(this.network, this.train, {
      loss: 'cross-entropy',
      optimizer: options.optimizer,
      learningRate: options.learningRate,
      batchSize: options.batchSize,
      seed: options.seed,
    });
    // The trainer measures its training loss before the first step (to tell a diverging
    // run); measured here, on building, it is not a long first frame of play.
    this.trainer.evaluate();
    const start = this.trainer.evaluate(this.test);
    this.history.push({ epoch: 0, trainLoss: Number.NaN, testLoss: start.loss, accuracy: start.accuracy ?? 0 });
  }

  /** The latest record. */
  get last(): EpochRecord {
    return this.history[this.history.length - 1];
  }

  /**
   * Trains for about `budgetMs` milliseconds (at least one step), stopping at an epoch's end
   * once `epochs` are done or when the run diverges; returns the epochs finished.
   */
  advance(budgetMs: number, epochs: number): EpochRecord[] {
    const { trainer } = this;
    const finished: EpochRecord[] = [];
    const start = performance.now();
    do {
      if (trainer.diverged || trainer.epochs >= epochs) break;
      const size = trainer.nextBatchSize;
      const before = trainer.epochs;
      const loss = trainer.step();
      if (trainer.diverged) break;
      this.epochLoss += loss * size;
      this.epochCount += size;
      if (trainer.epochs > before) finished.push(this.record());
    } while (performance.now() - start < budgetMs);
    return finished;
  }

  /** True once `epochs` are done or the run diverged. */
  done(epochs: number): boolean {
    return this.trainer.diverged || this.trainer.epochs >= epochs;
  }

  private record(): EpochRecord {
    const evaluation = this.trainer.evaluate(this.test);
    const record = { epoch: this.trainer.epochs, trainLoss: this.epochLoss / Math.max(1, this.epochCount), testLoss: evaluation.loss, accuracy: evaluation.accuracy ?? 0 };
    this.epochLoss = this.epochCount = 0;
    this.history.push(record);
    return record;
  }

  /** The ten probabilities for an 8 × 8 input (all zero for a blank one). */
  probabilities(input: ArrayLike<number>): number[] {
    let ink = 0;
    for (let i = 0; i < input.length; i++) ink += input[i];
    if (!(ink > 0)) return new Array<number>(CLASSES).fill(0);
    return Array.from(this.network.predict(input));
  }

  /** The held-out digits by true (rows) and read (columns) digit, for the latest epoch. */
  confusion(): number[][] {
    const epoch = this.trainer.epochs;
    if (this.confusionCache?.epoch !== epoch) this.confusionCache = { epoch, counts: this.trainer.confusion(this.test) };
    return this.confusionCache.counts;
  }

  /** Indices (into the held-out digits) of those that are `truth` and read as `read`, by the latest epoch's network. */
  cell(truth: number, read: number): number[] {
    const epoch = this.trainer.epochs;
    if (this.readingsCache?.epoch !== epoch) {
      const predicted = new Uint8Array(this.testLabels.length);
      for (let k = 0; k < predicted.length; k++) {
        const output = this.network.forwardFrom(this.testPixels, k * PIXELS);
        let best = 0;
        for (let c = 1; c < CLASSES; c++) if (output[c] > output[best]) best = c;
        predicted[k] = best;
      }
      this.readingsCache = { epoch, predicted };
    }
    const { predicted } = this.readingsCache;
    const found: number[] = [];
    for (let k = 0; k < predicted.length; k++) if (this.testLabels[k] === truth && predicted[k] === read) found.push(k);
    return found;
  }

  /** A held-out digit of class `digit`, the `turn`-th (cycling), or undefined when there is none. */
  sample(digit: number, turn: number): Float64Array | undefined {
    const matches: number[] = [];
    for (let k = 0; k < this.testLabels.length; k++) if (this.testLabels[k] === digit) matches.push(k);
    if (!matches.length) return undefined;
    const k = matches[turn % matches.length];
    return this.testPixels.slice(k * PIXELS, (k + 1) * PIXELS);
  }
}

/** A model must read 64 pixels into ten softmax outputs. */
function checkModel(network: Network): Network {
  if (network.inputSize !== PIXELS || network.outputSize !== CLASSES || network.outputActivation.name !== 'softmax') {
    throw new NnKitError(`model must have 64 inputs and 10 softmax outputs; this one has ${network.inputSize} inputs and ${network.outputSize} ${network.outputActivation.name} outputs.`);
  }
  return network;
}
