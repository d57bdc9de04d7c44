import { check } from './errors.js';
import { Random } from './random.js';

/** The recurrent cells nn-kit knows: a plain tanh cell and a gated recurrent unit. */
export const CELLS = Object.freeze(['rnn', 'gru'] as const);
export type CellKind = (typeof CELLS)[number];

/** The largest recurrent network nn-kit builds: a page stays responsive while it trains. */
export const RECURRENT_LIMITS = Object.freeze({ hidden: 64, steps: 64, inputs: 128, outputs: 128 });

export interface RecurrentOptions {
  /** 'rnn' (default): h_t = tanh(W_x·x_t + W_h·h_{t−1} + b); 'gru': a gated recurrent unit. */
  cell?: CellKind;
  /** Size of each step's input x_t. */
  inputs: number;
  /** Size of the hidden state h_t. */
  hidden: number;
  /** Classes of each step's softmax output. */
  outputs: number;
  /** Most time steps a sequence may have (the buffers are sized for it once). */
  maxSteps: number;
  /** Seed of the initial weights (default 1). */
  seed?: number;
}

/** Where each weight matrix and bias lives in the flat parameter array. */
export interface RecurrentLayout {
  /** Gates per hidden unit: 1 for the plain cell, 3 for the GRU (z, r, candidate, in that order). */
  readonly gates: 1 | 3;
  /** W_x: (gates·hidden) rows of `inputs`; W_h: (gates·hidden) rows of `hidden`; b: gates·hidden. */
  readonly wx: number;
  readonly wh: number;
  readonly b: number;
  /** W_y: `outputs` rows of `hidden`; b_y: `outputs`. */
  readonly wy: number;
  readonly by: number;
  readonly size: number;
}

/**
 * A recurrent network over sequences: one cell, shared by every time step, then a softmax
 * over the classes at each step. Forward and backpropagation through time work in
 * Float64Arrays sized once for `maxSteps`; a pass allocates nothing.
 *
 * The GRU follows Keras with `reset_after = false` (TensorFlow.js's only form):
 * z = σ(W_xz·x + W_hz·h + b_z), r = σ(W_xr·x + W_hr·h + b_r),
 * h̃ = tanh(W_xh·x + W_hh·(r⊙h) + b_h), h' = z⊙h + (1 − z)⊙h̃, with σ the logistic sigmoid.
 */
export class RecurrentNet {
  readonly cell: CellKind;
  readonly inputs: number;
  readonly hidden: number;
  readonly outputs: number;
  readonly maxSteps: number;
  readonly layout: RecurrentLayout;
  /** Every parameter, in the order of `layout`; each matrix row-major, a row per unit. */
  readonly params: Float64Array;
  /** ∂L/∂params, summed by `backward` until `clearGradients`. */
  readonly gradients: Float64Array;
  /** h_0 … h_T, a row of `hidden` per step (h_0 = 0). */
  readonly states: Float64Array;
  /** Each step's softmax output, a row of `outputs` per step. */
  readonly probabilities: Float64Array;
  /** Plain cell: W_x·x_t and W_h·h_{t−1}, a row per step, for showing a step's sum. */
  readonly inputParts: Float64Array;
  readonly recurrentParts: Float64Array;
  /** GRU: the update gate z, the reset gate r and the candidate h̃, a row per step. */
  readonly update: Float64Array;
  readonly reset: Float64Array;
  readonly candidate: Float64Array;
  /** ‖∂L/∂h_t‖ for t = 1 … T from the last backward pass. */
  readonly stateGradientNorms: Float64Array;
  /** Steps of the last forward pass. */
  steps = 0;

  private readonly inputsSeen: Float64Array;
  private readonly dh: Float64Array;
  private readonly dNext: Float64Array;
  private readonly dGate: Float64Array;
  private readonly dReset: Float64Array;

