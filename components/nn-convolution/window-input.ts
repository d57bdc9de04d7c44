import type { Conv2dShape } from '../../src/index.js';
import { cellAt } from './grid.js';

/** Where a key moves the window from output (row, column): arrows by one, Home and End along the row, Page Up and Down along the column. */
export function keyMove(key: string, [row, column]: readonly [number, number], shape: Conv2dShape): [number, number] | undefined {
  const moves: Record<string, [number, number]> = {
    ArrowUp: [row - 1, column],
    ArrowDown: [row + 1, column],
    ArrowLeft: [row, column - 1],
    ArrowRight: [row, column + 1],
    Home: [row, 0],
    End: [row, shape.outWidth - 1],
    PageUp: [0, column],
    PageDown: [shape.outHeight - 1, column],
  };
  return moves[key];
}

/** The output whose window is centred nearest the pressed pixel of the padded image. */
export function windowUnder(event: PointerEvent, shape: Conv2dShape): [number, number] {
  const { padding, stride, kernelHeight, kernelWidth, height, width } = shape;
  const [y, x] = cellAt(event, height + 2 * padding, width + 2 * padding);
  return [Math.round((y - (kernelHeight - 1) / 2) / stride), Math.round((x - (kernelWidth - 1) / 2) / stride)];
}

/** The output pixel pressed on the feature map. */
export const mapCellUnder = (event: PointerEvent, shape: Conv2dShape): [number, number] => cellAt(event, shape.outHeight, shape.outWidth);

/**
 * Where the reader has put the window (an output row and column), moved by pointer on the
 * padded image or on the feature map, and by keys. `moved` hears of each move.
 */
export class WindowPosition {
  /** The output pixel whose window is shown. */
  at: [number, number] = [0, 0];
  private pointing = false;

  constructor(
    private readonly shape: () => Conv2dShape | undefined,
    private readonly moved: (row: number, column: number) => void,
  ) {}

  /** Keeps the window inside a (new) output. */
  fit(shape: Conv2dShape): void {
    this.at = [Math.min(this.at[0], shape.outHeight - 1), Math.min(this.at[1], shape.outWidth - 1)];
  }

  /** Moves the window to output (row, column), clamped to the output, and says so when it moved. */
  moveTo(row: number, column: number): void {
    const shape = this.shape();
    if (!shape) return;
    const r = Math.max(0, Math.min(shape.outHeight - 1, row));
    const c = Math.max(0, Math.min(shape.outWidth - 1, column));
    if (r === this.at[0] && c === this.at[1]) return;
    this.at = [r, c];
    this.moved(r, c);
  }

  readonly onKey = (event: KeyboardEvent): void => {
    const shape = this.shape();
    const move = shape && keyMove(event.key, this.at, shape);
    if (!move) return;
    event.preventDefault();
    this.moveTo(...move);
  };

  readonly onImagePointer = (event: PointerEvent): void => {
    const shape = this.shape();
    if (shape && this.pointerStart(event)) this.moveTo(...windowUnder(event, shape));
  };

  readonly onMapPointer = (event: PointerEvent): void => {
    const shape = this.shape();
    if (shape && this.pointerStart(event)) this.moveTo(...mapCellUnder(event, shape));
  };

  readonly onPointerEnd = (): void => {
    this.pointing = false;
  };

  /** A press starts pointing (the primary button only); moves count while pointing. */
  private pointerStart(event: PointerEvent): boolean {
    if (event.type === 'pointerdown') {
      if (event.button !== 0) return false;
      this.pointing = true;
      (event.currentTarget as Element).setPointerCapture?.(event.pointerId);
    }
    return this.pointing;
  }
}
