/** A rectangle in pixels. */
export interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/** A box grown by `margin` pixels on every side. */
export const grow = (box: Box, margin: number): Box => ({ left: box.left - margin, top: box.top - margin, right: box.right + margin, bottom: box.bottom + margin });

/**
 * The part of the segment from (x0, y0) to (x1, y1) inside `box` (Liang–Barsky), or
 * undefined when none is. A point far outside the drawing (a diverged run's last step lands
 * a million widths away) is drawn where its line leaves the box, in the same direction:
 * nothing drawn reaches beyond the box, which keeps pages and tools that measure every
 * element (a screen reader's, an accessibility checker's) from meeting a drawing
 * hundreds of millions of pixels wide.
 */
export function clipSegment(x0: number, y0: number, x1: number, y1: number, box: Box): [number, number, number, number] | undefined {
  const dx = x1 - x0;
  const dy = y1 - y0;
  let t0 = 0;
  let t1 = 1;
  const sides: [number, number][] = [
    [-dx, x0 - box.left],
    [dx, box.right - x0],
    [-dy, y0 - box.top],
    [dy, box.bottom - y0],
  ];
  for (const [p, q] of sides) {
    if (p === 0) {
      if (q < 0) return undefined;
      continue;
    }
    const t = q / p;
    if (p < 0) t0 = Math.max(t0, t);
    else t1 = Math.min(t1, t);
    if (t0 > t1) return undefined;
  }
  return [x0 + t0 * dx, y0 + t0 * dy, x0 + t1 * dx, y0 + t1 * dy];
}

/** True when (x, y) is inside `box`. */
export const inside = (x: number, y: number, box: Box) => x >= box.left && x <= box.right && y >= box.top && y <= box.bottom;
