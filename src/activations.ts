import { lookup } from './errors.js';
import { tanh } from './tanh.js';

/** How an activation's weights are first drawn: Glorot/Xavier or He uniform. */
export type Initializer = 'glorot' | 'he';

/** One activation function: everything a plot, a neuron and a trainer need to know. */
export interface Activation {
  readonly name: string;
  /** A human name, e.g. "Leaky ReLU". */
  readonly label: string;
  /** The function's symbol in formulas and diagrams, e.g. "σ" for sigmoid, "ReLU"; "f" when it has none. */
  readonly symbol: string;
  /** f(z). For a vector activation (softmax) this is unused; see `applyVector`. */
  readonly f: (z: number) => number;
  /** f′(z), given z and y = f(z) (many derivatives are cheapest from y). */
  readonly df: (z: number, y: number) => number;
  /** The open or closed output range [min, max]; ±Infinity where unbounded. */
  readonly range: readonly [number, number];
  /** The formula for display: plain text, and MathML (the right-hand side only). */
  readonly formula: { readonly text: string; readonly mathml: string };
  /** Weight initialisation that keeps signals well scaled through this activation. */
  readonly initializer: Initializer;
  /** False for activations with no useful gradient (step): usable forward only. */
  readonly trainable: boolean;
  /** Softmax: acts on a whole layer, output layer only. */
  readonly applyVector?: (z: Float64Array, y: Float64Array, start: number, end: number) => void;
  /** y = f(z) over [start, end): the forward pass's loop, with f inlined where it is hot (softmax: over the whole range). */
  readonly forwardLayer: (z: Float64Array, y: Float64Array, start: number, end: number) => void;
  /** delta[i] *= f′(z[i], y[i]) over [start, end): backpropagation's loop. */
  readonly backwardLayer: (z: Float64Array, y: Float64Array, delta: Float64Array, start: number, end: number) => void;
}

type LayerLoops = Pick<Activation, 'forwardLayer' | 'backwardLayer'>;

/**
 * The layer loops for an activation. The loops call `f` and `df` directly, so each
 * activation gets loops of its own that V8 can inline its function into (tanh, sigmoid
 * and ReLU, the hot ones, are written out below with the same functions).
 */
function loopsOf(f: (z: number) => number, df: (z: number, y: number) => number): LayerLoops {
  return {
    forwardLayer(z, y, start, end) {
      for (let i = start; i < end; i++) y[i] = f(z[i]);
    },
    backwardLayer(z, y, delta, start, end) {
      for (let i = start; i < end; i++) delta[i] *= df(z[i], y[i]);
    },
  };
}

const GELU_C = Math.sqrt(2 / Math.PI);
const LEAKY_SLOPE = 0.01;

function sigmoid(z: number): number {
  if (z >= 0) return 1 / (1 + Math.exp(-z));
  const e = Math.exp(z);
  return e / (1 + e);
}

const sigmoidSlope = (_z: number, y: number) => y * (1 - y);
const tanhSlope = (_z: number, y: number) => 1 - y * y;
const relu = (z: number) => (z > 0 ? z : 0);
const reluSlope = (z: number) => (z > 0 ? 1 : 0);

function softplus(z: number): number {
  return z > 30 ? z : Math.log1p(Math.exp(z));
}

/** Softmax over z[start..end) into y, shifted by the maximum so it never overflows. */
function softmax(z: Float64Array, y: Float64Array, start: number, end: number): void {
  let max = -Infinity;
  for (let i = start; i < end; i++) if (z[i] > max) max = z[i];
  let sum = 0;
  for (let i = start; i < end; i++) {
    y[i] = Math.exp(z[i] - max);
    sum += y[i];
  }
  for (let i = start; i < end; i++) y[i] /= sum;
}

const mi = (s: string) => `<mi>${s}</mi>`;
const mn = (s: string) => `<mn>${s}</mn>`;
const mo = (s: string) => `<mo>${s}</mo>`;
const row = (...parts: string[]) => `<mrow>${parts.join('')}</mrow>`;
const frac = (a: string, b: string) => `<mfrac>${a}${b}</mfrac>`;
const sup = (a: string, b: string) => `<msup>${a}${b}</msup>`;
const expMinusZ = sup(mi('e'), row(mo('−'), mi('z')));

