import { mathml, nothing } from 'lit';
import type { StepPreview } from '../../src/index.js';
import { formatTick } from '../shared/format.js';
import { ruleNumber } from './numbers.js';

/** A number as MathML, in parentheses when negative (it follows an operator). */
const num = (value: number) => {
  const text = ruleNumber(value);
  return text.startsWith('−') ? mathml`<mrow><mo>(</mo><mn>${text}</mn><mo>)</mo></mrow>` : mathml`<mn>${text}</mn>`;
};
/** The learning rate as the writer or reader set it: "0.1", not "0.1000". */
const alpha = (rate: number) => mathml`<mn>${formatTick(rate)}</mn>`;
/** The left-hand number, never in parentheses. */
const lead = (value: number) => mathml`<mn>${ruleNumber(value)}</mn>`;
const partial = (w: string) => mathml`<mfrac><mrow><mo>∂</mo><mi>L</mi></mrow><mrow><mo>∂</mo><mi>${w}</mi></mrow></mfrac>`;
const next = (w: string) => mathml`<msub><mi>${w}</mi><mtext>new</mtext></msub>`;
const row = (left: unknown, right: unknown) => mathml`<mtr><mtd>${left}</mtd><mtd><mo>=</mo></mtd><mtd>${right}</mtd></mtr>`;

/** Plain gradient descent: w_new = w − α ∂L/∂w, then the numbers. */
function sgdRows(w: string, from: number, gradient: number, rate: number, to: number) {
  return mathml`
    ${row(next(w), mathml`<mi>${w}</mi><mo>−</mo><mi>α</mi>${partial(w)}`)}
    ${row(lead(to), mathml`${lead(from)}<mo>−</mo>${alpha(rate)}<mo>×</mo>${num(gradient)}`)}`;
}

/** Momentum: v_new = 0.9 v − α ∂L/∂w; w_new = w + v_new, each with its numbers. */
function momentumRows(w: string, from: number, gradient: number, rate: number, to: number, before: number, after: number) {
  const v = mathml`<msub><mi>v</mi><mi>${w}</mi></msub>`;
  return mathml`
    ${row(mathml`<msub><mi>v</mi><mrow><mi>${w}</mi><mo>,</mo><mtext>new</mtext></mrow></msub>`, mathml`<mn>0.9</mn>${v}<mo>−</mo><mi>α</mi>${partial(w)}`)}
    ${row(lead(after), mathml`<mn>0.9</mn><mo>×</mo>${num(before)}<mo>−</mo>${alpha(rate)}<mo>×</mo>${num(gradient)}`)}
    ${row(next(w), mathml`<mi>${w}</mi><mo>+</mo><msub><mi>v</mi><mrow><mi>${w}</mi><mo>,</mo><mtext>new</mtext></mrow></msub>`)}
    ${row(lead(to), mathml`${lead(from)}<mo>+</mo>${num(after)}`)}`;
}

/** Adam (as Keras): w_new = w − αₜ m / (√v + ε), with the moments after this step. */
function adamRows(w: string, from: number, to: number, rate: number, mean: number, variance: number) {
  const sub = (name: string) => mathml`<msub><mi>${name}</mi><mi>${w}</mi></msub>`;
  return mathml`
    ${row(next(w), mathml`<mi>${w}</mi><mo>−</mo><msub><mi>α</mi><mi>t</mi></msub><mfrac>${sub('m')}<mrow><msqrt>${sub('v')}</msqrt><mo>+</mo><mi>ε</mi></mrow></mfrac>`)}
    ${row(lead(to), mathml`${lead(from)}<mo>−</mo>${num(rate)}<mo>×</mo><mfrac>${num(mean)}<mrow><msqrt>${lead(variance)}</msqrt><mo>+</mo><mi>ε</mi></mrow></mfrac>`)}`;
}

/**
 * The update rule of the first run's optimizer for both parameters, as MathML: the rule,
 * then the same with the numbers of the next step (all from the core's preview of it).
 */
export function renderRule(preview: StepPreview | undefined, optimizer: string, learningRate: number, names: readonly [string, string]) {
  const to = preview?.to;
  if (!preview || !to) return nothing;
  const rows = [0, 1].map((i) => {
    const w = names[i];
    const [from, goal] = i === 0 ? [preview.from.x, to.x] : [preview.from.y, to.y];
    if (optimizer === 'momentum' && preview.velocity) {
      return momentumRows(w, from, preview.gradient[i], learningRate, goal, preview.velocity.before[i], preview.velocity.after[i]);
    }
    if (optimizer === 'adam' && preview.moments) {
      return adamRows(w, from, goal, preview.moments.rate, preview.moments.mean[i], preview.moments.variance[i]);
    }
    return sgdRows(w, from, preview.gradient[i], learningRate, goal);
  });
  return mathml`<math display="block" class="rule"><mtable displaystyle="true">${rows}</mtable></math>`;
}
