/**
 * The horizontal padding plus border of an element, in CSS pixels: what a chart inside
 * the element's card must leave out of the host's width. Read after render, so a page
 * that restyles the card through ::part(card) still gets a chart that fits.
 */
export function horizontalInset(element: Element | null, fallback: number): number {
  if (!element) return fallback;
  const style = getComputedStyle(element);
  const sum = ['paddingLeft', 'paddingRight', 'borderLeftWidth', 'borderRightWidth']
    .map((name) => Number.parseFloat(style[name as 'paddingLeft']) || 0)
    .reduce((a, b) => a + b, 0);
  return Math.round(sum);
}
