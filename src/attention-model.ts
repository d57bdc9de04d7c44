import { AttentionLayer, attentionParameterCount, checkAttentionShape } from './attention-layer.js';
import { NnKitError, lookup } from './errors.js';
import { type Optimizer, type OptimizerState, createOptimizerState, getOptimizer } from './optimizers.js';
import { Random } from './random.js';

/** A toy sequence task: what the answer to a sequence of letters is. */
export interface AttentionTask {
  readonly name: string;
  readonly label: string;
  /** Writes the answer to `input` (letters as 0 … vocabulary − 1) into `answer`. */
  readonly answer: (input: ArrayLike<number>, answer: Int32Array | number[]) => void;
}

/** The toy tasks a one-layer attention model learns, by name. */
export const attentionTasks: Readonly<Record<string, AttentionTask>> = Object.freeze({
  reverse: Object.freeze<AttentionTask>({
    name: 'reverse',
    label: 'Reverse',
    answer(input, answer) {
      for (let i = 0; i < input.length; i++) answer[i] = input[input.length - 1 - i];
    },
  }),
  sort: Object.freeze<AttentionTask>({
    name: 'sort',
    label: 'Sort',
    answer(input, answer) {
      for (let i = 0; i < input.length; i++) answer[i] = input[i];
      // Insertion sort: a handful of letters, in place, no allocation.
      for (let i = 1; i < input.length; i++) {
        const value = answer[i];
        let j = i - 1;
        for (; j >= 0 && answer[j] > value; j--) answer[j + 1] = answer[j];
        answer[j + 1] = value;
      }
    },
  }),
  copy: Object.freeze<AttentionTask>({
    name: 'copy',
    label: 'Copy',
    answer(input, answer) {
      for (let i = 0; i < input.length; i++) answer[i] = input[i];
    },
  }),
});

/** Looks a task up by name, with an error listing the accepted names. */
export const getAttentionTask = (name: unknown): AttentionTask => lookup(attentionTasks, name, 'task');

/** The letters a task's sequences are drawn from (distinct letters in each sequence), and the separator's name. */
export const ATTENTION_LETTERS = 'abcdefgh';
export const ATTENTION_SEPARATOR = '→';
/** Shortest and longest sequences of letters a task takes (at most 6 of the 8 letters, so sorting them is never the same answer). */
export const ATTENTION_LENGTHS = Object.freeze({ min: 2, max: 6 });
/** Sequences in a training batch, in an epoch, and in the held-out set accuracy is measured on. */
export const ATTENTION_BATCH = 16;
export const ATTENTION_EPOCH = 256;
export const ATTENTION_HELD_OUT = 128;

export interface AttentionModelOptions {
  task?: string;
  /** Letters in a sequence (default 4). */
  length?: number;
  /** Width of the embeddings and of the attention layer (default 8). */
  model?: number;
  heads?: number;
  learningRate?: number;
  optimizer?: string;
  temperature?: number;
  seed?: number;
}

/**
 * A one-layer attention model that learns a toy task on short sequences of distinct letters,
 * written as a decoder reads them: the letters, a separator "→", then the answer so far,
 *
 *   x₁ … x_L → y₁ … y_{L−1}   predicting   y₁ … y_L at the separator and after it.
 *
 * Each token is embedded (a learned vector per letter plus a learned vector per position),
 * one causal multi-head attention layer mixes them, and a linear read-out gives each
 * position's scores for the next letter; the loss is the mean softmax cross-entropy over the
 * L predicted positions. Reverse and copy need attention by position; sort needs attention
 * by content (the smallest letter after the one just written).
 *
 * All numbers live in one flat Float64Array (`params`, gradients in `grads`); a training
 * step draws a batch of sequences from the seeded generator and allocates nothing.
 */
