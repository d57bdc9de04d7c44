import type { AttentionLayer } from '../../src/index.js';
import { type Rgb, resolveColor } from '../shared/colors.js';

/** The card's padding and border, left and right (see the styles). */
const CARD_INSET = 34;
/** Widest heatmap, and the room token labels take beside it. */
export const MOST_HEATMAP_SIDE = 360;
const LABEL_ROOM = 76;

/** Each heatmap's side in a card `width` pixels wide, for `count` tokens, and whether token labels fit beside it; `both`: scores and weights share a row when they fit. */
export function heatmapSide(width: number, count: number, both: boolean): { side: number; labelled: boolean } {
  const available = Math.max(200, width - CARD_INSET);
  const room = both && available >= 2 * 240 + 24 ? (available - 24) / 2 : available;
  const labelled = Math.min(MOST_HEATMAP_SIDE, room - LABEL_ROOM) / count >= 16;
  const side = Math.floor(Math.min(MOST_HEATMAP_SIDE, labelled ? room - LABEL_ROOM : room));
  return { side, labelled };
}

/** Paints every heatmap canvas under `root` with the layer's scores or weights for `head`, outlining the query `select` (none when past the tokens). */
export function paintHeatmaps(root: ParentNode, layer: AttentionLayer, head: number, select: number, side: number, palette: Palette): void {
  const n = layer.tokens;
  for (const canvas of root.querySelectorAll<HTMLCanvasElement>('canvas')) {
    const kind = canvas.classList.contains('scores') ? 'scores' : 'weights';
    paintMatrix(canvas, side, {
      values: kind === 'scores' ? layer.scores : layer.weights,
      offset: head * n * n,
      n,
      kind,
      causal: layer.causal,
      select: select < n ? select : -1,
      palette,
    });
  }
}

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
 * Paints a matrix into a canvas of `side` CSS pixels: weights from the background (0) to
 * the accent (1), by √w, so the small weights of a long row still show; scores from orange
 * (most negative) through neutral to blue (most positive), scaled by the largest |score|;
 * masked cells in the grid's colour, hatched while they are large; thin gaps between large
 * cells; the selected row outlined. The cells are written as one pixel each into an n × n
 * image, drawn scaled up without smoothing, then the lines over them.
 */
export function paintMatrix(canvas: HTMLCanvasElement, side: number, paint: MatrixPaint): void {
  const context = canvas.getContext('2d');
  if (!context || canvas.width === 0 || !canvas.ownerDocument) return;
  const { values, offset, n, causal, select, palette } = paint;
  const range = paint.kind === 'scores' ? scoreRange(paint) : 1;
  const cells = canvas.ownerDocument.createElement('canvas');
  cells.width = cells.height = n;
  const small = cells.getContext('2d');
  if (!small) return;
  const image = small.createImageData(n, n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      const color = causal && j > i ? palette.grid : cellColor(paint, values[offset + i * n + j], range);
      const at = (i * n + j) * 4;
      image.data[at] = color.r;
      image.data[at + 1] = color.g;
      image.data[at + 2] = color.b;
      image.data[at + 3] = 255;
    }
  }
  small.putImageData(image, 0, 0);
  const ratio = canvas.width / side || 1;
  context.setTransform(1, 0, 0, 1, 0, 0);
  context.imageSmoothingEnabled = false;
  context.drawImage(cells, 0, 0, canvas.width, canvas.height);
  context.setTransform(ratio, 0, 0, ratio, 0, 0);
  const cell = side / n;
  const rgb = (c: Rgb) => `rgb(${Math.round(c.r)},${Math.round(c.g)},${Math.round(c.b)})`;
  context.lineWidth = 1;
  if (cell >= 8) {
    context.strokeStyle = rgb(palette.background);
    context.beginPath();
    for (let k = 1; k < n; k++) {
      context.moveTo(k * cell, 0);
      context.lineTo(k * cell, side);
      context.moveTo(0, k * cell);
      context.lineTo(side, k * cell);
    }
    context.stroke();
  }
  if (causal && cell >= 6) {
    context.strokeStyle = rgb({ r: (palette.background.r + 2 * palette.grid.r) / 3, g: (palette.background.g + 2 * palette.grid.g) / 3, b: (palette.background.b + 2 * palette.grid.b) / 3 });
    context.beginPath();
    for (let i = 0; i < n; i++) {
      for (let j = i + 1; j < n; j++) {
        context.moveTo(j * cell + 2, (i + 1) * cell - 2);
        context.lineTo((j + 1) * cell - 2, i * cell + 2);
      }
    }
    context.stroke();
  }
  if (select >= 0 && select < n) {
    context.strokeStyle = rgb(palette.text);
    context.lineWidth = 2;
    context.strokeRect(1, select * cell + 1, side - 2, Math.max(cell - 2, 1));
  }
  context.setTransform(1, 0, 0, 1, 0, 0);
}

/** The heatmaps' colours, read from the element's theme tokens. */
export function resolvePalette(root: ShadowRoot): Palette {
  const color = (name: string) => resolveColor(root, `var(--_${name})`);
  return { background: color('background'), accent: color('accent'), negative: color('negative'), neutral: color('neutral'), positive: color('positive'), grid: color('grid'), text: color('text') };
}
