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
