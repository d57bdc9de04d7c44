/**
 * An element that computes one neuron (an `<nn-neuron>`). A view such as
 * `<nn-activation-plot for="id">` reads its `z` and `activation`, and redraws on
 * `input`, `change` (reader edits) and `nn-neuron-update` (any change, also from code).
 */
export interface NeuronSource extends HTMLElement {
  readonly z: number;
  readonly output: number;
  readonly activation: string;
}

/** Fired by a NeuronSource after every render in which its z, output or activation changed. */
export const NEURON_UPDATE = 'nn-neuron-update';

/** True when `element` computes a neuron that a view can follow. */
export function isNeuronSource(element: Element | null): element is NeuronSource {
  return element != null && 'z' in element && 'output' in element && 'activation' in element;
}
