import { Backprop } from './backprop.js';
import { type Data, type DataMatrix, toMatrix } from './data.js';
import type { KernelFactory } from './dense-kernels.js';
import { dropoutRates } from './dropout.js';
import { check, isFiniteNumber } from './errors.js';
import { type Evaluation, type EvaluationInSlices, isCorrect, predictedClass, targetClass } from './evaluation.js';
import { type Loss, getLoss } from './losses.js';
import type { Network } from './network.js';
import { type Optimizer, type OptimizerState, createOptimizerState, getOptimizer, optimizers } from './optimizers.js';
import { Random } from './random.js';
import { type Regularization, getRegularization } from './regularization.js';

/**
 * The options a Trainer takes when they are left out (TensorFlow Playground's): the one
 * place they are written; elements show and restore these.
 */
export const TRAINER_DEFAULTS = Object.freeze({
  optimizer: 'sgd',
  learningRate: 0.03,
  batchSize: 10,
  regularization: 'none',
  regularizationRate: 0,
} as const);

export interface TrainerOptions {
  /** "mse", "binary-cross-entropy" or "cross-entropy"; inferred from the output activation when omitted. */
  loss?: string;
  /** "sgd" (default), "momentum" or "adam". */
  optimizer?: string;
  /** Step size (default 0.03, TRAINER_DEFAULTS). */
  learningRate?: number;
  /** Samples per step (default 10). */
  batchSize?: number;
  /** "none" (default), "l1" or "l2": a weight penalty. */
  regularization?: string;
  /** Strength of the weight penalty (default 0). */
  regularizationRate?: number;
  /**
   * Dropout while training: the rate of every hidden layer (default 0), or a list with one
   * rate per hidden layer, each in [0, 1). Inverted dropout, drawn from a generator seeded
   * from `seed`; predictions, `evaluate` and `confusion` use the whole network.
   */
  dropout?: number | readonly number[];
  /** Reshuffle the samples every epoch (default true). */
  shuffle?: boolean;
  /** Seed for shuffling (default: the network's seed). */
  seed?: number;
  /** "classification" reports accuracy; inferred from the loss when omitted. */
  task?: 'classification' | 'regression';
  /**
   * The inner loops: JavaScript's (default), or WebAssembly's from `await loadWasmKernels()`
   * for large networks. The same numbers either way; only the speed differs.
   */
  kernels?: KernelFactory;
}

/**
 * When a run counts as diverged though its numbers stay finite: its mean training loss
 * over an epoch stayed above `factor` times the loss it started from for `epochs` epochs
 * in a row (saturated outputs, weights in the thousands: a run that will not come back).
 */
export const DIVERGENCE = Object.freeze({ factor: 4, epochs: 10 });

/** Why a run diverged, and which setting to lower. */
export interface Divergence {
  /** 'overflow': a loss, gradient or update was not a finite number. 'growth': see DIVERGENCE. */
  readonly kind: 'overflow' | 'growth';
  /**
   * The setting to lower: 'regularization-rate' when the weight penalty's own step moves a
   * weight of 1 past zero (learning rate × regularization rate × the penalty's slope at 1
   * is at least 1), else 'learning-rate'.
   */
  readonly cause: 'learning-rate' | 'regularization-rate';
  /** The mean loss before training, and over the last epoch (growth only). */
  readonly startLoss?: number;
  readonly loss?: number;
}

/** The loss that pairs with an output activation: sigmoid → BCE, softmax → CE, else MSE. */
export function defaultLossFor(outputActivation: string): string {
  if (outputActivation === 'sigmoid') return 'binary-cross-entropy';
  if (outputActivation === 'softmax') return 'cross-entropy';
  return 'mse';
}

/**
 * Trains a network by mini-batch gradient descent. Pure and synchronous: `step()` runs
 * one batch and returns; scheduling belongs to the caller. A step allocates nothing.
 */
export class Trainer {
  readonly network: Network;
  readonly data: DataMatrix;
  readonly loss: Loss;
  /** The weight penalty; may be swapped while training. */
  regularization: Regularization;
  readonly task: 'classification' | 'regression';
  readonly shuffle: boolean;
  /** Each hidden layer's dropout rate while training (0: none). */
  readonly dropout: readonly number[];
  /** Step size; may be changed while training and applies at the next step. */
  learningRate: number;
  /** Samples per step; may be changed while training. */
  batchSize: number;
  /** Strength of the weight penalty; may be changed while training. */
  regularizationRate: number;
  /** Completed passes over the data. */
  epochs = 0;
  /** Completed steps (weight updates). */
  steps = 0;
  /**
   * True once the run diverged: a step produced a non-finite loss, gradient or update
   * (that step changed nothing, not even the epoch count), or the loss grew as DIVERGENCE
   * says. A diverged trainer's steps change nothing.
   */
  diverged = false;
  /** Why the run diverged (undefined while it has not). */
  divergence?: Divergence;

