import { ATTENTION_LENGTHS, ATTENTION_LIMITS, attentionTasks, optimizers } from '../../src/index.js';
import { defineSettings } from '../shared/settings.js';

/** What `show` may list: the parts drawn. */
export const SHOW_NAMES = ['vectors', 'scores', 'weights', 'mix'] as const;
/** What `controls` may list. */
export const CONTROL_NAMES = ['text', 'causal', 'head', 'temperature', 'play', 'step', 'reset', 'task', 'example'] as const;
/** The sentence shown when `tokens` is not set. */
export const DEFAULT_TOKENS = 'the animal did not cross the street because it was too tired';

/**
 * `<nn-attention>`'s settings: one row per attribute (components/shared/settings.ts).
 * 'rebuild' rows build the layer (or the toy model) again; 'live' rows change what it computes or shows.
 */
export const ATTENTION_SETTINGS = defineSettings({
  mode: {
    kind: 'choice',
    default: 'explore',
    choices: ['explore', 'train'],
    applies: 'rebuild',
    description: 'explore (default): attention over the words in `tokens`; train: a one-layer attention model learns `task` on short sequences of letters.',
  },
  tokens: {
    kind: 'text',
    default: DEFAULT_TOKENS,
    label: 'Sentence',
    description: 'Explore mode: the sentence, split into tokens at spaces (1 to 256); a token is shown as text, never as HTML. Readers edit it.',
  },
  dModel: {
    attribute: 'd-model',
    kind: 'number',
    default: 8,
    min: 1,
    max: ATTENTION_LIMITS.model,
    integer: true,
    applies: 'rebuild',
    description: 'Width of the embeddings, 1 to 64 (default 8); a multiple of heads. Model JSON must match it.',
  },
  heads: {
    kind: 'number',
    default: 1,
    min: 1,
    max: ATTENTION_LIMITS.heads,
    integer: true,
    applies: 'rebuild',
    description: 'Attention heads, 1 to 8 (default 1): each has d-model / heads numbers per query, key and value.',
  },
  head: {
    kind: 'number',
    default: 1,
    min: 1,
    max: ATTENTION_LIMITS.heads,
    integer: true,
    label: 'Head',
    description: 'The head drawn, from 1 (default 1). Readers switch it.',
  },
  causal: {
    kind: 'flag',
    default: false,
    label: 'Causal mask',
    description: 'Mask the future: each token attends only to itself and the tokens before it (their weight is exactly 0). Train mode always masks.',
  },
  temperature: {
    kind: 'number',
    default: 1,
    min: 0.01,
    max: 1e6,
    label: 'Temperature T',
    description: 'Divides the scores before the softmax, 0.01 to 1e6 (default 1): below 1 sharpens each row, above 1 flattens it toward uniform.',
  },
  select: {
    kind: 'number',
    default: 0,
    min: 0,
    integer: true,
    description: 'The query token whose weighted mix of values is shown, by position from 1 (default 0: none). Readers click a token or use the arrow keys.',
  },
  seed: {
    kind: 'number',
    default: 1,
    applies: 'rebuild',
    description: 'Seed of the random embeddings and weights (and, in train mode, of the sequences): the same seed, the same numbers.',
  },
  task: {
    kind: 'choice',
    default: 'reverse',
    choices: () => Object.keys(attentionTasks),
    applies: 'rebuild',
    label: 'Task',
    description: 'Train mode: reverse (default), sort or copy a sequence of distinct letters.',
  },
  length: {
    kind: 'number',
    default: 4,
    min: ATTENTION_LENGTHS.min,
    max: ATTENTION_LENGTHS.max,
    integer: true,
    applies: 'rebuild',
    description: 'Train mode: letters in a sequence, 2 to 6 (default 4).',
  },
  learningRate: {
    attribute: 'learning-rate',
    kind: 'number',
    default: 0.01,
    min: 0,
    max: 10,
    description: 'Train mode: the learning rate, 0 to 10 (default 0.01).',
  },
  optimizer: {
    kind: 'choice',
    default: 'adam',
    choices: () => Object.keys(optimizers),
    applies: 'rebuild',
    description: 'Train mode: sgd, momentum or adam (default).',
  },
  show: {
    kind: 'choices',
    default: ['vectors', 'scores', 'weights', 'mix'],
    choices: [...SHOW_NAMES, 'none'],
    description: 'What is drawn: vectors (each token\'s embedding, query, key and value), scores (QKᵀ/√dₖ), weights (the softmax, as a heatmap), mix (the selected query\'s weighted mix of values); "none" for none. Default all.',
  },
  controls: {
    kind: 'choices',
    default: ['text', 'causal', 'head', 'temperature', 'play', 'step', 'reset', 'task', 'example'],
    choices: [...CONTROL_NAMES, 'none'],
    description: 'Controls the reader sees: text, causal, head, temperature (explore); play, step, reset, task, example (train); default all; "none" for none.',
  },
  src: {
    kind: 'text',
    default: '',
    applies: 'rebuild',
    description:
      'URL of model JSON with any of embeddings (a vector per word), wq, wk, wv, wo (d-model rows of d-model numbers) and positions (false: no position encoding); without it, a child <script type="application/json"> is read.',
  },
  strings: {
    kind: 'text',
    description:
      'The words readers see, as JSON (or an object set as the property) laid over the English, e.g. `{"play": "Abspielen"}`; the keys are those of ATTENTION_STRINGS (components/nn-attention/nn-attention.strings.ts).',
  },
});
