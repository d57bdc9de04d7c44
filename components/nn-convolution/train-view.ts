import { html, nothing } from 'lit';
import { percent } from '../shared/format.js';
import { format } from '../shared/strings.js';
import { styleMap } from '../shared/style-map.js';
import { short } from './explore-view.js';
import { extent, gridCells, gridSize, largest } from './grid.js';
import type { ConvolutionStrings } from './nn-convolution.strings.js';
import type { Session } from './session.js';

export interface TrainState {
  session: Session;
  words: ConvolutionStrings;
  show: ReadonlySet<string>;
  epochs: number;
  /** The digit shown, its feature maps and the network's reading of it. */
  image: Float64Array;
  maps: Float64Array;
  probabilities: Float64Array;
  cell: number;
}

/** The place of the largest value among count values from offset. */
function strongest(values: Float64Array, offset: number, count: number): number {
  let best = 0;
  for (let i = 1; i < count; i++) if (values[offset + i] > values[offset + best]) best = i;
  return best;
}

/** The live summary: the epoch and how many held-out digits are read right (or why training stopped). */
export function trainStatus(session: Session, words: ConvolutionStrings, epochs: number): string {
  const count = session.trainer.test.length;
  const right = Math.round(session.accuracy * count);
  if (session.diverged) return format(words.diverged, { epoch: session.epoch });
  return format(session.epoch ? words.status : words.statusUntrained, { epoch: session.epoch, epochs, accuracy: right, count });
}

/** The epoch and accuracy, the filters, each filter's feature map of the digit, the reading, and the confusion matrix. */
export function renderTraining(state: TrainState) {
  const { session, words, show, cell, maps, probabilities, image, epochs } = state;
  const cnn = session.trainer.cnn;
  const { filters, kernelHeight: kh, kernelWidth: kw, outHeight: oh, outWidth: ow } = cnn.conv;
  const kernelScale = largest(cnn.kernels);
  const mapScale = largest(maps);
  const kernelCell = Math.max(6, Math.round((cell * 3) / kh));
  let reading = 0;
  for (let k = 1; k < probabilities.length; k++) if (probabilities[k] > probabilities[reading]) reading = k;
  return html`
    <div class="train-status">
      <span class="number">${format(words.epoch, { epoch: session.epoch, epochs })}</span>
      <span>${words.accuracy} <strong class="number">${percent(session.accuracy)}</strong></span>
    </div>
    <div class="digit-row">
      <figure class="panel">
        <figcaption>${words.image}</figcaption>
        <svg class="grid image" part="image" role="img" aria-label=${format(words.imageLabel, { rows: 8, columns: 8, min: short(extent(image)[0]), max: short(extent(image)[1]), padding: cnn.conv.padding, top: 1, bottom: 8, left: 1, right: 8 })}
          viewBox="0 0 8 8" width=${8 * cell} height=${8 * cell}>${gridCells({ values: image, rows: 8, columns: 8, signed: false, cell })}</svg>
      </figure>
      <div class="reading" part="reading">
        <p class="read-as">${format(words.prediction, { digit: reading, probability: percent(probabilities[reading]) })}</p>
        <ol class="bars" aria-hidden="true">
          ${Array.from(probabilities, (p, k) => html`<li><span class="number">${k}</span><span class="bar ${k === reading ? 'top' : ''}" style=${styleMap({ width: `${Number.isFinite(p) ? Math.round(p * 100) : 0}%` })}></span></li>`)}
        </ol>
      </div>
    </div>
    ${show.has('filters') || show.has('maps')
      ? html`<div class="filters" part="filters">
          ${show.has('filters') ? html`<p class="panel-title">${words.filtersTitle}</p>` : nothing}
          <ul class="filter-list">
            ${Array.from({ length: filters }, (_, f) => {
              const rows = cnn.kernelRows(f);
              const kernelLabel = format(words.filterLabel, { index: f + 1, rows: kh, columns: kw, values: rows.map((row) => row.map(short).join(' ')).join('; ') });
              const [low, high] = extent(maps, f * oh * ow, oh * ow);
              const at = strongest(maps, f * oh * ow, oh * ow);
              const mapLabel = format(words.mapOfFilter, { index: f + 1, rows: oh, columns: ow, min: short(low), max: short(high), row: Math.floor(at / ow) + 1, column: (at % ow) + 1 });
              const kernelSize = gridSize({ rows: kh, columns: kw, cell: kernelCell });
              const mapSize = gridSize({ rows: oh, columns: ow, cell: Math.max(4, Math.round((cell * 8) / Math.max(oh, ow) / 2)) });
              return html`<li>
                ${show.has('filters') ? html`<svg class="grid filter" role="img" aria-label=${kernelLabel} viewBox="0 0 ${kw} ${kh}" width=${kernelSize.width} height=${kernelSize.height}>${gridCells({ values: cnn.kernels, offset: f * kh * kw, rows: kh, columns: kw, signed: true, cell: kernelCell, scale: kernelScale })}</svg>` : nothing}
                ${show.has('maps') ? html`<svg class="grid feature" role="img" aria-label=${mapLabel} viewBox="0 0 ${ow} ${oh}" width=${mapSize.width} height=${mapSize.height}>${gridCells({ values: maps, offset: f * oh * ow, rows: oh, columns: ow, signed: true, cell: mapSize.width / ow, scale: mapScale })}</svg>` : nothing}
              </li>`;
            })}
          </ul>
          ${show.has('maps') ? html`<p class="muted caption">${words.mapsTitle}</p>` : nothing}
        </div>`
      : nothing}
    ${show.has('confusion') ? renderConfusion(session, words) : nothing}`;
}

/** The confusion matrix as a table: true digits down, readings across, each cell shaded by its share of its row. */
function renderConfusion(session: Session, words: ConvolutionStrings) {
  const counts = session.confusion;
  const digits = Array.from({ length: 10 }, (_, k) => k);
  return html`<div class="confusion-wrap" role="region" tabindex="0" aria-label=${words.confusionTitle}><table class="confusion" part="confusion">
    <caption>${words.confusionTitle}</caption>
    <thead>
      <tr><th scope="col" class="corner"><span class="muted">${words.trueDigit} ↓<br />${words.readAs} →</span></th>${digits.map((k) => html`<th scope="col">${k}</th>`)}</tr>
    </thead>
    <tbody>
      ${digits.map((t) => {
        let total = 0;
        for (const k of digits) total += counts[t * 10 + k];
        return html`<tr><th scope="row">${t}</th>${digits.map((k) => {
          const n = counts[t * 10 + k];
          const share = total ? n / total : 0;
          return html`<td class="number ${t === k ? 'right' : n ? 'wrong' : 'zero'}" style=${styleMap({ '--_share': `${Math.round(share * 100)}%` })}>${n}</td>`;
        })}</tr>`;
      })}
    </tbody>
  </table></div>`;
}
