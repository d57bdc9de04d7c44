import { type Rgb, resolveColor } from '../shared/colors.js';

/** The colours a heatmap is painted with, resolved from the theme. */
export interface Palette {
  background: Rgb;
  accent: Rgb;
  negative: Rgb;
  neutral: Rgb;
  positive: Rgb;
  grid: Rgb;
  text: Rgb;
}

/** One head's matrix to paint: `values` holds heads × n × n numbers; the head's start at `offset`. */
export interface MatrixPaint {
  values: Float64Array;
  offset: number;
  n: number;
  kind: 'scores' | 'weights';
  causal: boolean;
  /** The selected query's row, outlined; −1 for none. */
  select: number;
  palette: Palette;
}

/** The largest |score| of a head's unmasked cells (1 when all are 0 or none is finite). */
export function scoreRange(paint: Omit<MatrixPaint, 'kind' | 'select' | 'palette'>): number {
  let max = 0;
  const { values, offset, n, causal } = paint;
  for (let i = 0; i < n; i++) for (let j = 0; j <= (causal ? i : n - 1); j++) {
    const v = Math.abs(values[offset + i * n + j]);
    if (Number.isFinite(v) && v > max) max = v;
  }
  return max || 1;
}

/** The RGB of a cell: weights by √w from the background to the accent; scores from orange through neutral to blue by value / range. */
function cellColor(paint: MatrixPaint, value: number, range: number): Rgb {
  const { palette } = paint;
  const lerp = (from: Rgb, to: Rgb, t: number): Rgb => ({ r: from.r + (to.r - from.r) * t, g: from.g + (to.g - from.g) * t, b: from.b + (to.b - from.b) * t });
  if (paint.kind === 'weights') return lerp(palette.background, palette.accent, Number.isFinite(value) ? Math.sqrt(Math.min(1, Math.max(0, value))) : 0);
  const t = Number.isFinite(value) ? Math.max(-1, Math.min(1, value / range)) : 0;
  return t < 0 ? lerp(palette.neutral, palette.negative, -t) : lerp(palette.neutral, palette.positive, t);
}

/**
 * Paints a matrix into a canvas (its own pixels: `side` CSS pixels times the device's ratio):
 * weights from the background (0) to the accent (1), by √w, so the small weights of a long
 * row still show; scores from orange (most negative) through neutral to blue (most
 * positive), scaled by the largest |score|; masked cells in the grid's colour, hatched;
 * thin gaps between cells while they are large; the selected row outlined. Cells are
 * written as pixels (one pass), the outline drawn over them.
 */
export function paintMatrix(canvas: HTMLCanvasElement, side: number, paint: MatrixPaint): void {
  const context = canvas.getContext('2d');
  const { width, height } = canvas;
  if (!context || width === 0 || height === 0) return;
  const { values, offset, n, causal, select, palette } = paint;
  const range = paint.kind === 'scores' ? scoreRange(paint) : 1;
  const colors: Rgb[] = [];
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) colors.push(causal && j > i ? palette.grid : cellColor(paint, values[offset + i * n + j], range));
  const image = context.createImageData(width, height);
  const data = image.data;
  const cellX = width / n;
  const cellY = height / n;
  const gaps = side / n >= 8;
  const hatch = { r: (palette.background.r + palette.grid.r * 2) / 3, g: (palette.background.g + palette.grid.g * 2) / 3, b: (palette.background.b + palette.grid.b * 2) / 3 };
  for (let y = 0; y < height; y++) {
    const i = Math.min(n - 1, Math.floor(y / cellY));
    const inY = y - i * cellY;
    for (let x = 0; x < width; x++) {
      const j = Math.min(n - 1, Math.floor(x / cellX));
      const inX = x - j * cellX;
      let color = colors[i * n + j];
      if (gaps && (inX < 1 || inY < 1)) color = palette.background;
      else if (causal && j > i && Math.abs(inX + inY - cellX) < 1) color = hatch;
      const at = (y * width + x) * 4;
      data[at] = color.r;
      data[at + 1] = color.g;
      data[at + 2] = color.b;
      data[at + 3] = 255;
    }
  }
  context.putImageData(image, 0, 0);
  if (select >= 0 && select < n) {
    const ratio = width / side || 1;
    context.setTransform(ratio, 0, 0, ratio, 0, 0);
    context.strokeStyle = `rgb(${palette.text.r},${palette.text.g},${palette.text.b})`;
    context.lineWidth = 2;
    const cell = side / n;
    context.strokeRect(1, select * cell + 1, side - 2, Math.max(cell - 2, 1));
    context.setTransform(1, 0, 0, 1, 0, 0);
  }
}

/** The heatmaps' colours, read from the element's theme tokens. */
export function resolvePalette(root: ShadowRoot): Palette {
  const color = (name: string) => resolveColor(root, `var(--_${name})`);
  return { background: color('background'), accent: color('accent'), negative: color('negative'), neutral: color('neutral'), positive: color('positive'), grid: color('grid'), text: color('text') };
}
