import { LIMITS, activations, optimizers, scalarActivationNames } from '../../src/index.js';
import { defineSettings } from '../shared/settings.js';

/** The views a writer may show. */
export const SHOW_NAMES = ['input', 'network', 'probabilities', 'confusion', 'loss'] as const;
/** The controls a writer may show: the run's buttons, the drawing pad, the sample digits. */
export const CONTROL_NAMES = ['play', 'reset', 'draw', 'samples'] as const;

const trainable = () => scalarActivationNames.filter((name) => activations[name].trainable);

/**
 * `<nn-digits>`' settings: one row per attribute (components/shared/settings.ts). 'rebuild'
 * rows build a new network from the seed and start training over; 'live' rows apply at once.
 */
export const DIGITS_SETTINGS = defineSettings({
  hiddenLayers: {
    attribute: 'hidden-layers',
    kind: 'numbers',
    default: [64],
    min: 1,
    max: LIMITS.layerSize,
    integer: true,
    applies: 'rebuild',
    description: 'Sizes of the hidden layers between the 64 inputs and the 10 outputs, comma separated (default "64": one layer). (Not `hidden`, which hides any element.)',
  },
  activation: {
    kind: 'choice',
    default: 'relu',
    choices: trainable,
    applies: 'rebuild',
    description: 'Activation of the hidden layers: relu (default), tanh, sigmoid, leaky-relu, … (the outputs are softmax, the loss cross-entropy).',
  },
  learningRate: {
    attribute: 'learning-rate',
    kind: 'number',
    default: 0.005,
    min: 0,
    max: 10,
    description: 'Step size, 0 to 10 (default 0.005); applies at once while training.',
  },
  optimizer: {
    kind: 'choice',
    default: 'adam',
    choices: () => Object.keys(optimizers),
    description: 'sgd, momentum or adam (default); applies at once, its memory starting afresh.',
  },
  batchSize: {
    attribute: 'batch-size',
    kind: 'number',
    default: 16,
    min: 1,
    max: 10000,
    integer: true,
    description: 'Digits per gradient step, 1 to 10000 (default 16); applies at once.',
  },
  epochs: {
    kind: 'number',
    default: 10,
    min: 1,
    max: 1000,
    integer: true,
    description: 'Passes over the training digits before training stops, 1 to 1000 (default 10).',
  },
  seed: {
    kind: 'number',
    default: 1,
    applies: 'rebuild',
    description: 'Seed of the first weights, the split and the shuffling: the same seed, the same run.',
  },
  trainSplit: {
    attribute: 'train-split',
    kind: 'number',
    default: 0.8,
    min: 0.05,
    max: 0.95,
    applies: 'rebuild',
    description: 'Fraction of the UCI digits trained on, 0.05 to 0.95 (default 0.8); the rest are held out for accuracy and the confusion matrix.',
  },
  autoplay: {
    kind: 'flag',
    default: false,
    description: 'Start training when the element appears (not when the reader prefers reduced motion).',
  },
  src: {
    kind: 'text',
    default: '',
    applies: 'rebuild',
    description:
      'URL of other digits in the kit\'s text format (a line of labels 0–9, then 64 characters "0"–"g" a digit; see data/digits/README.md) to learn from instead of the shipped ones.',
  },
  model: {
    kind: 'text',
    default: '',
    applies: 'rebuild',
    description:
      'Weights trained ahead for the network to start from instead of the seed (its shape then replaces hidden-layers and activation): "pretrained" for those shipped with the kit, learnt from MNIST digits (28 × 28, as drawn on the pad) so that it reads handwriting beyond the UCI digits: 90.2 % of them, never learnt from (data/digits/train-model.ts); or the URL of a model in the core\'s format (64 inputs, 10 softmax outputs; one that learnt from the UCI digits may have learnt some of those held out here).',
  },
  show: {
    kind: 'choices',
    default: ['input', 'network', 'probabilities', 'confusion', 'loss'],
    choices: [...SHOW_NAMES, 'none'],
    description: 'Views shown besides the pad: input (the 8 × 8 the network sees), network, probabilities, confusion, loss; "none" for none. Default all.',
  },
  controls: {
    kind: 'choices',
    default: ['play', 'reset', 'draw', 'samples'],
    choices: [...CONTROL_NAMES, 'none'],
    description: 'Controls the reader sees: play, reset, draw (the pad), samples (buttons that draw a held-out digit); "none" for none. Default all.',
  },
  strings: {
    kind: 'text',
    description:
      'The words readers see, as JSON (or an object set as the property) laid over the English; the keys are those of DIGITS_STRINGS (components/nn-digits/nn-digits.strings.ts).',
  },
});
