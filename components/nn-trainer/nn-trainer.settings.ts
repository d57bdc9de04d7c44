import {
  LIMITS,
  MAX_CLASSES,
  MAX_SAMPLES,
  NnKitError,
  TRAINER_DEFAULTS,
  activations,
  datasets,
  features,
  losses,
  optimizers,
  regularizations,
  scalarActivationNames,
} from '../../src/index.js';
import { checkChoice, numberConverter, numberListConverter } from '../shared/parse.js';
import { type SettingValues, defineSettings, labelStrings } from '../shared/settings.js';
import { localize } from '../shared/strings.js';
import { TRAINER_STRINGS, type TrainerStrings } from './nn-trainer.strings.js';

/** The run's buttons a writer may show in `controls`, besides the settings' controls. */
export const RUN_CONTROLS = ['play', 'step', 'reset', 'share', 'points'] as const;
/** The views a writer may show. */
export const VIEW_NAMES = ['boundary', 'loss', 'network', 'neurons', 'confusion', 'histograms'] as const;

/** The words a trainer shows: TRAINER_STRINGS and the controls' labels by attribute, the writer's laid over the English. */
export type TrainerWords = TrainerStrings & Readonly<Record<string, string>>;

/** Reads `hidden-layers`: "8,8"; "none" for no hidden layers; an empty value means the data's default. */
const hiddenLayersConverter = {
  fromAttribute: (value: string | null): readonly number[] | undefined => {
    if (value == null || value.trim() === '') return undefined;
    return value.trim().toLowerCase() === 'none' ? [] : numberListConverter.fromAttribute(value);
  },
  toAttribute: (value: readonly number[]) => (value.length === 0 ? 'none' : value.join(',')),
};

/** Reads `epochs`: a number, or "none" (like no attribute) to train until paused. */
const epochsConverter = {
  fromAttribute: (value: string | null): number | undefined =>
    value?.trim().toLowerCase() === 'none' ? undefined : numberConverter.fromAttribute(value),
  toAttribute: numberConverter.toAttribute,
};

/** No hidden layers is meant by hidden-layers="none" (or a script's []); a value such as "," is a mistake. */
function noHiddenLayers(written: string | null | undefined): number[] {
  const text = written?.trim().toLowerCase();
  if (text && text !== 'none') throw new NnKitError(`hidden-layers must list layer sizes separated by commas, e.g. "4, 2", or be "none"; got "${written!.trim()}".`);
  return [];
}

const trainable = () => scalarActivationNames.filter((name) => activations[name].trainable);

/**
 * Reads `activation`: one name for every hidden layer, or a list with one per hidden layer
 * ("relu, relu, tanh"). Unknown names are refused here; the core checks the rest (softmax on
 * a hidden layer, a name without a gradient) and the trainer checks a list's length.
 */
function checkActivations(value: unknown): string | string[] {
  const names = String(value).split(',').map((name) => name.trim());
  for (const name of names) if (!Object.hasOwn(activations, name)) checkChoice(name, 'activation', trainable());
  return names.length === 1 ? names[0] : names;
}

/** Reads `dropout`: a rate for every hidden layer, or one per hidden layer, each from 0 to 0.99. */
function checkDropout(value: unknown, written: string | null | undefined, byKind: (value: unknown) => unknown): number[] {
  try {
    return byKind(value) as number[];
  } catch {
    const got = (written ?? String(value)).trim().slice(0, 40);
    throw new NnKitError(`dropout must be a rate from 0 to 0.99, or one per hidden layer, e.g. "0.2, 0, 0.1"; got "${got}".`);
  }
}

/**
 * `<nn-trainer>`'s settings: one row per attribute (components/shared/settings.ts), in the
 * order of the settings panel's controls. 'rebuild' rows build a new network and start the
 * run over; 'live' rows apply at once, to the running trainer where `core` names it. Rows
 * with `core` are passed to the core's options of that name (makeDataset's 'data',
 * Network's 'network', Trainer's 'trainer'), so a new hyper-parameter is a row here and its
 * support in the core. TensorFlow Playground's defaults; the trainer's are the core's own.
 */
