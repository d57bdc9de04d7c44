import { html } from 'lit';
import type { Activation } from '../../src/index.js';

let loading: Promise<unknown> | undefined;

/**
 * Loads `<nn-activation-plot>` through its public module, once per page: the neuron shows
 * it only with `show-plot`, so a page of plain neurons never downloads the plot. A failed
 * load is forgotten, so the next request tries again.
 */
export function loadPlot(): Promise<unknown> {
  loading ??= import('../nn-activation-plot/nn-activation-plot.js').catch((error: unknown) => {
    loading = undefined;
    throw error;
  });
  return loading;
}

/** The activation's plot with (z, output) marked; without a mark, over −6 to 6, while z is not a finite number. */
export function renderPlot(activation: Activation, z: number) {
  const finite = Number.isFinite(z);
  return html`<nn-activation-plot
    class="plot"
    part="plot"
    activation=${activation.name}
    .value=${finite ? z : undefined}
    .xMin=${finite ? Math.min(-6, Math.floor(z) - 1) : -6}
    .xMax=${finite ? Math.max(6, Math.ceil(z) + 1) : 6}
    .height=${200}
  ></nn-activation-plot>`;
}
