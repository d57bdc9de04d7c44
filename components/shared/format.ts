const SUPERSCRIPT = '⁰¹²³⁴⁵⁶⁷⁸⁹';
/** From this size on, formatNumber writes a power of ten rather than dozens of digits. */
const POWER_FROM = 1e6;

/** Formats a number for readers: fixed digits, a true minus sign, and no "−0"; huge ones as "5.9 × 10²⁶⁸". */
export function formatNumber(value: number, digits = 2): string {
  if (Number.isNaN(value)) return '—';
  if (!Number.isFinite(value)) return value > 0 ? '∞' : '−∞';
  if (Math.abs(value) >= POWER_FROM) return formatPower(value);
  const text = value.toFixed(Math.max(0, Math.min(10, Math.round(digits))));
  const zero = /^-0(\.0*)?$/.test(text);
  return zero ? text.slice(1) : text.replace('-', '−');
}

/** A finite number as a power of ten with `digits` decimals: "5.9 × 10²⁶⁸", "−1.2 × 10⁴". */
export function formatPower(value: number, digits = 1): string {
  const [mantissa, exponent] = value.toExponential(digits).split('e');
  const sign = exponent.startsWith('-') ? '⁻' : '';
  const power = [...exponent.replace(/^[+-]/, '')].map((digit) => SUPERSCRIPT[Number(digit)]).join('');
  return `${mantissa.replace('-', '−')} × 10${sign}${power}`;
}

/** Formats a short number for an axis tick: no trailing zeros. */
export function formatTick(value: number): string {
  if (Math.abs(value) >= POWER_FROM) return formatPower(value, 2).replace(/\.?0+ ×/, ' ×');
  const text = String(Number(value.toPrecision(6)));
  return text === '-0' ? '0' : text.replace('-', '−');
}

/** A fraction as a percentage with one decimal: "62.0%" (so 0.996 reads 99.6%, not 100%). */
export function percent(fraction: number): string {
  return `${formatNumber(fraction * 100, 1)}%`;
}

/**
 * A finite number in plain decimal digits, never with an exponent ("1e-7" → "0.0000001",
 * "1.7e+308" → "17000…"): ARIA's aria-valuenow, -valuemin and -valuemax take no exponent.
 */
export function plainNumber(value: number): string {
  const text = String(value);
  const match = /^(-?)(\d)(?:\.(\d+))?e([+-]\d+)$/.exec(text);
  if (!match) return text;
  const [, sign, lead, rest = '', power] = match;
  const digits = lead + rest;
  const exponent = Number(power);
  if (exponent > 0) return sign + digits.padEnd(exponent + 1, '0');
  return `${sign}0.${'0'.repeat(-exponent - 1)}${digits}`;
}
