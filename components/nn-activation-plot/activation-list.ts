import { type Activation, NnKitError, scalarActivationNames } from '../../src/index.js';
import { checkScalarActivation } from '../shared/scalar-activation.js';

/** Parses "sigmoid, tanh, relu" into scalar activations (at least one). */
export function checkScalarActivationList(text: unknown, attribute = 'activation'): Activation[] {
  const names = typeof text === 'string' ? text.split(',').map((item) => item.trim()).filter((item) => item !== '') : [];
  if (names.length === 0) return [checkScalarActivation('', attribute)];
  // Each activation once at most: a longer list only repeats, and thousands of curves would freeze the page.
  if (names.length > scalarActivationNames.length) {
    throw new NnKitError(`${attribute} lists ${names.length} names; a plot shows at most ${scalarActivationNames.length}, e.g. "sigmoid, tanh, relu".`);
  }
  return names.map((item) => checkScalarActivation(item, attribute));
}
