import { lookup } from './errors.js';

/** A weight penalty added to the loss (Keras convention: rate · Σ|w| or rate · Σw²). */
export interface Regularization {
  readonly name: string;
  readonly label: string;
  /** The penalty for one weight, before multiplying by the rate. */
  readonly penalty: (w: number) => number;
  /** Its derivative with respect to the weight. */
  readonly gradient: (w: number) => number;
}

/** Every weight penalty nn-kit knows, by name. */
export const regularizations: Readonly<Record<string, Regularization>> = Object.freeze({
  none: Object.freeze<Regularization>({ name: 'none', label: 'None', penalty: () => 0, gradient: () => 0 }),
  l1: Object.freeze<Regularization>({
    name: 'l1',
    label: 'L1',
    penalty: Math.abs,
    gradient: (w) => (w > 0 ? 1 : w < 0 ? -1 : 0),
  }),
  l2: Object.freeze<Regularization>({ name: 'l2', label: 'L2', penalty: (w) => w * w, gradient: (w) => 2 * w }),
});

/** Looks up a regularization by name, with an error that lists the accepted names. */
export function getRegularization(name: unknown): Regularization {
  return lookup(regularizations, name, 'regularization');
}
