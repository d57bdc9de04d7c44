import { svg } from 'lit';
import { renderAxes } from '../shared/axes.js';
import { formatNumber, formatPower } from '../shared/format.js';
import { linearScale } from '../shared/scale.js';

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

/** The loss chart: train loss solid, test loss dashed, per epoch. */
export function renderLossChart(history: readonly EpochRecord[], width: number, height: number) {
  const last = history.at(-1);
  const maxEpoch = Math.max(1, last?.epoch ?? 1);
  let maxLoss = 0;
  for (const record of history) maxLoss = Math.max(maxLoss, record.trainLoss, record.testLoss);
  const x = linearScale([0, maxEpoch], [MARGIN.left, width - MARGIN.right]);
  const y = linearScale([0, maxLoss > 0 ? maxLoss * 1.05 : 1], [height - MARGIN.bottom, MARGIN.top]);
  const path = (pick: (record: EpochRecord) => number) =>
    history.map((record, i) => `${i ? 'L' : 'M'}${x(record.epoch).toFixed(1)},${y(pick(record)).toFixed(1)}`).join('');
  const label = last
    ? `Loss chart over ${last.epoch} epochs: training loss ${formatLoss(last.trainLoss)}, test loss ${formatLoss(last.testLoss)}.`
    : 'Loss chart: no training yet.';
  return svg`
    <svg class="loss-chart" viewBox="0 0 ${width} ${height}" width=${width} height=${height} role="img" aria-label=${label}>
      ${renderAxes(x, y, { x: Math.min(5, maxEpoch), y: 4 })}
      <path class="loss train" d=${path((record) => record.trainLoss)}></path>
      <path class="loss test" d=${path((record) => record.testLoss)}></path>
    </svg>
  `;
}

/** Halves a long history (keeping the first and latest points) so charts stay light. */
export function thinHistory(history: EpochRecord[], limit = 1000): EpochRecord[] {
  if (history.length <= limit) return history;
  return history.filter((_, i) => i % 2 === 0 || i === history.length - 1);
}
