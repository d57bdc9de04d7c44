import type { Bounds } from '../../src/index.js';

/** The arrow keys' moves of the start point: one step of the square's width (Shift: five). */
const MOVES: Readonly<Record<string, readonly [number, number]>> = { ArrowLeft: [-1, 0], ArrowRight: [1, 0], ArrowUp: [0, 1], ArrowDown: [0, -1] };
/** A key moves the start by this fraction of the square (with Shift, five times as far). */
const KEY_FRACTION = 1 / 50;
/** A drag puts the start on a grid of this fraction of the square, so its numbers stay short. */
const DRAG_FRACTION = 1 / 200;

/** (x, y) kept inside `bounds` and put on a grid of `fraction` of its width and height. */
export function snapInside(x: number, y: number, bounds: Bounds, fraction: number): [number, number] {
  const snap = (v: number, low: number, high: number) => {
    const step = (high - low) * fraction;
    return Number((Math.round(Math.min(high, Math.max(low, v)) / step) * step).toPrecision(12));
  };
  return [snap(x, bounds.xMin, bounds.xMax), snap(y, bounds.yMin, bounds.yMax)];
}

/** Where a pointer is on a map whose square of `side` pixels starts `left`, `top` into `overlay`. */
export function pointerPoint(event: PointerEvent, overlay: Element, square: { left: number; top: number; side: number }, bounds: Bounds): [number, number] {
  const box = overlay.getBoundingClientRect();
  const fx = (event.clientX - box.left - square.left) / square.side;
  const fy = (event.clientY - box.top - square.top) / square.side;
  return snapInside(bounds.xMin + fx * (bounds.xMax - bounds.xMin), bounds.yMax - fy * (bounds.yMax - bounds.yMin), bounds, DRAG_FRACTION);
}

/** Where an arrow key moves the start: to the next multiple of the key's step on its axis; undefined for any other key. */
export function keyPoint(event: KeyboardEvent, [x, y]: readonly [number, number], bounds: Bounds): [number, number] | undefined {
  const move = MOVES[event.key];
  if (!move) return undefined;
  const fraction = event.shiftKey ? 5 * KEY_FRACTION : KEY_FRACTION;
  const along = (v: number, direction: number, low: number, high: number) => {
    if (direction === 0) return v;
    const step = (high - low) * fraction;
    const next = (direction > 0 ? Math.floor(v / step + 1e-9) + 1 : Math.ceil(v / step - 1e-9) - 1) * step;
    return Number(Math.min(high, Math.max(low, next)).toPrecision(12));
  };
  return [along(x, move[0], bounds.xMin, bounds.xMax), along(y, move[1], bounds.yMin, bounds.yMax)];
}
