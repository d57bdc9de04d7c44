import type { Rgb } from '../shared/colors.js';

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

const mix = (from: Rgb, to: Rgb, t: number) =>
  `rgb(${Math.round(from.r + (to.r - from.r) * t)},${Math.round(from.g + (to.g - from.g) * t)},${Math.round(from.b + (to.b - from.b) * t)})`;

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

/**
 * Paints a matrix into a canvas of `side` CSS pixels: weights from the background (0) to
 * the accent (1), by √w; scores from orange (most negative) through neutral to blue (most
 * positive), scaled by the largest |score|; masked cells in the grid's colour with a
 * diagonal stroke; the selected row outlined.
 */
export function paintMatrix(canvas: HTMLCanvasElement, side: number, paint: MatrixPaint): void {
  const context = canvas.getContext('2d');
  if (!context) return;
  const ratio = canvas.width / side || 1;
  const { values, offset, n, kind, causal, select, palette } = paint;
  const cell = side / n;
  context.setTransform(ratio, 0, 0, ratio, 0, 0);
  context.clearRect(0, 0, side, side);
  const range = kind === 'scores' ? scoreRange(paint) : 1;
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      const x = j * cell;
      const y = i * cell;
      if (causal && j > i) {
        context.fillStyle = mix(palette.grid, palette.grid, 0);
        context.fillRect(x, y, cell, cell);
        if (cell >= 6) {
          context.strokeStyle = mix(palette.background, palette.grid, 0.3);
          context.beginPath();
          context.moveTo(x, y + cell);
          context.lineTo(x + cell, y);
          context.stroke();
        }
        continue;
      }
      const value = values[offset + i * n + j];
      // Weights shade by √w, so the small weights of a long row still show (0 stays blank, 1 full).
      if (kind === 'weights') context.fillStyle = mix(palette.background, palette.accent, Number.isFinite(value) ? Math.sqrt(Math.min(1, Math.max(0, value))) : 0);
      else {
        const t = Number.isFinite(value) ? Math.max(-1, Math.min(1, value / range)) : 0;
        context.fillStyle = t < 0 ? mix(palette.neutral, palette.negative, -t) : mix(palette.neutral, palette.positive, t);
      }
      // Cells overlap by a hair so no seam shows between them.
      context.fillRect(x, y, cell + 0.5, cell + 0.5);
    }
  }
  if (cell >= 8) {
    context.strokeStyle = mix(palette.background, palette.background, 0);
    context.lineWidth = 1;
    for (let k = 1; k < n; k++) {
      context.beginPath();
      context.moveTo(k * cell, 0);
      context.lineTo(k * cell, side);
      context.moveTo(0, k * cell);
      context.lineTo(side, k * cell);
      context.stroke();
    }
  }
  if (select >= 0 && select < n) {
    context.strokeStyle = mix(palette.text, palette.text, 0);
    context.lineWidth = 2;
    context.strokeRect(1, select * cell + 1, side - 2, Math.max(cell - 2, 1));
  }
}
