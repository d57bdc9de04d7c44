import { clampFinite } from './scale.js';

/**
 * Moves `x` to the next multiple of `step` in `direction` (so keyboard values stay round),
 * rounded to 12 significant digits so 0.1 steps give 0.3, not 0.30000000000000004. The
 * result stays finite; a step too small to move `x` leaves it where it is.
 */
export function stepTo(x: number, step: number, direction: 1 | -1): number {
  const units = x / step;
  if (!Number.isFinite(units) || !(step > 0)) return x;
  const next = direction > 0 ? Math.floor(units + 1e-9) + 1 : Math.ceil(units - 1e-9) - 1;
  return clampFinite(Number((next * step).toPrecision(12)));
}
