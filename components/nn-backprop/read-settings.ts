import { type Loss, NnKitError, type ParameterPlace, getLoss } from '../../src/index.js';
import { type SettingValues, checkSettings } from '../shared/settings.js';
import { localize } from '../shared/strings.js';
import { BACKPROP_SETTINGS, MOST_LAYERS, MOST_NEURONS } from './nn-backprop.settings.js';
import { BACKPROP_STRINGS, type BackpropStrings } from './nn-backprop.strings.js';
import type { Phase } from './stages.js';

/** The inputs used when the writer gives none: as many as the network takes. */
const DEFAULT_INPUTS = [0.5, -0.3, 0.8, -0.6, 0.2, -0.9, 0.4, -0.1, 0.7, -0.5];

/** What the element's properties say, checked. */
export interface Settings extends Omit<SettingValues<typeof BACKPROP_SETTINGS>, 'loss' | 'select' | 'show' | 'controls' | 'strings' | 'phase'> {
  loss: Loss;
  phase: Phase;
  select?: ParameterPlace;
  show: Set<string>;
  controls: Set<string>;
  words: BackpropStrings;
}

/** Reads `select`: "weights[1][0][0]" or "biases[0][1]" (or "[1][0][0]", "[0][1]"); '' for the default. */
export function parseSelect(text: unknown): ParameterPlace | undefined {
  const written = String(text ?? '').trim();
  if (!written) return undefined;
  const match = /^(weights|biases|w|b)?\s*((?:\[\s*\d{1,3}\s*\]\s*){2,3})$/i.exec(written);
  const indices = match ? [...match[2].matchAll(/\d+/g)].map((m) => Number(m[0])) : [];
  const kind = match?.[1]?.toLowerCase();
  const bias = indices.length === 2;
  if (!match || (bias && kind?.startsWith('w')) || (!bias && kind?.startsWith('b'))) {
    throw new NnKitError(`select must name a weight or a bias as in the model JSON, e.g. "weights[1][0][0]" or "biases[0][1]"; got "${written.slice(0, 40)}".`);
  }
  return bias ? [indices[0], indices[1]] : [indices[0], indices[1], indices[2]];
}

/** Checks every setting; throws an NnKitError naming the attribute and what it accepts. */
export function readSettings(host: object, written: (attribute: string) => string | null): Settings {
  const values = checkSettings(BACKPROP_SETTINGS, host, written);
  const layers = values.layers;
  if (layers.length < 2 || layers.length > MOST_LAYERS) throw new NnKitError(`layers must list 2 to ${MOST_LAYERS} sizes, input to output, e.g. "2,2,2"; got ${layers.length}.`);
  return {
    ...values,
    loss: getLoss(values.loss),
    phase: values.phase as Phase,
    select: parseSelect(values.select),
    show: new Set(values.show),
    controls: new Set(values.controls),
    words: localize(BACKPROP_STRINGS, (host as { strings?: unknown }).strings),
  };
}

/** Checks that a network's layers fit a walkthrough. */
export function checkSize(layers: readonly number[]): void {
  if (layers.length > MOST_LAYERS || layers.some((size) => size > MOST_NEURONS)) {
    throw new NnKitError(`A walkthrough shows at most ${MOST_LAYERS} layers of ${MOST_NEURONS} neurons; this network is ${layers.join('-')}.`);
  }
}

/** The sample: the writer's inputs and target, checked against the network, or the defaults. */
export function sampleOf(settings: Settings, layers: readonly number[]): { input: number[]; target: number[] } {
  const inputs = layers[0];
  const outputs = layers[layers.length - 1];
  const input = settings.inputs ?? Array.from({ length: inputs }, (_, i) => DEFAULT_INPUTS[i % DEFAULT_INPUTS.length]);
  const target = settings.target ?? Array.from({ length: outputs }, (_, i) => (i === 0 ? 1 : 0));
  if (input.length !== inputs) throw new NnKitError(`inputs must list ${inputs} number${inputs === 1 ? '' : 's'}, one per input neuron; got ${input.length}.`);
  if (target.length !== outputs) throw new NnKitError(`target must list ${outputs} number${outputs === 1 ? '' : 's'}, one per output; got ${target.length}.`);
  return { input, target };
}
