import type { Bounds, Descent, DescentPoint } from '../../src/index.js';
import { formatTick } from '../shared/format.js';
import { format } from '../shared/strings.js';
import type { SurfaceStrings } from './nn-loss-surface.strings.js';
import { shortNumber } from './numbers.js';

/** A point for readers: "(0.12, −1.50)". */
export const pointText = (x: number, y: number) => `(${shortNumber(x)}, ${shortNumber(y)})`;

/**
 * One run (or the followed trainer) in words: where it started, where it is, and its loss.
 * `step` is the run's step, or the trainer's own count of steps; `steps` the run's limit.
 */
export function describePath(
  words: SurfaceStrings,
  who: string,
  points: readonly DescentPoint[],
  { step, steps, trainer = false }: { step: number; steps: number; trainer?: boolean },
): string {
  const first = points[0];
  const last = points[points.length - 1];
  const values = {
    optimizer: who,
    step,
    steps,
    point: pointText(last.x, last.y),
    loss: shortNumber(last.loss),
    start: pointText(first.x, first.y),
    startLoss: shortNumber(first.loss),
  };
  if (points.length === 1) return format(trainer ? words.trainerStart : words.runStart, values);
  return format(trainer ? words.trainerAt : words.runAt, values);
}

/** A diverged run's message: which optimizer, at which step, and what to change. */
export function describeDivergence(words: SurfaceStrings, who: string, run: Descent): string {
  return format(words.diverged, { optimizer: who, step: run.steps + (run.divergence === 'overflow' ? 1 : 0) });
}

/** The map's accessible name: the formula, the square shown, and the paths (or the lowest point). */
export function describeMap(words: SurfaceStrings, formula: string, bounds: Bounds, names: readonly [string, string], paths: string): string {
  return format(words.mapLabel, {
    formula,
    x: names[0],
    y: names[1],
    xMin: formatTick(bounds.xMin),
    xMax: formatTick(bounds.xMax),
    yMin: formatTick(bounds.yMin),
    yMax: formatTick(bounds.yMax),
    paths,
  });
}
