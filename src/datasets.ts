import type { Data } from './data.js';
import { check, lookup } from './errors.js';
import { Random } from './random.js';

/** Options shared by every dataset generator. */
export interface DatasetOptions {
  /** Number of points (default 500). */
  samples?: number;
  /** Noise from 0 to 50, as in TensorFlow Playground (default 0). */
  noise?: number;
  /** Seed for the points (default 1). */
  seed?: number;
  /** Number of classes, 2 to 6, for the sets that can make more than two (default 2). */
  classes?: number;
}

/** A generated dataset: rows of inputs with their targets. */
export interface Dataset extends Data {
  readonly kind: 'classification' | 'regression';
}

export interface DatasetSpec {
  readonly name: string;
  readonly label: string;
  readonly kind: 'classification' | 'regression';
  /** Number of input columns (2 for the plane, 1 for the sine). */
  readonly dimensions: 1 | 2;
  /** Makes `samples` points; `noise` is a fraction (0–0.5). */
  readonly make: (samples: number, noise: number, random: Random) => { inputs: number[][]; targets: number[][] };
  /** Makes `samples` points in `classes` classes (3 to 6), targets one-hot; only sets that can. */
  readonly makeClasses?: (samples: number, noise: number, random: Random, classes: number) => { inputs: number[][]; targets: number[][] };
  /** Features and hidden layers that learn this set well from the default seed, used when a writer sets none. */
  readonly suggested?: { readonly features?: readonly string[]; readonly hidden?: readonly number[] };
}

/** Most classes a generated dataset may have. */
export const MAX_CLASSES = 6;

/** Half-width of the square the 2-D datasets live in, as in Playground. */
export const DATA_EXTENT = 6;

const dist = (x: number, y: number) => Math.hypot(x, y);
const clamp = (v: number, min: number, max: number) => Math.min(max, Math.max(min, v));

function classified(points: [number, number, boolean][]): { inputs: number[][]; targets: number[][] } {
  return { inputs: points.map(([x, y]) => [x, y]), targets: points.map(([, , positive]) => [positive ? 1 : 0]) };
}

/** Points labelled with one of `classes` classes, as one-hot targets (for softmax). */
function oneHotPoints(points: [number, number, number][], classes: number): { inputs: number[][]; targets: number[][] } {
  return {
    inputs: points.map(([x, y]) => [x, y]),
    targets: points.map(([, , label]) => Array.from({ length: classes }, (_, c) => (c === label ? 1 : 0))),
  };
}

/** The class of the i-th of `samples` points when they are dealt out in equal runs. */
const classOf = (i: number, samples: number, classes: number) => Math.min(classes - 1, Math.floor((i * classes) / samples));

/**
 * Playground's 2-D regression sets: points uniform in the square, each labelled by
 * `value` at a position nudged by noise (so the label is noisy, not the point).
 */
function regressed2d(
  samples: number,
  noise: number,
  random: Random,
  value: (x: number, y: number) => number,
): { inputs: number[][]; targets: number[][] } {
  const points: [number, number, number][] = [];
  for (let i = 0; i < samples; i++) {
    const x = random.uniform(-DATA_EXTENT, DATA_EXTENT);
    const y = random.uniform(-DATA_EXTENT, DATA_EXTENT);
    const nx = random.uniform(-DATA_EXTENT, DATA_EXTENT) * noise;
    const ny = random.uniform(-DATA_EXTENT, DATA_EXTENT) * noise;
    points.push([x, y, value(x + nx, y + ny)]);
  }
  return regressed(points);
}

function regressed(points: [number, number, number][]): { inputs: number[][]; targets: number[][] } {
  return { inputs: points.map(([x, y]) => [x, y]), targets: points.map(([, , value]) => [value]) };
}

const REGRESSION_GAUSSIANS: readonly [number, number, number][] = [
  [-4, 2.5, 1],
  [0, 2.5, -1],
  [4, 2.5, 1],
  [-4, -2.5, -1],
  [0, -2.5, 1],
  [4, -2.5, -1],
];

