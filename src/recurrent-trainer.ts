import { check, isFiniteNumber } from './errors.js';
import { type Optimizer, type OptimizerState, createOptimizerState, getOptimizer } from './optimizers.js';
import { Random } from './random.js';
import { type CellKind, RecurrentNet } from './recurrent.js';
import { type SequenceTask, type SequenceTaskName, makeSequenceTask } from './recurrent-tasks.js';
import { DIVERGENCE, type Divergence } from './trainer.js';

/** The options a SequenceTrainer takes when they are left out. */
export const SEQUENCE_DEFAULTS = Object.freeze({
  cell: 'rnn' as CellKind,
  hidden: 8,
  unroll: 8,
  optimizer: 'adam',
  learningRate: 0.01,
  clip: 5,
  batchSize: 8,
  seed: 1,
  /** Most steps a playing element takes in a frame, so that learning is slow enough to watch. */
  stepsPerFrame: 4,
});

export interface SequenceTrainerOptions {
  task: SequenceTaskName;
  /** The text of task "text". */
  text?: string;
  cell?: CellKind;
  hidden?: number;
  /** Steps each sequence is unrolled over (a text's window). */
  unroll?: number;
  optimizer?: string;
  learningRate?: number;
  /** Largest gradient norm a step may use (the gradient is scaled down to it); 0: no clipping. */
  clip?: number;
  /** Sequences per step. */
  batchSize?: number;
  seed?: number;
}

/** Sequences of the bit tasks per epoch, and held-out sequences they are scored on. */
const BIT_EPOCH = 64;
const BIT_TESTS = 128;
/** Windows of a text scored for its accuracy. */
const TEXT_TESTS = 32;

/**
 * Trains a RecurrentNet on a sequence task with backpropagation through time: each step
 * draws `batchSize` sequences (seeded), sums their gradients, clips the sum's norm and
 * updates. After each epoch it scores held-out sequences (the bit tasks) or windows of the
 * text. A step allocates nothing. An update that overflows is undone and the run reported
 * diverged, as the dense Trainer does (src/trainer.ts, DIVERGENCE).
 */
export class SequenceTrainer {
  readonly net: RecurrentNet;
  readonly task: SequenceTask;
  readonly learningRate: number;
  readonly clip: number;
  readonly batchSize: number;
  readonly seed: number;
  steps = 0;
  epochs = 0;
  /** Mean cross-entropy per step, and the fraction of steps predicted right, on the scored sequences. */
  loss = Number.NaN;
  accuracy = Number.NaN;
  /** The gradient's norm before clipping, at the last step. */
  lastGradientNorm = 0;
  diverged = false;
  divergence?: Divergence;

  private readonly optimizer: Optimizer;
  private readonly state: OptimizerState;
  private readonly random: Random;
  private readonly x: Float64Array;
  private readonly tokens: Int32Array;
  private readonly targets: Int32Array;
  private readonly saved: Float64Array;
  private readonly perEpoch: number;
  private readonly testSet: { tokens: Int32Array; targets: Int32Array }[] = [];
  private optimizerSteps = 0;
  private epochLoss = 0;
  private startLoss = Number.NaN;
  private grownEpochs = 0;