  constructor(options: RecurrentOptions) {
    const { inputs, hidden, outputs, maxSteps } = options;
    const cell = options.cell ?? 'rnn';
    check(CELLS.includes(cell), `Unknown cell "${String(cell)}". Use "rnn" or "gru".`);
    const whole = (n: number, max: number) => Number.isInteger(n) && n >= 1 && n <= max;
    check(whole(hidden, RECURRENT_LIMITS.hidden), `hidden must be a whole number from 1 to ${RECURRENT_LIMITS.hidden}; got ${hidden}.`);
    check(whole(maxSteps, RECURRENT_LIMITS.steps), `A sequence must have 1 to ${RECURRENT_LIMITS.steps} steps; got ${maxSteps}.`);
    check(whole(inputs, RECURRENT_LIMITS.inputs), `A step's input must have 1 to ${RECURRENT_LIMITS.inputs} values; got ${inputs}.`);
    check(whole(outputs, RECURRENT_LIMITS.outputs) && outputs >= 2, `The output needs 2 to ${RECURRENT_LIMITS.outputs} classes; got ${outputs}.`);
    this.cell = cell;
    this.inputs = inputs;
    this.hidden = hidden;
    this.outputs = outputs;
    this.maxSteps = maxSteps;
    const gates = cell === 'gru' ? 3 : 1;
    const rows = gates * hidden;
    const wx = 0;
    const wh = wx + rows * inputs;
    const b = wh + rows * hidden;
    const wy = b + rows;
    const by = wy + outputs * hidden;
    this.layout = Object.freeze({ gates, wx, wh, b, wy, by, size: by + outputs });
    this.params = new Float64Array(this.layout.size);
    this.gradients = new Float64Array(this.layout.size);
    this.states = new Float64Array((maxSteps + 1) * hidden);
    this.probabilities = new Float64Array(maxSteps * outputs);
    this.inputsSeen = new Float64Array(maxSteps * inputs);
    const perStep = maxSteps * hidden;
    const plain = gates === 1 ? perStep : 0;
    const gated = gates === 3 ? perStep : 0;
    this.inputParts = new Float64Array(plain);
    this.recurrentParts = new Float64Array(plain);
    this.update = new Float64Array(gated);
    this.reset = new Float64Array(gated);
    this.candidate = new Float64Array(gated);
    this.stateGradientNorms = new Float64Array(maxSteps);
    this.dh = new Float64Array(hidden);
    this.dNext = new Float64Array(hidden);
    this.dGate = new Float64Array(rows);
    this.dReset = new Float64Array(hidden);
    this.initialize(options.seed ?? 1);
  }

  /** Glorot-uniform weights for each gate's block (as Keras draws a kernel), zero biases. */
  initialize(seed: number): void {
    const random = new Random(seed);
    const { params, hidden, inputs, outputs, layout } = this;
    params.fill(0);
    const fill = (start: number, count: number, fanIn: number, fanOut: number) => {
      const limit = Math.sqrt(6 / (fanIn + fanOut));
      for (let i = start; i < start + count; i++) params[i] = random.uniform(-limit, limit);
    };
    for (let g = 0; g < layout.gates; g++) {
      fill(layout.wx + g * hidden * inputs, hidden * inputs, inputs, hidden);
      fill(layout.wh + g * hidden * hidden, hidden * hidden, hidden, hidden);
    }
    fill(layout.wy, outputs * hidden, hidden, outputs);
  }

  /** Zeroes the summed gradients. */
  clearGradients(): void {
    this.gradients.fill(0);
  }

  /** h_t (t from 0, h_0 = 0) as a view of `states`. */
  stateAt(t: number): Float64Array {
    return this.states.subarray(t * this.hidden, (t + 1) * this.hidden);
  }

  /** Step t's output probabilities (t from 1) as a view. */
  outputAt(t: number): Float64Array {
    return this.probabilities.subarray((t - 1) * this.outputs, t * this.outputs);
  }

  /** Step t's prediction (t from 1): the class of highest probability. */
  predictionAt(t: number): number {
    const p = this.outputAt(t);
    let best = 0;
    for (let o = 1; o < p.length; o++) if (p[o] > p[best]) best = o;
    return best;
  }

  /**
   * Runs the sequence `x` (`steps` rows of `inputs` values, row-major) from h_0 = 0;
   * fills `states`, `probabilities` and the cell's parts for each step.
   */
  forward(x: ArrayLike<number>, steps: number): void {
    check(steps >= 1 && steps <= this.maxSteps && x.length >= steps * this.inputs, `forward needs 1 to ${this.maxSteps} steps of ${this.inputs} inputs.`);
    const { inputs, hidden, states, inputsSeen } = this;
    for (let i = 0; i < steps * inputs; i++) inputsSeen[i] = x[i];
    states.fill(0, 0, hidden);
    for (let t = 0; t < steps; t++) {
      if (this.layout.gates === 1) this.plainStep(t);
      else this.gatedStep(t);
      this.softmaxStep(t);
    }
    this.steps = steps;
  }