  private backprop: Backprop;
  /** The generator dropout's masks come from: kept when the kernels change, so the run goes on as it would have. */
  private readonly dropoutRandom: Random;
  private readonly random: Random;
  private readonly order: Uint32Array;
  private cursor = 0;
  private currentOptimizer: Optimizer;
  /** The optimizer's memory of each parameter, laid out like `network.parameters`. */
  private state!: OptimizerState;
  private optimizerSteps = 0;
  private readonly matrices = new WeakMap<Data, DataMatrix>();
  /** The mean loss over the training data before the first step. */
  private startLoss = Number.NaN;
  /** What evaluate() found on the training data before the first step, and for which weights: the first step reuses it. */
  private evaluatedStart?: { loss: number; parameters: Float64Array };
  /** Sum of batch losses × batch sizes in the current epoch, for its mean. */
  private epochLoss = 0;
  /** Epochs in a row whose mean loss stayed above DIVERGENCE.factor × the starting loss. */
  private grownEpochs = 0;
  /** The arrays an update changes: the parameters and the optimizer's memory of them. */
  private guarded: Float64Array[] = [];
  /** Their contents before the last update, to undo one that overflowed. */
  private saved: Float64Array[] = [];

  constructor(network: Network, data: Data, options: TrainerOptions = {}) {
    this.network = network;
    for (let k = 0; k < network.depth; k++) {
      const activation = network.activationOf(k);
      check(activation.trainable, `"${activation.name}" has no useful gradient, so a network using it cannot learn; pick another activation.`);
    }
    this.data = toMatrix(data, network.inputSize, network.outputSize);
    this.loss = getLoss(options.loss ?? defaultLossFor(network.outputActivation.name));
    this.currentOptimizer = getOptimizer(options.optimizer ?? TRAINER_DEFAULTS.optimizer);
    this.regularization = getRegularization(options.regularization ?? TRAINER_DEFAULTS.regularization);
    this.learningRate = options.learningRate ?? TRAINER_DEFAULTS.learningRate;
    this.batchSize = options.batchSize ?? TRAINER_DEFAULTS.batchSize;
    this.regularizationRate = options.regularizationRate ?? TRAINER_DEFAULTS.regularizationRate;
    this.shuffle = options.shuffle ?? true;
    this.task = options.task ?? (this.loss.name === 'mse' ? 'regression' : 'classification');
    checkRate(this.learningRate, 'learning rate');
    checkRate(this.regularizationRate, 'regularization rate');
    check(
      Number.isInteger(this.batchSize) && this.batchSize >= 1,
      `The batch size must be a whole number of at least 1; got ${this.batchSize}.`,
    );
    const seed = options.seed ?? network.seed;
    check(isFiniteNumber(seed), `The seed must be a finite number; got "${String(seed)}".`);
    this.random = new Random(seed);
    this.dropout = Object.freeze(dropoutRates(options.dropout, network.depth - 1));
    // Masks come from a generator of their own, so the shuffling is the same with and without dropout.
    this.dropoutRandom = new Random(seed + 0.5);
    this.backprop = this.backpropOn(options.kernels);
    this.order = new Uint32Array(this.data.count);
    for (let i = 0; i < this.order.length; i++) this.order[i] = i;
    if (this.shuffle) this.random.shuffle(this.order);
    this.resetOptimizerState();
  }

  /** The optimizer; `setOptimizer` swaps it while training. */
  get optimizer(): Optimizer {
    return this.currentOptimizer;
  }

  /** Switches optimizer; its memory (momentum, Adam's moments) starts afresh. */
  setOptimizer(name: string): void {
    this.currentOptimizer = getOptimizer(name);
    this.resetOptimizerState();
  }

  /** Which loops the steps run on: 'javascript' or 'webassembly'. */
  get kernels(): 'javascript' | 'webassembly' {
    return this.backprop.kernels.kind;
  }

