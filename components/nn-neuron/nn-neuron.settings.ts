import { defineSettings } from '../shared/settings.js';

/**
 * `<nn-neuron>`'s settings: one row per attribute (components/shared/settings.ts). Rows
 * without a default are unset until a writer sets them (the element decides: a step from
 * the range, no threshold, the strings' "Output").
 */
export const NEURON_SETTINGS = defineSettings({
  inputs: { kind: 'numbers', default: [1, 0.5], description: 'Input values, comma separated (default "1, 0.5"; at most 12).' },
  weights: { kind: 'numbers', default: [0.8, -0.6], description: 'One weight per input, comma separated (default "0.8, −0.6").' },
  bias: { kind: 'number', default: 0.1, description: 'The bias b added to the weighted sum (default 0.1).' },
  activation: { kind: 'text', default: 'sigmoid', description: 'The activation: any scalar name from the core registry (default "sigmoid").' },
  labels: { kind: 'labels', default: [], description: 'Names of the inputs, comma separated (default x₁, x₂, …). Shown as text.' },
  outputLabel: {
    attribute: 'output-label',
    kind: 'text',
    description: 'Name of the output, e.g. "Go for a walk?" (default "Output", the strings\' `output`).',
  },
  inputType: {
    attribute: 'input-type',
    kind: 'choice',
    choices: ['range', 'binary'],
    default: 'range',
    description: 'How readers set inputs: "range" sliders (default) or "binary" switches (0 or 1).',
  },
  inputMin: { attribute: 'input-min', kind: 'number', default: 0, description: 'Lowest value of an input slider (default 0, or lower to include the inputs).' },
  inputMax: { attribute: 'input-max', kind: 'number', default: 1, description: 'Highest value of an input slider (default 1, or higher to include the inputs).' },
  step: { kind: 'number', min: Number.MIN_VALUE, description: 'Step of the input sliders (default: a round step, about a twentieth of the range).' },
  threshold: {
    kind: 'number',
    description: 'When set, shows a yes/no decision: yes when output ≥ threshold (it cannot decide while the output is not a finite number).',
  },
  precision: {
    kind: 'number',
    default: 2,
    min: 0,
    max: 6,
    integer: true,
    description: 'Digits shown after the decimal point (0–6, default 2), in every number, the number fields too.',
  },
  editable: { kind: 'text', default: 'all', description: 'What the reader may change: "all" (default), "none", or any of "inputs", "weights", "bias".' },
  showPlot: { attribute: 'show-plot', kind: 'flag', default: false, description: 'Also show a small plot of the activation with the point (z, output) marked (loaded when first shown).' },
  strings: {
    kind: 'text',
    description:
      'The words readers see, as JSON (or an object set as the property) laid over the English, e.g. `{"bias": "Biais", "weight": "Poids"}`; keys: output, input, value, weight, bias, inputValue, inputWeight, exactValue, caption, sum, plusBias, outputOf, yes, no, undecided, notANumber, tooLarge, announce, announceDecision, description, inputDescription.',
  },
});
