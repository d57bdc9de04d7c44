import { type Activation, NnKitError, activations, listNames, scalarActivationNames } from '../../src/index.js';

/**
 * Looks up an activation that acts on one number (every one but softmax). The message
 * for a bad name lists the scalar activations, so a writer sees what to use instead.
 */
export function checkScalarActivation(name: unknown, attribute = 'activation'): Activation {
  const accepted = `Use ${listNames(scalarActivationNames)}.`;
  const key = typeof name === 'string' ? name.trim().toLowerCase() : '';
  if (key === '') throw new NnKitError(`${attribute} is empty. ${accepted}`);
  if (!Object.hasOwn(activations, key)) throw new NnKitError(`Unknown ${attribute} "${String(name).trim()}". ${accepted}`);
  const found = activations[key];
  if (found.applyVector) {
    throw new NnKitError(
      `"${found.name}" works on a whole layer of outputs at once, so it has no single curve and no single neuron. ${accepted}`,
    );
  }
  return found;
}
