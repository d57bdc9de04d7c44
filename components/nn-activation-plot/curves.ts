import { nice } from 'd3-array';
import type { Activation } from '../../src/index.js';
import { formatTick } from '../shared/format.js';
import { type LinearScale, clampFinite, fraction, interpolate, niceStep } from '../shared/scale.js';

/** One activation sampled over the x range: f and f′ at evenly spaced z. */
export interface Samples {
  activation: Activation;
  z: Float64Array;
  f: Float64Array;
  df: Float64Array;
}

/** Samples an activation (through the core's f and df) at `count` + 1 evenly spaced points. */
export function sampleActivation(activation: Activation, xMin: number, xMax: number, count: number): Samples {
  const z = new Float64Array(count + 1);
  const f = new Float64Array(count + 1);
  const df = new Float64Array(count + 1);
  for (let i = 0; i <= count; i++) {
    z[i] = interpolate(xMin, xMax, i / count);
    f[i] = activation.f(z[i]);
    df[i] = activation.df(z[i], f[i]);
  }
  return { activation, z, f, df };
}

/** Lowest and highest finite value of some arrays ([Infinity, −Infinity] when there is none). */
function extent(arrays: readonly Float64Array[]): [number, number] {
  let low = Infinity;
  let high = -Infinity;
  for (const values of arrays) {
    for (const v of values) {
      if (!Number.isFinite(v)) continue;
      if (v < low) low = v;
      if (v > high) high = v;
    }
  }
  return [low, high];
}

const isBounded = (a: Activation) => Number.isFinite(a.range[0]) && Number.isFinite(a.range[1]);

/**
 * A y domain for the curves (and slopes when shown), rounded to nice ticks with a small margin.
 * Bounded curves (sigmoid, tanh…) are always shown whole. Beside them, unbounded curves
 * (ReLU…) and slopes are clipped to a band reaching one bounded span beyond the bounded
 * curves, so relu's growth with the x range never squashes sigmoid into a thin strip; a
 * curve that lies wholly outside that band is shown whole instead.
 */
export function yDomain(series: readonly Samples[], withDerivative: boolean): [number, number] {
  const bounded = series.filter((s) => isBounded(s.activation)).map((s) => s.f);
  const others = [...series.filter((s) => !isBounded(s.activation)).map((s) => s.f), ...(withDerivative ? series.map((s) => s.df) : [])];
  let [low, high] = extent(bounded);
  if (low > high) {
    [low, high] = extent(others);
  } else {
    const reach = high - low;
    const band = [low - reach, high + reach];
    for (const values of others) {
      const [a, b] = extent([values]);
      if (a > b) continue;
      const clipped = a <= band[1] && b >= band[0];
      low = Math.min(low, clipped ? Math.max(a, band[0]) : a);
      high = Math.max(high, clipped ? Math.min(b, band[1]) : b);
    }
  }
  if (!(low <= high)) return [-1, 1];
  if (high - low < 1e-9) {
    low -= 1;
    high += 1;
  }
  // Round to tick values, then leave a small margin, so a curve that ends at −1 does not
  // get a whole empty tick below it. Near the largest doubles rounding up would overflow.
  let [bottom, top] = nice(low, high, 6);
  if (!Number.isFinite(bottom) || !Number.isFinite(top)) [bottom, top] = [low, high];
  const pad = top * 0.04 - bottom * 0.04;
  return [clampFinite(bottom - pad), clampFinite(top + pad)];
}

/** The point where the segment from (z0, v0) to (z1, v1) reaches the level v. */
function crossing(z0: number, v0: number, z1: number, v1: number, v: number): [number, number] {
  return [interpolate(z0, z1, fraction(v, v0, v1)), v];
}

/**
 * An SVG path through the points, broken where a value is not finite, and clipped to the
 * y scale's domain: a segment that leaves it ends where it crosses the edge.
 */
export function toPath(z: Float64Array, values: Float64Array, x: LinearScale, y: LinearScale): string {
  const [bottom, top] = [Math.min(...y.domain), Math.max(...y.domain)];
  const edge = (v: number) => (v > top ? top : bottom);
  const inside = (v: number) => v >= bottom && v <= top;
  const point = ([pz, pv]: [number, number]) => `${x(pz).toFixed(1)},${y(pv).toFixed(1)}`;
  let d = '';
  for (let i = 0; i < z.length; i++) {
    const v = values[i];
    const prev = i > 0 && Number.isFinite(values[i - 1]) && Number.isFinite(v) ? values[i - 1] : undefined;
    if (!Number.isFinite(v)) continue;
    if (inside(v)) {
      if (prev === undefined) d += `M${point([z[i], v])}`;
      else if (inside(prev)) d += `L${point([z[i], v])}`;
      else d += `M${point(crossing(z[i - 1], prev, z[i], v, edge(prev)))}L${point([z[i], v])}`;
    } else if (prev !== undefined) {
      if (inside(prev)) d += `L${point(crossing(z[i - 1], prev, z[i], v, edge(v)))}`;
      else if (edge(prev) !== edge(v)) {
        // A jump straight across the whole band (a step): draw the part inside it.
        d += `M${point(crossing(z[i - 1], prev, z[i], v, edge(prev)))}L${point(crossing(z[i - 1], prev, z[i], v, edge(v)))}`;
      }
    }
  }
  return d;
}

/** Keyboard steps for the probe: a small and a big nice step for the x range. */
export function probeSteps(xMin: number, xMax: number): { small: number; big: number } {
  return { small: niceStep(xMin, xMax, 60), big: niceStep(xMin, xMax, 12) };
}

/** Width of one character of an 11px monospace tick label, and the least room between two labels. */
const TICK_CHAR = 6.7;
const TICK_GAP = 10;

/**
 * About one x tick per 70px, and fewer where long labels ("−0.0008") would run into each
 * other: each label gets its width and a gap.
 */
export function xTickCount(x: LinearScale): number {
  const [left, right] = x.range;
  let count = Math.max(3, Math.round((right - left) / 70));
  for (; count > 2; count--) {
    const ticks = x.ticks(count);
    const chars = Math.max(...ticks.map((t) => formatTick(t).length));
    if (ticks.length < 2 || Math.abs(x(ticks[1]) - x(ticks[0])) >= chars * TICK_CHAR + TICK_GAP) break;
  }
  return count;
}
