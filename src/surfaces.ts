import { lookup } from './errors.js';

/** A rectangle of the (x, y) plane: the part of a landscape a view shows. */
export interface Bounds {
  readonly xMin: number;
  readonly xMax: number;
  readonly yMin: number;
  readonly yMax: number;
}

/** A loss of two parameters: its value, and its gradient written into `out` ([∂L/∂x, ∂L/∂y]). */
export interface Objective {
  readonly f: (x: number, y: number) => number;
  readonly gradient: (x: number, y: number, out: Float64Array) => Float64Array;
}

/**
 * One built-in loss landscape over two parameters x and y, each chosen to show one thing
 * gradient descent does: settle in a bowl, zig-zag in a ravine, stall at a saddle, crawl
 * along Rosenbrock's curved valley, stop in the nearer of two minima, creep over a plateau.
 */
export interface Surface extends Objective {
  readonly name: string;
  readonly label: string;
  /** L(x, y) for display: plain text, and MathML (the right-hand side only). */
  readonly formula: { readonly text: string; readonly mathml: string };
  /** The square shown by default. */
  readonly bounds: Bounds;
  /** Where descent starts by default. */
  readonly start: readonly [number, number];
  /** A learning rate at which plain gradient descent converges from the start. */
  readonly learningRate: number;
  /** The lowest points, deepest first (two-minima has two). */
  readonly minima: readonly (readonly [number, number])[];
}

const mi = (s: string) => `<mi>${s}</mi>`;
const mn = (s: string) => `<mn>${s}</mn>`;
const mo = (s: string) => `<mo>${s}</mo>`;
const sq = (base: string) => `<msup>${base}${mn('2')}</msup>`;
const paren = (...parts: string[]) => `<mrow>${mo('(')}${parts.join('')}${mo(')')}</mrow>`;
const frac = (a: string, b: string) => `<mfrac>${a}${b}</mfrac>`;
const [X, Y, PLUS, MINUS] = [mi('x'), mi('y'), mo('+'), mo('−')];

const square = (min: number, max: number): Bounds => ({ xMin: min, xMax: max, yMin: min, yMax: max });
const write = (out: Float64Array, gx: number, gy: number) => {
  out[0] = gx;
  out[1] = gy;
  return out;
};

