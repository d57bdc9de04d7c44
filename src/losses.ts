import { lookup } from './errors.js';

/**
 * One loss function, following the Keras / TensorFlow.js conventions so results can be
 * compared with them. Each works on one sample; the trainer takes the mean over a batch.
 */
export interface Loss {
  readonly name: string;
  readonly label: string;
  readonly formula: { readonly text: string };
  /** The sample's loss, from outputs y[yStart..yStart+n) and targets t[tStart..). */
  readonly value: (y: Float64Array, yStart: number, t: Float64Array, tStart: number, n: number) => number;
  /** Writes ∂loss/∂yᵢ into grad[yStart..yStart+n). */
  readonly gradient: (
    y: Float64Array,
    yStart: number,
    t: Float64Array,
    tStart: number,
    n: number,
    grad: Float64Array,
  ) => void;
  /**
   * The output activation whose pairing with this loss has a simple, stable gradient
   * with respect to z (sigmoid + binary cross-entropy, softmax + cross-entropy).
   */
  readonly pairedActivation?: string;
  /** ∂loss/∂zᵢ for that pairing, written into grad. */
  readonly pairedGradient?: Loss['gradient'];
}

/** Keras clips probabilities to [ε, 1 − ε] before taking logs; so do we. */
export const EPSILON = 1e-7;
const clip = (p: number) => (p < EPSILON ? EPSILON : p > 1 - EPSILON ? 1 - EPSILON : p);

/** Every loss nn-kit knows, by name. */
export const losses: Readonly<Record<string, Loss>> = Object.freeze({
  mse: Object.freeze<Loss>({
    name: 'mse',
    label: 'Mean squared error',
    formula: { text: 'L = (1/n) Σᵢ (yᵢ − tᵢ)²' },
    value(y, ys, t, ts, n) {
      let sum = 0;
      for (let i = 0; i < n; i++) {
        const d = y[ys + i] - t[ts + i];
        sum += d * d;
      }
      return sum / n;
    },
    gradient(y, ys, t, ts, n, grad) {
      for (let i = 0; i < n; i++) grad[ys + i] = (2 * (y[ys + i] - t[ts + i])) / n;
    },
  }),
  'binary-cross-entropy': Object.freeze<Loss>({
    name: 'binary-cross-entropy',
    label: 'Binary cross-entropy',
    formula: { text: 'L = −(1/n) Σᵢ [tᵢ·ln yᵢ + (1 − tᵢ)·ln(1 − yᵢ)]' },
    value(y, ys, t, ts, n) {
      let sum = 0;
      for (let i = 0; i < n; i++) {
        const p = clip(y[ys + i]);
        const target = t[ts + i];
        // Skip the log a 0/1 target multiplies by zero (p is clipped, so both logs are finite).
        if (target !== 0) sum -= target * Math.log(p);
        if (target !== 1) sum -= (1 - target) * Math.log(1 - p);
      }
      return sum / n;
    },
    gradient(y, ys, t, ts, n, grad) {
      for (let i = 0; i < n; i++) {
        const p = clip(y[ys + i]);
        grad[ys + i] = (p - t[ts + i]) / (p * (1 - p) * n);
      }
    },
    pairedActivation: 'sigmoid',
    pairedGradient(y, ys, t, ts, n, grad) {
      for (let i = 0; i < n; i++) grad[ys + i] = (y[ys + i] - t[ts + i]) / n;
    },
  }),
  'cross-entropy': Object.freeze<Loss>({
    name: 'cross-entropy',
    label: 'Cross-entropy',
    formula: { text: 'L = −Σᵢ tᵢ·ln yᵢ' },
    value(y, ys, t, ts, n) {
      let sum = 0;
      for (let i = 0; i < n; i++) {
        const target = t[ts + i];
        if (target !== 0) sum -= target * Math.log(clip(y[ys + i]));
      }
      return sum;
    },
    gradient(y, ys, t, ts, n, grad) {
      for (let i = 0; i < n; i++) grad[ys + i] = -t[ts + i] / clip(y[ys + i]);
    },
    pairedActivation: 'softmax',
    pairedGradient(y, ys, t, ts, n, grad) {
      let targetSum = 0;
      for (let i = 0; i < n; i++) targetSum += t[ts + i];
      for (let i = 0; i < n; i++) grad[ys + i] = y[ys + i] * targetSum - t[ts + i];
    },
  }),
});

/** Looks up a loss by name, with an error that lists the accepted names. */
export function getLoss(name: unknown): Loss {
  return lookup(losses, name, 'loss');
}
