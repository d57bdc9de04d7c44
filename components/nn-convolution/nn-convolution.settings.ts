import { optimizers, scalarActivationNames } from '../../src/index.js';
import { defineSettings } from '../shared/settings.js';

/** What `show` may list. */
export const SHOW_NAMES = ['products', 'size', 'pool', 'filters', 'maps', 'confusion'] as const;
/** What `controls` may list. */
export const CONTROL_NAMES = ['image', 'draw', 'kernel', 'kernel-size', 'stride', 'padding', 'bias', 'activation', 'pool', 'play', 'reset', 'learning-rate', 'optimizer'] as const;
/** The largest image side, kernel side, stride, padding and pooling window accepted. */
export const LIMITS = { side: 32, kernel: 7, stride: 8, padding: 8, pool: 8, filters: 16, epochs: 100 } as const;

/**
 * `<nn-convolution>`'s settings: one row per attribute (components/shared/settings.ts).
 * 'rebuild' rows start a trainer again from its seed; 'live' rows change the drawing.
 */
export const CONVOLUTION_SETTINGS = defineSettings({
  mode: {
    kind: 'choice',
    default: 'explore',
    choices: ['explore', 'train'],
    applies: 'rebuild',
    description: 'explore (default): one kernel slid over one image, step by step; train: a small CNN learns the handwritten digits live.',
  },
  image: {
    kind: 'text',
    default: 'square',
    label: 'Image',
    description:
      'A sample (square, cross, diagonal, ring, stripes, or digit-0 … digit-9, from the UCI handwritten digits) or the image itself as rows of numbers, rows separated by ";" and values by commas or spaces, e.g. "0 1 0; 1 1 1; 0 1 0" (1 to 32 pixels a side). In train mode, the digit whose feature maps are shown.',
  },
  kernel: {
    kind: 'text',
    default: 'edge-x',
    label: 'Kernel',
    description: 'A named kernel (edge-x, edge-y, blur, sharpen, identity) or its numbers, row-major, e.g. "0 -1 0 -1 5 -1 0 -1 0"; kernel-size² numbers (with kernel-size unset, any square count: 9 for 3×3, 25 for 5×5).',
  },
  kernelSize: {
    attribute: 'kernel-size',
    kind: 'number',
    min: 1,
    max: LIMITS.kernel,
    integer: true,
    applies: 'rebuild',
    label: 'Kernel size',
    description: 'The kernel\'s side, 1 to 7 (default 3, or the side of the numbers in `kernel`). In train mode, the filters\' side.',
  },
  stride: {
    kind: 'number',
    default: 1,
    min: 1,
    max: LIMITS.stride,
    integer: true,
    label: 'Stride',
    description: 'How many pixels the window moves at a time, 1 to 8 (default 1). Explore mode (the trained network moves one pixel).',
  },
  padding: {
    kind: 'number',
    default: 0,
    min: 0,
    max: LIMITS.padding,
    integer: true,
    label: 'Padding',
    description: 'Zeros added on every side of the image, 0 to 8 (default 0). The output is ⌊(n + 2·padding − kernel-size)/stride⌋ + 1 pixels a side. Explore mode (the trained network pads to keep the size).',
  },
  bias: {
    kind: 'number',
    default: 0,
    min: -100,
    max: 100,
    label: 'Bias',
    description: 'Added to every sum of products, −100 to 100 (default 0). Explore mode (the trained network learns its own).',
  },
  activation: {
    kind: 'choice',
    default: 'relu',
    choices: () => scalarActivationNames.filter((name) => name !== 'step'),
    applies: 'rebuild',
    label: 'Activation',
    description: 'Applied to each sum plus bias: relu (default), linear (none), sigmoid, tanh, or another of the core\'s scalar activations.',
  },
  pool: {
    kind: 'choice',
    default: 'none',
    choices: ['none', 'max', 'average'],
    applies: 'rebuild',
    label: 'Pooling',
    description: 'Pooling after the activation: none (default in explore), max or average; in train mode max unless set.',
  },
  poolSize: {
    attribute: 'pool-size',
    kind: 'number',
    default: 2,
    min: 1,
    max: LIMITS.pool,
    integer: true,
    applies: 'rebuild',
    label: 'Pool size',
    description: 'The pooling window\'s side and stride, 1 to 8 (default 2).',
  },
  filters: {
    kind: 'number',
    default: 6,
    min: 1,
    max: LIMITS.filters,
    integer: true,
    applies: 'rebuild',
    description: 'Train mode: the convolution\'s filters, 1 to 16 (default 6).',
  },
  learningRate: {
    attribute: 'learning-rate',
    kind: 'number',
    default: 0.01,
    min: 0.0001,
    max: 10,
    applies: 'rebuild',
    label: 'Learning rate',
    description: 'Train mode: the step size, 0.0001 to 10 (default 0.01).',
  },
  optimizer: {
    kind: 'choice',
    default: 'adam',
    choices: () => Object.keys(optimizers),
    applies: 'rebuild',
    label: 'Optimizer',
    description: 'Train mode: sgd, momentum or adam (default).',
  },
  epochs: {
    kind: 'number',
    default: 10,
    min: 1,
    max: LIMITS.epochs,
    integer: true,
    description: 'Train mode: passes over the training digits before it stops, 1 to 100 (default 10).',
  },
  seed: {
    kind: 'number',
    default: 1,
    applies: 'rebuild',
    description: 'Train mode: the seed of the first weights, the split into training and held-out digits, and the order: the same seed, the same run.',
  },
  show: {
    kind: 'choices',
    default: ['products', 'size', 'pool', 'filters', 'maps', 'confusion'],
    choices: [...SHOW_NAMES, 'none'],
    description: 'What is drawn: products (the window\'s sum, worked), size (the output size\'s formula), pool; in train mode filters, maps (each filter\'s feature map of the image), confusion (the matrix). Default all; "none" for none.',
  },
  controls: {
    kind: 'choices',
    default: ['image', 'draw', 'kernel', 'kernel-size', 'stride', 'padding', 'bias', 'activation', 'pool', 'play', 'reset', 'learning-rate', 'optimizer'],
    choices: [...CONTROL_NAMES, 'none'],
    description: 'Controls the reader sees: image, draw, kernel, kernel-size, stride, padding, bias, activation, pool; in train mode play, reset, learning-rate, optimizer, image, draw. Default all; "none" for none.',
  },
  autoplay: {
    kind: 'flag',
    default: false,
    description: 'Train mode: start training when the element appears (not when the reader prefers reduced motion).',
  },
  strings: {
    kind: 'text',
    description:
      'The words readers see, as JSON (or an object set as the property) laid over the English, e.g. `{"play": "Abspielen"}`; the keys are those of CONVOLUTION_STRINGS (components/nn-convolution/nn-convolution.strings.ts).',
  },
});
