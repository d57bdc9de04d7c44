import { type LayerTrace, NnKitError, getActivation, validateLayers } from '../../src/index.js';
import { checkSetting } from '../shared/settings.js';
import { format } from '../shared/strings.js';
import { defaultInputs } from './names.js';
import { NETWORK_SETTINGS } from './nn-network.settings.js';
import type { NetworkStrings } from './nn-network.strings.js';

/** Checks `layers` against its row and the core's limits; `written` is the writer's text, quoted back. */
export function checkLayers(value: unknown, written: string | null): number[] {
  let layers: number[];
  try {
    layers = checkSetting<number[]>(NETWORK_SETTINGS, 'layers', value, written);
  } catch (error) {
    throw new NnKitError((error as Error).message.replace('e.g. "1, 0.5, -2"', 'e.g. "3,4,2"'));
  }
  try {
    validateLayers(layers);
  } catch (error) {
    throw new NnKitError(`layers: ${(error as Error).message}`);
  }
  return layers;
}

function checkActivation(name: unknown, attribute: string) {
  try {
    return getActivation(name);
  } catch (error) {
    throw new NnKitError(`${attribute}: ${(error as Error).message}`);
  }
}

/**
 * Checks activation (one name for every hidden layer, or a comma-separated list with one
 * per hidden layer), output-activation and seed, whichever source wins, so a bad one is
 * always reported. A list's length is checked against the layers when the network is built.
 */
export function checkBuild(activation: unknown, outputActivation: unknown, seed: unknown, writtenSeed: string | null) {
  const names = String(activation ?? '').split(',').map((name) => name.trim());
  const hidden = names.map((name) => checkActivation(name, 'activation'));
  const output = checkActivation(outputActivation, 'output-activation');
  const whole = hidden.find((one) => one.applyVector);
  if (whole) throw new NnKitError(`activation: "${whole.name}" works on a whole output layer only; use it as output-activation.`);
  const chosen = hidden.length === 1 ? hidden[0].name : hidden.map((one) => one.name);
  return { activation: chosen, outputActivation: output.name, seed: checkSetting<number>(NETWORK_SETTINGS, 'seed', seed, writtenSeed) };
}

/** Checks `inputs` against its row, and that there is one per input of the network. */
export function checkInputs(value: unknown, count: number, written: string | null): number[] {
  const inputs = checkSetting<number[]>(NETWORK_SETTINGS, 'inputs', value, written);
  if (inputs.length !== count) throw new NnKitError(`inputs must list ${count} number${count === 1 ? '' : 's'}; got ${inputs.length}.`);
  return inputs;
}

/**
 * Checks that every weighted sum and activation of a forward pass is a finite number; the
 * message says the sums overflow, and names `inputs` when the writer gave them.
 */
export function checkFinite(trace: readonly LayerTrace[], words: NetworkStrings, givenInputs: boolean): void {
  if (trace.every((layer) => layer.a.every(Number.isFinite) && layer.z.every(Number.isFinite))) return;
  const reason = words.overflowReason;
  if (!givenInputs) throw new NnKitError(format(words.overflow, { reason }));
  throw new NnKitError(format(words.overflowInputs, { reason, example: defaultInputs(trace[0].a.length).join(', ') }));
}
