import { formatNumber } from '../shared/format.js';
import { labelAt } from '../shared/parse.js';
import { format } from '../shared/strings.js';
import { NETWORK_STRINGS, type NetworkStrings } from './nn-network.strings.js';

const SUBSCRIPT_DIGITS = '₀₁₂₃₄₅₆₇₈₉';

/** "12" → "₁₂", for neuron names such as x₁ and h₁₂. */
export function subscript(n: number): string {
  return String(n).replace(/\d/g, (digit) => SUBSCRIPT_DIGITS[Number(digit)]);
}

/** A layer's caption: "Input", "Hidden 1", …, "Output". */
export function layerCaption(layer: number, layerCount: number, words: NetworkStrings = NETWORK_STRINGS): string {
  if (layer === 0) return words.input;
  if (layer === layerCount - 1) return words.output;
  return format(words.hidden, { n: layer });
}

/** A layer's caption where there is little room: "In", "H1", …, "Out". */
export function shortCaption(layer: number, layerCount: number, words: NetworkStrings = NETWORK_STRINGS): string {
  if (layer === 0) return words.inputShort;
  if (layer === layerCount - 1) return words.outputShort;
  return format(words.hiddenShort, { n: layer });
}

/** Names for every neuron: writer's labels where given, else x₁…, h₁…, y₁…. */
export interface NeuronNames {
  (layer: number, index: number): string;
}

export function neuronNames(layerCount: number, labels?: unknown, outputLabels?: unknown): NeuronNames {
  // Labels may be set from a script as anything; only list items are used, as text.
  return (layer, index) => {
    if (layer === 0) return labelAt(labels, index) ?? `x${subscript(index + 1)}`;
    if (layer === layerCount - 1) return labelAt(outputLabels, index) ?? `y${subscript(index + 1)}`;
    return `h${subscript(index + 1)}`;
  };
}

/**
 * The inputs shown when the writer gives none: evenly spaced from 1 down to −1
 * (one input gets 0.5), so both signs show from the first look.
 */
export function defaultInputs(size: number): number[] {
  if (size === 1) return [0.5];
  return Array.from({ length: size }, (_, i) => Math.round((1 - (2 * i) / (size - 1)) * 100) / 100);
}

/** A node's value in at most five characters, for the inside of a circle. */
export function shortNumber(value: number): string {
  const size = Math.abs(value);
  if (size >= 999_500) return value.toExponential(0).replace('+', '').replace('-', '−');
  if (size >= 999.5) return formatNumber(value / 1000, 0) + 'k';
  if (size >= 99.5) return formatNumber(value, 0);
  if (size >= 9.95) return formatNumber(value, 1);
  return formatNumber(value, 2);
}

/** `text` without the zero before the point: "0.58" → ".58", "−0.58" → "−.58". */
const noLeadingZero = (text: string) => text.replace(/^(−?)0\./, '$1.');

/**
 * A node's value, abbreviated for a small circle: in about 4 characters ("−.58", "1.2",
 * "−12", "3k") or about 3 (".6", "−.6", "2", "12"). A value that rounds to zero reads "0".
 */
export function compactNumber(value: number, chars: 3 | 4): string {
  const size = Math.abs(value);
  const decimals = chars === 4 ? 2 : 1;
  if (size < 0.5 * 10 ** -decimals) return '0';
  if (size < 1 - 0.5 * 10 ** -decimals) return noLeadingZero(formatNumber(value, decimals));
  if (size < 9.95 && chars === 4) return formatNumber(value, 1);
  if (size < 999.5) return formatNumber(value, 0);
  return shortNumber(value);
}

/** A value for a number field: at most 4 decimals, no trailing zeros. */
export function fieldNumber(value: number): string {
  return String(Number(value.toFixed(4)));
}
