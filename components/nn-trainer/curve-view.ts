import { css, svg } from 'lit';
import type { Network } from '../../src/index.js';
import { renderAxes } from '../shared/axes.js';
import { linearScale } from '../shared/scale.js';
import type { Extent } from './grid.js';
import type { Session } from './session.js';

/** The curve's styles, added to the element's once this module has loaded. */
export const curveStyles = css`
  .point.train {
    fill: var(--_series-1);
  }

  .point.test {
    fill: var(--_series-2);
  }

  .fit {
    fill: none;
    stroke: var(--_text);
    stroke-width: 2.5;
  }
`;

const MARGIN = { top: 10, right: 10, bottom: 24, left: 40 };
const SAMPLES = 160;

/** Maps one x through the session's features into the network and returns its output. */
function predictAt(network: Network, session: Session, x: number, input: Float64Array): number {
  if (session.features.length > 0) {
    for (let f = 0; f < session.features.length; f++) input[f] = session.features[f].f(x, 0);
  } else {
    input[0] = x;
  }
  return network.forwardFrom(input)[0];
}

/** The points as two paths, test squares and training circles: drawn once per session and size. */
const pointPaths = new WeakMap<Session, { key: string; test: string; train: string }>();

/** 1-D regression: test points, training points over them, and the network's fitted curve. */
export function renderCurveView(session: Session, extent: Extent, width: number, height: number, label: string) {
  let low = Infinity;
  let high = -Infinity;
  for (const points of [session.trainPoints, session.testPoints]) {
    for (const point of points) {
      low = Math.min(low, point.y);
      high = Math.max(high, point.y);
    }
  }
  const pad = (high - low) * 0.15 || 1;
  const x = linearScale(extent, [MARGIN.left, width - MARGIN.right]);
  const y = linearScale([low - pad, high + pad], [height - MARGIN.bottom, MARGIN.top]);
  const input = new Float64Array(session.network.inputSize);
  let d = '';
  let move = 'M';
  for (let i = 0; i <= SAMPLES; i++) {
    const t = i / SAMPLES;
    const xi = extent[0] * (1 - t) + extent[1] * t;
    const predicted = predictAt(session.network, session, xi, input);
    // A diverged network predicts no number: the line breaks there rather than draw NaN.
    if (!Number.isFinite(predicted)) {
      move = 'M';
      continue;
    }
    const yi = Math.min(Math.max(predicted, y.domain[0]), y.domain[1]);
    d += `${move}${x(xi).toFixed(1)},${y(yi).toFixed(1)}`;
    move = 'L';
  }
  const key = `${width}|${height}|${extent.join()}|${low}|${high}`;
  let points = pointPaths.get(session);
  if (points?.key !== key) {
    const at = (p: { x: number; y: number }) => [x(p.x).toFixed(1), y(p.y).toFixed(1)];
    points = {
      key,
      test: session.testPoints.map((p) => at(p)).map(([px, py]) => `M${px},${py}m-3,-3h6v6h-6z`).join(''),
      train: session.trainPoints.map((p) => at(p)).map(([px, py]) => `M${px},${py}m3,0a3,3 0 1,0 -6,0a3,3 0 1,0 6,0`).join(''),
    };
    pointPaths.set(session, points);
  }
  return svg`
    <svg class="curve-view" viewBox="0 0 ${width} ${height}" width=${width} height=${height} role="img"
      aria-label=${label}>
      ${renderAxes(x, y, { x: 7, y: 5 })}
      <path class="point test" d=${points.test}></path>
      <path class="point train" d=${points.train}></path>
      <path class="fit" d=${d}></path>
    </svg>
  `;
}
