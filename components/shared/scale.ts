import { tickStep, ticks } from 'd3-array';

/** A linear map from a data domain to a pixel range, with its inverse and nice ticks. */
export interface LinearScale {
  (value: number): number;
  readonly domain: readonly [number, number];
  readonly range: readonly [number, number];
  invert(pixel: number): number;
  ticks(count?: number): number[];
}

/**
 * How many pixel ranges away from the drawing a value far outside the domain may land:
 * beyond that it is pinned, so any finite value maps to a finite pixel.
 */
const REACH = 1e6;

/** Keeps a number finite: ±Infinity becomes the largest double of its sign (NaN stays NaN). */
export function clampFinite(value: number): number {
  return Math.max(-Number.MAX_VALUE, Math.min(Number.MAX_VALUE, value));
}

/**
 * Where `value` sits between `start` (0) and `stop` (1). Also for domains whose span
 * overflows (−1.7e308 to 1.7e308): then the halves are compared, which cannot overflow.
 */
export function fraction(value: number, start: number, stop: number): number {
  const span = stop - start;
  const offset = value - start;
  if (Number.isFinite(span) && Number.isFinite(offset)) return offset / (span || 1);
  return (value / 2 - start / 2) / (stop / 2 - start / 2);
}

/** The value at `t` between `start` (t = 0) and `stop` (t = 1), without overflow for any finite ends. */
export function interpolate(start: number, stop: number, t: number): number {
  const span = stop - start;
  if (Number.isFinite(span)) return start + span * t;
  return clampFinite(start * (1 - t) + stop * t);
}

/** d3's nice tick step for [start, stop], also where stop − start overflows. */
export function niceStep(start: number, stop: number, count: number): number {
  if (Number.isFinite(stop - start)) return tickStep(start, stop, count);
  return tickStep(start / 2, stop / 2, count) * 2;
}

/** d3's ticks for [start, stop], also where stop − start overflows; never a non-finite tick. */
export function niceTicks(start: number, stop: number, count: number): number[] {
  const list = Number.isFinite(stop - start) ? ticks(start, stop, count) : ticks(start / 2, stop / 2, count).map((t) => t * 2);
  return list.filter(Number.isFinite);
}

/**
 * Makes a linear scale; ticks come from d3-array. Any finite value maps to a finite pixel,
 * for any finite domain (values far outside it are pinned REACH ranges away).
 */
export function linearScale(domain: readonly [number, number], range: readonly [number, number]): LinearScale {
  const [d0, d1] = domain;
  const [r0, r1] = range;
  const pin = (t: number) => Math.max(-REACH, Math.min(REACH, t));
  const scale = ((value: number) => r0 + pin(fraction(value, d0, d1)) * (r1 - r0)) as LinearScale;
  return Object.assign(scale, {
    domain,
    range,
    invert: (pixel: number) => interpolate(d0, d1, (pixel - r0) / (r1 - r0 || 1)),
    ticks: (count = 6) => niceTicks(Math.min(d0, d1), Math.max(d0, d1), count),
  });
}
