import { formatNumber, formatPower } from '../shared/format.js';

/** A number in the update rule: fixed decimals for its size, a power of ten for tiny ones. */
export function ruleNumber(value: number): string {
  const size = Math.abs(value);
  if (size !== 0 && size < 1e-3) return formatPower(value, 2);
  return formatNumber(value, size >= 100 ? 1 : size >= 1 ? 3 : 4);
}

/** A number in words: four significant digits at most, no trailing zeros ("−1.5", "0.048", "2.4 × 10⁻⁵"). */
export function shortNumber(value: number): string {
  const size = Math.abs(value);
  if ((size !== 0 && size < 1e-3) || size >= 1e6 || !Number.isFinite(value)) return Number.isFinite(value) ? formatPower(value, 2) : formatNumber(value);
  const text = String(Number(value.toPrecision(4)));
  return text === '-0' ? '0' : text.replace('-', '−');
}