  constructor(options: SequenceTrainerOptions) {
    const o = { ...SEQUENCE_DEFAULTS, ...options };
    check(isFiniteNumber(o.learningRate) && o.learningRate >= 0, `learning-rate must be a number of 0 or more; got ${o.learningRate}.`);
    check(isFiniteNumber(o.clip) && o.clip >= 0, `clip must be a number of 0 or more; got ${o.clip}.`);
    this.task = makeSequenceTask(o.task, o.unroll, o.text);
    const { tokens, classes, steps } = this.task;
    this.net = new RecurrentNet({ cell: o.cell, inputs: tokens.length, hidden: o.hidden, outputs: classes.length, maxSteps: o.unroll, seed: o.seed });
    this.optimizer = getOptimizer(o.optimizer);
    this.state = createOptimizerState(this.net.params.length, this.optimizer.slots);
    this.learningRate = o.learningRate;
    this.clip = o.clip;
    this.batchSize = Math.max(1, Math.floor(o.batchSize));
    this.seed = o.seed;
    this.random = new Random(o.seed + 1);
    this.x = new Float64Array(o.unroll * tokens.length);
    this.tokens = new Int32Array(o.unroll);
    this.targets = new Int32Array(o.unroll);
    this.saved = new Float64Array(this.net.params.length);
    // An epoch: as many sequences as the text has windows of `steps` (at least BIT_EPOCH, so a short text is not scored after every step).
    const sequences = this.task.name === 'text' ? Math.max(BIT_EPOCH, Math.ceil(this.task.windows / steps)) : BIT_EPOCH;
    this.perEpoch = Math.max(1, Math.ceil(sequences / this.batchSize));
    this.makeTests();
    this.score();
    this.startLoss = this.loss;
  }

  /** How many held-out sequences (a text's windows) `loss` and `accuracy` are scored on. */
  get scoredSequences(): number {
    return this.testSet.length;
  }

  /** Fraction of the current epoch done, in [0, 1). */
  get epochProgress(): number {
    return (this.steps % this.perEpoch) / this.perEpoch;
  }

  private makeTests(): void {
    const { task } = this;
    const random = new Random(this.seed + 2);
    const count = task.name === 'text' ? Math.min(TEXT_TESTS, task.windows) : BIT_TESTS;
    for (let i = 0; i < count; i++) {
      const tokens = new Int32Array(task.steps);
      const targets = new Int32Array(task.steps);
      const at = count > 1 ? Math.round((i * (task.windows - 1)) / (count - 1)) : 0;
      task.draw(random, tokens, targets, task.name === 'text' ? at : undefined);
      this.testSet.push({ tokens, targets });
    }
  }

  /** Writes `tokens` one-hot into the input buffer. */
  private encode(tokens: Int32Array, steps: number): Float64Array {
    const size = this.task.tokens.length;
    this.x.fill(0);
    for (let t = 0; t < steps; t++) this.x[t * size + tokens[t]] = 1;
    return this.x;
  }

  /** Runs a sequence forward; the network keeps its states and outputs. */
  run(tokens: Int32Array, steps = this.task.steps): void {
    this.net.forward(this.encode(tokens, steps), steps);
  }

  /** One step: a batch of sequences, backpropagation through time, clipping, an update. Returns the batch's mean loss per step. */
  step(): number {
    if (this.diverged) return Number.NaN;
    const { net, task, tokens, targets, batchSize } = this;
    const scale = 1 / (batchSize * task.steps);
    net.clearGradients();
    let loss = 0;
    for (let s = 0; s < batchSize; s++) {
      task.draw(this.random, tokens, targets);
      this.run(tokens);
      loss += net.backward(targets, scale);
    }
    this.lastGradientNorm = net.clipGradients(this.clip);
    if (!Number.isFinite(loss) || !Number.isFinite(this.lastGradientNorm)) {
      this.diverge('overflow');
      return loss;
    }
    this.saved.set(net.params);
    const next = this.optimizerSteps + 1;
    if (!this.optimizer.update(net.params, net.gradients, this.state, this.learningRate, next)) {
      net.params.set(this.saved);
      this.diverge('overflow');
      return loss;
    }
    this.optimizerSteps = next;
    this.steps++;
    this.epochLoss += loss;
    if (this.steps % this.perEpoch === 0) {
      this.epochs++;
      this.score();
      this.checkGrowth(this.epochLoss / this.perEpoch);
      this.epochLoss = 0;
    }
    return loss;
  }

