import type { NodeKey, Target } from './diagram.js';
import type { DiagramLayout } from './layout.js';

/** The neuron or link an event happened on, read from the drawing's data attributes. */
export function targetOf(element: EventTarget | null): Target | undefined {
  const el = element instanceof Element ? element : null;
  const node = el?.closest<SVGElement>('[data-layer]');
  if (node) return { kind: 'node', layer: Number(node.dataset.layer), index: Number(node.dataset.index) };
  if (el instanceof SVGElement && el.classList.contains('hit')) {
    return { kind: 'link', k: Number(el.dataset.k), from: Number(el.dataset.from), to: Number(el.dataset.to) };
  }
  return undefined;
}

export const sameKey = (a: NodeKey, b: NodeKey) => a.layer === b.layer && a.index === b.index;

/** What a key pressed on a neuron does: select another (coming `from` a neuron), edit the selection, or nothing. */
export type KeyMove = { select: NodeKey; from?: number } | { edit: true } | { stay: true } | undefined;

/**
 * Arrow keys move between the drawn neurons (up and down a column, left and right to the
 * nearest neuron of the next column), Home and End to a column's ends, Enter and Space
 * edit the selected weight. `stay`: the key is the diagram's, but there is nowhere to go.
 */
export function keyMove(layout: DiagramLayout, on: NodeKey, key: string): KeyMove {
  const column = layout.columns[on.layer].nodes;
  const row = column.findIndex((node) => node.index === on.index);
  const here = column[row];
  const nearest = (layer: number) => {
    const nodes = layout.columns[layer]?.nodes;
    if (!nodes) return undefined;
    return nodes.reduce((best, node) => (Math.abs(node.y - here.y) < Math.abs(best.y - here.y) ? node : best));
  };
  let next: NodeKey | undefined;
  let from: number | undefined;
  switch (key) {
    case 'ArrowUp':
      next = column[row - 1];
      break;
    case 'ArrowDown':
      next = column[row + 1];
      break;
    case 'Home':
      next = column[0];
      break;
    case 'End':
      next = column[column.length - 1];
      break;
    case 'ArrowLeft':
      next = nearest(on.layer - 1);
      break;
    case 'ArrowRight':
      next = nearest(on.layer + 1);
      from = on.index;
      break;
    case 'Enter':
    case ' ':
      return { edit: true };
    default:
      return undefined;
  }
  return next ? { select: { layer: next.layer, index: next.index }, from } : { stay: true };
}
