/** Resolved RGB colours for canvas drawing, read from the element's theme tokens. */
export interface Rgb {
  r: number;
  g: number;
  b: number;
}

/**
 * Resolves a CSS colour (a token such as `var(--_positive)`) as the element sees it,
 * through a probe inside its shadow root, and reads back its RGB through a 1×1 canvas,
 * which accepts any CSS colour syntax.
 */
export function resolveColor(root: ShadowRoot, cssColor: string): Rgb {
  const probe = root.ownerDocument.createElement('span');
  probe.style.color = cssColor;
  probe.style.display = 'none';
  root.append(probe);
  const computed = getComputedStyle(probe).color;
  probe.remove();
  const canvas = root.ownerDocument.createElement('canvas');
  canvas.width = canvas.height = 1;
  const context = canvas.getContext('2d', { willReadFrequently: true });
  if (!context) return { r: 128, g: 128, b: 128 };
  context.fillStyle = computed;
  context.fillRect(0, 0, 1, 1);
  const [r, g, b] = context.getImageData(0, 0, 1, 1).data;
  return { r, g, b };
}

/**
 * A diverging colour table: 256 RGBA entries from `negative` through `neutral` to
 * `positive`, so painting a heatmap is one table look-up per pixel. `strength` below 1
 * stops short of the full colours (a paler background for points drawn on top).
 */
export function divergingTable(negative: Rgb, neutral: Rgb, positive: Rgb, alpha = 255, strength = 1): Uint8ClampedArray {
  const table = new Uint8ClampedArray(256 * 4);
  for (let i = 0; i < 256; i++) {
    const t = (i / 255) * 2 - 1;
    const end = t < 0 ? negative : positive;
    const mix = Math.abs(t) * strength;
    table[i * 4] = neutral.r + (end.r - neutral.r) * mix;
    table[i * 4 + 1] = neutral.g + (end.g - neutral.g) * mix;
    table[i * 4 + 2] = neutral.b + (end.b - neutral.b) * mix;
    table[i * 4 + 3] = alpha;
  }
  return table;
}

/** Index into a diverging table for a value in [-1, 1] (clamped). */
export function tableIndex(value: number): number {
  const clamped = value < -1 ? -1 : value > 1 ? 1 : value;
  return Math.round((clamped + 1) * 127.5) * 4;
}

/** The CSS class for a value's sign, for links and nodes coloured by theme tokens. */
export function signClass(value: number): 'positive' | 'negative' {
  return value < 0 ? 'negative' : 'positive';
}

/** Stroke width for a weight: thin for small weights, capped for large ones. */
export function weightWidth(weight: number, maxWidth = 6): number {
  return 0.75 + Math.min(1, Math.abs(weight) / 2) * (maxWidth - 0.75);
}
