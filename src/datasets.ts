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
}

/** Half-width of the square the 2-D datasets live in, as in Playground. */
export const DATA_EXTENT = 6;

const dist = (x: number, y: number) => Math.hypot(x, y);
const clamp = (v: number, min: number, max: number) => Math.min(max, Math.max(min, v));

function classified(points: [number, number, boolean][]): { inputs: number[][]; targets: number[][] } {
  return { inputs: points.map(([x, y]) => [x, y]), targets: points.map(([, , positive]) => [positive ? 1 : 0]) };
}

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
  const random = new Random(options.seed ?? 1);
  return { kind: spec.kind, ...spec.make(samples, noise / 100, random) };
}
