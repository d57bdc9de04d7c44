import { svg } from 'lit';

/** A rectangle of cells, in the grid's cells (padding included). */
export interface CellBox {
  top: number;
  left: number;
  height: number;
  width: number;
}

export interface GridSpec {
  values: ArrayLike<number>;
  rows: number;
  columns: number;
  /** Where the grid's first value is in `values`. */
  offset?: number;
  /** Signed values shade blue (positive) and orange (negative) by size; ink shades 0 to 1 in the text colour. */
  signed: boolean;
  /** The size that shades fully (default: the largest size in the grid). */
  scale?: number;
  /** Cells of zeros drawn around the grid, dashed. */
  padding?: number;
  /** Pixels a cell. */
  cell: number;
  /** Outlined boxes: the window (class "window") and the selected output pixel (class "selected"). */
  boxes?: readonly (CellBox & { kind: string })[];
}

/** The largest size among a grid's values (1 when all are 0 or none is finite). */
export function largest(values: ArrayLike<number>, offset = 0, count = values.length - offset): number {
  let max = 0;
  for (let i = offset; i < offset + count; i++) {
    const v = Math.abs(values[i]);
    if (v > max && Number.isFinite(v)) max = v;
  }
  return max || 1;
}

/** The smallest and largest value (finite ones only). */
export function extent(values: ArrayLike<number>, offset = 0, count = values.length - offset): [number, number] {
  let min = Infinity;
  let max = -Infinity;
  for (let i = offset; i < offset + count; i++) {
    const v = values[i];
    if (Number.isFinite(v)) {
      if (v < min) min = v;
      if (v > max) max = v;
    }
  }
  return min <= max ? [min, max] : [0, 0];
}

/**
 * The cells of a grid as SVG (no role: the caller wraps them in a labelled picture). A
 * non-finite value is left blank, never drawn.
 */
export function gridCells(spec: GridSpec) {
  const { values, rows, columns, offset = 0, signed, padding = 0, boxes = [] } = spec;
  const scale = spec.scale ?? largest(values, offset, rows * columns);
  const side = columns + 2 * padding;
  const tall = rows + 2 * padding;
  const cells = [];
  for (let y = 0; y < rows; y++) {
    for (let x = 0; x < columns; x++) {
      const v = values[offset + y * columns + x];
      if (!Number.isFinite(v) || v === 0) continue;
      const shade = Math.min(1, Math.abs(v) / scale);
      const kind = signed ? (v > 0 ? 'positive' : 'negative') : 'ink';
      cells.push(svg`<rect class=${kind} x=${x + padding} y=${y + padding} width="1" height="1" fill-opacity=${shade.toFixed(3)}></rect>`);
    }
  }
  const lines = [];
  for (let i = 0; i <= side; i++) lines.push(`M${i} 0V${tall}`);
  for (let i = 0; i <= tall; i++) lines.push(`M0 ${i}H${side}`);
  return svg`
    ${padding ? svg`<rect class="padding" x="0" y="0" width=${side} height=${tall}></rect><rect class="paper" x=${padding} y=${padding} width=${columns} height=${rows}></rect>` : svg`<rect class="paper" x="0" y="0" width=${side} height=${tall}></rect>`}
    ${cells}
    <path class="lines" d=${lines.join('')}></path>
    ${boxes.map((box) => svg`<rect class=${box.kind} x=${box.left} y=${box.top} width=${box.width} height=${box.height}></rect>`)}`;
}

/** The grid's pixel size: cells of `cell` pixels (padding included). */
export const gridSize = (spec: Pick<GridSpec, 'rows' | 'columns' | 'padding' | 'cell'>) => ({
  width: (spec.columns + 2 * (spec.padding ?? 0)) * spec.cell,
  height: (spec.rows + 2 * (spec.padding ?? 0)) * spec.cell,
});

/** The cell (row, column, padding included) under a pointer event on an element showing `rows` × `columns` cells. */
export function cellAt(event: PointerEvent, rows: number, columns: number): [number, number] {
  const box = (event.currentTarget as Element).getBoundingClientRect();
  const row = Math.floor(((event.clientY - box.top) / Math.max(1, box.height)) * rows);
  const column = Math.floor(((event.clientX - box.left) / Math.max(1, box.width)) * columns);
  return [Math.max(0, Math.min(rows - 1, row)), Math.max(0, Math.min(columns - 1, column))];
}