export class AttentionModel {
  readonly task: AttentionTask;
  readonly length: number;
  /** Tokens in a sequence: 2·length (letters, separator, answer so far). */
  readonly tokens: number;
  readonly vocabulary: number;
  readonly model: number;
  readonly heads: number;
  /** Divides the scores before the softmax; may change between steps. */
  temperature: number;
  learningRate: number;
  readonly optimizer: Optimizer;
  readonly params: Float64Array;
  readonly grads: Float64Array;
  /** Views of params: embeddings ((vocabulary + 1) × model), positions (tokens × model), read-out (model × vocabulary) and its bias. */
  readonly embeddings: Float64Array;
  readonly positions: Float64Array;
  readonly readout: Float64Array;
  readonly bias: Float64Array;
  readonly layer: AttentionLayer;
  /** The tokens of the sequence last run (letters 0 … vocabulary − 1, the separator = vocabulary). */
  readonly sequence: Int32Array;
  /** Its embedded tokens (tokens × model) and each position's probabilities of the next letter (tokens × vocabulary). */
  readonly x: Float64Array;
  readonly probabilities: Float64Array;
  /** Batches taken, and mean loss and held-out token accuracy after the last full epoch (NaN before). */
  steps = 0;
  epoch = 0;
  loss = Number.NaN;
  accuracy = Number.NaN;
  /** True once a step left a weight or the loss not a number (too large a learning rate): training should stop. */
  diverged = false;
  private epochLoss = 0;
  private epochCount = 0;
  private readonly random: Random;
  private readonly heldOut: Int32Array;
  private readonly state: OptimizerState;
  private readonly answer: Int32Array;
  private readonly dOut: Float64Array;
  private readonly dx: Float64Array;

  constructor(options: AttentionModelOptions = {}) {
    this.task = getAttentionTask(options.task ?? 'reverse');
    const length = options.length ?? 4;
    if (!Number.isInteger(length) || length < ATTENTION_LENGTHS.min || length > ATTENTION_LENGTHS.max) {
      throw new NnKitError(`length must be a whole number from ${ATTENTION_LENGTHS.min} to ${ATTENTION_LENGTHS.max}; got ${length}.`);
    }
    this.length = length;
    this.tokens = 2 * length;
    this.vocabulary = ATTENTION_LETTERS.length;
    this.model = options.model ?? 8;
    this.heads = options.heads ?? 1;
    checkAttentionShape(this.model, this.heads, this.tokens);
    this.temperature = options.temperature ?? 1;
    if (!(this.temperature > 0) || !Number.isFinite(this.temperature)) throw new NnKitError(`temperature must be a positive number; got ${this.temperature}.`);
    this.learningRate = options.learningRate ?? 0.01;
    if (!(this.learningRate >= 0) || !Number.isFinite(this.learningRate)) throw new NnKitError(`learning-rate must be a number from 0 up; got ${this.learningRate}.`);
    this.optimizer = getOptimizer(options.optimizer ?? 'adam');
    const { model: d, vocabulary: v, tokens: t } = this;
    const sizes = [(v + 1) * d, t * d, attentionParameterCount(d), d * v, v];
    const total = sizes.reduce((a, b) => a + b, 0);
    this.params = new Float64Array(total);
    this.grads = new Float64Array(total);
    const views = (array: Float64Array) => {
      let at = 0;
      return sizes.map((size) => array.subarray(at, (at += size)));
    };
    const [embeddings, positions, attention, readout, bias] = views(this.params);
    const gradViews = views(this.grads);
    this.embeddings = embeddings;
    this.positions = positions;
    this.readout = readout;
    this.bias = bias;
    this.layer = new AttentionLayer(d, this.heads, t, attention, gradViews[2]);
    this.random = new Random(options.seed ?? 1);
    const normal = () => this.random.normal();
    for (let i = 0; i < embeddings.length; i++) embeddings[i] = normal();
    for (let i = 0; i < positions.length; i++) positions[i] = normal();
    this.layer.initialize(normal);
    // Small queries and keys: every row of the attention starts near uniform, and learning shapes it.
    for (const w of [this.layer.wq, this.layer.wk]) for (let i = 0; i < w.length; i++) w[i] *= 0.1;
    const scale = 1 / Math.sqrt(d);
    for (let i = 0; i < readout.length; i++) readout[i] = normal() * scale;
    this.state = createOptimizerState(total, this.optimizer.slots);
    this.sequence = new Int32Array(t);
    this.answer = new Int32Array(length);
    this.x = new Float64Array(t * d);
    this.probabilities = new Float64Array(t * v);
    this.dOut = new Float64Array(t * d);
    this.dx = new Float64Array(t * d);
    this.heldOut = new Int32Array(ATTENTION_HELD_OUT * t);
    const held = new Random((options.seed ?? 1) + 7919);
    for (let s = 0; s < ATTENTION_HELD_OUT; s++) {
      this.draw(held);
      this.heldOut.set(this.sequence, s * t);
    }
    this.showExample(0);
  }

