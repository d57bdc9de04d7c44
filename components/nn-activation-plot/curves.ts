import { nice, tickStep } from 'd3-array';
import type { Activation } from '../../src/index.js';
import type { LinearScale } from '../shared/scale.js';

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
    z[i] = xMin + ((xMax - xMin) * i) / count;
    f[i] = activation.f(z[i]);
    df[i] = activation.df(z[i], f[i]);
  }
  return { activation, z, f, df };
}

/** A y domain that holds every sampled value (and slope when shown), padded and rounded to nice ticks. */
export function yDomain(series: readonly Samples[], withDerivative: boolean): [number, number] {
  let low = Infinity;
  let high = -Infinity;
  const include = (values: Float64Array) => {
    for (const v of values) {
      if (!Number.isFinite(v)) continue;
      if (v < low) low = v;
      if (v > high) high = v;
    }
  };
  for (const s of series) {
    include(s.f);
    if (withDerivative) include(s.df);
  }
  if (!(low <= high)) return [-1, 1];
  if (high - low < 1e-9) {
    low -= 1;
    high += 1;
  }
  // Round to tick values, then leave a small margin, so a curve that ends at −1 does not
  // get a whole empty tick below it.
  const [bottom, top] = nice(low, high, 6);
  const pad = (top - bottom) * 0.04;
  return [bottom - pad, top + pad];
}

/** An SVG path through the points, broken where a value is not finite. */
export function toPath(z: Float64Array, values: Float64Array, x: LinearScale, y: LinearScale): string {
  let d = '';
  let pen = false;
  for (let i = 0; i < z.length; i++) {
    const v = values[i];
    if (!Number.isFinite(v)) {
      pen = false;
      continue;
    }
    d += `${pen ? 'L' : 'M'}${x(z[i]).toFixed(1)},${y(v).toFixed(1)}`;
    pen = true;
  }
  return d;
}

/** Keyboard steps for the probe: a small and a big nice step for the x range. */
export function probeSteps(xMin: number, xMax: number): { small: number; big: number } {
  const span = xMax - xMin;
  return { small: tickStep(0, span, 60), big: tickStep(0, span, 12) };
}

/** Moves `x` to the next multiple of `step` in `direction` (so keyboard values stay round). */
export function stepTo(x: number, step: number, direction: 1 | -1): number {
  const units = x / step;
  const next = direction > 0 ? Math.floor(units + 1e-9) + 1 : Math.ceil(units - 1e-9) - 1;
  return Number((next * step).toFixed(10));
}
