import { getActivation } from './activations.js';
import { check, isFiniteNumber } from './errors.js';

export interface NeuronInput {
  inputs: readonly number[];
  weights: readonly number[];
  bias: number;
  /** Any scalar activation name (default "sigmoid"). */
  activation?: string;
}

/** Every number in a single neuron's computation, for the calculator to show. */
export interface NeuronResult {
  /** wᵢ·xᵢ for each input. */
  terms: number[];
  /** Σ wᵢ·xᵢ. */
  sum: number;
  /** Σ wᵢ·xᵢ + b. */
  z: number;
  /** f(z). */
  output: number;
  /** f′(z). */
  slope: number;
}

/** Computes one neuron: each term wᵢ·xᵢ, z = Σ + b and f(z). */
export function computeNeuron({ inputs, weights, bias, activation = 'sigmoid' }: NeuronInput): NeuronResult {
  const f = getActivation(activation);
  check(!f.applyVector, `"${f.name}" works on a whole layer, not on one neuron; pick another activation.`);
  check(inputs.length > 0, 'A neuron needs at least one input.');
  check(
    weights.length === inputs.length,
    `There are ${inputs.length} inputs but ${weights.length} weights; give one weight per input.`,
  );
  check([...inputs, ...weights, bias].every(isFiniteNumber), 'Inputs, weights and bias must be finite numbers.');
  const terms = inputs.map((x, i) => weights[i] * x);
  const sum = terms.reduce((a, b) => a + b, 0);
  const z = sum + bias;
  const output = f.f(z);
  return { terms, sum, z, output, slope: f.df(z, output) };
}
