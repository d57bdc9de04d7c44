import { defineSettings } from '../shared/settings.js';

/** The plot's settings: one row per attribute (components/shared/settings.ts). */
export const PLOT_SETTINGS = defineSettings({
  activation: {
    kind: 'text',
    description: 'Activation name(s) from the core registry, comma separated (e.g. "sigmoid, tanh"); default sigmoid, or the followed neuron\'s.',
  },
  xMin: {
    attribute: 'x-min',
    kind: 'number',
    default: -6,
    description: 'Left end of the z axis (default −6): any finite number below x-max, at least 1e-300 and a billionth of their size away from it.',
  },
  xMax: { attribute: 'x-max', kind: 'number', default: 6, description: 'Right end of the z axis (default 6).' },
  derivative: { kind: 'flag', default: false, description: 'Also plot each derivative f′ (dashed).' },
  value: {
    kind: 'number',
    description: 'Marks the point (value, f(value)) on each curve; the probe starts there. Ignored while `for` follows a neuron.',
  },
  htmlFor: {
    attribute: 'for',
    kind: 'text',
    default: '',
    description: 'The id of an `<nn-neuron>` whose z (and activation, when `activation` is not set) the plot follows.',
  },
  height: { kind: 'number', default: 240, min: 80, max: 2000, description: 'Height of the chart in CSS pixels (default 240).' },
  strings: {
    kind: 'text',
    description:
      'The words readers see, as JSON (or an object set as the property) laid over the English, e.g. `{"hintKeys": "Use ← → to move the probe"}`; keys: hintTouch, hintKeys, probeLabel, range, probeText, probeValue, probeValueSlope.',
  },
});