/** The TensorFlow Playground datasets plus two moons and a 1-D sine, by name. */
export const datasets: Readonly<Record<string, DatasetSpec>> = Object.freeze({
  circle: {
    name: 'circle',
    label: 'Circle',
    kind: 'classification',
    dimensions: 2,
    make(samples, noise, random) {
      const radius = 5;
      const points: [number, number, boolean][] = [];
      for (let i = 0; i < samples; i++) {
        const inner = i < samples / 2;
        const r = inner ? random.uniform(0, radius * 0.5) : random.uniform(radius * 0.7, radius);
        const angle = random.uniform(0, 2 * Math.PI);
        const x = r * Math.sin(angle);
        const y = r * Math.cos(angle);
        const nx = random.uniform(-radius, radius) * noise;
        const ny = random.uniform(-radius, radius) * noise;
        points.push([x, y, dist(x + nx, y + ny) < radius * 0.5]);
      }
      return classified(points);
    },
    /** Rings: class c lies between radii in an equal share of the disc, with a gap between rings. */
    makeClasses(samples, noise, random, classes) {
      const radius = 5;
      const band = radius / classes;
      const points: [number, number, number][] = [];
      for (let i = 0; i < samples; i++) {
        const label = classOf(i, samples, classes);
        const r = random.uniform(label * band + (label > 0 ? band * 0.2 : 0), (label + 1) * band - band * 0.2);
        const angle = random.uniform(0, 2 * Math.PI);
        const nx = random.uniform(-radius, radius) * noise;
        const ny = random.uniform(-radius, radius) * noise;
        points.push([r * Math.sin(angle) + nx, r * Math.cos(angle) + ny, label]);
      }
      return oneHotPoints(points, classes);
    },
  },
  xor: {
    name: 'xor',
    label: 'Exclusive or',
    kind: 'classification',
    dimensions: 2,
    make(samples, noise, random) {
      const padding = 0.3;
      const points: [number, number, boolean][] = [];
      for (let i = 0; i < samples; i++) {
        let x = random.uniform(-5, 5);
        let y = random.uniform(-5, 5);
        x += x > 0 ? padding : -padding;
        y += y > 0 ? padding : -padding;
        const nx = random.uniform(-5, 5) * noise;
        const ny = random.uniform(-5, 5) * noise;
        points.push([x, y, (x + nx) * (y + ny) >= 0]);
      }
      return classified(points);
    },
  },
  gauss: {
    name: 'gauss',
    label: 'Two Gaussians',
    kind: 'classification',
    dimensions: 2,
    make(samples, noise, random) {
      const deviation = Math.sqrt(0.5 + (4 - 0.5) * (noise / 0.5));
      const points: [number, number, boolean][] = [];
      for (let i = 0; i < samples; i++) {
        const positive = i < samples / 2;
        const centre = positive ? 2 : -2;
        points.push([random.normal(centre, deviation), random.normal(centre, deviation), positive]);
      }
      return classified(points);
    },
    /** One Gaussian per class, their centres evenly round a circle. */
    makeClasses(samples, noise, random, classes) {
      const deviation = Math.sqrt(0.5 + (4 - 0.5) * (noise / 0.5)) * 0.6;
      const points: [number, number, number][] = [];
      for (let i = 0; i < samples; i++) {
        const label = classOf(i, samples, classes);
        const angle = (2 * Math.PI * label) / classes + Math.PI / 4;
        points.push([random.normal(3.5 * Math.cos(angle), deviation), random.normal(3.5 * Math.sin(angle), deviation), label]);
      }
      return oneHotPoints(points, classes);
    },
  },
  spiral: {
    name: 'spiral',
    label: 'Spiral',
    kind: 'classification',
    dimensions: 2,
    make(samples, noise, random) {
      const half = Math.floor(samples / 2);
      const points: [number, number, boolean][] = [];
      const arm = (count: number, turn: number, positive: boolean) => {
        for (let i = 0; i < count; i++) {
          const r = (i / count) * 5;
          const t = ((1.75 * i) / count) * 2 * Math.PI + turn;
          const x = r * Math.sin(t) + random.uniform(-1, 1) * noise;
          const y = r * Math.cos(t) + random.uniform(-1, 1) * noise;
          points.push([x, y, positive]);
        }
      };
      arm(half, 0, true);
      arm(samples - half, Math.PI, false);
      return classified(points);
    },
    /** One arm per class, the arms evenly turned. */
    makeClasses(samples, noise, random, classes) {
      const points: [number, number, number][] = [];
      for (let label = 0; label < classes; label++) {
        const count = Math.floor(((label + 1) * samples) / classes) - Math.floor((label * samples) / classes);
        for (let i = 0; i < count; i++) {
          const r = (i / count) * 5;
          const t = ((1.75 * i) / count) * 2 * Math.PI + (2 * Math.PI * label) / classes;
          points.push([r * Math.sin(t) + random.uniform(-1, 1) * noise, r * Math.cos(t) + random.uniform(-1, 1) * noise, label]);
        }
      }
      return oneHotPoints(points, classes);
    },
    suggested: { features: ['x1', 'x2', 'sin-x1', 'sin-x2'], hidden: [8, 8] },
  },
  moons: {
    name: 'moons',
    label: 'Two moons',
    kind: 'classification',
    dimensions: 2,
    make(samples, noise, random) {
      const half = Math.floor(samples / 2);
      const points: [number, number, boolean][] = [];
      for (let i = 0; i < samples; i++) {
        const upper = i < half;
        const t = random.uniform(0, Math.PI);
        const x = upper ? Math.cos(t) : 1 - Math.cos(t);
        const y = upper ? Math.sin(t) : 0.5 - Math.sin(t);
        // Centre the pair and scale it to the same square as the other sets.
        const sx = (x - 0.5) * 3.5 + random.normal(0, noise * 2);
        const sy = (y - 0.25) * 3.5 + random.normal(0, noise * 2);
        points.push([sx, sy, upper]);
      }
      return classified(points);
    },
  },
  plane: {
    name: 'plane',
    label: 'Plane',
    kind: 'regression',
    dimensions: 2,
    make(samples, noise, random) {
      return regressed2d(samples, noise, random, (x, y) => clamp((x + y) / 10, -1, 1));
    },
  },
  'reg-gauss': {
    name: 'reg-gauss',
    label: 'Multi Gaussian',
    kind: 'regression',
    dimensions: 2,
    make(samples, noise, random) {
      return regressed2d(samples, noise, random, (x, y) => {
        let value = 0;
        for (const [cx, cy, sign] of REGRESSION_GAUSSIANS) {
          const contribution = sign * clamp(1 - dist(x - cx, y - cy) / 2, 0, 1);
          if (Math.abs(contribution) > Math.abs(value)) value = contribution;
        }
        return value;
      });
    },
  },
  sine: {
    name: 'sine',
    label: 'Sine wave',
    kind: 'regression',
    dimensions: 1,
    make(samples, noise, random) {
      const inputs: number[][] = [];
      const targets: number[][] = [];
      for (let i = 0; i < samples; i++) {
        const x = random.uniform(-DATA_EXTENT, DATA_EXTENT);
        inputs.push([x]);
        targets.push([Math.sin(x) + random.normal(0, noise)]);
      }
      return { inputs, targets };
    },
  },
});

