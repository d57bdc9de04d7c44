import { nothing, svg } from 'lit';
import { guard } from 'lit/directives/guard.js';
import type { LayerTrace, Network } from '../../src/index.js';
import { signClass, weightWidth } from '../shared/colors.js';
import { formatNumber } from '../shared/format.js';
import { format } from '../shared/strings.js';
import { type DiagramLayout, type LabelSpace, type NodeSpot, fitLabel } from './layout.js';
import { type NeuronNames, compactNumber, layerCaption, shortCaption, shortNumber } from './names.js';
import type { NetworkStrings } from './nn-network.strings.js';

/** A neuron, by layer and index. */
export interface NodeKey {
  layer: number;
  index: number;
}

/** What the pointer or the keyboard points at: a neuron, or the link of weight layer k. */
export type Target = ({ kind: 'node' } & NodeKey) | { kind: 'link'; k: number; from: number; to: number };

/** Everything one drawing of the diagram needs. */
export interface DiagramView {
  network: Network;
  trace: readonly LayerTrace[];
  layout: DiagramLayout;
  labels: LabelSpace;
  names: NeuronNames;
  /** Layers lit so far while a run animates; Infinity when idle. */
  lit: number;
  selected: NodeKey;
  selectedFrom: number;
  hovered?: Target;
  /** The neuron that holds the diagram's one tab stop. */
  focusKey: NodeKey;
  /** The words shown (the element's strings). */
  words: NetworkStrings;
}

/** The weight of a link, read from the core network. */
export function weightOf(network: Network, k: number, to: number, from: number): number {
  return network.weights[network.weightIndex(k, to, from)];
}

/** The bias of a non-input neuron. */
export function biasOf(network: Network, layer: number, index: number): number {
  return network.biases[network.biasOffset[layer - 1] + index];
}

/** A neuron's description for assistive technology and the tooltip's first line. */
export function describeNode(view: Pick<DiagramView, 'network' | 'trace' | 'names' | 'words'>, { layer, index }: NodeKey): string {
  const { network, trace, names, words } = view;
  const caption = layerCaption(layer, network.layers.length, words);
  const a = formatNumber(trace[layer].a[index], 3);
  if (layer === 0) return format(words.inputNode, { name: names(0, index), layer: caption, value: a });
  const z = formatNumber(trace[layer].z[index], 3);
  const b = formatNumber(biasOf(network, layer, index), 3);
  return format(words.neuronNode, { name: names(layer, index), layer: caption, a, z, b });
}

/** Fill of a neuron at |activation| ≥ 1: its value stays readable on it (4.5:1) in the dark scheme too. */
const MAX_FILL = 0.5;

/** A neuron's fill: stronger for larger activations (faint for one that is not a number). */
const fillOpacity = (a: number) => 0.1 + (MAX_FILL - 0.1) * (Number.isNaN(a) ? 0 : Math.min(1, Math.abs(a)));

const same = (a: NodeKey, b: NodeKey) => a.layer === b.layer && a.index === b.index;

/** Links, neurons, captions and labels of the network, as SVG. */
export function renderDiagram(view: DiagramView) {
  return svg`
    ${renderCaptions(view)}
    ${renderLinks(view)}
    ${renderNodes(view)}
    ${renderLabels(view)}
  `;
}

/**
 * Caption styles, roomiest first, with rough text widths (pixels per character of the
 * caption and of its second line). The first style whose neighbouring captions do not
 * touch is drawn, so narrow screens and deep networks get smaller, then short captions.
 */
const CAPTION_STYLES = [
  { compact: false, short: false, title: 8.6, sub: 6.3 },
  { compact: true, short: false, title: 7.3, sub: 5.7 },
  { compact: true, short: true, title: 7.3, sub: 5.7 },
] as const;
/** Least space between two neighbouring captions (and "… N more" marks). */
const CAPTION_GAP = 6;

type CaptionStyle = (typeof CAPTION_STYLES)[number];

