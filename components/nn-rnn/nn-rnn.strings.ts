import { defineStrings } from '../shared/strings.js';

/**
 * The words `<nn-rnn>` shows readers, in English. A writer replaces any of them with the
 * `strings` attribute (JSON) or property (an object); `{name}` placeholders are filled in.
 */
export const RNN_STRINGS = defineStrings({
  play: 'Train',
  pause: 'Pause',
  step: 'Step',
  reset: 'Reset',
  task: 'Task',
  cell: 'Cell',
  unroll: 'Unroll (steps)',
  time: 'Time step t',
  temperature: 'Temperature',
  sample: 'Write text',
  /** The choices of the task and cell menus. */
  taskParity: 'Parity of bits',
  taskCount: 'Counting ones',
  taskText: 'Next character',
  cellRnn: 'Plain RNN (tanh)',
  cellGru: 'GRU',
  /** What each task asks, under the title. */
  aboutParity: 'Input: one bit per step. Output: is the number of ones so far odd (1) or even (0)?',
  aboutCount: 'Input: one bit per step. Output: how many ones so far?',
  aboutText: 'Input: one character per step. Output: the character that comes next.',
  /** The running score (read out politely). */
  score: 'Epoch {epoch}: loss {loss}, accuracy {accuracy} on {tests} held-out sequences.',
  scoreStart: 'Untrained: loss {loss}, accuracy {accuracy} on {tests} held-out sequences.',
  /** Divergence, as the message says it. */
  divergedOverflow: 'Training diverged at epoch {epoch}: the loss became too large to compute. Try a smaller learning rate or turn clipping on, then press Reset.',
  divergedGrowth:
    'Training diverged at epoch {epoch}: the loss stayed above {factor} times its starting value ({start} → {loss}). Try a smaller learning rate, then press Reset.',
  /** The unrolled network. */
  unrolledTitle: 'The network unrolled over {steps} steps: one cell, the same weights at every step',
  unrolledLabel: 'The recurrent network unrolled over {steps} time steps. {steps} copies of one cell share the weights W_x, W_h and W_y. {summary}',
  unrolledScroll: 'The unrolled network (scrolls sideways)',
  /** The key to the unrolled drawing's rows. */
  key: 'Bottom: the input x_t. Middle: the hidden state h_t, one band per unit (blue above 0, orange below). Top: the prediction, how sure it is, and the target (→).',
  keyNoStates: 'Bottom: the input x_t. Middle: the cell. Top: the prediction, how sure it is, and the target (→).',
  sharedWeights: 'Same colour, same weights at every step:',
  input: 'input x',
  state: 'state h',
  output: 'prediction',
  target: 'target {token}',
  /** One step, as the diagram's text alternative and the table say it. */
  stepSummary: 'Step {t}: input {input}, predicted {prediction} ({probability}), target {target}: {verdict}.',
  right: 'right',
  wrong: 'wrong',
  /** The formula panel. */
  formulaTitle: 'Step {t}, with its numbers',
  formulaNote: 'Showing the first {shown} of {hidden} hidden units.',
  oneHot: 'x_{t} is the one-hot vector of "{token}", so W_x·x_{t} is the column of W_x for "{token}".',
  /** The hidden state strips. */
  statesLabel: 'Hidden state at step {t}: {values}',
  statesLegend: 'h values: −1 to 1',
  /** The gradient chart. */
  gradientsTitle: 'How much of the last step’s loss reaches back to each step: ‖∂L/∂h_t‖ (log scale)',
  gradientsLabel: 'Gradient size per step, for the loss at step {last}: {values}. {trend}',
  gradientsFade: 'From step {last} back to step 1 it shrinks {ratio} times: the first steps barely learn from the last one.',
  gradientsKeep: 'From step {last} back to step 1 it changes {ratio} times: the early steps still feel the last one.',
  gradientsAxis: 'time step t',
  gradientNorm: '‖∂L/∂h_t‖',
  /** The table that describes the sequence. */
  tableCaption: 'The shown sequence, step by step',
  columnStep: 'Step',
  columnInput: 'Input',
  columnState: 'Hidden state h_t',
  columnPrediction: 'Prediction',
  columnTarget: 'Target',
  columnGradient: '‖∂L/∂h_t‖',
  /** Sampling. */
  sampleTitle: 'Text written by the network',
  sampleEmpty: 'Train on the text, then press “Write text”.',
  sampleLength: 'Characters',
  /** Token names shown for characters one cannot see. */
  space: '␣',
  newline: '⏎',
  tab: '⇥',
});

export type RnnStrings = typeof RNN_STRINGS;
