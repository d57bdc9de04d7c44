import type { CellKind, SequenceTrainer } from '../../src/index.js';

/** Rows of `width` from a flat array, `count` of them from row `from`. */
const rows = (values: Float64Array, width: number, count: number, from = 0) =>
  Array.from({ length: count }, (_, r) => Array.from(values.subarray((from + r) * width, (from + r + 1) * width)));

/**
 * What the element shows of its network at one moment: the shown sequence run forward and
 * the gradients of its last step's loss, copied out of the core's arrays (nothing here is
 * computed: every number is the core's).
 */
export interface Snapshot {
  cell: CellKind;
  hidden: number;
  steps: number;
  /** The input tokens and each step's target class, as text. */
  inputs: string[];
  targets: string[];
  /** Each step's predicted class (index into `classes`), and whether it is the target. */
  predictions: number[];
  right: boolean[];
  classes: readonly string[];
  /** h_1 … h_T; the softmax per step; ‖∂L_T/∂h_t‖ per step. */
  states: number[][];
  outputs: number[][];
  gradientNorms: number[];
  /** Plain cell: W_x·x_t and W_h·h_{t−1} per step; GRU: z_t, r_t and h̃_t per step. */
  inputParts: number[][];
  recurrentParts: number[][];
  update: number[][];
  reset: number[][];
  candidate: number[][];
  /** b (a row of gates·hidden). */
  bias: number[];
}

/** Runs the trainer's shown sequence and copies what the view draws. */
export function takeSnapshot(trainer: SequenceTrainer): Snapshot {
  const { tokens, targets } = trainer.show();
  const { net, task } = trainer;
  const steps = net.steps;
  const H = net.hidden;
  const predictions = Array.from({ length: steps }, (_, t) => net.predictionAt(t + 1));
  const { b, gates } = net.layout;
  return {
    cell: net.cell,
    hidden: H,
    steps,
    inputs: Array.from(tokens, (id) => task.tokens[id]),
    targets: Array.from(targets, (id) => task.classes[id]),
    predictions,
    right: predictions.map((p, t) => p === targets[t]),
    classes: task.classes,
    states: rows(net.states, H, steps, 1),
    outputs: rows(net.probabilities, net.outputs, steps),
    gradientNorms: Array.from(net.stateGradientNorms.subarray(0, steps)),
    inputParts: net.cell === 'rnn' ? rows(net.inputParts, H, steps) : [],
    recurrentParts: net.cell === 'rnn' ? rows(net.recurrentParts, H, steps) : [],
    update: net.cell === 'gru' ? rows(net.update, H, steps) : [],
    reset: net.cell === 'gru' ? rows(net.reset, H, steps) : [],
    candidate: net.cell === 'gru' ? rows(net.candidate, H, steps) : [],
    bias: Array.from(net.params.subarray(b, b + gates * H)),
  };
}

/** A token as readers see it: a space, a line break or a tab by a visible sign. */
export function tokenLabel(token: string, words: { space: string; newline: string; tab: string }): string {
  if (token === ' ') return words.space;
  if (token === '\n' || token === '\r\n' || token === '\r') return words.newline;
  if (token === '\t') return words.tab;
  return token;
}
