import { lookup } from './errors.js';

/** Per-parameter memory an optimizer keeps between steps. */
export interface OptimizerState {
  readonly first: Float64Array;
  readonly second: Float64Array;
}

/** A gradient-descent update rule, applied in place to one parameter array. */
export interface Optimizer {
  readonly name: string;
  readonly label: string;
  /** How many values per parameter it remembers between steps (momentum 1, Adam 2). */
  readonly slots: 0 | 1 | 2;
  /**
   * params -= update(gradients); `step` counts from 1 (Adam's bias correction uses it).
   * Returns false when a parameter came out NaN or infinite (a non-finite gradient always does that).
   */
  readonly update: (
    params: Float64Array,
    gradients: Float64Array,
    state: OptimizerState,
    learningRate: number,
    step: number,
  ) => boolean;
}

/** Momentum's coefficient and Adam's β₁, β₂ and ε, as in Keras. */
export const MOMENTUM = 0.9;
const BETA1 = 0.9;
const BETA2 = 0.999;
const ADAM_EPSILON = 1e-7;

/** Adam's rate at `step` (from 1): α·√(1 − β₂ᵗ)/(1 − β₁ᵗ), the bias correction folded into α as Keras does. */
export function adamRate(learningRate: number, step: number): number {
  return (learningRate * Math.sqrt(1 - BETA2 ** step)) / (1 - BETA1 ** step);
}

/** Makes the zeroed state for `size` parameters, with the memory slots an optimizer uses (both by default). */
export function createOptimizerState(size: number, slots = 2): OptimizerState {
  return { first: new Float64Array(slots >= 1 ? size : 0), second: new Float64Array(slots >= 2 ? size : 0) };
}

/** Every optimizer nn-kit knows, by name. Each update sums params × 0 as it goes: 0 unless one is NaN or ±∞. */
export const optimizers: Readonly<Record<string, Optimizer>> = Object.freeze({
  sgd: Object.freeze<Optimizer>({
    name: 'sgd',
    label: 'Gradient descent',
    slots: 0,
    update(params, gradients, _state, learningRate) {
      let zero = 0;
      for (let i = 0; i < params.length; i++) {
        params[i] -= learningRate * gradients[i];
        zero += params[i] * 0;
      }
      return zero === 0;
    },
  }),
  momentum: Object.freeze<Optimizer>({
    name: 'momentum',
    label: 'Momentum',
    slots: 1,
    update(params, gradients, { first: velocity }, learningRate) {
      let zero = 0;
      for (let i = 0; i < params.length; i++) {
        velocity[i] = MOMENTUM * velocity[i] - learningRate * gradients[i];
        params[i] += velocity[i];
        zero += params[i] * 0;
      }
      return zero === 0;
    },
  }),
  adam: Object.freeze<Optimizer>({
    name: 'adam',
    label: 'Adam',
    slots: 2,
    update(params, gradients, { first, second }, learningRate, step) {
      const rate = adamRate(learningRate, step);
      let zero = 0;
      for (let i = 0; i < params.length; i++) {
        const g = gradients[i];
        first[i] = BETA1 * first[i] + (1 - BETA1) * g;
        second[i] = BETA2 * second[i] + (1 - BETA2) * g * g;
        params[i] -= rate * (first[i] / (Math.sqrt(second[i]) + ADAM_EPSILON));
        // g² can overflow while the parameter stays finite: that would freeze it for good.
        zero += params[i] * 0 + second[i] * 0;
      }
      return zero === 0;
    },
  }),
});

/** Looks up an optimizer by name, with an error that lists the accepted names. */
export function getOptimizer(name: unknown): Optimizer {
  return lookup(optimizers, name, 'optimizer');
}