export const TRAINER_SETTINGS = defineSettings({
  data: {
    kind: 'choice',
    choices: () => Object.keys(datasets),
    coreChecks: true,
    default: 'circle',
    applies: 'rebuild',
    label: 'Data',
    control: { type: 'select', optionLabel: (name) => datasets[name].label },
    description: 'Built-in data: circle, xor, gauss, spiral, moons; regression: plane, reg-gauss, sine.',
  },
  classes: {
    kind: 'number',
    default: 2,
    min: 2,
    max: MAX_CLASSES,
    integer: true,
    applies: 'rebuild',
    core: ['data'],
    description: 'Number of classes, 2 to 6, for spiral (arms), gauss (clusters) and circle (rings); more than two train with softmax.',
  },
  classLabels: {
    attribute: 'class-labels',
    kind: 'labels',
    description: 'Names of the classes, comma separated, e.g. "cat, dog, bird" (default class 0, class 1, …). Shown as text.',
  },
  src: {
    kind: 'text',
    description: 'URL of JSON (`{ inputs, targets }`) or CSV (inputs then target per row) data to train on; the data rebuilds the network once it has loaded.',
  },
  samples: {
    kind: 'number',
    default: 500,
    min: 2,
    max: MAX_SAMPLES,
    integer: true,
    applies: 'rebuild',
    core: ['data'],
    description: 'Number of generated points (2 to 10000).',
  },
  noise: {
    kind: 'number',
    default: 0,
    min: 0,
    max: 50,
    applies: 'rebuild',
    core: ['data'],
    label: 'Noise',
    control: { type: 'slider', range: { min: 0, max: 50, step: 5 } },
    description: 'Noise added to generated data, 0 to 50.',
  },
  trainSplit: {
    attribute: 'train-split',
    kind: 'number',
    default: 0.5,
    min: 0.01,
    max: 99,
    // A percentage (above 1) is read as a fraction.
    check: (value, _written, byKind) => {
      const split = byKind(value) as number;
      return split > 1 ? split / 100 : split;
    },
    unit: '%',
    applies: 'rebuild',
    label: 'Training data',
    control: { type: 'slider', range: { min: 10, max: 90, step: 10 }, limits: { min: 1, max: 99 } },
    description: 'Fraction of samples used for training, e.g. 0.5 (or a percentage such as 50); the rest test.',
  },
  features: {
    kind: 'choices',
    choices: () => Object.keys(features),
    coreChecks: true,
    applies: 'rebuild',
    label: 'Features',
    control: { type: 'checkboxes', optionLabel: (name) => features[name].label },
    description: 'Input features: x1, x2, x1sq, x2sq, x1x2, sin-x1, sin-x2 (default x1,x2; x1 for 1-D data; x1,x2,sin-x1,sin-x2 for the spiral).',
  },
  batchSize: {
    attribute: 'batch-size',
    kind: 'number',
    default: TRAINER_DEFAULTS.batchSize,
    min: 1,
    max: 10000,
    integer: true,
    core: ['trainer'],
    label: 'Batch size',
    control: { type: 'slider', range: { min: 1, max: 30, step: 1 }, continuous: true },
    description: 'Samples per gradient step (1 to 10000); applies at once while training.',
  },
  learningRate: {
    attribute: 'learning-rate',
    kind: 'number',
    default: TRAINER_DEFAULTS.learningRate,
    min: 0,
    max: 1000,
    core: ['trainer'],
    label: 'Learning rate',
    control: { type: 'select', presets: [0.00001, 0.0001, 0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1, 3, 10] },
    description: 'Step size of gradient descent (0 to 1000); applies at once while training.',
  },
  activation: {
    kind: 'choice',
    choices: trainable,
    check: checkActivations,
    default: 'tanh',
    applies: 'rebuild',
    core: ['network'],
    label: 'Activation',
    control: { type: 'select', optionLabel: (name) => activations[name].label, perLayer: true, layerLabel: 'activationLayer' },
    description: 'Activation of the hidden layers: one name for all of them, or one per hidden layer, first to last, e.g. "relu, relu, tanh".',
  },
  dropout: {
    kind: 'numbers',
    default: [0],
    min: 0,
    max: 0.99,
    check: checkDropout,
    applies: 'rebuild',
    core: ['trainer'],
    label: 'Dropout',
    control: { type: 'list', maxItems: LIMITS.layers - 2, hint: 'dropoutHint', refused: 'dropoutRefused' },
    description:
      'Dropout while training: the rate of every hidden layer, 0 (default) to 0.99, or one per hidden layer, e.g. "0.2, 0, 0.1". Never used for the decision boundary, the test loss or the network shown.',
  },
  outputActivation: {
    attribute: 'output-activation',
    kind: 'choice',
    choices: trainable,
    coreChecks: true,
    applies: 'rebuild',
    core: ['network'],
    description: 'Output activation; inferred when omitted (sigmoid, softmax for several classes, linear for regression).',
  },
  loss: {
    kind: 'choice',
    choices: () => Object.keys(losses),
    coreChecks: true,
    applies: 'rebuild',
    core: ['trainer'],
    description: 'Loss: mse, binary-cross-entropy or cross-entropy; inferred from the output activation when omitted.',
  },
  optimizer: {
    kind: 'choice',
    choices: () => Object.keys(optimizers),
    coreChecks: true,
    default: TRAINER_DEFAULTS.optimizer,
    core: ['trainer'],
    label: 'Optimizer',
    control: { type: 'select', optionLabel: (name) => optimizers[name].label },
    description: 'Optimizer: sgd, momentum or adam; applies at once while training.',
  },
  regularization: {
    kind: 'choice',
    choices: () => Object.keys(regularizations),
    coreChecks: true,
    default: TRAINER_DEFAULTS.regularization,
    core: ['trainer'],
    label: 'Regularization',
    control: { type: 'select', optionLabel: (name) => regularizations[name].label },
    description: 'Weight penalty: none, l1 or l2; applies at once while training.',
  },
  regularizationRate: {
    attribute: 'regularization-rate',
    kind: 'number',
    default: TRAINER_DEFAULTS.regularizationRate,
    min: 0,
    max: 1000,
    core: ['trainer'],
    label: 'Regularization rate',
    control: { type: 'select', presets: [0, 0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1, 3, 10], within: 'regularization' },
    description: 'Strength of the weight penalty (0 to 1000); applies at once while training.',
  },
  hiddenLayers: {
    attribute: 'hidden-layers',
    kind: 'numbers',
    min: 1,
    max: 64,
    integer: true,
    converter: hiddenLayersConverter,
    check: (value, written, byKind) => (Array.isArray(value) && value.length === 0 ? noHiddenLayers(written) : byKind(value)) as number[],
    fallback: [4, 2],
    applies: 'rebuild',
    label: 'Hidden layers',
    control: { type: 'list', maxItems: LIMITS.layers - 2, hint: 'hiddenLayersHint', refused: 'hiddenLayersRefused' },
    description: 'Hidden layer sizes, 1 to 64 neurons each, e.g. "8,8"; "none" for a network without hidden layers (default "4, 2"; "8, 8" for the spiral).',
  },
  discretize: {
    kind: 'flag',
    default: false,
    label: 'Discretize output',
    control: { type: 'toggle' },
    description: 'Show the decision boundary as flat regions, one per class (two for one output), instead of shades of how sure the network is.',
  },
  speed: {
    kind: 'number',
    default: 1,
    min: 0.01,
    max: 100,
    label: 'Speed',
    control: { type: 'slider', range: { min: 0.05, max: 4, step: 0.05 }, continuous: true, digits: 2 },
    description: 'Epochs per animation frame (0.01 to 100; the slider offers 0.05 to 4); training never takes more than ~6 ms of a frame.',
  },
  epochs: {
    kind: 'number',
    min: 1,
    integer: true,
    converter: epochsConverter,
    description: 'Stop after this many epochs; unset or "none" trains until paused.',
  },
  seed: {
    kind: 'number',
    default: 1,
    min: -2147483648,
    max: 2147483647,
    integer: true,
    applies: 'rebuild',
    core: ['data', 'network', 'trainer'],
    description: 'Seed for the data, the initial weights and the shuffling: the same seed, the same run.',
  },
  state: {
    kind: 'text',
    description:
      'The run as text, e.g. "data=spiral; noise=10; seed=3": the settings that decide its numbers (those left out take their defaults; it wins over the attributes it covers). Setting it restores that run exactly; reading the property gives the current one.',
  },
  autoplay: {
    kind: 'flag',
    default: false,
    description: 'Start training when the element appears (not when the reader prefers reduced motion).',
  },
  controls: {
    kind: 'choices',
    choices: () => [...CONTROL_NAMES, 'none'],
    default: ['play', 'step', 'reset', 'share', 'data', 'noise', 'train-split', 'features', 'batch-size', 'learning-rate', 'activation', 'optimizer', 'regularization', 'hidden-layers', 'discretize'],
    description:
      'Controls the reader sees: play, step, reset, share (a snippet of HTML that restores the run), points (click the picture to add points, Delete to remove them; not shown by default), data, noise, train-split, features, batch-size, learning-rate, activation, dropout, optimizer, regularization, hidden-layers, discretize, speed; or "none" (default: all but dropout and speed).',
  },
  show: {
    kind: 'choices',
    choices: VIEW_NAMES,
    default: ['boundary', 'loss', 'network', 'neurons'],
    description:
      'Views shown: boundary, loss, network, neurons, confusion, histograms (per layer: weights, activations and gradients, to spot dead ReLUs and vanishing or exploding gradients); default boundary, loss, network, neurons.',
  },
  strings: {
    kind: 'text',
    check: (value): TrainerWords => localize(ENGLISH, value),
    description:
      'The words readers see, as JSON (or an object set as the property) laid over the English, e.g. `{"play": "Abspielen", "learning-rate": "Lernrate"}`; the keys are those of TRAINER_STRINGS (components/nn-trainer/nn-trainer.strings.ts), a control\'s label by its attribute.',
  },
});

/** Every word readers see, in English: the controls' labels (by attribute) and TRAINER_STRINGS. */
export const ENGLISH: TrainerWords = { ...labelStrings(TRAINER_SETTINGS), ...TRAINER_STRINGS };

export type TrainerSettings = typeof TRAINER_SETTINGS;
/** The settings as checked: what the trainer builds from and the panel shows. */
export type TrainerValues = SettingValues<TrainerSettings>;

/** Every control a writer may list in `controls`: the run's buttons, then each setting's control in the panel's order. */
export const CONTROL_NAMES: readonly string[] = [
  ...RUN_CONTROLS,
  ...Object.entries(TRAINER_SETTINGS as Record<string, { attribute?: string; control?: { within?: string } }>)
    .filter(([, setting]) => setting.control && !setting.control.within)
    .map(([name, setting]) => setting.attribute ?? name.toLowerCase()),
];
