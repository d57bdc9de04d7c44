import { type Activation, NnKitError, type NeuronResult, computeNeuron } from '../../src/index.js';
import { labelAt } from '../shared/parse.js';
import { checkScalarActivation } from '../shared/scalar-activation.js';
import { niceStep } from '../shared/scale.js';
import { checkSetting } from '../shared/settings.js';
import { localize } from '../shared/strings.js';
import { type EditablePart, parseEditable } from './editable.js';
import { NEURON_SETTINGS } from './nn-neuron.settings.js';
import { NEURON_STRINGS, type NeuronStrings } from './nn-neuron.strings.js';

export type InputType = 'binary' | 'range';

/** The settings as the element holds them: any value a script or an attribute gave. */
export type NeuronSettings = { readonly [K in keyof typeof NEURON_SETTINGS]?: unknown };

/** The last good settings, drawn until a new valid set replaces them. */
export interface NeuronView {
  inputs: number[];
  weights: number[];
  bias: number;
  activation: Activation;
  labels: string[];
  outputLabel: string;
  inputType: InputType;
  inputRange: [number, number];
  step: number;
  threshold: number | undefined;
  precision: number;
  editable: ReadonlySet<EditablePart>;
  showPlot: boolean;
  words: NeuronStrings;
  result: NeuronResult;
}

const MAX_INPUTS = 12;
const SUBSCRIPTS = '₀₁₂₃₄₅₆₇₈₉';
const defaultLabel = (i: number) => `x${String(i + 1).replace(/\d/g, (d) => SUBSCRIPTS[Number(d)])}`;

/** A setting's value, or its default when it is unset (absent, removed or null). */
export function settingOf<T>(values: NeuronSettings, name: keyof typeof NEURON_SETTINGS): T {
  const value = values[name];
  const fallback = (NEURON_SETTINGS[name] as { default?: unknown }).default;
  return (value ?? (Array.isArray(fallback) ? [...fallback] : fallback)) as T;
}

/**
 * Checks every setting against its row of the table and computes the neuron through the
 * core; throws an NnKitError naming what is wrong. `written` gives the writer's text of an
 * attribute, quoted back when it did not read as a number.
 */
export function readNeuron(values: NeuronSettings, written: (attribute: string) => string | null): NeuronView {
  const check = <T>(name: keyof typeof NEURON_SETTINGS, attribute: string) =>
    checkSetting<T>(NEURON_SETTINGS, name, settingOf(values, name), written(attribute));
  const inputs = check<number[]>('inputs', 'inputs');
  if (inputs.length > MAX_INPUTS) {
    throw new NnKitError(`inputs: a neuron here takes at most ${MAX_INPUTS} inputs; got ${inputs.length}.`);
  }
  const weights = check<number[]>('weights', 'weights');
  if (weights.length !== inputs.length) {
    throw new NnKitError(
      `There are ${inputs.length} inputs but ${weights.length} weights; give one weight per input, e.g. weights="${inputs.map(() => '0.5').join(', ')}".`,
    );
  }
  const bias = check<number>('bias', 'bias');
  const activation = checkScalarActivation(settingOf(values, 'activation'));
  const inputType = check<InputType>('inputType', 'input-type');
  if (inputType === 'binary') {
    const bad = inputs.findIndex((x) => x !== 0 && x !== 1);
    if (bad >= 0) {
      throw new NnKitError(`With input-type="binary" each input is 0 or 1; item ${bad + 1} is ${inputs[bad]}.`);
    }
  }
  const inputMin = check<number>('inputMin', 'input-min');
  const inputMax = check<number>('inputMax', 'input-max');
  if (inputMin >= inputMax) {
    throw new NnKitError(`input-min (${inputMin}) must be less than input-max (${inputMax}), e.g. input-min="0" input-max="1".`);
  }
  const inputRange: [number, number] = [Math.min(inputMin, ...inputs), Math.max(inputMax, ...inputs)];
  const step = values.step == null ? niceStep(inputRange[0], inputRange[1], 20) : check<number>('step', 'step');
  const threshold = values.threshold == null ? undefined : check<number>('threshold', 'threshold');
  const precision = check<number>('precision', 'precision');
  const editable = parseEditable(settingOf<string>(values, 'editable'));
  const words = localize(NEURON_STRINGS, values.strings);
  // Labels are text, whatever a script sets (numbers, for instance).
  const labels = inputs.map((_, i) => labelAt(values.labels, i) ?? defaultLabel(i));
  const result = computeNeuron({ inputs, weights, bias, activation: activation.name });
  return {
    inputs: [...inputs],
    weights: [...weights],
    bias,
    activation,
    labels,
    outputLabel: String(values.outputLabel ?? '').trim() || words.output,
    inputType,
    inputRange,
    step,
    threshold,
    precision,
    editable,
    showPlot: Boolean(values.showPlot),
    words,
    result,
  };
}