function entry(
  spec: Omit<Activation, 'trainable' | 'initializer' | 'forwardLayer' | 'backwardLayer'> & Partial<Activation>,
): Activation {
  return Object.freeze({ trainable: true, initializer: 'glorot' as const, ...loopsOf(spec.f, spec.df), ...spec });
}

/** Every activation nn-kit knows, by name. Elements read these; none re-implements one. */
export const activations: Readonly<Record<string, Activation>> = Object.freeze({
  sigmoid: entry({
    name: 'sigmoid',
    label: 'Sigmoid',
    symbol: 'σ',
    f: sigmoid,
    df: sigmoidSlope,
    forwardLayer(z, y, start, end) {
      for (let i = start; i < end; i++) y[i] = sigmoid(z[i]);
    },
    backwardLayer(_z, y, delta, start, end) {
      for (let i = start; i < end; i++) delta[i] *= sigmoidSlope(0, y[i]);
    },
    range: [0, 1],
    formula: {
      text: 'σ(z) = 1 / (1 + e^−z)',
      mathml: frac(mn('1'), row(mn('1'), mo('+'), expMinusZ)),
    },
  }),
  tanh: entry({
    name: 'tanh',
    label: 'Tanh',
    symbol: 'tanh',
    f: tanh,
    df: tanhSlope,
    forwardLayer(z, y, start, end) {
      for (let i = start; i < end; i++) y[i] = tanh(z[i]);
    },
    backwardLayer(_z, y, delta, start, end) {
      for (let i = start; i < end; i++) delta[i] *= tanhSlope(0, y[i]);
    },
    range: [-1, 1],
    formula: {
      text: 'tanh(z) = (e^z − e^−z) / (e^z + e^−z)',
      mathml: frac(
        row(sup(mi('e'), mi('z')), mo('−'), expMinusZ),
        row(sup(mi('e'), mi('z')), mo('+'), expMinusZ),
      ),
    },
  }),
  relu: entry({
    name: 'relu',
    label: 'ReLU',
    symbol: 'ReLU',
    f: relu,
    df: reluSlope,
    forwardLayer(z, y, start, end) {
      for (let i = start; i < end; i++) y[i] = relu(z[i]);
    },
    backwardLayer(z, _y, delta, start, end) {
      for (let i = start; i < end; i++) delta[i] *= reluSlope(z[i]);
    },
    range: [0, Infinity],
    initializer: 'he',
    formula: {
      text: 'ReLU(z) = max(0, z)',
      mathml: row(mi('max'), mo('('), mn('0'), mo(','), mi('z'), mo(')')),
    },
  }),
  'leaky-relu': entry({
    name: 'leaky-relu',
    label: 'Leaky ReLU',
    symbol: 'LeakyReLU',
    f: (z) => (z > 0 ? z : LEAKY_SLOPE * z),
    df: (z) => (z > 0 ? 1 : LEAKY_SLOPE),
    range: [-Infinity, Infinity],
    initializer: 'he',
    formula: {
      text: 'LeakyReLU(z) = max(0.01·z, z)',
      mathml: row(mi('max'), mo('('), mn('0.01'), mo('⁢'), mi('z'), mo(','), mi('z'), mo(')')),
    },
  }),
  elu: entry({
    name: 'elu',
    label: 'ELU',
    symbol: 'ELU',
    f: (z) => (z > 0 ? z : Math.expm1(z)),
    df: (z, y) => (z > 0 ? 1 : y + 1),
    range: [-1, Infinity],
    initializer: 'he',
    formula: {
      text: 'ELU(z) = z if z > 0, else e^z − 1',
      mathml: row(
        mo('{'),
        `<mtable><mtr><mtd>${mi('z')}</mtd><mtd>${row(mi('z'), mo('&gt;'), mn('0'))}</mtd></mtr>` +
          `<mtr><mtd>${row(sup(mi('e'), mi('z')), mo('−'), mn('1'))}</mtd><mtd>${row(mi('z'), mo('≤'), mn('0'))}</mtd></mtr></mtable>`,
      ),
    },
  }),
  gelu: entry({
    name: 'gelu',
    label: 'GELU',
    symbol: 'GELU',
    f: (z) => 0.5 * z * (1 + tanh(GELU_C * (z + 0.044715 * z * z * z))),
    df: (z) => {
      const t = tanh(GELU_C * (z + 0.044715 * z * z * z));
      return 0.5 * (1 + t) + 0.5 * z * (1 - t * t) * GELU_C * (1 + 3 * 0.044715 * z * z);
    },
    range: [-0.1701, Infinity],
    initializer: 'he',
    formula: {
      text: 'GELU(z) ≈ ½·z·(1 + tanh(√(2/π)·(z + 0.044715·z³)))',
      mathml: row(
        frac(mn('1'), mn('2')),
        mi('z'),
        mo('('),
        mn('1'),
        mo('+'),
        mi('tanh'),
        mo('('),
        `<msqrt>${frac(mn('2'), mi('π'))}</msqrt>`,
        mo('('),
        mi('z'),
        mo('+'),
        mn('0.044715'),
        sup(mi('z'), mn('3')),
        mo(')'),
        mo(')'),
        mo(')'),
      ),
    },
  }),
  swish: entry({
    name: 'swish',
    label: 'Swish (SiLU)',
    symbol: 'swish',
    f: (z) => z * sigmoid(z),
    df: (z) => {
      const s = sigmoid(z);
      return s + z * s * (1 - s);
    },
    range: [-0.28, Infinity],
    initializer: 'he',
    formula: {
      text: 'swish(z) = z · σ(z)',
      mathml: frac(mi('z'), row(mn('1'), mo('+'), expMinusZ)),
    },
  }),
  softplus: entry({
    name: 'softplus',
    label: 'Softplus',
    symbol: 'softplus',
    f: softplus,
    df: (z) => sigmoid(z),
    range: [0, Infinity],
    formula: {
      text: 'softplus(z) = ln(1 + e^z)',
      mathml: row(mi('ln'), mo('('), mn('1'), mo('+'), sup(mi('e'), mi('z')), mo(')')),
    },
  }),
  linear: entry({
    name: 'linear',
    label: 'Linear',
    symbol: 'f',
    f: (z) => z,
    df: () => 1,
    range: [-Infinity, Infinity],
    formula: { text: 'f(z) = z', mathml: mi('z') },
  }),
  step: entry({
    name: 'step',
    label: 'Step',
    symbol: 'step',
    f: (z) => (z >= 0 ? 1 : 0),
    df: () => 0,
    range: [0, 1],
    trainable: false,
    formula: {
      text: 'step(z) = 1 if z ≥ 0, else 0',
      mathml: row(
        mo('{'),
        `<mtable><mtr><mtd>${mn('1')}</mtd><mtd>${row(mi('z'), mo('≥'), mn('0'))}</mtd></mtr>` +
          `<mtr><mtd>${mn('0')}</mtd><mtd>${row(mi('z'), mo('&lt;'), mn('0'))}</mtd></mtr></mtable>`,
      ),
    },
  }),
  softmax: entry({
    name: 'softmax',
    label: 'Softmax',
    symbol: 'softmax',
    // Softmax acts on a whole layer (applyVector); alone, one value's softmax is 1.
    f: () => 1,
    df: () => 0,
    range: [0, 1],
    applyVector: softmax,
    forwardLayer: softmax,
    formula: {
      text: 'softmax(z)ᵢ = e^zᵢ / Σⱼ e^zⱼ',
      mathml: frac(sup(mi('e'), `<msub>${mi('z')}${mi('i')}</msub>`), row(`<munder>${mo('∑')}${mi('j')}</munder>`, sup(mi('e'), `<msub>${mi('z')}${mi('j')}</msub>`))),
    },
  }),
});

/** The names of activations that act on one number at a time (all but softmax). */
export const scalarActivationNames: readonly string[] = Object.keys(activations).filter(
  (name) => !activations[name].applyVector,
);

/** Looks up an activation by name, with an error that lists the accepted names. */
export function getActivation(name: unknown): Activation {
  return lookup(activations, name, 'activation');
}
