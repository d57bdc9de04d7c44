import { css, html, svg } from 'lit';
import { type Histogram, Inspector, type LayerInspection } from '../../src/index.js';
import { formatNumber, formatPower } from '../shared/format.js';
import { format } from '../shared/strings.js';
import type { TrainerWords } from './nn-trainer.settings.js';
import type { Session } from './session.js';

/** The histograms' styles, added to the element's once this module has loaded. */
export const histogramStyles = css`
  .histogram-scroll {
    max-width: 100%;
    overflow-x: auto;
  }

  .histograms table {
    border-collapse: collapse;
    font-size: 0.75rem;
  }

  .histograms th,
  .histograms td {
    padding: 0.2rem 0.4rem;
    text-align: left;
    vertical-align: top;
  }

  .histograms th[scope='row'] {
    color: var(--_muted);
    font-weight: 500;
    max-width: 9rem;
  }

  .histograms svg {
    display: block;
  }

  .histogram.weights path {
    fill: var(--_series-1);
  }

  .histogram.activations path {
    fill: var(--_series-3);
  }

  .histogram.gradients path {
    fill: var(--_series-2);
  }

  .histograms .range {
    display: block;
    color: var(--_muted);
    white-space: nowrap;
  }
`;

/** The least time between two looks inside a playing network: a few a second, never every frame. */
const INTERVAL_MS = 250;
const WIDTH = 96;
const HEIGHT = 32;

/**
 * What the histograms show, counted by the core's Inspector on (up to 200 of) the training
 * samples: again after training moved on, at most every INTERVAL_MS while playing, and at
 * once when paused or stepped.
 */
export class HistogramSource {
  private session?: Session;
  private inspector?: Inspector;
  private steps = -1;
  private last = -Infinity;
  private layers: LayerInspection[] = [];

  get(session: Session, playing: boolean): readonly LayerInspection[] {
    if (session !== this.session) {
      this.session = session;
      this.inspector = new Inspector(session.network, session.trainer.data, session.trainer.loss);
      this.steps = -1;
    }
    const now = performance.now();
    const steps = session.trainer.steps;
    if (steps !== this.steps && (!playing || now - this.last >= INTERVAL_MS)) {
      this.layers = this.inspector!.inspect();
      this.steps = steps;
      this.last = now;
    }
    return this.layers;
  }
}

/** A number for the tables: small and large ones as powers of ten, so a vanishing gradient still reads. */
function figure(value: number): string {
  return value !== 0 && Math.abs(value) < 0.01 ? formatPower(value) : formatNumber(value, 2);
}

/** One histogram's bars as one path, and its range in words. */
function cell(histogram: Histogram, kind: string, words: TrainerWords) {
  const most = Math.max(1, ...histogram.counts);
  const width = WIDTH / histogram.counts.length;
  let d = '';
  histogram.counts.forEach((count, i) => {
    if (count === 0) return;
    const top = HEIGHT - Math.max(1, (count / most) * HEIGHT);
    d += `M${(i * width).toFixed(1)},${HEIGHT}V${top.toFixed(1)}H${((i + 1) * width - 0.5).toFixed(1)}V${HEIGHT}Z`;
  });
  return html`<td>
    <svg class="histogram ${kind}" viewBox="0 0 ${WIDTH} ${HEIGHT}" width=${WIDTH} height=${HEIGHT} aria-hidden="true">${svg`<path d=${d}></path>`}</svg>
    <span class="range number">${format(words.histogramRange, { min: figure(histogram.min), max: figure(histogram.max) })}</span>
  </td>`;
}

/** Per layer (columns): weights, activations and gradients (rows) as histograms, with the figures that matter as text. */
export function renderHistograms(layers: readonly LayerInspection[], hiddenLayers: number, words: TrainerWords) {
  const name = (k: number) => (k < hiddenLayers ? format(words.hiddenLayer, { layer: k + 1 }) : words.outputLayer);
  const row = (label: string, kind: 'weights' | 'activations' | 'gradients') =>
    html`<tr><th scope="row">${label}</th>${layers.map((layer) => cell(layer[kind], kind, words))}</tr>`;
  return html`<figure class="histograms" part="histograms">
    <figcaption>${words.histogramsCaption}</figcaption>
    <div class="histogram-scroll" tabindex="0" role="group" aria-label=${words.histogramsLabel}>
      <table>
        <thead><tr><td></td>${layers.map((_, k) => html`<th scope="col">${name(k)}</th>`)}</tr></thead>
        <tbody>
          ${row(words.histogramWeights, 'weights')}
          ${row(words.histogramActivations, 'activations')}
          ${row(words.histogramGradients, 'gradients')}
          <tr><th scope="row">${words.histogramGradientSize}</th>${layers.map((layer) => html`<td class="number rms">${figure(layer.gradientRms)}</td>`)}</tr>
          <tr><th scope="row">${words.histogramDead}</th>${layers.map(
            (layer, k) => html`<td class="dead">${k < hiddenLayers ? format(words.histogramDeadCount, { dead: layer.dead, neurons: layer.neurons }) : '—'}</td>`,
          )}</tr>
        </tbody>
      </table>
    </div>
  </figure>`;
}
