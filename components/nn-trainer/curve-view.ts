import { svg } from 'lit';
import type { Network } from '../../src/index.js';
import { renderAxes } from '../shared/axes.js';
import { linearScale } from '../shared/scale.js';
import type { Extent } from './grid.js';
import type { Session } from './session.js';

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

/** 1-D regression: test points, training points over them, and the network's fitted curve. */
export function renderCurveView(session: Session, extent: Extent, width: number, height: number) {
  const all = [...session.trainPoints, ...session.testPoints];
  const targets = all.map((point) => point.y);
  const low = Math.min(...targets);
  const high = Math.max(...targets);
  const pad = (high - low) * 0.15 || 1;
  const x = linearScale(extent, [MARGIN.left, width - MARGIN.right]);
  const y = linearScale([low - pad, high + pad], [height - MARGIN.bottom, MARGIN.top]);
  const input = new Float64Array(session.network.inputSize);
  let d = '';
  for (let i = 0; i <= SAMPLES; i++) {
    const xi = extent[0] + ((extent[1] - extent[0]) * i) / SAMPLES;
    const yi = Math.min(Math.max(predictAt(session.network, session, xi, input), y.domain[0]), y.domain[1]);
    d += `${i ? 'L' : 'M'}${x(xi).toFixed(1)},${y(yi).toFixed(1)}`;
  }
  return svg`
    <svg class="curve-view" viewBox="0 0 ${width} ${height}" width=${width} height=${height} role="img"
      aria-label="The data as points and the network's fitted curve">
      ${renderAxes(x, y, { x: 7, y: 5 })}
      ${session.testPoints.map((p) => svg`<rect class="point test" x=${x(p.x) - 3} y=${y(p.y) - 3} width="6" height="6"></rect>`)}
      ${session.trainPoints.map((p) => svg`<circle class="point train" cx=${x(p.x)} cy=${y(p.y)} r="3"></circle>`)}
      <path class="fit" d=${d}></path>
    </svg>
  `;
}