/** Most points a generated dataset may have. */
export const MAX_SAMPLES = 10_000;

/** Generates a named dataset, seeded: the same options give the same points. */
export function makeDataset(name: string, options: DatasetOptions = {}): Dataset {
  const spec = lookup(datasets, name, 'dataset');
  const samples = options.samples ?? 500;
  const noise = options.noise ?? 0;
  check(
    Number.isInteger(samples) && samples >= 2 && samples <= MAX_SAMPLES,
    `Samples must be a whole number from 2 to ${MAX_SAMPLES}; got ${samples}.`,
  );
  check(Number.isFinite(noise) && noise >= 0 && noise <= 50, `Noise must be a number from 0 to 50; got ${noise}.`);
  const classes = options.classes ?? 2;
  check(
    Number.isInteger(classes) && classes >= 2 && classes <= MAX_CLASSES,
    `Classes must be a whole number from 2 to ${MAX_CLASSES}; got ${classes}.`,
  );
  const random = new Random(options.seed ?? 1);
  if (classes === 2) return { kind: spec.kind, ...spec.make(samples, noise / 100, random) };
  const withClasses = Object.entries(datasets).filter(([, other]) => other.makeClasses).map(([other]) => other);
  check(spec.makeClasses != null, `The ${spec.label.toLowerCase()} data ${spec.kind === 'regression' ? 'is for regression' : 'has two classes'}; more classes apply to ${withClasses.join(', ')}.`);
  check(samples >= classes, `Samples must be at least the number of classes (${classes}); got ${samples}.`);
  return { kind: spec.kind, ...spec.makeClasses!(samples, noise / 100, random, classes) };
}