  /** The name of a token: its letter, or the separator. */
  tokenName(token: number): string {
    return token === this.vocabulary ? ATTENTION_SEPARATOR : ATTENTION_LETTERS[token];
  }

  /** Draws `length` distinct letters into `sequence`, then the separator and the answer so far. */
  private draw(random: Random): void {
    const { length, sequence, answer, vocabulary } = this;
    for (let i = 0; i < length; i++) {
      let letter: number;
      let taken: boolean;
      do {
        letter = random.int(vocabulary);
        taken = false;
        for (let j = 0; j < i; j++) if (sequence[j] === letter) taken = true;
      } while (taken);
      sequence[i] = letter;
    }
    this.task.answer(sequence.subarray(0, length), answer);
    sequence[length] = vocabulary;
    for (let i = 1; i < length; i++) sequence[length + i] = answer[i - 1];
  }

  /** The answer's last letter, which the sequence does not hold. */
  private lastAnswer(): number {
    this.task.answer(this.sequence.subarray(0, this.length), this.answer);
    return this.answer[this.length - 1];
  }

  /** Runs the model on `sequence`: fills x, the layer's numbers and the probabilities; returns the mean cross-entropy. */
  forward(): number {
    const { model: d, vocabulary: v, tokens: t, sequence, x, embeddings, positions, probabilities, readout, bias } = this;
    for (let i = 0; i < t; i++) {
      const e = sequence[i] * d;
      for (let c = 0; c < d; c++) x[i * d + c] = embeddings[e + c] + positions[i * d + c];
    }
    const out = this.layer.forward(x, t, true, this.temperature);
    let loss = 0;
    const last = this.lastAnswer();
    for (let i = 0; i < t; i++) {
      const row = i * v;
      let max = -Infinity;
      for (let o = 0; o < v; o++) {
        let z = bias[o];
        for (let c = 0; c < d; c++) z += out[i * d + c] * readout[c * v + o];
        probabilities[row + o] = z;
        if (z > max) max = z;
      }
      let sum = 0;
      for (let o = 0; o < v; o++) sum += probabilities[row + o] = Math.exp(probabilities[row + o] - max);
      for (let o = 0; o < v; o++) probabilities[row + o] /= sum;
      if (i >= this.length) {
        const target = i === t - 1 ? last : sequence[i + 1];
        loss -= Math.log(Math.max(probabilities[row + target], 1e-300));
      }
    }
    return loss / this.length;
  }

