import { type Bounds, NnKitError, Random, type Surface, type WeightPlace, getSurface } from '../../src/index.js';
import { checkSetting } from '../shared/settings.js';
import { localize } from '../shared/strings.js';
import { SURFACE_SETTINGS, MAX_RACERS } from './nn-loss-surface.settings.js';
import { SURFACE_STRINGS, type SurfaceStrings } from './nn-loss-surface.strings.js';
import { parseWeightPlaces } from './weight-places.js';

/** The largest coordinate `range` accepts, and the narrowest width: outside these, ticks and cells stop being distinct numbers. */
export const REACH = 1e6;
export const NARROWEST = 1e-6;

/** What the element's properties say, checked. */
export interface Settings {
  surface: Surface;
  /** Unset: the surface's (or a followed trainer's) own. */
  learningRate?: number;
  optimizers: string[];
  /** Unset: the surface's own; 'random': drawn from the seed. */
  start?: readonly [number, number] | 'random';
  steps: number;
  /** Unset: the surface's own square (with `for`, one around the weights). */
  range?: Bounds;
  show: Set<string>;
  controls: Set<string>;
  places: readonly [WeightPlace, WeightPlace];
  seed: number;
  words: SurfaceStrings;
}

/** The properties the settings are read from (the element). */
export interface SettingsSource {
  surface: unknown;
  learningRate?: unknown;
  optimizer: unknown;
  start?: unknown;
  steps: unknown;
  range?: unknown;
  show: unknown;
  controls: unknown;
  weights: unknown;
  seed: unknown;
  strings?: unknown;
}

const check = <T>(name: string, value: unknown, written?: (attribute: string) => string | null, attribute = name) =>
  checkSetting<T>(SURFACE_SETTINGS, name, value, written?.(attribute));

/** Reads `range`: "r", "min, max" or "x-min, x-max, y-min, y-max", each end within ±REACH, each axis at least NARROWEST wide. */
function readRange(value: unknown, written: string | null): Bounds {
  const list = check<number[]>('range', value, () => written);
  const ends = list.length === 1 ? [-list[0], list[0], -list[0], list[0]] : list.length === 2 ? [...list, ...list] : list;
  const [xMin, xMax, yMin, yMax] = ends;
  if (ends.length !== 4 || list.length === 3) throw new NnKitError(`range must list 1, 2 or 4 numbers ("3", "-2, 2" or "-2, 2, -1, 3"); got ${list.length}.`);
  if (!ends.every((end) => Math.abs(end) <= REACH)) throw new NnKitError(`range must stay within ±${REACH}; got "${list.join(', ')}".`);
  if (!(xMin < xMax && yMin < yMax)) throw new NnKitError(`range must go from a smaller number to a larger one on each axis, e.g. "-2, 2"; got "${list.join(', ')}".`);
  if (!(xMax - xMin >= NARROWEST && yMax - yMin >= NARROWEST)) throw new NnKitError(`range must be at least ${NARROWEST} wide on each axis; got "${list.join(', ')}".`);
  return { xMin, xMax, yMin, yMax };
}

/** Checks every setting; throws an NnKitError naming the attribute and what it accepts. */
export function readSettings(host: SettingsSource, written: (attribute: string) => string | null): Settings {
  if (typeof host.surface !== 'string') throw new NnKitError('surface must be a name, such as "bowl" or "ravine".');
  const surface = getSurface(check<string>('surface', host.surface));
  const optimizers = check<string[]>('optimizer', host.optimizer);
  if (optimizers.length === 0 || optimizers.length > MAX_RACERS) {
    throw new NnKitError(`optimizer must name one to ${MAX_RACERS} optimizers, e.g. "sgd" or "sgd, momentum, adam"; got ${optimizers.length}.`);
  }
  if (new Set(optimizers).size !== optimizers.length) throw new NnKitError(`optimizer must name each optimizer once; got "${optimizers.join(', ')}".`);
  const learningRate = host.learningRate == null ? undefined : check<number>('learningRate', host.learningRate, written, 'learning-rate');
  const range = host.range == null ? undefined : readRange(host.range, written('range'));
  let start: Settings['start'];
  const startText = written('start')?.trim().toLowerCase();
  const isRandom = Array.isArray(host.start) && host.start.length === 1 && Number.isNaN(host.start[0]) && startText === 'random';
  if (isRandom) start = 'random';
  else if (host.start != null) {
    const list = check<number[]>('start', host.start, written);
    if (list.length !== 2) throw new NnKitError(`start must be two numbers, "x, y", or "random"; got ${list.length} number${list.length === 1 ? '' : 's'}.`);
    start = [list[0], list[1]];
  }
  const steps = check<number>('steps', host.steps, written);
  const show = new Set(check<string[]>('show', host.show));
  const controls = new Set(check<string[]>('controls', host.controls));
  const seed = check<number>('seed', host.seed, written);
  const places = parseWeightPlaces(host.weights);
  const words = localize(SURFACE_STRINGS, host.strings);
  return { surface, learningRate, optimizers, start, steps, range, show, controls, places, seed, words };
}

/**
 * The start a run takes: the writer's, one drawn from the seed inside the middle of the
 * square, or the surface's own (moved inside the square when a writer's range leaves it out).
 */
export function startIn(settings: Settings, bounds: Bounds): [number, number] {
  const { start, surface, seed } = settings;
  if (start === 'random') {
    const random = new Random(seed);
    const inside = (low: number, high: number) => random.uniform(low + (high - low) * 0.1, high - (high - low) * 0.1);
    return [inside(bounds.xMin, bounds.xMax), inside(bounds.yMin, bounds.yMax)];
  }
  if (!start) {
    const [x, y] = surface.start;
    if (x >= bounds.xMin && x <= bounds.xMax && y >= bounds.yMin && y <= bounds.yMax) return [x, y];
    const within = (v: number, low: number, high: number) => Math.min(high - (high - low) * 0.1, Math.max(low + (high - low) * 0.1, v));
    return [within(x, bounds.xMin, bounds.xMax), within(y, bounds.yMin, bounds.yMax)];
  }
  const [x, y] = start;
  if (!(x >= bounds.xMin && x <= bounds.xMax && y >= bounds.yMin && y <= bounds.yMax)) {
    throw new NnKitError(
      `start (${x}, ${y}) lies outside the square shown, x from ${bounds.xMin} to ${bounds.xMax} and y from ${bounds.yMin} to ${bounds.yMax}; move it inside or widen range.`,
    );
  }
  return [x, y];
}
