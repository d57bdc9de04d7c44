import { html, nothing, svg } from 'lit';
import type { Descent } from '../../src/index.js';
import { format } from '../shared/strings.js';
import type { SurfaceStrings } from './nn-loss-surface.strings.js';
import { marker } from './map-view.js';
import { shortNumber } from './numbers.js';

/** One entry of the legend: a run (or the followed trainer), and how far it got. */
export interface LegendEntry {
  index: number;
  name: string;
  label: string;
  step: number;
  loss: number;
  /** The run, for its divergence (none for a trainer). */
  run?: Descent;
}

const swatch = (index: number) =>
  svg`<svg width="34" height="14" viewBox="0 0 34 14" aria-hidden="true" class="run-${index}"><line class="swatch" x1="1" y1="7" x2="33" y2="7"></line>${marker(index, 17, 7, 4.5, 'point')}</svg>`;

const arrowSwatch = (kind: string) =>
  svg`<svg width="34" height="14" viewBox="0 0 34 14" aria-hidden="true"><g class=${kind}><line x1="2" y1="7" x2="26" y2="7"></line><path d="M32,7L24,3L24,11Z"></path></g></svg>`;

/**
 * The legend: each run with its colour, line and marker and where it is; the arrows drawn;
 * and the shading's scale from low to high loss.
 */
export function renderLegend(entries: readonly LegendEntry[], words: SurfaceStrings, show: ReadonlySet<string>) {
  return html`<ul class="legend" part="legend">
    ${entries.map(
      (entry) => html`<li data-optimizer=${entry.name}>
        ${swatch(entry.index)}<span class="name">${entry.label}</span>
        ${entry.run?.diverged
          ? html`<span class="diverged">${format(words.legendDiverged, { step: entry.step + (entry.run.divergence === 'overflow' ? 1 : 0) })}</span>`
          : html`<span class="status number">${format(words.legendStep, { step: entry.step, loss: shortNumber(entry.loss) })}</span>`}
      </li>`,
    )}
    ${show.has('gradient') ? html`<li class="arrow">${arrowSwatch('gradient')}<span>${words.gradientArrow}</span></li>` : nothing}
    ${show.has('step') ? html`<li class="arrow">${arrowSwatch('step')}<span>${words.stepArrow}</span></li>` : nothing}
    <li class="shading"><span>${words.low}</span><span class="scale"></span><span>${words.high}</span></li>
  </ul>`;
}
