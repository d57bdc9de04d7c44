import { type Data, type EvaluationInSlices, Network, NnKitError, Random, Trainer } from '../../src/index.js';
import { DIGITS_SETTINGS } from './nn-digits.settings.js';
import type { DigitsPreparation } from './preparation.js';

/** What one epoch left: the numbers `nn-epoch` carries. */
export interface EpochRecord {
  epoch: number;
  trainLoss: number;
  testLoss: number;
  accuracy: number;
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
  digits: DigitsPreparation;
  /** Weights trained ahead, in the core's model format. */
  model?: unknown;
}

/** The options of an element left at its defaults (the settings table's), for scripts and tests that train as it does. */
export function defaultSessionOptions(): Omit<SessionOptions, 'digits' | 'model'> {
  const d = DIGITS_SETTINGS;
  return {
    hidden: d.hiddenLayers.default,
    activation: d.activation.default,
    optimizer: d.optimizer.default,
    learningRate: d.learningRate.default,
    batchSize: d.batchSize.default,
    seed: d.seed.default,
    trainSplit: d.trainSplit.default,
  };
}

const PIXELS = 64;
const CLASSES = 10;
/** Training digits measured at a time before the first step, between looks at the clock. */
export const MEASURED_ROWS = 64;

/**
 * One training run of `<nn-digits>`: the split, the core's Network (64 inputs, softmax over
 * ten digits) and Trainer (cross-entropy), and what each epoch left. Training is advanced a
 * time slice at a time by the element; every number comes from the core.
 *
 * The network and the held-out digits are ready at once (the pad reads with the untrained
 * or the shipped network). Training waits for the training set: while the digits' copies
 * are being made, `advance` spends its budget making them, and `trainer` is one over the
 * held-out digits that only measures them (it takes no step). Then the trainer of the run
 * is built with the settings given meanwhile, as it would have been at once, and measures
 * its training data before its first step, in slices too (a large network's takes a few
 * hundred milliseconds): the same seed, the same numbers, however the preparation was
 * sliced. Nothing of it runs in the constructor, so building a session is quick.
 */
