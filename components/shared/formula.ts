import { mathml } from 'lit';
import { unsafeMathML } from 'lit/directives/unsafe-mathml.js';
import type { Activation } from '../../src/index.js';

/** The relation the core's formula states: "≈" for an approximation (GELU), else "=". */
export const relationOf = (activation: Activation): '=' | '≈' => (activation.formula.text.includes('≈') ? '≈' : '=');

/** `f(argument)` as MathML, f being the registry's symbol; the argument is text (a lit binding), never markup. */
export function applied(activation: Activation, argument: string) {
  const arg = argument === 'z' ? mathml`<mi>z</mi>` : mathml`<mn>${argument}</mn>`;
  return mathml`<mrow><mi>${activation.symbol}</mi><mo stretchy="false">(</mo>${arg}<mo stretchy="false">)</mo></mrow>`;
}

/** "wide" for the longest formula (GELU), "long" for ones such as Leaky ReLU's: they get smaller in narrow layouts. */
export function formulaWidth(activation: Activation): 'wide' | 'long' | '' {
  const length = activation.formula.text.length;
  return length > 40 ? 'wide' : length > 26 ? 'long' : '';
}

/**
 * The definition f(z) = (the core's formula), as the inside of a MathML row. The right-hand
 * side is the core's trusted, constant MathML; nothing from attributes goes into it.
 */
export const definition = (activation: Activation) =>
  mathml`${applied(activation, 'z')}<mo>${relationOf(activation)}</mo>${unsafeMathML(activation.formula.mathml)}`;
