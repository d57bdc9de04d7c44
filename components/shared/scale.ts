import { ticks } from 'd3-array';

/** A linear map from a data domain to a pixel range, with its inverse and nice ticks. */
export interface LinearScale {
  (value: number): number;
  readonly domain: readonly [number, number];
  readonly range: readonly [number, number];
  invert(pixel: number): number;
  ticks(count?: number): number[];
}

/** Makes a linear scale; ticks come from d3-array. */
export function linearScale(domain: readonly [number, number], range: readonly [number, number]): LinearScale {
  const [d0, d1] = domain;
  const [r0, r1] = range;
  const span = d1 - d0 || 1;
  const scale = ((value: number) => r0 + ((value - d0) / span) * (r1 - r0)) as LinearScale;
  return Object.assign(scale, {
    domain,
    range,
    invert: (pixel: number) => d0 + ((pixel - r0) / (r1 - r0 || 1)) * span,
    ticks: (count = 6) => ticks(Math.min(d0, d1), Math.max(d0, d1), count),
  });
}
