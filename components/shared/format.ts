/** Formats a number for readers: fixed digits, a true minus sign, and no "−0". */
export function formatNumber(value: number, digits = 2): string {
  if (Number.isNaN(value)) return '—';
  if (!Number.isFinite(value)) return value > 0 ? '∞' : '−∞';
  const text = value.toFixed(Math.max(0, Math.min(10, Math.round(digits))));
  const zero = /^-0(\.0*)?$/.test(text);
  return zero ? text.slice(1) : text.replace('-', '−');
}

/** Formats a short number for an axis tick: no trailing zeros. */
export function formatTick(value: number): string {
  const text = String(Number(value.toPrecision(6)));
  return text === '-0' ? '0' : text.replace('-', '−');
}
