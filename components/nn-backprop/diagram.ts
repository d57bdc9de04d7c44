import { nothing, svg } from 'lit';
import type { ParameterPlace } from '../../src/index.js';
import { signClass } from '../shared/colors.js';
import { format } from '../shared/strings.js';
import type { BackpropStrings } from './nn-backprop.strings.js';
import type { Walk } from './walk.js';

/** Room left of the inputs, right of the outputs (targets and the loss), above and below. */
const MARGIN = { left: 28, right: 70, top: 26, bottom: 30 };
/** Below this width, the targets sit above the outputs (not beside them) and the loss at the top left, so the columns keep their room. */
const NARROW = 440;
const rightMargin = (width: number) => (width < NARROW ? 14 : MARGIN.right);
const RADIUS = 21;
/** Vertical room per neuron. */
const ROW = 68;
/** Beyond this many edges, or closer columns, only the current and the selected edge are labelled. */
const MOST_LABELLED_EDGES = 16;
const LABELLED_GAP = 110;

export interface DiagramOptions {
  walk: Walk;
  width: number;
  select: ParameterPlace;
  show: ReadonlySet<string>;
  words: BackpropStrings;
  /** A number as the reader sees it (the element's precision). */
  fmt: (value: number) => string;
}

/** Vertical room per neuron: more when narrow, where each output's target sits above it. */
const rowOf = (width: number) => (width < NARROW ? ROW + 14 : ROW);

/** The diagram's height for a network's layers at a width. */
export const diagramHeight = (layers: readonly number[], width: number) => MARGIN.top + MARGIN.bottom + Math.max(...layers) * rowOf(width);

/** Where neuron `j` of layer `l` sits. */
function spot(layers: readonly number[], width: number, l: number, j: number) {
  const height = diagramHeight(layers, width);
  const columns = layers.length - 1;
  const x = MARGIN.left + RADIUS + ((width - MARGIN.left - rightMargin(width) - 2 * RADIUS) * l) / columns;
  const y = MARGIN.top + (height - MARGIN.top - MARGIN.bottom) / 2 + (j - (layers[l] - 1) / 2) * rowOf(width);
  return { x, y };
}

/**
 * The network: edges with their weights (the local derivative ∂z/∂a), neurons with their
 * activation inside and ∂L/∂z under them once the walkthrough reaches them, the targets
 * and the loss. The stage's neuron or edge is marked `current`, the selected weight `selected`.
 */
export function renderDiagram({ walk, width, select, show, words, fmt }: DiagramOptions) {
  const { network, stages, result } = walk;
  const { layers } = network;
  const stage = stages.list[walk.stage];
  const at = (l: number, j: number) => spot(layers, width, l, j);
  const edges = layers.slice(1).reduce((sum, size, k) => sum + size * layers[k], 0);
  const roomy = edges <= MOST_LABELLED_EDGES && at(1, 0).x - at(0, 0).x >= LABELLED_GAP;
  const edgeMarks = [];
  for (let l = 1; l < layers.length; l++) {
    for (let j = 0; j < layers[l]; j++) {
      for (let i = 0; i < layers[l - 1]; i++) {
        const from = at(l - 1, i);
        const to = at(l, j);
        const weight = network.weights[network.weightIndex(l - 1, j, i)];
        const current = stage.phase === 'backward' && stage.layer === l && stage.neuron === j && stage.from === i;
        const selected = select.length === 3 && select[0] === l - 1 && select[1] === j && select[2] === i;
        const labelled = show.has('values') && (roomy || current || selected);
        // The label sits a third of the way along, near its source, where edges fan apart.
        const lx = from.x + (to.x - from.x) * 0.34;
        const ly = from.y + (to.y - from.y) * 0.34;
        edgeMarks.push(svg`<g class="edge ${signClass(weight)} ${current ? 'current' : ''} ${selected ? 'selected' : ''}" data-edge="${l - 1},${j},${i}">
          <line x1=${from.x + RADIUS} y1=${from.y} x2=${to.x - RADIUS} y2=${to.y}></line>
          ${labelled ? svg`<text class="edge-label number" x=${lx + RADIUS * 0.6} y=${ly - 4} text-anchor="middle">${fmt(weight)}</text>` : nothing}
        </g>`);
      }
    }
  }
  const nodeMarks = layers.map((size, l) =>
    Array.from({ length: size }, (_, j) => {
      const { x, y } = at(l, j);
      const forward = walk.reached(stages.forward(l, j));
      const backward = l > 0 && walk.reached(stages.delta(l, j));
      const current = stage.phase !== 'loss' && stage.phase !== 'update' && stage.layer === l && stage.neuron === j && (stage.phase === 'forward' || stage.from === undefined);
      const selected = select.length === 2 && select[0] === l - 1 && select[1] === j;
      return svg`<g class="node ${l === 0 ? 'input' : ''} ${current ? 'current' : ''} ${selected ? 'selected' : ''} ${forward ? 'reached' : ''}" data-node="${l},${j}">
        <circle cx=${x} cy=${y} r=${RADIUS}></circle>
        ${show.has('values') && forward ? svg`<text class="value number" x=${x} y=${y + 4} text-anchor="middle">${fmt(result.nodes[l].a[j])}</text>` : nothing}
        ${show.has('gradients') && backward ? svg`<text class="delta number" x=${x} y=${y + RADIUS + 13} text-anchor="middle">${format(words.deltaNode, { value: fmt(result.nodes[l].dz[j]) })}</text>` : nothing}
      </g>`;
    }),
  );
  const last = layers.length - 1;
  const lossReached = walk.reached(stages.loss);
  const targets = walk.sample.target.map((t, j) => {
    const { x, y } = at(last, j);
    const text = format(words.targetLabel, { value: fmt(t) });
    return width < NARROW
      ? svg`<text class="target number" x=${x} y=${y - RADIUS - 5} text-anchor="middle">${text}</text>`
      : svg`<text class="target number" x=${x + RADIUS + 6} y=${y + 4}>${text}</text>`;
  });
  const lossAt = width < NARROW ? { x: MARGIN.left - 20, anchor: 'start' } : { x: at(last, 0).x, anchor: 'middle' };
  return svg`<svg class="diagram" width=${width} height=${diagramHeight(layers, width)} viewBox="0 0 ${width} ${diagramHeight(layers, width)}" aria-hidden="true">
    ${edgeMarks}
    ${nodeMarks}
    ${targets}
    <g class="loss ${lossReached ? 'reached' : ''} ${stage.phase === 'loss' ? 'current' : ''}">
      <text x=${lossAt.x} y=${MARGIN.top - 10} text-anchor=${lossAt.anchor}>${lossReached ? `L = ${fmt(result.loss)}` : 'L = ?'}</text>
    </g>
  </svg>`;
}
