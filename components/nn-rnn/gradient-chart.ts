import { html, svg } from 'lit';
import { formatPower, formatTick } from '../shared/format.js';
import { format } from '../shared/strings.js';
import type { RnnStrings } from './nn-rnn.strings.js';
import type { Snapshot } from './snapshot.js';

const HEIGHT = 150;
const MARGIN = { top: 8, right: 8, bottom: 30, left: 52 };
/** The smallest norm the log scale reaches down to (a norm that underflowed sits on the floor). */
const FLOOR = 1e-30;

/** A decade's label: "0.01", "1", "1000", or "10⁻⁷" when short digits would not do. */
const decade = (power: number) => (power >= -3 && power <= 3 ? formatTick(10 ** power) : formatPower(10 ** power, 0).replace(/^1 × /, ''));

/** What the chart shows in words: the norms per step and how much they shrink from the last step back to the first. */
export function describeGradients(snapshot: Snapshot, words: RnnStrings): string {
  const norms = snapshot.gradientNorms;
  const last = norms.length;
  const values = norms.map((v, i) => `${i + 1}: ${formatTick(Number(v.toPrecision(2)))}`).join(', ');
  const first = Math.max(norms[0], FLOOR);
  const ratio = norms[last - 1] / first;
  const trend = last < 2 ? '' : format(ratio >= 2 ? words.gradientsFade : words.gradientsKeep, { last, ratio: ratio >= 1e6 || ratio < 1e-3 ? formatPower(ratio, 1) : formatTick(Number(ratio.toPrecision(2))) });
  return format(words.gradientsLabel, { last, values, trend });
}

/**
 * ‖∂L/∂h_t‖ per step for the loss of the last step, as bars on a log scale: with the plain
 * cell they shrink step after step back through time; the GRU's shrink much less.
 */
export function renderGradientChart(snapshot: Snapshot, words: RnnStrings, width: number, time: number) {
  const norms = snapshot.gradientNorms.map((v) => (Number.isFinite(v) ? Math.max(v, FLOOR) : FLOOR));
  const low = Math.floor(Math.log10(Math.min(...norms)));
  const high = Math.max(low + 1, Math.ceil(Math.log10(Math.max(...norms))));
  const plot = { left: MARGIN.left, right: Math.max(MARGIN.left + 40, width - MARGIN.right), top: MARGIN.top, bottom: HEIGHT - MARGIN.bottom };
  const y = (v: number) => plot.bottom - ((Math.log10(v) - low) / (high - low)) * (plot.bottom - plot.top);
  const steps = norms.length;
  const band = (plot.right - plot.left) / steps;
  const every = Math.max(1, Math.ceil((high - low) / 5));
  const decades = Array.from({ length: Math.floor((high - low) / every) + 1 }, (_, i) => low + i * every);
  const labelEvery = Math.max(1, Math.ceil(steps / Math.max(1, Math.floor((plot.right - plot.left) / 22))));
  return html`<div class="gradients" part="gradients">
    <p id="gradients-title" class="panel-title">${words.gradientsTitle}</p>
    <svg width=${width} height=${HEIGHT} role="img" aria-label=${describeGradients(snapshot, words)}>
      <g class="grid" aria-hidden="true">${decades.map((d) => svg`<line x1=${plot.left} x2=${plot.right} y1=${y(10 ** d)} y2=${y(10 ** d)}></line>`)}</g>
      <g class="axis" aria-hidden="true">
        <line x1=${plot.left} x2=${plot.right} y1=${plot.bottom} y2=${plot.bottom}></line>
        ${decades.map((d) => svg`<text class="tick y" x=${plot.left - 6} y=${y(10 ** d)}>${decade(d)}</text>`)}
        ${norms.map((_, i) => ((i + 1) % labelEvery === 0 || i === 0 ? svg`<text class="tick x" x=${plot.left + (i + 0.5) * band} y=${plot.bottom + 14}>${i + 1}</text>` : ''))}
        <text class="axis-name" x=${(plot.left + plot.right) / 2} y=${HEIGHT - 2}>${words.gradientsAxis}</text>
      </g>
      <g class="bars" aria-hidden="true">
        ${norms.map(
          (v, i) => svg`<rect class="bar ${i + 1 === time ? 'picked' : ''}" x=${plot.left + i * band + band * 0.15} width=${Math.max(1, band * 0.7)} y=${y(v)} height=${Math.max(0, plot.bottom - y(v))}></rect>`,
        )}
      </g>
    </svg>
  </div>`;
}
