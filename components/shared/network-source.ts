import type { Network } from '../../src/index.js';

/**
 * An element that holds a live core Network (a trainer, or another network view). A
 * `<nn-network for="id">`, or one whose `source` property is the element (as a trainer
 * shows its own network), shows its network and redraws on `nn-network-update`.
 */
export interface NetworkSource extends HTMLElement {
  readonly network: Network | undefined;
  /** Names of the network's inputs (a trainer's features), for a view whose writer gave none. */
  readonly inputLabels?: readonly string[];
  /** Names of the network's outputs (a trainer's classes), for a view whose writer gave none. */
  readonly outputLabels?: readonly string[];
  /** Input values worth showing (a trainer's first training sample), for a view whose writer gave none. */
  readonly sampleInputs?: readonly number[];
}

/** Fired by a NetworkSource whenever its network's weights or structure change, or the sample inputs it offers (a drawing). */
export const NETWORK_UPDATE = 'nn-network-update';

/** Detail of NETWORK_UPDATE. */
export interface NetworkUpdateDetail {
  network: Network;
}

/** True when `element` holds a core network that a view can follow. */
export function isNetworkSource(element: Element | null): element is NetworkSource {
  return element != null && 'network' in element;
}
