import { nothing, svg } from 'lit';
import type { DescentPoint, StepPreview } from '../../src/index.js';
import { renderAxes } from '../shared/axes.js';
import type { LinearScale } from '../shared/scale.js';
import { type Box, clipSegment, grow, inside } from './clip.js';

/** One path drawn on the map: a run of an optimizer, or a followed trainer's weights. */
export interface MapRun {
  /** 0, 1 or 2: the run's colour, line style and marker. */
  readonly index: number;
  readonly name: string;
  readonly points: readonly DescentPoint[];
}

export interface MapScene {
  readonly x: LinearScale;
  readonly y: LinearScale;
  readonly width: number;
  readonly height: number;
  readonly runs: readonly MapRun[];
  /** The first run's next step: its gradient arrow and step arrow. */
  readonly preview?: StepPreview;
  readonly show: ReadonlySet<string>;
  readonly axisNames: readonly [string, string];
}

/** Length of the gradient arrow in pixels: it shows the direction; its size is in the numbers. */
const GRADIENT_PX = 44;
/** Most points drawn as dots along a path (longer paths are drawn as a line only). */
const MOST_DOTS = 300;

const px = (value: number) => Math.round(value * 10) / 10;

/** The path through the points, each segment cut to `box` (a far point is drawn where its line leaves it). */
function pathData(points: readonly DescentPoint[], x: LinearScale, y: LinearScale, box: Box): string {
  if (points.length === 1) return inside(x(points[0].x), y(points[0].y), box) ? `M${px(x(points[0].x))},${px(y(points[0].y))}` : '';
  let d = '';
  let end = '';
  for (let i = 1; i < points.length; i++) {
    const part = clipSegment(x(points[i - 1].x), y(points[i - 1].y), x(points[i].x), y(points[i].y), box);
    if (!part) continue;
    const [a, b, c, e] = part.map(px);
    if (`${a},${b}` !== end) d += `M${a},${b}`;
    end = `${c},${e}`;
    d += `L${end}`;
  }
  return d;
}

/** A marker of each run's shape: circle, square, diamond (told apart without colour). */
export function marker(index: number, cx: number, cy: number, r: number, kind: string) {
  const c = `${kind} run-${index}`;
  if (index === 1) return svg`<rect class=${c} x=${px(cx - r)} y=${px(cy - r)} width=${2 * r} height=${2 * r}></rect>`;
  if (index === 2) {
    const d = r * 1.3;
    return svg`<path class=${c} d="M${px(cx)},${px(cy - d)}L${px(cx + d)},${px(cy)}L${px(cx)},${px(cy + d)}L${px(cx - d)},${px(cy)}Z"></path>`;
  }
  return svg`<circle class=${c} cx=${px(cx)} cy=${px(cy)} r=${r}></circle>`;
}

/** An arrow from (x0, y0) to (x1, y1) in pixels, with its head (none where `box` cuts it); a small ring when it is too short to draw. */
function arrow(kind: string, x0: number, y0: number, x1: number, y1: number, box: Box) {
  const part = clipSegment(x0, y0, x1, y1, box);
  if (!part) return nothing;
  if (part[2] !== x1 || part[3] !== y1) {
    return svg`<g class=${kind}><line x1=${px(part[0])} y1=${px(part[1])} x2=${px(part[2])} y2=${px(part[3])}></line></g>`;
  }
  const length = Math.hypot(x1 - x0, y1 - y0);
  if (!(length >= 6)) return svg`<circle class="${kind} tiny" cx=${px(x0)} cy=${px(y0)} r="9"></circle>`;
  const [ux, uy] = [(x1 - x0) / length, (y1 - y0) / length];
  const head = `M${px(x1)},${px(y1)}L${px(x1 - 8 * ux - 4 * uy)},${px(y1 - 8 * uy + 4 * ux)}L${px(x1 - 8 * ux + 4 * uy)},${px(y1 - 8 * uy - 4 * ux)}Z`;
  return svg`<g class=${kind}><line x1=${px(x0)} y1=${px(y0)} x2=${px(x1 - 6 * ux)} y2=${px(y1 - 6 * uy)}></line><path d=${head}></path></g>`;
}

/** The gradient (a fixed length, uphill) and the step (its true length) at the first run's point. */
function renderArrows({ x, y, preview, show }: MapScene, box: Box) {
  if (!preview || !inside(x(preview.from.x), y(preview.from.y), box)) return nothing;
  const [fx, fy] = [x(preview.from.x), y(preview.from.y)];
  const [gx, gy] = preview.gradient;
  // The gradient's direction on screen: each axis scaled by its pixels per unit.
  const sx = (x.range[1] - x.range[0]) / (x.domain[1] - x.domain[0]);
  const sy = (y.range[1] - y.range[0]) / (y.domain[1] - y.domain[0]);
  const [dx, dy] = [gx * sx, gy * sy];
  const size = Math.hypot(dx, dy);
  const gradient = show.has('gradient') && size > 0 && Number.isFinite(size)
    ? arrow('gradient', fx, fy, fx + (dx / size) * GRADIENT_PX, fy + (dy / size) * GRADIENT_PX, box)
    : nothing;
  const to = preview.to;
  const step = show.has('step') && to ? arrow('step', fx, fy, x(to.x), y(to.y), box) : nothing;
  return svg`${gradient}${step}`;
}

/**
 * The map's overlay, drawn over the shaded canvas: axes, each run's path (its own colour,
 * line style and marker), its current point, and the first run's gradient and step.
 */
export function renderMap(scene: MapScene) {
  const { x, y, width, height, runs, show, axisNames } = scene;
  const [left, right] = x.range;
  const [bottom, top] = y.range;
  // What is drawn stays within a margin of the map: the clip hides the rest, this keeps it small.
  const box = grow({ left, top, right, bottom }, 20);
  const shown = (p: DescentPoint) => inside(x(p.x), y(p.y), box);
  return svg`
    <svg class="overlay" width=${width} height=${height} viewBox="0 0 ${width} ${height}" aria-hidden="true">
      <defs><clipPath id="plot-area"><rect x=${left} y=${top} width=${right - left} height=${bottom - top}></rect></clipPath></defs>
      ${renderAxes(x, y, { x: 5, y: 5 })}
      <text class="axis-label" x=${right - 4} y=${bottom - 6} text-anchor="end">${axisNames[0]}</text>
      <text class="axis-label" x=${left + 6} y=${top + 14}>${axisNames[1]}</text>
      <g clip-path="url(#plot-area)">
        ${runs.map(({ index, name, points }) => {
          const dots = show.has('path') && points.length <= MOST_DOTS ? points.slice(0, -1).filter(shown).map((p) => marker(index, x(p.x), y(p.y), 2, 'dot')) : nothing;
          return svg`<g class="run" data-optimizer=${name}>
            ${show.has('path') ? svg`<path class="path run-${index}" d=${pathData(points, x, y, box)}></path>` : nothing}
            ${dots}
          </g>`;
        })}
        ${runs.length && shown(runs[0].points[0]) ? svg`<circle class="start" cx=${px(x(runs[0].points[0].x))} cy=${px(y(runs[0].points[0].y))} r="8"></circle>` : nothing}
        ${renderArrows(scene, box)}
        ${runs.map(({ index, name, points }) => {
          const last = points[points.length - 1];
          return svg`<g class="current" data-optimizer=${name}>${shown(last) ? marker(index, x(last.x), y(last.y), 6, 'point') : nothing}</g>`;
        })}
      </g>
    </svg>
  `;
}
