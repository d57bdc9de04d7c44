import { html, nothing } from 'lit';
import { formatNumber } from '../shared/format.js';
import { styleMap } from '../shared/style-map.js';
import { type DiagramView, type Target, biasOf, weightOf } from './diagram.js';
import { layerCaption } from './names.js';

/**
 * The hovered (or keyboard-selected) neuron's or link's numbers, beside it: to the right,
 * or to the left in the right part of the drawing. Hidden from assistive technology: the
 * neurons' names and the value table say the same.
 */
export function renderTooltip(view: DiagramView, target: Target | undefined) {
  if (!target || view.lit !== Infinity) return nothing;
  const { network, trace, names, layout, words } = view;
  let x: number;
  let y: number;
  /** What the tooltip points at, and how far from it to stay when it sits above or below. */
  let anchor: { x: number; y: number; clear: number };
  let body;
  if (target.kind === 'node') {
    const spot = layout.columns[target.layer]?.nodes.find((node) => node.index === target.index);
    if (!spot) return nothing;
    x = spot.x + layout.radius + 10;
    y = spot.y;
    anchor = { x: spot.x, y: spot.y, clear: layout.radius + 8 };
    const { layer, index } = target;
    const title = html`<strong>${names(layer, index)}</strong> <span class="muted">${layerCaption(layer, network.layers.length, words)}</span>`;
    body =
      layer === 0
        ? html`${title}<br />${words.tipValue} <span class="number">${formatNumber(trace[0].a[index], 3)}</span>`
        : html`${title}<br />z <span class="number">${formatNumber(trace[layer].z[index], 3)}</span> · a
            <span class="number">${formatNumber(trace[layer].a[index], 3)}</span> · b
            <span class="number">${formatNumber(biasOf(network, layer, index), 3)}</span>`;
  } else {
    const from = layout.columns[target.k]?.nodes.find((node) => node.index === target.from);
    const to = layout.columns[target.k + 1]?.nodes.find((node) => node.index === target.to);
    if (!from || !to) return nothing;
    x = (from.x + to.x) / 2 + 8;
    y = (from.y + to.y) / 2;
    anchor = { x: x - 8, y, clear: 8 };
    body = html`${words.tipWeight} <strong>${names(target.k, target.from)} → ${names(target.k + 1, target.to)}</strong><br />
      w <span class="number">${formatNumber(weightOf(network, target.k, target.to, target.from), 3)}</span>`;
  }
  const flip = x > layout.width * 0.6;
  if (flip) x -= target.kind === 'node' ? 2 * (layout.radius + 10) : 16;
  return html`<div
    class="tooltip ${flip ? 'flip' : ''}"
    aria-hidden="true"
    data-x=${anchor.x}
    data-y=${anchor.y}
    data-left=${x}
    data-clear=${anchor.clear}
    style=${styleMap({ left: `${x}px`, top: `${y}px` })}
  >
    ${body}
  </div>`;
}

/**
 * Keeps the drawn tooltip inside the diagram: beside its neuron or link when there is room,
 * else (a phone) centred above it, or below it at the top of the drawing; where the drawing
 * is scrolled sideways, by as much as it is.
 */
export function keepTooltipInside(root: ParentNode): void {
  const tip = root.querySelector<HTMLElement>('.tooltip');
  const frame = tip?.parentElement;
  if (!tip || !frame) return;
  const scrolled = frame.querySelector('.drawing')?.scrollLeft ?? 0;
  tip.classList.remove('stacked');
  tip.style.setProperty('left', `${Number(tip.dataset.left) - scrolled}px`);
  tip.style.setProperty('top', `${tip.dataset.y}px`);
  const box = tip.getBoundingClientRect();
  const bounds = frame.getBoundingClientRect();
  if (box.left >= bounds.left && box.right <= bounds.right) return;
  const x = Number(tip.dataset.x) - scrolled;
  const y = Number(tip.dataset.y);
  const clear = Number(tip.dataset.clear);
  const left = Math.max(0, Math.min(x - box.width / 2, bounds.width - box.width));
  const top = y - clear - box.height >= 0 ? y - clear - box.height : y + clear;
  tip.classList.add('stacked');
  tip.style.setProperty('left', `${left}px`);
  tip.style.setProperty('top', `${top}px`);
}
