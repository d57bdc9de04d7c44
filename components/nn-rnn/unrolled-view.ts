import { html, nothing, svg } from 'lit';
import { percent } from '../shared/format.js';
import { format } from '../shared/strings.js';
import type { RnnStrings } from './nn-rnn.strings.js';
import { type Snapshot, tokenLabel } from './snapshot.js';

/** Narrowest and widest column per time step, in CSS pixels. */
const COLUMN = { min: 40, max: 84 };
/** Rows of the drawing, top to bottom. */
const Y = { prediction: 18, probability: 34, target: 50, cellTop: 78, cellHeight: 72, input: 196, time: 226 };
export const UNROLLED_HEIGHT = 238;

export interface UnrolledInput {
  snapshot: Snapshot;
  words: RnnStrings;
  /** The step picked (1 … T). */
  time: number;
  width: number;
  show: ReadonlySet<string>;
  pick(t: number): void;
}

/** Shades of the hidden-state strip on each side of 0 (the styles define one class per shade). */
export const STATE_SHADES = 10;

/** The class of a hidden value in [−1, 1]: "s-10" (most negative) … "s0" … "s10" (most positive), a shade in the styles. */
export function stateClass(value: number): string {
  const v = Number.isFinite(value) ? Math.max(-1, Math.min(1, value)) : 0;
  return `state s${Math.round(v * STATE_SHADES)}`;
}

/** Column width and the drawing's width for T steps in `width` pixels (wider than that scrolls). */
export function columns(steps: number, width: number): { column: number; total: number } {
  const column = Math.max(COLUMN.min, Math.min(COLUMN.max, Math.floor(width / Math.max(1, steps))));
  return { column, total: column * steps };
}

/**
 * The network unrolled over the sequence: one column per step, input x_t at the bottom, the
 * cell with its hidden state as a colour strip, the prediction on top. The arrows of W_x, W_h
 * and W_y have one colour each at every step: the same weights, shared through time.
 */
export function renderUnrolled({ snapshot, words, time, width, show, pick }: UnrolledInput) {
  const { steps, hidden } = snapshot;
  const { column, total } = columns(steps, width);
  const boxWidth = Math.min(34, column - 16);
  /** Narrow columns shorten the probability and the target's label (the key above says what they are). */
  const narrow = column < 66;
  const mid = (t: number) => (t - 0.5) * column;
  const cellBottom = Y.cellTop + Y.cellHeight;
  const stripHeight = (Y.cellHeight - 8) / hidden;
  return html`<div class="legend-weights" aria-hidden="true">
      <span>${words.sharedWeights}</span>
      <span class="weight wx">W<sub>x</sub></span><span class="weight wh">W<sub>h</sub></span><span class="weight wy">W<sub>y</sub></span>
    </div>
    <p class="key" aria-hidden="true">${show.has('states') ? words.key : words.keyNoStates}</p>
    <svg class="unrolled-svg" width=${total} height=${UNROLLED_HEIGHT} viewBox="0 0 ${total} ${UNROLLED_HEIGHT}" aria-hidden="true">
      <defs>
        <marker id="rnn-arrow" viewBox="0 0 8 8" refX="7" refY="4" markerWidth="6" markerHeight="6" orient="auto-start-reverse">
          <path d="M0,0 L8,4 L0,8 z" class="arrow-head"></path>
        </marker>
      </defs>
      ${Array.from({ length: steps }, (_, i) => {
        const t = i + 1;
        const x = mid(t);
        const right = snapshot.right[i];
        const predicted = snapshot.classes[snapshot.predictions[i]];
        const probability = snapshot.outputs[i][snapshot.predictions[i]];
        return svg`<g class="step ${t === time ? 'picked' : ''}" @click=${() => pick(t)}>
          <rect class="column" x=${i * column + 1} y="0" width=${column - 2} height=${UNROLLED_HEIGHT} rx="6"></rect>
          ${show.has('predictions')
            ? svg`<text class="prediction ${right ? 'right' : 'wrong'}" x=${x} y=${Y.prediction}>${tokenLabel(predicted, words)}<tspan class="mark">${right ? ' ✓' : ' ✗'}</tspan></text>
              <text class="probability" x=${x} y=${Y.probability}>${narrow ? `${Math.round(probability * 100)}%` : percent(probability)}</text>
              <text class="target" x=${x} y=${Y.target}>${narrow ? `→ ${tokenLabel(snapshot.targets[i], words)}` : format(words.target, { token: tokenLabel(snapshot.targets[i], words) })}</text>`
            : nothing}
          <line class="wy" x1=${x} x2=${x} y1=${Y.cellTop - 2} y2=${Y.target + 8} marker-end="url(#rnn-arrow)"></line>
          <line class="wx" x1=${x} x2=${x} y1=${Y.input - 16} y2=${cellBottom + 3} marker-end="url(#rnn-arrow)"></line>
          ${t < steps ? svg`<line class="wh" x1=${x + boxWidth / 2 + 1} x2=${x + column - boxWidth / 2 - 3} y1=${Y.cellTop + Y.cellHeight / 2} y2=${Y.cellTop + Y.cellHeight / 2} marker-end="url(#rnn-arrow)"></line>` : nothing}
          <rect class="cell" x=${x - boxWidth / 2} y=${Y.cellTop} width=${boxWidth} height=${Y.cellHeight} rx="5"></rect>
          ${show.has('states')
            ? snapshot.states[i].map(
                (value, j) =>
                  svg`<rect class=${stateClass(value)} x=${x - boxWidth / 2 + 4} y=${Y.cellTop + 4 + j * stripHeight} width=${boxWidth - 8} height=${Math.max(0.5, stripHeight - (stripHeight > 3 ? 1 : 0))}></rect>`,
              )
            : svg`<text class="cell-name" x=${x} y=${Y.cellTop + Y.cellHeight / 2 + 4}>h</text>`}
          <text class="input" x=${x} y=${Y.input}>${tokenLabel(snapshot.inputs[i], words)}</text>
          <text class="time" x=${x} y=${Y.time}>${t}</text>
        </g>`;
      })}
    </svg>`;
}
