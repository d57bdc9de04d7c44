import { NnKitError, check, listNames } from './errors.js';

/** An input feature computed from the point (x1, x2), as in TensorFlow Playground. */
export interface Feature {
  readonly name: string;
  /** How it is written for readers, e.g. "X₁²". */
  readonly label: string;
  readonly f: (x1: number, x2: number) => number;
}

/** Every feature, by name. */
export const features: Readonly<Record<string, Feature>> = Object.freeze({
  x1: { name: 'x1', label: 'X₁', f: (x1) => x1 },
  x2: { name: 'x2', label: 'X₂', f: (_x1, x2) => x2 },
  x1sq: { name: 'x1sq', label: 'X₁²', f: (x1) => x1 * x1 },
  x2sq: { name: 'x2sq', label: 'X₂²', f: (_x1, x2) => x2 * x2 },
  x1x2: { name: 'x1x2', label: 'X₁X₂', f: (x1, x2) => x1 * x2 },
  'sin-x1': { name: 'sin-x1', label: 'sin(X₁)', f: (x1) => Math.sin(x1) },
  'sin-x2': { name: 'sin-x2', label: 'sin(X₂)', f: (_x1, x2) => Math.sin(x2) },
});

/** Other spellings writers use for the same features. */
const ALIASES: Readonly<Record<string, string>> = Object.freeze({
  'x1^2': 'x1sq',
  'x1²': 'x1sq',
  'x2^2': 'x2sq',
  'x2²': 'x2sq',
  'x1*x2': 'x1x2',
  'x1·x2': 'x1x2',
  'sin(x1)': 'sin-x1',
  sinx1: 'sin-x1',
  'sin(x2)': 'sin-x2',
  sinx2: 'sin-x2',
});

/** The feature a name means (any accepted spelling, any case), e.g. "X1²" → "x1sq"; undefined when none. */
export function featureName(raw: string): string | undefined {
  const key = raw.trim().toLowerCase().replace(/\s+/g, '');
  const name = Object.hasOwn(ALIASES, key) ? ALIASES[key] : key;
  return Object.hasOwn(features, name) ? name : undefined;
}

/** Reads feature names (any accepted spelling, any case), without repeats. */
export function parseFeatures(names: readonly string[]): Feature[] {
  check(names.length > 0, `Pick at least one feature: ${listNames(Object.keys(features))}.`);
  const picked: Feature[] = [];
  for (const raw of names) {
    const name = featureName(raw);
    if (name === undefined) throw new NnKitError(`Unknown feature "${raw}". Use ${listNames(Object.keys(features))}.`);
    if (!picked.includes(features[name])) picked.push(features[name]);
  }
  return picked;
}

/** Maps each 2-D point through the features: [[x1, x2]] → [[f1, f2, …]]. */
export function applyFeatures(points: readonly (readonly number[])[], picked: readonly Feature[]): number[][] {
  return points.map(([x1, x2]) => picked.map((feature) => feature.f(x1, x2)));
}