  private plainStep(t: number): void {
    const { inputs, hidden, params, states, inputsSeen, inputParts, recurrentParts } = this;
    const { wx, wh, b } = this.layout;
    const xo = t * inputs;
    const ho = t * hidden;
    for (let j = 0; j < hidden; j++) {
      let fromInput = 0;
      for (let i = 0, w = wx + j * inputs; i < inputs; i++) fromInput += params[w + i] * inputsSeen[xo + i];
      let fromState = 0;
      for (let k = 0, w = wh + j * hidden; k < hidden; k++) fromState += params[w + k] * states[ho + k];
      inputParts[ho + j] = fromInput;
      recurrentParts[ho + j] = fromState;
      states[ho + hidden + j] = Math.tanh(fromInput + fromState + params[b + j]);
    }
  }

  /** Row `row`'s sum at step t: its bias, W_x·x_t, and with `withState` its W_h·h_{t−1}. */
  private gateSum(t: number, row: number, withState: boolean): number {
    const { inputs, hidden, params, states, inputsSeen } = this;
    const { wx, wh, b } = this.layout;
    const xo = t * inputs;
    const ho = t * hidden;
    let sum = params[b + row];
    for (let i = 0, w = wx + row * inputs; i < inputs; i++) sum += params[w + i] * inputsSeen[xo + i];
    if (withState) for (let k = 0, w = wh + row * hidden; k < hidden; k++) sum += params[w + k] * states[ho + k];
    return sum;
  }

  private gatedStep(t: number): void {
    const { hidden, params, states, update, reset, candidate } = this;
    const { wh } = this.layout;
    const ho = t * hidden;
    for (let j = 0; j < hidden; j++) {
      update[ho + j] = sigmoid(this.gateSum(t, j, true));
      reset[ho + j] = sigmoid(this.gateSum(t, hidden + j, true));
    }
    for (let j = 0; j < hidden; j++) {
      const row = 2 * hidden + j;
      let sum = this.gateSum(t, row, false);
      for (let k = 0, w = wh + row * hidden; k < hidden; k++) sum += params[w + k] * reset[ho + k] * states[ho + k];
      const c = Math.tanh(sum);
      candidate[ho + j] = c;
      const z = update[ho + j];
      states[ho + hidden + j] = z * states[ho + j] + (1 - z) * c;
    }
  }

  private softmaxStep(t: number): void {
    const { hidden, outputs, params, states, probabilities } = this;
    const { wy, by } = this.layout;
    const ho = (t + 1) * hidden;
    const po = t * outputs;
    let max = -Infinity;
    for (let o = 0; o < outputs; o++) {
      let sum = params[by + o];
      for (let k = 0, w = wy + o * hidden; k < hidden; k++) sum += params[w + k] * states[ho + k];
      probabilities[po + o] = sum;
      if (sum > max) max = sum;
    }
    let total = 0;
    for (let o = 0; o < outputs; o++) total += probabilities[po + o] = Math.exp(probabilities[po + o] - max);
    for (let o = 0; o < outputs; o++) probabilities[po + o] /= total;
  }

  /**
   * The cross-entropy of the last forward pass, summed over the steps with a target
   * (`targets[t]` is step t+1's class; a negative target has no loss), times `scale`.
   */
  loss(targets: ArrayLike<number>, scale = 1): number {
    let total = 0;
    for (let t = 0; t < this.steps; t++) {
      const target = targets[t];
      if (target >= 0) total -= Math.log(Math.max(this.probabilities[t * this.outputs + target], 1e-300));
    }
    return total * scale;
  }

  /**
   * Backpropagation through time for the last forward pass: adds ∂(scale · loss)/∂params to
   * `gradients` and records ‖∂L/∂h_t‖ per step (all that reaches h_t: from its own output and
   * from the steps after it). Returns the scaled loss.
   */
  backward(targets: ArrayLike<number>, scale = 1): number {
    const { hidden, outputs, params, gradients, states, probabilities, dh, dNext, stateGradientNorms } = this;
    const { wy, by } = this.layout;
    dNext.fill(0);
    for (let t = this.steps - 1; t >= 0; t--) {
      const ho = (t + 1) * hidden;
      dh.set(dNext);
      const target = targets[t];
      if (target >= 0) {
        const po = t * outputs;
        for (let o = 0; o < outputs; o++) {
          const dy = (probabilities[po + o] - (o === target ? 1 : 0)) * scale;
          gradients[by + o] += dy;
          for (let k = 0, w = wy + o * hidden; k < hidden; k++) {
            gradients[w + k] += dy * states[ho + k];
            dh[k] += dy * params[w + k];
          }
        }
      }
      let norm = 0;
      for (let k = 0; k < hidden; k++) norm += dh[k] * dh[k];
      stateGradientNorms[t] = Math.sqrt(norm);
      if (this.layout.gates === 1) this.plainBack(t);
      else this.gatedBack(t);
    }
    return this.loss(targets, scale);
  }

