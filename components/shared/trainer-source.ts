import type { Trainer } from '../../src/index.js';

/**
 * An element that trains a core Trainer (an `<nn-trainer>`). A view such as
 * `<nn-loss-surface for="id">` reads its `trainer` (undefined until it has one) and follows
 * it on `nn-network-update`, which it fires whenever the network's weights change.
 */
export interface TrainerSource extends HTMLElement {
  readonly trainer: Trainer | undefined;
}

/** True when `element` trains a network a view can follow. */
export function isTrainerSource(element: Element | null): element is TrainerSource {
  return element != null && 'trainer' in element;
}
