import { optimizers, surfaces } from '../../src/index.js';
import { defineSettings } from '../shared/settings.js';

/** What `show` may list: the parts drawn over and beside the map. */
export const SHOW_NAMES = ['gradient', 'step', 'path', 'slice', 'formula'] as const;
/** What `controls` may list. */
export const CONTROL_NAMES = ['play', 'step', 'reset', 'learning-rate', 'surface', 'optimizer'] as const;
/** Most optimizers raced at once. */
export const MAX_RACERS = 3;

/**
 * `<nn-loss-surface>`'s settings: one row per attribute (components/shared/settings.ts).
 * 'rebuild' rows start the descent again from the start; 'live' rows change the drawing.
 */
export const SURFACE_SETTINGS = defineSettings({
  surface: {
    kind: 'choice',
    default: 'bowl',
    choices: () => Object.keys(surfaces),
    applies: 'rebuild',
    label: 'Surface',
    description: 'The landscape: bowl (default), ravine, saddle, rosenbrock, two-minima or plateau; its formula is shown. Ignored while `for` follows a trainer.',
  },
  learningRate: {
    attribute: 'learning-rate',
    kind: 'number',
    min: 0,
    max: 100,
    applies: 'rebuild',
    label: 'Learning rate α',
    description: "The step size α, 0 to 100 (default 0.1; 0.001 on rosenbrock, whose valley is steep). With `for`, the trainer's own is shown.",
  },
  optimizer: {
    kind: 'choices',
    default: ['sgd'],
    choices: () => Object.keys(optimizers),
    applies: 'rebuild',
    label: 'Optimizers',
    description: 'sgd (default), momentum or adam; or up to three, comma separated, to race them from one start, e.g. "sgd, momentum, adam".',
  },
  start: {
    kind: 'numbers',
    applies: 'rebuild',
    description: 'Where descent starts, "x, y" (default: the surface\'s own start); "random" for a point drawn from `seed`. Readers drag it or move it with the arrow keys.',
  },
  steps: {
    kind: 'number',
    default: 200,
    min: 1,
    max: 10000,
    integer: true,
    description: 'Most steps a run takes, 1 to 10000 (default 200).',
  },
  range: {
    kind: 'numbers',
    applies: 'rebuild',
    description:
      'The part of the plane shown: "r" for −r to r on both axes, "min, max" for both, or "x-min, x-max, y-min, y-max" (default: the surface\'s own square; with `for`, a square around the weights). Ends within ±1e6, at least 1e-6 apart.',
  },
  show: {
    kind: 'choices',
    default: ['gradient', 'step', 'path', 'slice', 'formula'],
    choices: [...SHOW_NAMES, 'none'],
    description: 'What is drawn besides the map and the point: gradient (arrow), step (−α∇L), path, slice (the loss along the step, with the tangent), formula (the surface and the update rule with live numbers); "none" for none. Default all.',
  },
  controls: {
    kind: 'choices',
    default: ['play', 'step', 'reset', 'learning-rate', 'surface', 'optimizer'],
    choices: [...CONTROL_NAMES, 'none'],
    description: 'Controls the reader sees: play, step, reset, learning-rate, surface, optimizer (default all); "none" for none. With `for`, the trainer has its own.',
  },
  htmlFor: {
    attribute: 'for',
    kind: 'text',
    default: '',
    applies: 'rebuild',
    description:
      "The id of an `<nn-trainer>`: the map then shows the true training loss of its network over two of its weights (the others held where they are), with the trainer's own path as it trains.",
  },
  weights: {
    kind: 'text',
    default: '',
    applies: 'rebuild',
    description: 'With `for`: the two weights, as "[layer][to][from], [layer][to][from]" (default "[0][0][0], [0][0][1]": the first two weights into the first hidden neuron).',
  },
  seed: {
    kind: 'number',
    default: 1,
    applies: 'rebuild',
    description: 'Seed of the random start (`start="random"`): the same seed, the same start.',
  },
  autoplay: {
    kind: 'flag',
    default: false,
    description: 'Start stepping when the element appears (not when the reader prefers reduced motion).',
  },
  strings: {
    kind: 'text',
    description:
      'The words readers see, as JSON (or an object set as the property) laid over the English, e.g. `{"play": "Abspielen"}`; the keys are those of SURFACE_STRINGS (components/nn-loss-surface/nn-loss-surface.strings.ts).',
  },
});
