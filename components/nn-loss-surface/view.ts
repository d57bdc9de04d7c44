import type { Bounds, Objective, WeightSlice } from '../../src/index.js';
import { format } from '../shared/strings.js';
import type { MapRequest } from './height-map.js';
import { type Settings, startIn } from './read-settings.js';
import { placeName } from './weight-places.js';

/** What the element draws: the last settings applied without error, and what they make. */
export interface View {
  settings: Settings;
  objective: Objective;
  bounds: Bounds;
  start: readonly [number, number];
  learningRate: number;
  /** The followed trainer's id, while it has a network to follow. */
  following?: string;
  /** The followed trainer's id, while it has none yet (the surface is drawn meanwhile). */
  waiting?: string;
  /** The axes' names: x and y, or w₁ and w₂ for a trainer's weights. */
  names: readonly [string, string];
  /** What L is, in words or plain text (the map's label and, with `for`, the title). */
  formula: string;
}

/** The view of a built-in surface; `waiting` names a trainer not there yet. */
export function surfaceView(settings: Settings, waiting: string): View {
  const bounds = settings.range ?? settings.surface.bounds;
  return {
    settings,
    objective: settings.surface,
    bounds,
    start: startIn(settings, bounds),
    learningRate: settings.learningRate ?? settings.surface.learningRate,
    waiting: waiting || undefined,
    names: ['x', 'y'],
    formula: settings.surface.formula.text,
  };
}

/** The view of a followed trainer's training loss over two weights, within `bounds` unless `range` says otherwise. */
export function trainerView(settings: Settings, slice: WeightSlice, id: string, bounds: Bounds): View {
  const [first, second] = settings.places.map(placeName);
  return {
    settings,
    objective: slice,
    bounds: settings.range ?? bounds,
    start: slice.current,
    learningRate: slice.trainer.learningRate,
    following: id,
    names: ['w₁', 'w₂'],
    formula: format(settings.words.trainerNote, { id, first, second }),
  };
}

/**
 * What the map samples: a built-in surface at one cell per pixel of its `side`, at once; a
 * trainer's loss (a pass over its training data per cell) on a coarser grid, in idle time,
 * again each time the trainer has moved (`version`).
 */
export function mapRequest(view: View, side: number, version: number): MapRequest {
  const { bounds, objective } = view;
  const { xMin, xMax, yMin, yMax } = bounds;
  const slice = view.following ? (objective as WeightSlice) : undefined;
  const work = slice ? slice.trainer.data.count * slice.trainer.network.weights.length : 0;
  const cells = slice ? Math.max(16, Math.min(64, Math.round(Math.sqrt(4e7 / Math.max(1, work))))) : Math.min(400, side);
  const what = slice ? `${view.following}|${slice.indices}` : view.settings.surface.name;
  const loss = () => (slice ? slice.frozen() : objective.f);
  return { key: `${what}|${xMin},${xMax},${yMin},${yMax}|${cells}`, version: slice ? version : 0, loss, bounds, cells, progressive: !!slice };
}
