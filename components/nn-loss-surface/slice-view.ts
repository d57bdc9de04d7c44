import { nothing, svg } from 'lit';
import type { LineSlice, StepPreview } from '../../src/index.js';
import { renderAxes } from '../shared/axes.js';
import { linearScale } from '../shared/scale.js';
import { clipSegment } from './clip.js';
import { marker } from './map-view.js';

const MARGIN = { top: 10, right: 10, bottom: 34, left: 46 };

/**
 * The loss along the next step (t = 0 is the point now, t = 1 where the step lands) with
 * the tangent at t = 0: where the curve leaves the tangent, the step has gone past what the
 * gradient promised, and a landing point above the start is an overshoot.
 */
export function renderSlice(slice: LineSlice, preview: StepPreview, index: number, size: { width: number; height: number }, words: { axis: string; tangent: string }) {
  const { width, height } = size;
  const finite = slice.loss.filter(Number.isFinite);
  if (finite.length < 2) return nothing;
  let [low, high] = [Math.min(...finite), Math.max(...finite)];
  // Shown at least a thousandth of its size tall, so a nearly flat slice gets distinct ticks.
  const least = Math.max(Math.abs(low), Math.abs(high)) * 1e-3 || 1;
  if (high - low < least) [low, high] = [(low + high) / 2 - least / 2, (low + high) / 2 + least / 2];
  const pad = (high - low) * 0.08;
  const t0 = slice.t[0];
  const t1 = slice.t[slice.t.length - 1];
  const x = linearScale([t0, t1], [MARGIN.left, width - MARGIN.right]);
  const y = linearScale([low - pad, high + pad], [height - MARGIN.bottom, MARGIN.top]);
  const curve = slice.t
    .map((t, i) => (Number.isFinite(slice.loss[i]) ? `${x(t).toFixed(1)},${y(slice.loss[i]).toFixed(1)}` : ''))
    .filter(Boolean)
    .map((point, i) => `${i ? 'L' : 'M'}${point}`)
    .join('');
  const now = preview.from.loss;
  const after = preview.to?.loss ?? Number.NaN;
  // The tangent from t0 to t1, cut to the chart (a steep one would run far off it).
  const chart = { left: MARGIN.left, top: MARGIN.top, right: width - MARGIN.right, bottom: height - MARGIN.bottom };
  const tangent = clipSegment(x(t0), y(now + slice.slope * t0), x(t1), y(now + slice.slope * t1), chart);
  return svg`
    <svg class="slice" width=${width} height=${height} viewBox="0 0 ${width} ${height}" aria-hidden="true">
      <defs><clipPath id="slice-area"><rect x=${MARGIN.left} y=${MARGIN.top} width=${width - MARGIN.left - MARGIN.right} height=${height - MARGIN.top - MARGIN.bottom}></rect></clipPath></defs>
      ${renderAxes(x, y, { x: 5, y: 4 })}
      <text class="axis-label" x=${(MARGIN.left + width - MARGIN.right) / 2} y=${height - 4} text-anchor="middle">${words.axis}</text>
      <g clip-path="url(#slice-area)">
        ${tangent ? svg`<line class="tangent" x1=${tangent[0]} y1=${tangent[1]} x2=${tangent[2]} y2=${tangent[3]}></line>` : nothing}
        <path class="slice-curve run-${index}" d=${curve}></path>
        ${Number.isFinite(now) ? marker(index, x(0), y(now), 5, 'point now') : nothing}
        ${Number.isFinite(after) ? marker(index, x(1), y(after), 5, 'point after') : nothing}
      </g>
      <text class="tangent-label" x=${width - MARGIN.right - 4} y=${MARGIN.top + 12} text-anchor="end">${words.tangent}</text>
    </svg>
  `;
}