  /**
   * Runs the next steps and evaluations on other kernels, such as those `loadWasmKernels()`
   * gives once loaded: the same numbers, sooner.
   */
  useKernels(kernels: KernelFactory): void {
    this.backprop = this.backpropOn(kernels);
  }

  /** Backpropagation through this trainer's network and dropout, on `kernels` (JavaScript's when left out). */
  private backpropOn(kernels?: KernelFactory): Backprop {
    return new Backprop(this.network, { rates: this.dropout, random: this.dropoutRandom }, kernels);
  }

  /** Fresh, zeroed memory for the current optimizer, and room to save what an update changes. */
  private resetOptimizerState(): void {
    const { parameters } = this.network;
    const state = (this.state = createOptimizerState(parameters.length, this.optimizer.slots));
    this.guarded = [parameters, ...[state.first, state.second].filter((values) => values.length > 0)];
    this.saved = this.guarded.map((values) => new Float64Array(values.length));
    this.optimizerSteps = 0;
  }

  /** Samples the next step will use. */
  get nextBatchSize(): number {
    return Math.min(Math.max(1, Math.floor(this.batchSize)), this.data.count - this.cursor);
  }

  /** Fraction of the current epoch done, in [0, 1). */
  get epochProgress(): number {
    return this.cursor / this.data.count;
  }

  /** Runs one mini-batch (forward, backprop, update) and returns its mean loss. */
  step(): number {
    if (this.diverged) return Number.NaN;
    if (this.steps === 0 && Number.isNaN(this.startLoss)) this.startLoss = this.lossBeforeTraining();
    const { data, backprop, order, loss } = this;
    const size = this.nextBatchSize;
    const scale = 1 / size;
    backprop.reset();
    const batchLoss = backprop.accumulate(data, order, this.cursor, size, loss, scale) * scale;
    if (!Number.isFinite(batchLoss)) {
      this.diverge('overflow');
      return batchLoss;
    }
    this.addPenaltyGradient();
    const step = this.optimizerSteps + 1;
    if (!this.update(step)) {
      this.diverge('overflow');
      return batchLoss;
    }
    this.optimizerSteps = step;
    this.steps++;
    this.cursor += size;
    this.epochLoss += batchLoss * size;
    if (this.cursor >= data.count) {
      this.cursor = 0;
      this.epochs++;
      if (this.shuffle) this.random.shuffle(order);
      this.checkGrowth(this.epochLoss / data.count);
      this.epochLoss = 0;
    }
    return batchLoss;
  }

  /**
   * The optimizer's update from the gradients; where a gradient or the update overflowed,
   * everything is put back as it was and it returns false. Kernels that run SGD themselves
   * do so on their copy, and hand the network the result only when it is finite.
   */
  private update(step: number): boolean {
    const { backprop, optimizer, guarded, saved, learningRate } = this;
    if (optimizer === optimizers.sgd && backprop.kernels.descend) return backprop.kernels.descend(learningRate);
    for (let i = 0; i < guarded.length; i++) saved[i].set(guarded[i]);
    if (optimizer.update(this.network.parameters, backprop.gradients, this.state, learningRate, step)) return true;
    for (let i = 0; i < guarded.length; i++) guarded[i].set(saved[i]);
    return false;
  }

  /** Counts the epochs whose mean loss stayed far above the start, and flags divergence after DIVERGENCE.epochs of them. */
  private checkGrowth(epochLoss: number): void {
    const grown = epochLoss > DIVERGENCE.factor * this.startLoss;
    this.grownEpochs = grown ? this.grownEpochs + 1 : 0;
    if (this.grownEpochs >= DIVERGENCE.epochs) this.diverge('growth', epochLoss);
  }

  private diverge(kind: Divergence['kind'], loss?: number): void {
    const penaltyStep = this.learningRate * this.regularizationRate * Math.abs(this.regularization.gradient(1));
    const cause = penaltyStep >= 1 ? 'regularization-rate' : 'learning-rate';
    this.diverged = true;
    this.divergence = kind === 'growth' ? { kind, cause, startLoss: this.startLoss, loss } : { kind, cause };
  }

  /** Runs steps to the end of the current epoch; returns the mean loss of its samples. */
  epoch(): number {
    const start = this.epochs;
    let total = 0;
    let count = 0;
    do {
      const size = this.nextBatchSize;
      total += this.step() * size;
      count += size;
    } while (this.epochs === start && !this.diverged);
    return total / count;
  }

