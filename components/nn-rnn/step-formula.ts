import { html, mathml, nothing } from 'lit';
import { formatNumber } from '../shared/format.js';
import { format } from '../shared/strings.js';
import type { RnnStrings } from './nn-rnn.strings.js';
import { type Snapshot, tokenLabel } from './snapshot.js';

/** Hidden units written out in a vector; more are summed up by a note. */
export const SHOWN_UNITS = 8;

const n = (value: number) => mathml`<mn>${formatNumber(value, 2)}</mn>`;
const sub = (name: string, index: number | string) => mathml`<msub><mi>${name}</mi><mn>${index}</mn></msub>`;
const op = (symbol: string) => mathml`<mo>${symbol}</mo>`;
const paren = (inside: unknown) => mathml`<mrow><mo stretchy="true">(</mo>${inside}<mo stretchy="true">)</mo></mrow>`;

/** A column vector of the first SHOWN_UNITS values (a ⋮ row when there are more). */
function vector(values: readonly number[]) {
  const shown = values.slice(0, SHOWN_UNITS);
  return mathml`<mrow><mo>[</mo><mtable>
    ${shown.map((v) => mathml`<mtr><mtd>${n(v)}</mtd></mtr>`)}
    ${values.length > SHOWN_UNITS ? mathml`<mtr><mtd><mo>⋮</mo></mtd></mtr>` : nothing}
  </mtable><mo>]</mo></mrow>`;
}

/** The plain cell at step t: h_t = tanh(W_x·x_t + W_h·h_{t−1} + b), then the same with its numbers. */
function plain(s: Snapshot, t: number) {
  const i = t - 1;
  const H = s.hidden;
  const symbolic = mathml`${sub('h', t)}${op('=')}<mi>tanh</mi>${paren(
    mathml`${sub('W', 'x')}${op('·')}${sub('x', t)}${op('+')}${sub('W', 'h')}${op('·')}${sub('h', t - 1)}${op('+')}<mi>b</mi>`,
  )}`;
  const numbers = mathml`${op('=')}<mi>tanh</mi>${paren(mathml`${vector(s.inputParts[i])}${op('+')}${vector(s.recurrentParts[i])}${op('+')}${vector(s.bias.slice(0, H))}`)}${op('=')}${vector(s.states[i])}`;
  return [symbolic, numbers];
}

/** The GRU at step t: its gates and candidate with their values, then h_t = z⊙h_{t−1} + (1 − z)⊙h̃ with its numbers. */
function gated(s: Snapshot, t: number) {
  const i = t - 1;
  const previous = t > 1 ? s.states[i - 1] : s.states[i].map(() => 0);
  const z = sub('z', t);
  const tilde = mathml`<msub><mover><mi>h</mi><mo>~</mo></mover><mn>${t}</mn></msub>`;
  const gates = mathml`${z}${op('=')}<mi>σ</mi>${paren(mathml`${sub('W', 'xz')}${sub('x', t)}${op('+')}${sub('W', 'hz')}${sub('h', t - 1)}${op('+')}${sub('b', 'z')}`)}${op('=')}${vector(s.update[i])}<mspace width="1em"></mspace>${sub('r', t)}${op('=')}${vector(s.reset[i])}<mspace width="1em"></mspace>${tilde}${op('=')}<mi>tanh</mi>${paren(mathml`${sub('W', 'xh')}${sub('x', t)}${op('+')}${sub('W', 'hh')}${paren(mathml`${sub('r', t)}${op('⊙')}${sub('h', t - 1)}`)}${op('+')}${sub('b', 'h')}`)}${op('=')}${vector(s.candidate[i])}`;
  const update = mathml`${sub('h', t)}${op('=')}${z}${op('⊙')}${sub('h', t - 1)}${op('+')}${paren(mathml`<mn>1</mn>${op('−')}${z}`)}${op('⊙')}${tilde}${op('=')}${vector(s.update[i])}${op('⊙')}${vector(previous)}${op('+')}${paren(mathml`<mn>1</mn>${op('−')}${vector(s.update[i])}`)}${op('⊙')}${vector(s.candidate[i])}${op('=')}${vector(s.states[i])}`;
  return [gates, update];
}

/** The picked step written out with the reader's numbers (MathML; every number is the core's). */
export function renderStepFormula(snapshot: Snapshot, time: number, words: RnnStrings) {
  const t = Math.max(1, Math.min(snapshot.steps, time));
  const lines = snapshot.cell === 'rnn' ? plain(snapshot, t) : gated(snapshot, t);
  const token = tokenLabel(snapshot.inputs[t - 1], words);
  return html`<div class="formula" part="formula">
    <p id="formula-title" class="panel-title">${format(words.formulaTitle, { t })}</p>
    <p class="note">${format(words.oneHot, { t, token })}</p>
    <div class="math-scroll" tabindex="0" role="group" aria-labelledby="formula-title">
      ${lines.map((line) => html`<math display="block">${line}</math>`)}
    </div>
    ${snapshot.hidden > SHOWN_UNITS ? html`<p class="note">${format(words.formulaNote, { shown: SHOWN_UNITS, hidden: snapshot.hidden })}</p>` : nothing}
  </div>`;
}