  /** From dh (∂L/∂h_{t+1}) to the cell's gradients and dNext (∂L/∂h_t through the cell). */
  private plainBack(t: number): void {
    const { inputs, hidden, params, gradients, states, inputsSeen, dh, dNext } = this;
    const { wx, wh, b } = this.layout;
    const ho = t * hidden;
    const xo = t * inputs;
    dNext.fill(0);
    for (let j = 0; j < hidden; j++) {
      const h = states[ho + hidden + j];
      const da = dh[j] * (1 - h * h);
      gradients[b + j] += da;
      for (let i = 0, w = wx + j * inputs; i < inputs; i++) gradients[w + i] += da * inputsSeen[xo + i];
      for (let k = 0, w = wh + j * hidden; k < hidden; k++) {
        gradients[w + k] += da * states[ho + k];
        dNext[k] += da * params[w + k];
      }
    }
  }

  private gatedBack(t: number): void {
    const { inputs, hidden, params, gradients, states, inputsSeen, update, reset, candidate, dh, dNext, dGate, dReset } = this;
    const { wx, wh, b } = this.layout;
    const ho = t * hidden;
    const xo = t * inputs;
    dReset.fill(0);
    for (let j = 0; j < hidden; j++) {
      const z = update[ho + j];
      const c = candidate[ho + j];
      dNext[j] = dh[j] * z;
      dGate[j] = dh[j] * (states[ho + j] - c) * z * (1 - z);
      dGate[2 * hidden + j] = dh[j] * (1 - z) * (1 - c * c);
    }
    // The candidate's row: its recurrent weights see r⊙h.
    for (let j = 0; j < hidden; j++) {
      const row = 2 * hidden + j;
      const da = dGate[row];
      for (let k = 0, w = wh + row * hidden; k < hidden; k++) {
        gradients[w + k] += da * reset[ho + k] * states[ho + k];
        dReset[k] += da * params[w + k];
      }
    }
    for (let k = 0; k < hidden; k++) {
      const r = reset[ho + k];
      dNext[k] += dReset[k] * r;
      dGate[hidden + k] = dReset[k] * states[ho + k] * r * (1 - r);
    }
    for (let row = 0; row < 3 * hidden; row++) {
      const da = dGate[row];
      gradients[b + row] += da;
      for (let i = 0, w = wx + row * inputs; i < inputs; i++) gradients[w + i] += da * inputsSeen[xo + i];
      if (row >= 2 * hidden) continue;
      for (let k = 0, w = wh + row * hidden; k < hidden; k++) {
        gradients[w + k] += da * states[ho + k];
        dNext[k] += da * params[w + k];
      }
    }
  }

  /** ‖gradients‖ (the whole vector's Euclidean norm). */
  gradientNorm(): number {
    let sum = 0;
    for (let i = 0; i < this.gradients.length; i++) sum += this.gradients[i] * this.gradients[i];
    return Math.sqrt(sum);
  }

  /**
   * Clips the gradients to a norm of at most `limit`, scaling them all by one factor (as
   * tf.clipByGlobalNorm does); returns the norm before clipping. A limit of 0 clips nothing.
   */
  clipGradients(limit: number): number {
    const norm = this.gradientNorm();
    if (limit > 0 && norm > limit) {
      const factor = limit / norm;
      for (let i = 0; i < this.gradients.length; i++) this.gradients[i] *= factor;
    }
    return norm;
  }

  /** A block of `params` as arrays of rows: `rows` rows of `columns` from `start`. */
  rowsOf(start: number, rows: number, columns: number): number[][] {
    return Array.from({ length: rows }, (_, r) => Array.from(this.params.subarray(start + r * columns, start + (r + 1) * columns)));
  }
}

function sigmoid(x: number): number {
  return 1 / (1 + Math.exp(-x));
}
