import { html, mathml } from 'lit';
import { unsafeMathML } from 'lit/directives/unsafe-mathml.js';
import type { Activation } from '../../src/index.js';

/** The function's short name and relation sign, read from the core's text formula ("σ(z) = …"). */
export function formulaHead(activation: Activation): { name: string; relation: string } {
  const match = /^(.+?)\(z\)\s*([=≈])/.exec(activation.formula.text);
  return match ? { name: match[1], relation: match[2] } : { name: 'f', relation: '=' };
}

/** `name(argument)` as MathML; the argument is text (a lit binding), never markup. */
export function applied(activation: Activation, argument: string, prime = false) {
  const { name } = formulaHead(activation);
  const head = prime ? mathml`<msup><mi>${name}</mi><mo>′</mo></msup>` : mathml`<mi>${name}</mi>`;
  const arg = argument === 'z' ? mathml`<mi>z</mi>` : mathml`<mn>${argument}</mn>`;
  return mathml`<mrow>${head}<mo stretchy="false">(</mo>${arg}<mo stretchy="false">)</mo></mrow>`;
}

/** "wide" for the longest formula (GELU), "long" for ones such as Leaky ReLU's: they get smaller in narrow layouts. */
export function formulaWidth(activation: Activation): 'wide' | 'long' | '' {
  const length = activation.formula.text.length;
  return length > 40 ? 'wide' : length > 26 ? 'long' : '';
}

/**
 * The activation's formula, e.g. σ(z) = 1 / (1 + e^−z). The right-hand side is the
 * core's trusted, constant MathML; nothing from attributes goes into it.
 */
export function renderFormula(activation: Activation) {
  const { relation } = formulaHead(activation);
  return html`<math class="formula ${formulaWidth(activation)}"
    ><mrow>${applied(activation, 'z')}<mo>${relation}</mo>${unsafeMathML(activation.formula.mathml)}</mrow></math
  >`;
}

/** The output range in words, e.g. "0 to 1", "0 to ∞". */
export function describeRange(activation: Activation, format: (value: number) => string): string {
  const [low, high] = activation.range;
  return `${format(low)} to ${format(high)}`;
}