export class DigitsSession {
  readonly network: Network;
  /** The digits it learns from and holds out, prepared or being prepared. */
  readonly digits: DigitsPreparation;
  /** Everything trained on, the training digits and their distorted copies (undefined while they are being prepared). */
  train?: Data;
  /** The run's training data, its trainer measuring it before the first step in slices, and the rows measured: from when that trainer is built until `train` is set. */
  private measuring?: { train: Data; slices: EvaluationInSlices; rows: number };
  /** How many of `train` are distorted copies (0 while they are being prepared). */
  copies = 0;
  /** How many of the digits are learnt from (without their copies). */
  readonly trainCount: number;
  readonly test: Data;
  /** The held-out digits' pixels as the pad gives them (count × 64: the network's inputs) and labels, for the confusion matrix's cells. */
  readonly testPixels: Float64Array;
  readonly testLabels: Uint8Array;
  /** True when the network starts from weights trained ahead (a model) rather than from the seed. */
  readonly trainedAhead: boolean;
  /** One record per epoch; the first (epoch 0) is the network before training. */
  readonly history: EpochRecord[] = [];
  private current: Trainer;
  private readonly trainIndices: number[];
  private readonly seed: number;
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
    this.digits = digits;
    this.seed = options.seed;
    this.trainCount = trainCount;
    this.trainIndices = order.slice(0, trainCount);
    const testIndices = order.slice(trainCount);
    this.test = { inputs: testIndices.map((i) => digits.row(i)), targets: testIndices.map((i) => digits.targets[i]) };
    this.testLabels = Uint8Array.from(testIndices, (i) => set.labels[i]);
    this.testPixels = new Float64Array(testIndices.length * PIXELS);
    this.test.inputs.forEach((row, k) => this.testPixels.set(row, k * PIXELS));
    this.trainedAhead = Boolean(options.model);
    this.network = options.model ? checkModel(Network.fromJSON(options.model)) : new Network({ layers: [PIXELS, ...options.hidden, CLASSES], activation: options.activation, outputActivation: 'softmax', seed: options.seed });
    this.current = this.trainerFor(this.test, options);
    const start = this.current.evaluate(this.test);
    this.history.push({ epoch: 0, trainLoss: Number.NaN, testLoss: start.loss, accuracy: start.accuracy ?? 0 });
  }

  /** The core's Trainer: until the training set is prepared, one that only measures the held-out digits. */
  get trainer(): Trainer {
    return this.current;
  }

  /** True until the training set is prepared and its trainer built (training waits for it). */
  get preparing(): boolean {
    return !this.train;
  }

  /** Fraction of the training set prepared, in [0, 1]: the first half for making the copies, the second for measuring the training digits with them. */
  get progress(): number {
    if (this.train) return 1;
    const measuring = this.measuring;
    return measuring ? 0.5 + (0.5 * measuring.rows) / measuring.train.inputs.length : 0.5 * this.digits.progress;
  }

  private trainerFor(data: Data, settings: Pick<SessionOptions, 'optimizer' | 'learningRate' | 'batchSize'>): Trainer {
    const { optimizer, learningRate, batchSize } = settings;
    return new Trainer(this.network, data, { loss: 'cross-entropy', optimizer, learningRate, batchSize, seed: this.seed });
  }

  /**
   * Makes the training set's next copies for about `budgetMs` milliseconds or, once they are
   * all made, builds the trainer and measures its training data (slices of their own);
   * returns true once training can start.
   */
  prepare(budgetMs: number): boolean {
    if (this.train) return true;
    if (!this.digits.ready) return this.digits.prepare(budgetMs) && false;
    const start = performance.now();
    const measuring = (this.measuring ??= this.startTraining());
    const { train, slices } = measuring;
    while (!slices.advance(MEASURED_ROWS)) {
      measuring.rows += MEASURED_ROWS;
      if (performance.now() - start >= budgetMs) return false;
    }
    // Measured before the first step (to tell a diverging run), so that step need not.
    this.train = train;
    this.measuring = undefined;
    return true;
  }

  /** Builds the run's trainer on the prepared digits and their copies, with the settings given so far, and starts measuring its training data. */
  private startTraining(): { train: Data; slices: EvaluationInSlices; rows: number } {
    const { digits, trainIndices } = this;
    const inputs = trainIndices.map((i) => digits.row(i));
    const targets = trainIndices.map((i) => digits.targets[i]);
    for (const i of trainIndices) {
      for (const copy of digits.copies[i]) {
        inputs.push(copy);
        targets.push(digits.targets[i]);
      }
      this.copies += digits.copies[i].length;
    }
    const train = { inputs, targets };
    const { optimizer, learningRate, batchSize } = this.current;
    const trainer = this.trainerFor(train, { optimizer: optimizer.name, learningRate, batchSize });
    this.current = trainer;
    return { train, slices: trainer.evaluation(), rows: 0 };
  }

  /** The latest record. */
  get last(): EpochRecord {
    return this.history[this.history.length - 1];
  }

  /**
   * Trains for about `budgetMs` milliseconds (at least one step), stopping at an epoch's end
   * once `epochs` are done or when the run diverges; returns the epochs finished. While the
   * training set is being prepared, spends the time preparing it instead (and finishes none).
   */
  advance(budgetMs: number, epochs: number): EpochRecord[] {
    const finished: EpochRecord[] = [];
    if (!this.train) {
      this.prepare(budgetMs);
      return finished;
    }
    const { trainer } = this;
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

  /** True once the held-out digits' readings are worth showing: the network was trained ahead or has trained an epoch. */
  get measured(): boolean {
    return this.trainedAhead || this.trainer.epochs > 0;
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