/** Where each column's caption goes, in one style. */
function placeCaptionsWith({ network, layout, words }: DiagramView, style: CaptionStyle) {
  const count = network.layers.length;
  return layout.columns.map((column) => {
    const size = column.size.toLocaleString('en');
    const caption = style.short ? shortCaption(column.layer, count, words) : layerCaption(column.layer, count, words);
    const sub = style.short
      ? size
      : column.layer === 0
        ? format(column.size === 1 ? words.oneValue : words.values, { count: size })
        : `${size} × ${network.activationOf(column.layer - 1).name}`;
    const titleHalf = (caption.length * style.title) / 2;
    const subHalf = (sub.length * style.sub) / 2;
    // Keep the captions of the first and last columns inside the drawing.
    const half = Math.max(titleHalf, subHalf) + 2;
    const x = Math.min(Math.max(column.x, half), layout.width - half);
    return { layer: column.layer, caption, sub, titleHalf, subHalf, x };
  });
}

/**
 * The roomiest caption style whose neighbours keep CAPTION_GAP apart. When even the
 * shortest crowds them (a deep network on a narrow screen), every second, third, …
 * column's caption is drawn, the first and last always: the fewest left out that fit.
 */
function placeCaptions(view: DiagramView) {
  type Placed = ReturnType<typeof placeCaptionsWith>;
  const fits = (placed: Placed) =>
    placed.every((here, i) => {
      const before = placed[i - 1];
      if (!before) return true;
      const room = here.x - before.x - CAPTION_GAP;
      return room >= here.titleHalf + before.titleHalf && room >= here.subHalf + before.subHalf;
    });
  let style: CaptionStyle = CAPTION_STYLES[0];
  let placed = placeCaptionsWith(view, style);
  for (const next of CAPTION_STYLES.slice(1)) {
    if (fits(placed)) break;
    style = next;
    placed = placeCaptionsWith(view, style);
  }
  const all = placed;
  for (let every = 2; !fits(placed) && every < all.length; every++) {
    placed = all.filter((_, i) => i % every === 0 || i === all.length - 1);
    // The last column's caption takes the place of the one before it when the two would touch.
    if (!fits(placed)) placed = placed.filter((_, i) => i !== placed.length - 2 || placed.length < 3);
  }
  return { compact: style.compact, placed };
}

function renderCaptions(view: DiagramView) {
  const { layout, lit } = view;
  const { compact, placed } = placeCaptions(view);
  return svg`<g class="captions ${compact ? 'compact' : ''}" aria-hidden="true">
    ${placed.map(({ layer, caption, sub, x }) => {
      const active = lit !== Infinity && layer === lit - 1;
      return svg`
        <text class="caption ${active ? 'active' : ''}" x=${x} y=${layout.captionY[0]}>${caption}</text>
        <text class="caption-sub" x=${x} y=${layout.captionY[1]}>${sub}</text>`;
    })}
  </g>`;
}

/** Steps a link's width moves in: a quarter pixel, too little to see, so a redraw after a little training rewrites (and lays out again) only the links whose weight moved enough to show. */
const WIDTH_STEPS_PER_PX = 4;

/** The drawn width of a link of weight w. */
function linkWidth(w: number, maxWidth: number): number {
  return Math.round(weightWidth(w, maxWidth) * WIDTH_STEPS_PER_PX) / WIDTH_STEPS_PER_PX;
}