  /** Loss (and accuracy, for classification) over `data`, by default the training data. */
  evaluate(data?: Data): Evaluation {
    const evaluation = this.evaluation(data);
    evaluation.advance(Number.POSITIVE_INFINITY);
    return evaluation.result;
  }

  /**
   * evaluate(), a few rows at a time (EvaluationInSlices.advance), so that a large
   * network's can be spread over frames: the same numbers, provided the weights do not
   * change (no step is taken) before it is done; nothing checks that. Done over the
   * training data before the first step, on weights that have not moved since it began, it
   * spares that step measuring the loss again.
   */
  evaluation(data?: Data): EvaluationInSlices {
    const matrix = data ? this.matrixOf(data) : this.data;
    const { network, loss, threshold } = this;
    const { kernels } = this.backprop;
    const { values, outputSize } = network;
    const outStart = network.neuronOffset[network.depth];
    const classify = this.task === 'classification';
    // The parameters it begins on, when it may stand for the loss before the first step.
    const start = !data && !this.steps && network.parameters.slice();
    let row = 0;
    let total = 0;
    let correct = 0;
    return {
      advance: (rows) => {
        const end = Math.min(matrix.count, row + (rows >= 1 ? rows : 1));
        kernels.load();
        for (; row < end; row++) {
          const output = kernels.forwardFrom(matrix.inputs, row * matrix.inputSize);
          total += loss.value(values, outStart, matrix.targets, row * outputSize, outputSize);
          if (classify && isCorrect(output, matrix.targets, row * outputSize, threshold)) correct++;
        }
        if (row < matrix.count) return false;
        if (start) this.evaluatedStart = { loss: total / row, parameters: start };
        return true;
      },
      get result() {
        const result: Evaluation = { loss: total / row };
        if (classify) result.accuracy = correct / row;
        return result;
      },
    };
  }

  /** The mean training loss before the first step: evaluate()'s, when it ran on these very weights, else a new evaluation. */
  private lossBeforeTraining(): number {
    const start = this.evaluatedStart;
    const loss = start && sameValues(start.parameters, this.network.parameters) ? start.loss : this.evaluate().loss;
    this.evaluatedStart = undefined;
    return loss;
  }

  /**
   * How the network classifies `data` (by default the training data): counts[t][p] is the
   * number of samples of true class t predicted as class p. One sigmoid output has classes
   * 0 and 1; several outputs, one class each.
   */
  confusion(data?: Data): number[][] {
    const matrix = data ? this.matrixOf(data) : this.data;
    const { network, threshold } = this;
    const size = network.outputSize;
    const classes = Math.max(2, size);
    const counts = Array.from({ length: classes }, () => new Array<number>(classes).fill(0));
    const { kernels } = this.backprop;
    kernels.load();
    for (let row = 0; row < matrix.count; row++) {
      const output = kernels.forwardFrom(matrix.inputs, row * matrix.inputSize);
      counts[targetClass(matrix.targets, row * size, size, threshold)][predictedClass(output, 0, size, threshold)]++;
    }
    return counts;
  }

  /** The weight penalty, rate · Σ penalty(w), over all weights (not biases). */
  penalty(): number {
    if (this.regularizationRate === 0) return 0;
    let sum = 0;
    for (const w of this.network.weights) sum += this.regularization.penalty(w);
    return this.regularizationRate * sum;
  }

  /** Midpoint of the output activation's range: the line between the two classes. */
  private get threshold(): number {
    const [min, max] = this.network.outputActivation.range;
    return Number.isFinite(min) && Number.isFinite(max) ? (min + max) / 2 : 0.5;
  }

  private addPenaltyGradient(): void {
    const rate = this.regularizationRate;
    if (rate === 0) return;
    const { gradient } = this.regularization;
    const { weights } = this.network;
    const gradients = this.backprop.weightGradients;
    for (let i = 0; i < weights.length; i++) gradients[i] += rate * gradient(weights[i]);
  }

  private matrixOf(data: Data): DataMatrix {
    let matrix = this.matrices.get(data);
    if (!matrix) {
      matrix = toMatrix(data, this.network.inputSize, this.network.outputSize);
      this.matrices.set(data, matrix);
    }
    return matrix;
  }
}

/** True when the two arrays hold the same numbers (the same bits but for 0 and −0). */
function sameValues(a: Float64Array, b: Float64Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

function checkRate(value: number, what: string): void {
  check(isFiniteNumber(value) && value >= 0, `The ${what} must be a finite number of at least 0; got ${value}.`);
}
