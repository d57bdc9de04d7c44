import { DRAWING_SIZE } from '../../src/index.js';
import type { DrawingPad } from '../shared/drawing-pad.js';

/**
 * The shared pad reads where a pointer is from each event's currentTarget; the coalesced
 * events of a pointermove (getCoalescedEvents) have none in Chromium, so a stroke threw.
 * This gives the pad a reader of positions against its canvas, found in `root`.
 */
export function measureAgainstCanvas(pad: DrawingPad, root: ParentNode): void {
  Object.defineProperty(pad, 'point', {
    configurable: true,
    value(event: PointerEvent): [number, number] {
      const canvas = root.querySelector('canvas.pad-canvas') ?? (event.currentTarget as Element | null);
      const box = canvas?.getBoundingClientRect() ?? { left: 0, top: 0, width: DRAWING_SIZE, height: DRAWING_SIZE };
      return [((event.clientX - box.left) * DRAWING_SIZE) / Math.max(1, box.width), ((event.clientY - box.top) * DRAWING_SIZE) / Math.max(1, box.height)];
    },
  });
}
