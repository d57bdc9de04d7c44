import { NnKitError, type WeightPlace } from '../../src/index.js';

/** The weights shown when `weights` is not set: the first two into the first hidden neuron. */
export const DEFAULT_PLACES: readonly [WeightPlace, WeightPlace] = [
  [0, 0, 0],
  [0, 0, 1],
];

const PLACE = /^\[\s*(\d+)\s*\]\s*\[\s*(\d+)\s*\]\s*\[\s*(\d+)\s*\]$/;

/** A weight's place as readers see it: "weights[0][0][1]". */
export const placeName = ([layer, to, from]: WeightPlace) => `weights[${layer}][${to}][${from}]`;

/**
 * Reads `weights`: two places "[layer][to][from]" separated by a comma (an optional
 * "weights" or "w" before each), e.g. "[0][0][0], [0][1][0]"; blank for the default.
 * Whether the network has them is the core's to say (weightIndexOf).
 */
export function parseWeightPlaces(text: unknown): readonly [WeightPlace, WeightPlace] {
  const written = text == null ? '' : String(text).trim();
  if (written === '') return DEFAULT_PLACES;
  const items = written.split(',').map((item) => item.trim().replace(/^(weights|w)\s*/i, ''));
  const places = items.map((item) => PLACE.exec(item)?.slice(1).map(Number) as [number, number, number] | undefined);
  if (places.length !== 2 || places.some((place) => !place)) {
    const quoted = written.length > 40 ? `${written.slice(0, 39)}…` : written;
    throw new NnKitError(`weights must name two weights as "[layer][to][from], [layer][to][from]", e.g. "[0][0][0], [0][0][1]"; got "${quoted}".`);
  }
  const [first, second] = places as unknown as [WeightPlace, WeightPlace];
  if (first.join() === second.join()) throw new NnKitError(`weights must name two different weights; both are ${placeName(first)}.`);
  return [first, second];
}
