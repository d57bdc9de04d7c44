import { type Data, type DigitSet, Network, NnKitError, Random, Trainer, digitToDrawing, drawingToDigit, oneHot, shiftHalfBlock } from '../../src/index.js';

/** What one epoch left: the numbers `nn-epoch` carries. */
export interface EpochRecord {
  epoch: number;
  trainLoss: number;
  testLoss: number;
  accuracy: number;
}

/**
 * Digits ready to train on, prepared once per data set (a session picks from them): each
 * digit as a row, its one-hot target, and its copies (padCopies).
 */
export interface PreparedDigits {
  readonly set: DigitSet;
  readonly rows: readonly (readonly number[])[];
  readonly targets: readonly (readonly number[])[];
  readonly copies: readonly (readonly (readonly number[])[])[];
  /** More digits to learn from, never held out (the MNIST digits through the drawing preprocessing). */
  readonly extra?: Data;
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

/** Every digit of a set as the core's Data. */
function rowsOf(set: DigitSet): Data {
  return {
    inputs: Array.from({ length: set.count }, (_, i) => Array.from(set.pixels.subarray(i * PIXELS, (i + 1) * PIXELS))),
    targets: oneHot(Array.from(set.labels), CLASSES),
  };
}

/**
 * More copies of a digit, so a digit drawn on the pad reads as it does in the data: moved
 * half a block left and right (shiftHalfBlock), and, where it differs, as it comes back from
 * the pad (drawn at 28 × 28 by digitToDrawing and read again by drawingToDigit, which
 * centres its ink).
 */
function padCopies(input: readonly number[], drawing: Float64Array, back: Float64Array): number[][] {
  const copies = [Array.from(shiftHalfBlock(input, -1)), Array.from(shiftHalfBlock(input, 1))];
  drawingToDigit(digitToDrawing(input, drawing), {}, 28, back);
  if (!back.every((v, i) => Math.abs(v - input[i]) < 1e-9)) copies.push(Array.from(back));
  return copies;
}

/** Prepares digits (and extra ones to learn from) for sessions. */
export function prepareDigits(set: DigitSet, extra?: DigitSet): PreparedDigits {
  const { inputs, targets } = rowsOf(set);
  const drawing = new Float64Array(28 * 28);
  const back = new Float64Array(PIXELS);
  return { set, rows: inputs, targets, copies: inputs.map((row) => padCopies(row, drawing, back)), extra: extra && rowsOf(extra) };
}

/**
 * One training run of `<nn-digits>`: the split, the core's Network (64 inputs, softmax over
 * ten digits) and Trainer (cross-entropy), and what each epoch left. Training is advanced a
 * time slice at a time by the element; every number comes from the core.
 */
export class DigitsSession {
  readonly network: Network;
  readonly trainer: Trainer;
  /** Everything trained on: the training digits, the extra ones, and the copies padCopies makes. */
  readonly train: Data;
  /** How many of `train` are copies (shifted, or as the pad gives them back). */
  readonly copies: number;
  readonly test: Data;
  /** The held-out digits' pixels (count × 64) and labels, for the confusion matrix's cells. */
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
    if (digits.extra) {
      inputs.push(...digits.extra.inputs);
      targets.push(...digits.extra.targets);
    }
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
    testIndices.forEach((i, k) => this.testPixels.set(set.pixels.subarray(i * PIXELS, (i + 1) * PIXELS), k * PIXELS));
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
