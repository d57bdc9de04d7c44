import { html, nothing } from 'lit';
import type { Activation } from '../../src/index.js';
import { formatNumber, formatTick } from '../shared/format.js';
import { definition, formulaWidth } from '../shared/formula.js';
import { format } from '../shared/strings.js';
import type { PlotStrings } from './nn-activation-plot.strings.js';

const SERIES_COLOURS = 5;

/** The colour class of the index-th curve: s1 … s5, then again. */
export const seriesClass = (index: number) => `s${(index % SERIES_COLOURS) + 1}`;

const formatRangeEnd = (value: number) => (Number.isFinite(value) ? formatTick(value) : formatNumber(value));

/** What one legend entry shows: the activation, its place, the probe's z, and the words. */
export interface LegendEntry {
  activation: Activation;
  index: number;
  z: number;
  derivative: boolean;
  words: PlotStrings;
}

/** A legend entry: swatch, name, output range, formula, and f(z) (and f′(z)) at the probe. */
export function renderLegendItem({ activation: a, index, z, derivative, words }: LegendEntry) {
  const name = a.symbol;
  const f = a.f(z);
  const cls = seriesClass(index);
  const range = format(words.range, { low: formatRangeEnd(a.range[0]), high: formatRangeEnd(a.range[1]) });
  return html`
    <li class=${cls} data-activation=${a.name}>
      <span class="title">
        <svg class="swatch" width="30" height="10" aria-hidden="true">
          <line class="curve ${cls}" x1="2" x2="28" y1="5" y2="5"></line>
        </svg>
        <span class="name">${a.label}</span>
        <span class="range">${range}</span>
      </span>
      <math class="formula ${formulaWidth(a)}"><mrow>${definition(a)}</mrow></math>
      <span class="values number">
        <span><span class="label">${name}(${formatNumber(z, 2)}) =</span> <span class="f">${formatNumber(f, 3)}</span></span>
        ${
          derivative
            ? html`<span class="slope">
                <svg class="swatch" width="22" height="10" aria-hidden="true">
                  <line class="derivative ${cls}" x1="1" x2="21" y1="5" y2="5"></line>
                </svg>
                <span class="label">${name}′(${formatNumber(z, 2)}) =</span> <span class="df">${formatNumber(a.df(z, f), 3)}</span></span
              >`
            : nothing
        }
      </span>
    </li>
  `;
}

/** What the probe reads, for screen readers: z, then each function's value (and slope). */
export function describeProbe(activations: readonly Activation[], z: number, derivative: boolean, words: PlotStrings): string {
  const values = activations.map((a) => {
    const f = a.f(z);
    const value = formatNumber(f, 3);
    return derivative
      ? format(words.probeValueSlope, { activation: a.label, value, slope: formatNumber(a.df(z, f), 3) })
      : format(words.probeValue, { activation: a.label, value });
  });
  return format(words.probeText, { z: formatNumber(z, 2), values: values.join('; ') });
}
