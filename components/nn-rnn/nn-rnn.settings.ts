import { CELLS, SEQUENCE_TASKS, optimizers } from '../../src/index.js';
import { defineSettings } from '../shared/settings.js';

/** What `show` may list: the parts drawn besides the unrolled network. */
export const SHOW_NAMES = ['formula', 'states', 'predictions', 'gradients'] as const;
/** What `controls` may list. */
export const CONTROL_NAMES = ['play', 'step', 'reset', 'time', 'task', 'cell', 'unroll', 'sample'] as const;
/** The largest hidden state and unroll the element offers (the core allows more; a view of more is unreadable). */
export const MAX_HIDDEN = 32;
export const MAX_UNROLL = 32;
// The defaults below are written out (the manifest and the docs read them as text); they are
// the core's SEQUENCE_DEFAULTS, which test/components/nn-rnn.test.ts checks.

/**
 * `<nn-rnn>`'s settings: one row per attribute (components/shared/settings.ts). 'rebuild'
 * rows build the network again from the seed; 'live' rows change what is drawn or sampled.
 */
export const RNN_SETTINGS = defineSettings({
  task: {
    kind: 'choice',
    choices: SEQUENCE_TASKS,
    fallback: 'parity',
    applies: 'rebuild',
    label: 'Task',
    description:
      'What the network learns: parity (is the count of ones so far odd?), count (how many ones so far) or text (the next character of `text`). Default: text when a `text` attribute is written, else parity.',
  },
  text: {
    kind: 'text',
    applies: 'rebuild',
    description: 'A short text to learn character by character (task "text"; an empty one says so): 2 to 20 000 characters, at most 128 different ones. Shown as text, never as HTML.',
  },
  hiddenSize: {
    attribute: 'hidden-size',
    kind: 'number',
    default: 8,
    min: 1,
    max: MAX_HIDDEN,
    integer: true,
    applies: 'rebuild',
    label: 'Hidden units',
    description: "Size of the hidden state h_t, 1 to 32 (default 8). Not `hidden`: that is HTML's attribute for hiding an element.",
  },
  cell: {
    kind: 'choice',
    default: 'rnn',
    choices: CELLS,
    applies: 'rebuild',
    label: 'Cell',
    description: 'rnn (default): h_t = tanh(W_x·x_t + W_h·h_{t−1} + b); gru: a gated recurrent unit (Keras\'s, with reset_after = false), whose update gate can carry h_{t−1} on unchanged.',
  },
  unroll: {
    kind: 'number',
    default: 8,
    min: 1,
    max: MAX_UNROLL,
    integer: true,
    applies: 'rebuild',
    label: 'Unroll (steps)',
    description: "Time steps of each sequence, 1 to 32 (default 8): the bits of parity and count, a text's window.",
  },
  learningRate: {
    attribute: 'learning-rate',
    kind: 'number',
    default: 0.01,
    min: 0,
    max: 10,
    applies: 'rebuild',
    description: "The optimizer's step size, 0 to 10 (default 0.01).",
  },
  optimizer: {
    kind: 'choice',
    default: 'adam',
    choices: () => Object.keys(optimizers),
    applies: 'rebuild',
    description: 'sgd, momentum or adam (default).',
  },
  clip: {
    kind: 'number',
    default: 5,
    min: 0,
    max: 1e6,
    applies: 'rebuild',
    description: "Gradient clipping: each step's gradient is scaled down to this norm when larger, 0 to 1e6 (default 5); 0 for none, and exploding gradients may then diverge.",
  },
  temperature: {
    kind: 'number',
    default: 0.7,
    min: 0.05,
    max: 5,
    label: 'Temperature',
    description: 'How adventurous sampled text is, 0.05 (always the likeliest character) to 5 (almost any character); default 0.7.',
  },
  seed: {
    kind: 'number',
    default: 1,
    applies: 'rebuild',
    description: 'Seed of the initial weights, the sequences drawn and the text sampled: the same seed, the same run.',
  },
  show: {
    kind: 'choices',
    default: ['formula', 'states', 'predictions', 'gradients'],
    choices: [...SHOW_NAMES, 'none'],
    description:
      'What is drawn besides the unrolled network: formula (the step written out with its numbers), states (the hidden state as a colour strip), predictions, gradients (‖∂L/∂h_t‖ per step); "none" for none. Default all.',
  },
  controls: {
    kind: 'choices',
    default: ['play', 'step', 'reset', 'time', 'task', 'cell', 'unroll', 'sample'],
    choices: [...CONTROL_NAMES, 'none'],
    description: 'Controls the reader sees: play, step, reset, time (step through the sequence), task, cell, unroll, sample (with the temperature; task "text"); "none" for none. Default all.',
  },
  autoplay: {
    kind: 'flag',
    default: false,
    description: 'Start training when the element appears (not when the reader prefers reduced motion).',
  },
  strings: {
    kind: 'text',
    description:
      'The words readers see, as JSON (or an object set as the property) laid over the English, e.g. `{"play": "Abspielen"}`; the keys are those of RNN_STRINGS (components/nn-rnn/nn-rnn.strings.ts).',
  },
});
