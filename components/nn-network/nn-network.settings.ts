import { defineSettings } from '../shared/settings.js';

/**
 * `<nn-network>`'s settings: one row per attribute (components/shared/settings.ts). 'rebuild'
 * rows change the network or its forward pass; 'live' rows only change the drawing. Rows
 * without a default are unset until a writer sets them (`layers` and `inputs`: the model,
 * the followed element or the element decides).
 */
export const NETWORK_SETTINGS = defineSettings({
  layers: {
    kind: 'numbers',
    min: 1,
    integer: true,
    applies: 'rebuild',
    description: 'Layer sizes from input to output, e.g. "3,4,4,2" (default "3,4,2"). With a model, they must match it.',
  },
  activation: {
    kind: 'text',
    default: 'tanh',
    applies: 'rebuild',
    description:
      'Activation of the hidden layers: tanh (default), relu, sigmoid, leaky-relu, elu, gelu, swish, softplus, linear or step; or one per hidden layer, first to last, e.g. "relu, relu, tanh".',
  },
  outputActivation: {
    attribute: 'output-activation',
    kind: 'text',
    default: 'sigmoid',
    applies: 'rebuild',
    description: 'Activation of the output layer: sigmoid (default), softmax, linear, tanh…',
  },
  seed: {
    kind: 'number',
    default: 1,
    applies: 'rebuild',
    description: "Seed of the initial weights (the core's seeded Glorot/He initialisation); default 1.",
  },
  inputs: {
    kind: 'numbers',
    applies: 'rebuild',
    description: 'Values fed forward, one per input, e.g. "0.5, -1, 2"; readers can edit them. Default: evenly spaced from 1 to −1.',
  },
  labels: { kind: 'labels', description: 'Names of the inputs, comma separated (default x₁, x₂, …).' },
  outputLabels: { attribute: 'output-labels', kind: 'labels', description: 'Names of the outputs, e.g. "cat,dog,bird" (default y₁, y₂, …).' },
  src: { kind: 'text', default: '', applies: 'rebuild', description: "URL of a model JSON file in the core's format (Network.toJSON())." },
  htmlFor: {
    attribute: 'for',
    kind: 'text',
    default: '',
    applies: 'rebuild',
    description: 'Id of an element whose live `network` to show (e.g. an `<nn-trainer>`); redraws on its `nn-network-update`.',
  },
  autoplay: {
    kind: 'flag',
    default: false,
    description: 'Play the forward propagation layer by layer when the network or the inputs are set.',
  },
  strings: {
    kind: 'text',
    description:
      'The words readers see, as JSON (or an object set as the property) laid over the English, e.g. `{"run": "Vorwärts", "inputsTitle": "Eingaben"}`; the keys are those of NETWORK_STRINGS (components/nn-network/nn-network.strings.ts).',
  },
});
