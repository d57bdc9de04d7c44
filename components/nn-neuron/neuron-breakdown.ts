import { html, mathml } from 'lit';
import type { Activation, NeuronResult } from '../../src/index.js';
import { signClass } from '../shared/colors.js';
import { applied, definition, formulaWidth } from '../shared/formula.js';
import { format } from '../shared/strings.js';
import type { NeuronStrings } from './nn-neuron.strings.js';

export interface BreakdownModel {
  labels: readonly string[];
  inputs: readonly number[];
  weights: readonly number[];
  bias: number;
  result: NeuronResult;
  activation: Activation;
  format: (value: number) => string;
  formatInput: (value: number) => string;
  words: NeuronStrings;
}

/** The computation with the reader's numbers: each wᵢ·xᵢ, their sum, + b = z, f(z). */
export function renderBreakdown(m: BreakdownModel) {
  return html`
    <table class="breakdown number" part="breakdown">
      <caption>
        ${m.words.caption}
      </caption>
      <thead>
        <tr>
          <th scope="col">${m.words.input}</th>
          <th scope="col" class="num">w</th>
          <th scope="col" class="op" aria-hidden="true"></th>
          <th scope="col" class="num">x</th>
          <th scope="col" class="num">w · x</th>
        </tr>
      </thead>
      <tbody>
        ${m.inputs.map(
          (x, i) => html`<tr>
            <th scope="row" class="name">${m.labels[i]}</th>
            <td class="num">${m.format(m.weights[i])}</td>
            <td class="op" aria-hidden="true">×</td>
            <td class="num">${m.formatInput(x)}</td>
            <td class="num term">${m.format(m.result.terms[i])}</td>
          </tr>`,
        )}
      </tbody>
      <tfoot>
        <tr class="sum">
          <th scope="row" colspan="4">${m.words.sum}</th>
          <td class="num">${m.format(m.result.sum)}</td>
        </tr>
        <tr>
          <th scope="row" colspan="4">${m.words.plusBias}</th>
          <td class="num">${m.format(m.bias)}</td>
        </tr>
        <tr class="z">
          <th scope="row" colspan="4">= z</th>
          <td class="num z-value">${m.format(m.result.z)}</td>
        </tr>
        <tr class="out">
          <th scope="row" colspan="4">${format(m.words.outputOf, { f: m.activation.symbol })}</th>
          <td class="num output-value">${m.format(m.result.output)}</td>
        </tr>
      </tfoot>
    </table>
  `;
}

/** The class of a live value: coloured by its sign, or plain when it is not a number. */
const liveClass = (value: number) => `live ${Number.isNaN(value) ? '' : signClass(value)}`;

/**
 * The formulas as MathML with the live values: z = Σ wᵢxᵢ + b = sum ± |b| = z, and
 * f(z) = (the core's formula) = f(z value) = output. Values are lit text bindings; z and
 * the output are coloured by their sign.
 */
export function renderLiveFormula(m: BreakdownModel) {
  const sign = m.bias < 0 ? '−' : '+';
  const sum = mathml`<mi>z</mi><mo>=</mo><munder><mo>∑</mo><mi>i</mi></munder><msub><mi>w</mi><mi>i</mi></msub><msub><mi>x</mi><mi>i</mi></msub><mo>+</mo><mi>b</mi>`;
  const values = mathml`<mo>=</mo><mn>${m.format(m.result.sum)}</mn><mo>${sign}</mo><mn>${m.format(Math.abs(m.bias))}</mn>`;
  const z = mathml`<mo>=</mo><mn class=${liveClass(m.result.z)}>${m.format(m.result.z)}</mn>`;
  const value = applied(m.activation, m.format(m.result.z));
  const output = mathml`<mo>=</mo><mn class=${liveClass(m.result.output)}>${m.format(m.result.output)}</mn>`;
  // The lines with values are two math pieces each, which wrap before the "=" (<wbr>) in a narrow panel.
  return html`
    <div class="formulas" part="formula">
      <div><math class="formula"><mrow>${sum}</mrow></math></div>
      <div class="continued"><math class="formula"><mrow>${values}</mrow></math><wbr /><math class="formula"><mrow>${z}</mrow></math></div>
      <div><math class="formula ${formulaWidth(m.activation)}"><mrow>${definition(m.activation)}</mrow></math></div>
      <div><math class="formula">${value}</math><wbr /><math class="formula"><mrow>${output}</mrow></math></div>
    </div>
  `;
}
