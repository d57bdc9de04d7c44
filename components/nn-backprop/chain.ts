import { mathml, nothing } from 'lit';
import type { ParameterPlace } from '../../src/index.js';
import type { Walk } from './walk.js';

type Fmt = (value: number) => string;

/** A number as MathML, in parentheses when negative (it follows an operator). */
const num = (fmt: Fmt, value: number) => {
  const text = fmt(value);
  return text.startsWith('−') ? mathml`<mrow><mo>(</mo><mn>${text}</mn><mo>)</mo></mrow>` : mathml`<mn>${text}</mn>`;
};
/** A symbol with its neuron index below and its layer above: a⁽ˡ⁾ⱼ. */
const symbol = (name: string, layer: number, index: string) =>
  mathml`<msubsup><mi>${name}</mi><mn>${index}</mn><mrow><mo>(</mo><mn>${layer}</mn><mo>)</mo></mrow></msubsup>`;
const d = (top: unknown, bottom: unknown) => mathml`<mfrac><mrow><mo>∂</mo>${top}</mrow><mrow><mo>∂</mo>${bottom}</mrow></mfrac>`;
const L = mathml`<mi>L</mi>`;
const times = mathml`<mo>×</mo>`;
const dot = mathml`<mo>·</mo>`;
const row = (left: unknown, right: unknown) => mathml`<mtr><mtd>${left}</mtd><mtd><mo>=</mo></mtd><mtd>${right}</mtd></mtr>`;

/**
 * The chain rule for one weight or bias, as MathML rows: the symbols, then (once the
 * backward pass has reached it) the same with the reader's numbers, all from the core's
 * pass (f′ from the activation registry); for a hidden neuron, how its ∂L/∂a gathers the
 * deltas of the layer after. Every number is text in a lit binding, never markup.
 */
export function renderChain(walk: Walk, place: ParameterPlace, numbers: boolean, fmt: Fmt) {
  const { network, result } = walk;
  const [k, j, i] = place;
  const l = k + 1;
  const bias = i === undefined;
  const f = network.activationOf(k);
  const vector = !!f.applyVector;
  const a = symbol('a', l, String(j));
  const z = symbol('z', l, String(j));
  const w = bias ? symbol('b', k, String(j)) : mathml`<msubsup><mi>w</mi><mrow><mn>${j}</mn><mo>,</mo><mn>${i}</mn></mrow><mrow><mo>(</mo><mn>${k}</mn><mo>)</mo></mrow></msubsup>`;
  const node = result.nodes[l];
  const gradient = bias ? result.biases[k][j] : result.weights[k][j][i!];
  // ∂z/∂b is exactly 1; ∂z/∂w is the activation the weight multiplies.
  const local = bias ? mathml`<mn>1</mn>` : num(fmt, result.nodes[k].a[i!]);
  // ∂L/∂w = ∂L/∂a · ∂a/∂z · ∂z/∂w; softmax's a depends on every z of its layer, so its chain starts at ∂L/∂z.
  const chain = vector ? mathml`${d(L, z)}${dot}${d(z, w)}` : mathml`${d(L, a)}${dot}${d(a, z)}${dot}${d(z, w)}`;
  const values = vector
    ? mathml`${num(fmt, node.dz[j])}${times}${local}`
    : mathml`${num(fmt, node.da[j])}${times}${num(fmt, f.df(node.z[j], node.a[j]))}${times}${local}`;
  const rows = [row(d(L, w), chain)];
  if (numbers) rows.push(row(mathml`<mrow></mrow>`, mathml`${values}<mo>=</mo>${num(fmt, gradient)}`));
  if (numbers && l < network.depth) {
    // ∂L/∂a of a hidden neuron: Σₘ w⁽ˡ⁾ₘⱼ · ∂L/∂z⁽ˡ⁺¹⁾ₘ, with the numbers of each term.
    const next = result.nodes[l + 1];
    const terms = next.dz.map((dz, m) => mathml`${m ? mathml`<mo>+</mo>` : nothing}${num(fmt, network.weights[network.weightIndex(l, m, j)])}${times}${num(fmt, dz)}`);
    const sum = mathml`<munder><mo>∑</mo><mi>m</mi></munder><msubsup><mi>w</mi><mrow><mi>m</mi><mo>,</mo><mn>${j}</mn></mrow><mrow><mo>(</mo><mn>${l}</mn><mo>)</mo></mrow></msubsup>${d(L, symbol('z', l + 1, 'm'))}`;
    rows.push(row(d(L, a), sum));
    rows.push(row(mathml`<mrow></mrow>`, mathml`${terms}<mo>=</mo>${num(fmt, node.da[j])}`));
  }
  return mathml`<math display="block" class="chain"><mtable columnalign="right center left">${rows}</mtable></math>`;
}
