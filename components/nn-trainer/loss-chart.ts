import { svg } from 'lit';
import { renderAxes } from '../shared/axes.js';
import { formatNumber, formatPower } from '../shared/format.js';
import { linearScale } from '../shared/scale.js';
import { format } from '../shared/strings.js';

/** One point of the training history. */
export interface EpochRecord {
  epoch: number;
  trainLoss: number;
  testLoss: number;
  accuracy?: number;
  testAccuracy?: number;
}

const MARGIN = { top: 10, right: 12, bottom: 24, left: 44 };

/**
 * Formats a loss for readers: three decimals, or a power of ten once it is too large to
 * read that way (a run on its way to diverging).
 */
export function formatLoss(value: number): string {
  return Number.isFinite(value) && Math.abs(value) >= 1e4 ? formatPower(value) : formatNumber(value, 3);
}

/**
 * The loss chart: train loss solid, test loss dashed, per epoch; earlier runs' training
 * losses (`ghosts`, newest first) faint behind them, numbered at their ends. The scale fits
 * the finite losses; an infinite one is drawn at the top edge under an "∞" mark, and a loss
 * that is not a number leaves a gap, so no NaN reaches the drawing.
 */
export function renderLossChart(
  history: readonly EpochRecord[],
  width: number,
  height: number,
  words: { readonly lossChartLabel: string; readonly lossChartEmpty: string },
  ghosts: readonly (readonly EpochRecord[])[] = [],
) {
  const last = history.at(-1);
  let maxEpoch = 1;
  let maxLoss = 0;
  for (const records of [history, ...ghosts]) {
    maxEpoch = Math.max(maxEpoch, records.at(-1)?.epoch ?? 1);
    for (const record of records) {
      for (const value of [record.trainLoss, record.testLoss]) if (Number.isFinite(value)) maxLoss = Math.max(maxLoss, value);
    }
  }
  const x = linearScale([0, maxEpoch], [MARGIN.left, width - MARGIN.right]);
  const y = linearScale([0, maxLoss > 0 ? maxLoss * 1.05 : 1], [height - MARGIN.bottom, MARGIN.top]);
  const marks: number[] = [];
  const path = (pick: (record: EpochRecord) => number, records = history) => {
    let d = '';
    let move = 'M';
    let wasInfinite = false;
    for (const record of records) {
      const value = pick(record);
      if (Number.isNaN(value)) {
        move = 'M';
        continue;
      }
      const infinite = !Number.isFinite(value);
      const px = x(record.epoch);
      if (infinite && !wasInfinite) marks.push(px);
      wasInfinite = infinite;
      // +∞ at the top edge, −∞ (no loss gives it) at the bottom.
      const py = infinite ? (value > 0 ? MARGIN.top : height - MARGIN.bottom) : y(value);
      d += `${move}${px.toFixed(1)},${py.toFixed(1)}`;
      move = 'L';
    }
    return d;
  };
  const train = path((record) => record.trainLoss);
  const test = path((record) => record.testLoss);
  const label = last
    ? format(words.lossChartLabel, { epochs: last.epoch, train: formatLoss(last.trainLoss), test: formatLoss(last.testLoss) })
    : words.lossChartEmpty;
  return svg`
    <svg class="loss-chart" viewBox="0 0 ${width} ${height}" width=${width} height=${height} role="img" aria-label=${label}>
      ${renderAxes(x, y, { x: Math.min(5, maxEpoch), y: 4 })}
      ${ghosts.map((records, i) => {
        const end = records.at(-1)!;
        const py = Number.isFinite(end.trainLoss) ? y(end.trainLoss) : MARGIN.top;
        return svg`<g class="ghost"><path class="loss ghost" d=${path((record) => record.trainLoss, records)}></path>
          <text class="ghost-number" x=${(x(end.epoch) - 3).toFixed(1)} y=${(py - 3).toFixed(1)}>${i + 1}</text></g>`;
      })}
      <path class="loss train" d=${train}></path>
      <path class="loss test" d=${test}></path>
      ${[...new Set(marks)].map((px) => svg`<text class="tick x off-scale" x=${px.toFixed(1)} y=${MARGIN.top - 1}>∞</text>`)}
    </svg>
  `;
}

/**
 * Thins a history of more than MOST_RECORDS to about half as many, evenly spread over its
 * epochs (the first and latest kept): a run's loss chart, redrawn every epoch, then costs no
 * more after an hour of play than after a minute, and its early epochs stay as visible as
 * its late ones.
 */
export function thinHistory(history: EpochRecord[]): EpochRecord[] {
  if (history.length <= MOST_RECORDS) return history;
  const last = history.at(-1)!;
  let next = 0;
  return history.filter((record) => {
    if (record.epoch < next && record !== last) return false;
    next = record.epoch + last.epoch / (MOST_RECORDS / 2);
    return true;
  });
}

/** The most records a run keeps: about one per pixel of the widest loss chart. */
const MOST_RECORDS = 400;
