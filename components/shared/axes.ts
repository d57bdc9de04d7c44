import { svg } from 'lit';
import { formatTick } from './format.js';
import type { LinearScale } from './scale.js';

/** Gridlines, axis lines at zero (or the edge) and tick labels for an x–y chart. */
export function renderAxes(x: LinearScale, y: LinearScale, tickCount = { x: 7, y: 5 }) {
  const [left, right] = x.range;
  const [bottom, top] = y.range;
  const xTicks = x.ticks(tickCount.x);
  const yTicks = y.ticks(tickCount.y);
  const clampTo = (value: number, a: number, b: number) => Math.min(Math.max(value, Math.min(a, b)), Math.max(a, b));
  const xAxisAt = clampTo(y(0), top, bottom);
  const yAxisAt = clampTo(x(0), left, right);
  return svg`
    <g class="grid" aria-hidden="true">
      ${xTicks.map((t) => svg`<line x1=${x(t)} x2=${x(t)} y1=${top} y2=${bottom}></line>`)}
      ${yTicks.map((t) => svg`<line x1=${left} x2=${right} y1=${y(t)} y2=${y(t)}></line>`)}
    </g>
    <g class="axis" aria-hidden="true">
      <line x1=${left} x2=${right} y1=${xAxisAt} y2=${xAxisAt}></line>
      <line x1=${yAxisAt} x2=${yAxisAt} y1=${top} y2=${bottom}></line>
      ${xTicks.map((t) => svg`<text class="tick x" x=${x(t)} y=${bottom + 14}>${formatTick(t)}</text>`)}
      ${yTicks.map((t) => svg`<text class="tick y" x=${left - 6} y=${y(t)}>${formatTick(t)}</text>`)}
    </g>
  `;
}