  /** Adds the gradient of the last forward pass's loss into grads. */
  backward(): void {
    const { model: d, vocabulary: v, tokens: t, sequence, probabilities, readout, grads, dOut, dx } = this;
    const out = this.layer.out;
    const readoutAt = grads.length - v - d * v;
    const biasAt = grads.length - v;
    const embeddingsAt = 0;
    const positionsAt = (v + 1) * d;
    const last = this.lastAnswer();
    dOut.fill(0);
    for (let i = this.length; i < t; i++) {
      const target = i === t - 1 ? last : sequence[i + 1];
      for (let o = 0; o < v; o++) {
        const dz = (probabilities[i * v + o] - (o === target ? 1 : 0)) / this.length;
        grads[biasAt + o] += dz;
        for (let c = 0; c < d; c++) {
          grads[readoutAt + c * v + o] += out[i * d + c] * dz;
          dOut[i * d + c] += readout[c * v + o] * dz;
        }
      }
    }
    this.layer.backward(dOut, dx);
    for (let i = 0; i < t; i++) {
      const e = embeddingsAt + sequence[i] * d;
      for (let c = 0; c < d; c++) {
        grads[e + c] += dx[i * d + c];
        grads[positionsAt + i * d + c] += dx[i * d + c];
      }
    }
  }

  /** One training step: a batch of fresh sequences, then one update. Returns the batch's mean loss. */
  step(): number {
    this.grads.fill(0);
    let loss = 0;
    for (let s = 0; s < ATTENTION_BATCH; s++) {
      this.draw(this.random);
      loss += this.forward();
      this.backward();
    }
    const grads = this.grads;
    for (let i = 0; i < grads.length; i++) grads[i] /= ATTENTION_BATCH;
    this.steps++;
    const finite = this.optimizer.update(this.params, grads, this.state, this.learningRate, this.steps);
    loss /= ATTENTION_BATCH;
    this.epochLoss += loss;
    this.epochCount += ATTENTION_BATCH;
    if (this.epochCount >= ATTENTION_EPOCH) {
      this.epoch++;
      this.loss = this.epochLoss / (ATTENTION_EPOCH / ATTENTION_BATCH);
      this.epochLoss = 0;
      this.epochCount = 0;
      this.accuracy = this.heldOutAccuracy();
    }
    if (!finite || !Number.isFinite(loss)) {
      this.diverged = true;
      this.loss = Number.NaN;
    }
    return loss;
  }

  /** Fraction of the held-out sequences' predicted letters that are right (the most probable letter, given the answer so far). */
  heldOutAccuracy(): number {
    const { tokens: t, length, vocabulary: v, probabilities } = this;
    let right = 0;
    for (let s = 0; s < ATTENTION_HELD_OUT; s++) {
      this.sequence.set(this.heldOut.subarray(s * t, (s + 1) * t));
      this.forward();
      const last = this.lastAnswer();
      for (let i = length; i < t; i++) {
        let best = 0;
        for (let o = 1; o < v; o++) if (probabilities[i * v + o] > probabilities[i * v + best]) best = o;
        if (best === (i === t - 1 ? last : this.sequence[i + 1])) right++;
      }
    }
    this.showExample();
    return right / (ATTENTION_HELD_OUT * length);
  }

  /** Which held-out sequence showExample() runs. */
  example = 0;

  /** Runs a held-out sequence (the `example`-th; the same one again by default), so the layer's numbers show the model on a sequence it never trained on. */
  showExample(index = this.example): void {
    this.example = ((index % ATTENTION_HELD_OUT) + ATTENTION_HELD_OUT) % ATTENTION_HELD_OUT;
    const t = this.tokens;
    this.sequence.set(this.heldOut.subarray(this.example * t, (this.example + 1) * t));
    this.forward();
  }

  /** The letters the model predicts for the sequence last run, one per position after the separator's (the separator's first). */
  predictions(): number[] {
    const { tokens: t, length, vocabulary: v, probabilities } = this;
    const letters: number[] = [];
    for (let i = length; i < t; i++) {
      let best = 0;
      for (let o = 1; o < v; o++) if (probabilities[i * v + o] > probabilities[i * v + best]) best = o;
      letters.push(best);
    }
    return letters;
  }

  /** The right answer to the sequence last run. */
  answerLetters(): number[] {
    this.task.answer(this.sequence.subarray(0, this.length), this.answer);
    return [...this.answer];
  }
}