function renderLinks(view: DiagramView) {
  const { network, layout, lit, selected, selectedFrom, hovered } = view;
  const { columns } = layout;
  let count = 0;
  for (let k = 0; k + 1 < columns.length; k++) count += columns[k].nodes.length * columns[k + 1].nodes.length;
  const maxWidth = count > 150 ? 2.5 : count > 40 ? 4 : 5;
  const visible = [];
  const halos = [];
  for (let k = 0; k + 1 < columns.length; k++) {
    const state = k + 1 < lit - 1 || lit === Infinity ? '' : k + 1 === lit - 1 ? 'active' : 'pending';
    for (const to of columns[k + 1].nodes) {
      for (const from of columns[k].nodes) {
        const w = weightOf(network, k, to.index, from.index);
        const isSelected = selected.layer === k + 1 && selected.index === to.index && selectedFrom === from.index;
        const isHovered = hovered?.kind === 'link' && hovered.k === k && hovered.to === to.index && hovered.from === from.index;
        if (isSelected || isHovered) {
          halos.push(svg`<line class="halo" x1=${from.x} y1=${from.y} x2=${to.x} y2=${to.y}
            stroke-width=${linkWidth(w, maxWidth) + 6}></line>`);
        }
        visible.push(svg`<line class="link ${signClass(w)} ${state}" x1=${from.x} y1=${from.y} x2=${to.x} y2=${to.y}
          stroke-width=${linkWidth(w, maxWidth)}></line>`);
      }
    }
  }
  // The hit areas follow the layout alone (a pure function of the layers, the width and the
  // label space): redraws while a network trains skip them.
  const { labels } = view;
  const layoutKey = `${network.layers.join()}|${layout.width}|${labels.left}|${labels.right}`;
  return svg`
    <g class="halos" aria-hidden="true">${halos}</g>
    <g class="links" aria-hidden="true">${visible}</g>
    <g class="hits" aria-hidden="true">${guard([layoutKey], () => renderHits(layout))}</g>`;
}

/** A wide, invisible line over each link, for the pointer to find it by. */
function renderHits({ columns }: DiagramLayout) {
  const hits = [];
  for (let k = 0; k + 1 < columns.length; k++) {
    for (const to of columns[k + 1].nodes) {
      for (const from of columns[k].nodes) {
        hits.push(svg`<line class="hit" data-k=${k} data-from=${from.index} data-to=${to.index}
          x1=${from.x} y1=${from.y} x2=${to.x} y2=${to.y}></line>`);
      }
    }
  }
  return hits;
}

/** The bias a neuron's ring shows, or undefined when it gets none (inputs, and biases too small to see). */
function ringBias(network: Network, node: NodeSpot): number | undefined {
  if (node.layer === 0) return undefined;
  const bias = biasOf(network, node.layer, node.index);
  return Math.abs(bias) >= 0.005 ? bias : undefined;
}

/** True when some neuron drawn has a bias ring, so the legend's "ring = bias" points at something. */
export function drawsBiasRings({ layout, network }: Pick<DiagramView, 'layout' | 'network'>): boolean {
  return layout.columns.some((column) => column.nodes.some((node) => ringBias(network, node) !== undefined));
}

/** Font sizes of the values inside neurons, largest first: never below 11px, so they stay readable. */
const VALUE_FONTS = [12, 11];
/** Width of a character of the monospace values, in em (a little over most monospace fonts' 0.6). */
const MONO_EM = 0.61;
/** How values are written inside neurons, longest first: "−0.58", then "−.58", then "−.6". */
const VALUE_FORMATS = [shortNumber, (v: number) => compactNumber(v, 4), (v: number) => compactNumber(v, 3)];

/** Width across a circle of radius r, clear of its edge, at the top and bottom of `font`px text centred in it. */
function roomInside(r: number, font: number): number {
  return 2 * Math.sqrt(Math.max(0, (r - 1) ** 2 - (0.36 * font) ** 2)) - 2;
}

/**
 * The values written inside neurons of radius r: the longest format whose every value fits
 * at a readable size, or none at all (the fill, the tooltip and the panels still tell them).
 */
export function nodeValueTexts(values: readonly number[], r: number): { texts: string[]; fontSize: number } | undefined {
  for (const format of VALUE_FORMATS) {
    const texts = values.map(format);
    const chars = Math.max(...texts.map((text) => [...text].length));
    const fontSize = VALUE_FONTS.find((font) => chars * MONO_EM * font <= roomInside(r, font));
    if (fontSize) return { texts, fontSize };
  }
  return undefined;
}