  /**
   * Steps until `budgetMs` milliseconds have passed (at least one step), `most` steps are
   * taken or the run diverges: what a playing element does in each animation frame.
   * Returns the steps taken.
   */
  trainFor(budgetMs: number, most: number = SEQUENCE_DEFAULTS.stepsPerFrame, clock: () => number = () => performance.now()): number {
    const end = clock() + budgetMs;
    let taken = 0;
    do {
      this.step();
      taken++;
    } while (!this.diverged && taken < most && clock() < end);
    return taken;
  }

  /** Scores the held-out sequences: mean loss per step and accuracy. */
  score(): { loss: number; accuracy: number } {
    const { net, testSet: tests } = this;
    let loss = 0;
    let right = 0;
    let count = 0;
    for (const { tokens, targets } of tests) {
      this.run(tokens);
      loss += net.loss(targets);
      for (let t = 0; t < net.steps; t++) {
        if (net.predictionAt(t + 1) === targets[t]) right++;
        count++;
      }
    }
    this.loss = loss / count;
    this.accuracy = right / count;
    return { loss: this.loss, accuracy: this.accuracy };
  }

  private checkGrowth(epochLoss: number): void {
    this.grownEpochs = epochLoss > DIVERGENCE.factor * this.startLoss ? this.grownEpochs + 1 : 0;
    if (this.grownEpochs >= DIVERGENCE.epochs) this.diverge('growth', epochLoss);
  }

  private diverge(kind: Divergence['kind'], loss?: number): void {
    this.diverged = true;
    this.divergence = kind === 'growth' ? { kind, cause: 'learning-rate', startLoss: this.startLoss, loss } : { kind, cause: 'learning-rate' };
  }

  /**
   * The sequence shown to readers (a fixed sequence drawn from the seed, or the text's first
   * window), run forward; then ∂L_T/∂h_t for the loss of its last step alone, so
   * `net.stateGradientNorms` shows how much of that loss reaches back to each step.
   * Returns its tokens and targets.
   */
  show(): { tokens: Int32Array; targets: Int32Array } {
    const { task, net } = this;
    const tokens = new Int32Array(task.steps);
    const targets = new Int32Array(task.steps);
    task.draw(new Random(this.seed + 3), tokens, targets, 0);
    const last = new Int32Array(task.steps).fill(-1);
    last[task.steps - 1] = targets[task.steps - 1];
    this.run(tokens);
    net.clearGradients();
    net.backward(last);
    return { tokens, targets };
  }

  /**
   * Text: `length` characters written by the network, starting from the text's first one.
   * Each next one is drawn from the softmax at `temperature` (p^(1/τ), renormalized) given
   * the characters before it (the last `unroll` of them, from h_0 = 0, as it was trained).
   */
  sample(length: number, temperature: number, random: Random): string {
    const { task, net } = this;
    const n = Math.max(0, Math.floor(length));
    if (n === 0 || task.name !== 'text') return '';
    const ids: number[] = [];
    this.task.draw(undefined, this.tokens, this.targets, 0);
    ids.push(this.tokens[0]);
    const context = new Int32Array(this.x.length / task.tokens.length);
    const inverse = 1 / Math.max(temperature, 1e-3);
    while (ids.length < n) {
      const steps = Math.min(context.length, ids.length);
      for (let t = 0; t < steps; t++) context[t] = ids[ids.length - steps + t];
      this.run(context, steps);
      const p = net.outputAt(steps);
      let max = -Infinity;
      for (let o = 0; o < p.length; o++) max = Math.max(max, Math.log(p[o]) * inverse);
      let total = 0;
      const weights = Array.from(p, (q) => Math.exp(Math.log(q) * inverse - max));
      for (const w of weights) total += w;
      let draw = random.next() * total;
      let pick = 0;
      while (pick < weights.length - 1 && draw >= weights[pick]) draw -= weights[pick++];
      ids.push(pick);
    }
    return ids.map((id) => task.tokens[id]).join('');
  }
}