/** Every built-in surface, by name. */
export const surfaces: Readonly<Record<string, Surface>> = Object.freeze({
  bowl: Object.freeze<Surface>({
    name: 'bowl',
    label: 'Bowl',
    f: (x, y) => x * x + y * y,
    gradient: (x, y, out) => write(out, 2 * x, 2 * y),
    formula: { text: 'L = x² + y²', mathml: sq(X) + PLUS + sq(Y) },
    bounds: square(-2, 2),
    start: [-1.5, 1.2],
    learningRate: 0.1,
    minima: [[0, 0]],
  }),
  ravine: Object.freeze<Surface>({
    name: 'ravine',
    label: 'Ravine',
    f: (x, y) => (x * x) / 20 + y * y,
    gradient: (x, y, out) => write(out, x / 10, 2 * y),
    formula: { text: 'L = x²/20 + y²', mathml: frac(sq(X), mn('20')) + PLUS + sq(Y) },
    bounds: square(-3, 3),
    start: [-2.8, 1.2],
    learningRate: 0.1,
    minima: [[0, 0]],
  }),
  saddle: Object.freeze<Surface>({
    name: 'saddle',
    label: 'Saddle point',
    f: (x, y) => x * x + ((y * y - 2) * (y * y - 2)) / 4,
    gradient: (x, y, out) => write(out, 2 * x, y * (y * y - 2)),
    formula: { text: 'L = x² + (y² − 2)²/4', mathml: sq(X) + PLUS + frac(sq(paren(sq(Y), MINUS, mn('2'))), mn('4')) },
    bounds: square(-2.5, 2.5),
    start: [-2, 0.02],
    learningRate: 0.1,
    minima: [
      [0, Math.SQRT2],
      [0, -Math.SQRT2],
    ],
  }),
  rosenbrock: Object.freeze<Surface>({
    name: 'rosenbrock',
    label: 'Rosenbrock valley',
    f: (x, y) => (1 - x) * (1 - x) + 100 * (y - x * x) * (y - x * x),
    gradient: (x, y, out) => write(out, -2 * (1 - x) - 400 * x * (y - x * x), 200 * (y - x * x)),
    formula: {
      text: 'L = (1 − x)² + 100 (y − x²)²',
      mathml: sq(paren(mn('1'), MINUS, X)) + PLUS + mn('100') + sq(paren(Y, MINUS, sq(X))),
    },
    bounds: { xMin: -2, xMax: 2, yMin: -1, yMax: 3 },
    start: [-1.2, 1],
    learningRate: 0.001,
    minima: [[1, 1]],
  }),
  'two-minima': Object.freeze<Surface>({
    name: 'two-minima',
    label: 'Two minima',
    f: (x, y) => (x * x - 1) * (x * x - 1) + x / 2 + y * y,
    gradient: (x, y, out) => write(out, 4 * x * (x * x - 1) + 0.5, 2 * y),
    formula: { text: 'L = (x² − 1)² + x/2 + y²', mathml: sq(paren(sq(X), MINUS, mn('1'))) + PLUS + frac(X, mn('2')) + PLUS + sq(Y) },
    bounds: square(-2, 2),
    start: [0.2, 1.5],
    learningRate: 0.1,
    // Roots of 4x³ − 4x + ½ = 0 (Newton's method): the deeper on the left.
    minima: [
      [-1.057453770738378, 0],
      [0.9304029265558517, 0],
    ],
  }),
  plateau: Object.freeze<Surface>({
    name: 'plateau',
    label: 'Plateau',
    f: (x, y) => 1 - Math.exp(-(x * x + y * y) / 2),
    gradient: (x, y, out) => {
      const e = Math.exp(-(x * x + y * y) / 2);
      return write(out, x * e, y * e);
    },
    formula: {
      text: 'L = 1 − e^(−(x² + y²)/2)',
      mathml: mn('1') + MINUS + `<msup>${mi('e')}<mrow>${MINUS}${frac(paren(sq(X), PLUS, sq(Y)), mn('2'))}</mrow></msup>`,
    },
    bounds: square(-3.5, 3.5),
    start: [2.5, 2],
    learningRate: 0.1,
    minima: [[0, 0]],
  }),
});

/** Looks up a surface by name, with an error that lists the accepted names. */
export function getSurface(name: unknown): Surface {
  return lookup(surfaces, name, 'surface');
}

/** The smallest and largest finite values of a sampled grid (NaN when it holds none). */
export interface GridExtent {
  min: number;
  max: number;
}

/**
 * Samples `f` at the centres of a `columns` × `rows` grid of cells over `bounds` into `out`
 * (row-major, row 0 at the top, yMax), cells `from` to `from + count − 1` only, so a slow
 * `f` can be sampled a part at a time. Returns the extent of the finite values it wrote.
 */
export function sampleGrid(
  f: (x: number, y: number) => number,
  bounds: Bounds,
  columns: number,
  rows: number,
  out: Float64Array,
  from = 0,
  count = columns * rows - from,
): GridExtent {
  const { xMin, xMax, yMin, yMax } = bounds;
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  const end = Math.min(columns * rows, from + count);
  for (let cell = from; cell < end; cell++) {
    const column = cell % columns;
    const row = (cell - column) / columns;
    const x = xMin + ((column + 0.5) / columns) * (xMax - xMin);
    const y = yMax - ((row + 0.5) / rows) * (yMax - yMin);
    const value = f(x, y);
    out[cell] = value;
    if (Number.isFinite(value)) {
      if (value < min) min = value;
      if (value > max) max = value;
    }
  }
  return min <= max ? { min, max } : { min: Number.NaN, max: Number.NaN };
}