function renderNodes(view: DiagramView) {
  const { layout, trace, lit, selected, focusKey, network } = view;
  const r = layout.radius;
  const nodes = layout.columns.flatMap((column) => column.nodes);
  const shown = nodeValueTexts(nodes.map((node) => trace[node.layer].a[node.index]), r);
  // Values sit in their own hidden layer so each neuron's accessible name is just its label.
  // Fills fade only while a forward run lights the layers ('running'): a diagram following a
  // training network is restyled a few times a second, and a fade each time would repaint it every frame.
  return svg`<g class="nodes ${lit === Infinity ? '' : 'running'}">
    ${nodes.map((node) => renderNode(view, node, r))}
    </g>
    <g class="values" aria-hidden="true">
    ${shown
      ? nodes.map(
          (node, i) => svg`<text class="value ${node.layer >= lit ? 'pending' : ''}" x=${node.x} y=${node.y} dy="0.35em"
            font-size=${shown.fontSize}>${shown.texts[i]}</text>`,
        )
      : nothing}
    ${gapTexts(layout, view.words).map((gap) => svg`<text class="gap" x=${gap.x} y=${gap.y}>${gap.text}</text>`)}
  </g>`;

  function renderNode(view: DiagramView, node: NodeSpot, radius: number) {
    const a = trace[node.layer].a[node.index];
    const pending = node.layer >= lit;
    const bias = ringBias(network, node);
    const key = { layer: node.layer, index: node.index };
    const classes = ['node', signClass(a), pending ? 'pending' : '', same(selected, key) ? 'selected' : '']
      .filter(Boolean)
      .join(' ');
    return svg`<g class=${classes} transform="translate(${node.x} ${node.y})" role="button"
        tabindex=${same(focusKey, key) ? 0 : -1} aria-label=${describeNode(view, key)}
        data-layer=${node.layer} data-index=${node.index}>
      <circle class="focus" r=${radius + 7}></circle>
      ${bias !== undefined
        ? svg`<circle class="bias ${signClass(bias)}" r=${radius + 3.5} stroke-width=${0.75 + Math.min(1, Math.abs(bias)) * 2.75}></circle>`
        : nothing}
      <circle class="base" r=${radius}></circle>
      <circle class="body" r=${radius} fill-opacity=${pending ? 0 : fillOpacity(a)}></circle>
    </g>`;
  }
}

/** Rough width of a character of the 11px "… N more" text. */
const GAP_CHAR = 6.8;

/**
 * The "… N more" marks of collapsed columns; "+N" when neighbouring marks would run into
 * each other, and a bare "⋮" when even those would (the column's caption gives its size).
 */
function gapTexts({ columns }: DiagramLayout, words: NetworkStrings) {
  const styles = [
    (hidden: number) => format(words.more, { count: hidden.toLocaleString('en') }),
    (hidden: number) => format(words.moreShort, { count: hidden.toLocaleString('en') }),
    () => '⋮',
  ];
  const fits = (text: (hidden: number) => string) =>
    columns.every((column, i) => {
      const before = columns[i - 1];
      if (!column.gap || !before?.gap) return true;
      const halves = ((text(column.gap.hidden).length + text(before.gap.hidden).length) * GAP_CHAR) / 2;
      return column.x - before.x >= halves + CAPTION_GAP;
    });
  const text = styles.find(fits) ?? styles[styles.length - 1];
  return columns.flatMap(({ gap }) => (gap ? [{ x: gap.x, y: gap.y, text: text(gap.hidden) }] : []));
}

function renderLabels({ layout, names, labels }: DiagramView) {
  const first = layout.columns[0];
  const last = layout.columns[layout.columns.length - 1];
  const gap = layout.radius + 7;
  return svg`<g class="labels" aria-hidden="true">
    ${first.nodes.map((n) => svg`<text class="label start" x=${n.x - gap} y=${n.y}>${fitLabel(names(0, n.index), labels.left)}</text>`)}
    ${last.nodes.map((n) => svg`<text class="label end" x=${n.x + gap} y=${n.y}>${fitLabel(names(last.layer, n.index), labels.right)}</text>`)}
  </g>`;
}
