import { activations, losses, scalarActivationNames } from '../../src/index.js';
import { defineSettings } from '../shared/settings.js';

/** The stages of the walkthrough, in order. */
export const PHASES = ['forward', 'loss', 'backward', 'update'] as const;
/** What `show` may list. */
export const SHOW_NAMES = ['values', 'gradients', 'chain', 'nudge', 'table'] as const;
/** What `controls` may list. */
export const CONTROL_NAMES = ['step', 'back', 'reset', 'select', 'nudge', 'update'] as const;
/** The largest network a walkthrough draws: every neuron and edge gets a stage. */
export const MOST_LAYERS = 6;
export const MOST_NEURONS = 10;

/**
 * `<nn-backprop>`'s settings: one row per attribute (components/shared/settings.ts). 'rebuild'
 * rows build the network again (and forget updates); the others recompute the walkthrough.
 */
export const BACKPROP_SETTINGS = defineSettings({
  layers: {
    kind: 'numbers',
    min: 1,
    max: MOST_NEURONS,
    integer: true,
    default: [2, 2, 2],
    applies: 'rebuild',
    description: 'Layer sizes from input to output, e.g. "2,3,1" (default "2,2,2"); at most 6 layers of 10 neurons. With a model, they must match it.',
  },
  activation: {
    kind: 'choice',
    default: 'sigmoid',
    choices: () => scalarActivationNames,
    applies: 'rebuild',
    description: 'Activation of the hidden layers: sigmoid (default), tanh, relu, leaky-relu, elu, gelu, swish, softplus, linear or step.',
  },
  outputActivation: {
    attribute: 'output-activation',
    kind: 'choice',
    default: 'sigmoid',
    choices: () => Object.keys(activations),
    applies: 'rebuild',
    description: 'Activation of the output layer: sigmoid (default), softmax, linear, tanh…',
  },
  loss: {
    kind: 'choice',
    default: 'mse',
    choices: () => Object.keys(losses),
    description: 'The loss: mse (default), binary-cross-entropy or cross-entropy (Keras conventions: MSE and binary cross-entropy average over the outputs).',
  },
  inputs: {
    kind: 'numbers',
    min: -1e6,
    max: 1e6,
    description: 'The training sample\'s inputs, one per input neuron, e.g. "0.5, -0.3" (default: 0.5, −0.3, 0.8, −0.6 … as many as there are inputs).',
  },
  target: {
    kind: 'numbers',
    min: -1e6,
    max: 1e6,
    description: 'The sample\'s target, one per output, e.g. "1, 0" (default: 1 for the first output, 0 for the others).',
  },
  learningRate: {
    attribute: 'learning-rate',
    kind: 'number',
    min: 0,
    max: 100,
    default: 0.5,
    label: 'Learning rate α',
    description: 'α in the update w ← w − α ∂L/∂w, 0 to 100 (default 0.5). With `for`, the trainer\'s own.',
  },
  seed: {
    kind: 'number',
    default: 1,
    applies: 'rebuild',
    description: "Seed of the initial weights (the core's seeded Glorot/He initialisation); default 1.",
  },
  src: {
    kind: 'text',
    default: '',
    applies: 'rebuild',
    description: "URL of a model JSON file in the core's format (Network.toJSON()); without it, a child `<script type=\"application/json\">` is read.",
  },
  phase: {
    kind: 'choice',
    default: 'forward',
    choices: PHASES,
    description: 'Where the walkthrough starts (and Reset returns): forward (default), loss, backward or update.',
  },
  select: {
    kind: 'text',
    default: '',
    description: 'The weight or bias whose chain rule is written out, as in the model JSON: "weights[1][0][0]" or "biases[0][1]" (default: the first weight into the first output).',
  },
  show: {
    kind: 'choices',
    default: ['values', 'gradients', 'chain', 'nudge'],
    choices: [...SHOW_NAMES, 'none'],
    description: 'What is shown: values (activations on the neurons, weights on the edges), gradients (∂L/∂z under the neurons), chain (the selected weight\'s chain rule with numbers), nudge (the numerical check), table (every number as a visible table; it is always there for screen readers); "none" for none. Default all but table.',
  },
  controls: {
    kind: 'choices',
    default: ['step', 'back', 'reset', 'select', 'nudge', 'update'],
    choices: [...CONTROL_NAMES, 'none'],
    description: 'Controls the reader sees: step, back, reset, select (the weight menu), nudge, update (default all); "none" for none.',
  },
  precision: {
    kind: 'number',
    default: 3,
    min: 0,
    max: 8,
    integer: true,
    description: 'Digits after the decimal point of the numbers shown, 0 to 8 (default 3).',
  },
  htmlFor: {
    attribute: 'for',
    kind: 'text',
    default: '',
    applies: 'rebuild',
    description: "The id of an `<nn-trainer>`: the walkthrough then shows its network's backward pass on its training sample `sample`, with its loss and learning rate, following it as it trains.",
  },
  sample: {
    kind: 'number',
    default: 0,
    min: 0,
    integer: true,
    applies: 'rebuild',
    description: "With `for`: which of the trainer's training samples, from 0 (default 0).",
  },
  strings: {
    kind: 'text',
    description:
      'The words readers see, as JSON (or an object set as the property) laid over the English, e.g. `{"step": "Weiter"}`; the keys are those of BACKPROP_STRINGS (components/nn-backprop/nn-backprop.strings.ts).',
  },
});
