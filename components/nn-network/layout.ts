/** Columns longer than this are drawn collapsed: the first neurons, a gap, the last (six and five). */
export const COLUMN_LIMIT = 12;
/**
 * Most links a diagram draws: the columns of a deep, wide network collapse further (down to
 * two neurons each side of the gap), so its drawing, and each redraw while it trains, stays
 * a size a page can lay out and paint within a frame or two. Thirty layers of 64 would
 * otherwise draw some 3,600 links, each a line and a hit area.
 */
const LINK_BUDGET = 1000;
/** The fewest rows a collapsed column keeps: two neurons, the gap, two. */
const LEAST_LIMIT = 5;

/** The neurons of a layer that are drawn, with `null` where the hidden ones sit: at most `limit` rows. */
export function drawnNeurons(size: number, limit = COLUMN_LIMIT): (number | null)[] {
  if (size <= limit) return Array.from({ length: size }, (_, i) => i);
  const headCount = Math.ceil((limit - 1) / 2);
  const tailCount = limit - 1 - headCount;
  const head = Array.from({ length: headCount }, (_, i) => i);
  const tail = Array.from({ length: tailCount }, (_, i) => size - tailCount + i);
  return [...head, null, ...tail];
}

/** The rows each column of a diagram of `layers` may take: COLUMN_LIMIT, or fewer when its links would pass LINK_BUDGET. */
export function diagramColumnLimit(layers: readonly number[]): number {
  const drawn = (size: number, limit: number) => (size <= limit ? size : limit - 1);
  const links = (limit: number) => layers.slice(1).reduce((sum, size, k) => sum + drawn(layers[k], limit) * drawn(size, limit), 0);
  let limit = COLUMN_LIMIT;
  while (limit > LEAST_LIMIT && links(limit) > LINK_BUDGET) limit--;
  return limit;
}

/** A drawn neuron and where it sits. */
export interface NodeSpot {
  layer: number;
  index: number;
  x: number;
  y: number;
}

/** The "… N more" mark standing for the neurons a collapsed column leaves out. */
export interface GapSpot {
  x: number;
  y: number;
  hidden: number;
}

export interface Column {
  layer: number;
  x: number;
  size: number;
  nodes: NodeSpot[];
  gap?: GapSpot;
}

export interface DiagramLayout {
  /** The drawing's width: the width asked for, or more when the columns need it (`scrolls`). */
  width: number;
  /** True when the columns do not fit the width asked for at MIN_COLUMN_GAP apart: the drawing is wider, to be scrolled. */
  scrolls: boolean;
  height: number;
  radius: number;
  /** Baselines of a column caption's two lines. */
  captionY: readonly [number, number];
  columns: Column[];
}

/** Space the neuron labels take beside the first and last columns. */
export interface LabelSpace {
  left: number;
  right: number;
}

const clamp = (value: number, min: number, max: number) => Math.min(max, Math.max(min, value));
/** Large enough for a value such as "−0.58" at 11px inside the circle. */
const MAX_RADIUS = 20;
/** Room kept for a neuron beside the outer columns and below the captions (a larger one takes a little of the labels' margin). */
const EDGE = 18;
const CAPTION_HEIGHT = 42;
/** The least distance between columns: two of the smallest neurons with their bias rings, and room between them for links to show. */
const MIN_COLUMN_GAP = 28;

/**
 * Places the layers as evenly spaced columns across `width`, each centred vertically, and
 * at least MIN_COLUMN_GAP apart: a network too deep for `width` is drawn wider, to be
 * scrolled (a phone's 360 px holds about ten columns); the height follows the tallest drawn column; `limit`: the rows a column may take
 * (diagramColumnLimit). Cost is linear in drawn nodes only.
 */
export function layoutNetwork(layers: readonly number[], width: number, labels: LabelSpace, limit = diagramColumnLimit(layers)): DiagramLayout {
  const slots = layers.map((size) => drawnNeurons(size, limit));
  const rows = Math.max(...slots.map((column) => column.length));
  const left = labels.left + EDGE + 4;
  const right = labels.right + EDGE + 4;
  const spread = (width - left - right) / Math.max(1, layers.length - 1);
  const scrolls = spread < MIN_COLUMN_GAP;
  const gapX = scrolls ? MIN_COLUMN_GAP : spread;
  const radius = clamp(Math.min(gapX * 0.21, rows > 8 ? 14 : MAX_RADIUS), 7, MAX_RADIUS);
  const rowGap = radius * 2 + clamp(radius * 0.75, 6, 12);
  const top = CAPTION_HEIGHT + Math.max(EDGE, radius);
  const height = Math.ceil(top + (rows - 1) * rowGap + radius + 10);
  const columns = slots.map((column, layer): Column => {
    const x = left + layer * gapX;
    const y0 = top + ((rows - column.length) * rowGap) / 2;
    const nodes: NodeSpot[] = [];
    let gap: GapSpot | undefined;
    column.forEach((index, row) => {
      const y = y0 + row * rowGap;
      if (index === null) gap = { x, y, hidden: layers[layer] - (column.length - 1) };
      else nodes.push({ layer, index, x, y });
    });
    return { layer, x, size: layers[layer], nodes, gap };
  });
  const drawnWidth = scrolls ? Math.ceil(left + right + gapX * (layers.length - 1)) : width;
  return { width: drawnWidth, scrolls, height, radius, captionY: [14, 30], columns };
}

/** The links a layout draws: each drawn neuron to each drawn neuron of the next column. */
export function drawnLinks({ columns }: DiagramLayout): number {
  let links = 0;
  for (let k = 1; k < columns.length; k++) links += columns[k - 1].nodes.length * columns[k].nodes.length;
  return links;
}

/** Label space for names up to `longest` characters, at most a fifth of the width each side. */
export function labelSpace(longestLeft: number, longestRight: number, width: number): LabelSpace {
  const cap = Math.max(24, width * 0.2);
  const measure = (chars: number) => Math.min(cap, chars * 6.6 + 6);
  return { left: measure(longestLeft), right: measure(longestRight) };
}

/** Shortens a label to fit `pixels` of 11px text, ending in "…". */
export function fitLabel(text: string, pixels: number): string {
  const chars = Math.max(2, Math.floor((pixels - 6) / 6.6));
  return text.length <= chars ? text : `${text.slice(0, chars - 1)}…`;
}
