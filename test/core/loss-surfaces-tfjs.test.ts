/// <reference types="mocha" />
// Agreement with TensorFlow.js: tf.grad of each surface written as TF.js ops (from the
// formulas, not from the core's code), and descent with tf.train's optimizers.
//
// TF.js's CPU backend computes in float32 (2⁻²⁴ ≈ 6e-8 relative per operation), so 1e-9 is
// asked only where float32 is exact: polynomial surfaces with coefficients that are powers
// of two at points with few binary digits, and plain descent on the bowl with α = 1/8.
// Elsewhere the bound is float32's rounding, summed over the operations, as each test says.
import { expect } from '@open-wc/testing';
import type * as TF from '@tensorflow/tfjs-core';
import { Descent, surfaces } from '../../src/index.js';
import { loadTensorFlow } from './tfjs.js';

type Fn = (x: TF.Scalar, y: TF.Scalar) => TF.Scalar;

/** The surfaces in TF.js ops, written from their formulas. */
function tfSurfaces(tf: typeof TF): Record<string, Fn> {
  const { add, sub, mul, div, square, exp, neg } = tf;
  return {
    bowl: (x, y) => add(square(x), square(y)),
    ravine: (x, y) => add(div(square(x), 20), square(y)),
    saddle: (x, y) => add(square(x), div(square(sub(square(y), 2)), 4)),
    rosenbrock: (x, y) => add(square(sub(1, x)), mul(100, square(sub(y, square(x))))),
    'two-minima': (x, y) => add(add(square(sub(square(x), 1)), div(x, 2)), square(y)),
    plateau: (x, y) => sub(1, exp(div(neg(add(square(x), square(y))), 2))),
  };
}

/** Exact in float32 at the points below: every intermediate has fewer than 24 significant bits. */
const EXACT = new Set(['bowl', 'saddle', 'rosenbrock', 'two-minima']);
/** Points with few binary digits, exact in float32. */
const POINTS: [number, number][] = [
  [-1.25, 0.75],
  [0.5, -1.5],
  [1.75, 1.25],
  [-0.25, 0.5],
];

describe('loss surfaces agree with TensorFlow.js', function () {
  this.timeout(20_000);
  let tf: typeof TF;
  before(async () => {
    tf = await loadTensorFlow();
  });

  it('tf.grad of every surface equals its analytic gradient (exactly, where float32 is exact)', () => {
    const fns = tfSurfaces(tf);
    for (const [name, fn] of Object.entries(fns)) {
      const surface = surfaces[name];
      for (const [x, y] of POINTS) {
        const [gx, gy] = tf.tidy(() => tf.grads((a: TF.Tensor, b: TF.Tensor) => fn(a as TF.Scalar, b as TF.Scalar))([tf.scalar(x), tf.scalar(y)]).map((g) => g.dataSync()[0]));
        const value = tf.tidy(() => fn(tf.scalar(x), tf.scalar(y)).dataSync()[0]);
        const ours = surface.gradient(x, y, new Float64Array(2));
        const at = `${name} at (${x}, ${y})`;
        if (EXACT.has(name)) {
          expect(gx, `∂L/∂x, ${at}`).to.be.closeTo(ours[0], 1e-9);
          expect(gy, `∂L/∂y, ${at}`).to.be.closeTo(ours[1], 1e-9);
          expect(value, `L, ${at}`).to.be.closeTo(surface.f(x, y), 1e-9);
        } else {
          // x/20 and exp() round in float32: a few roundings of 6e-8 each, relative to the size.
          const bound = (v: number) => 4e-7 * Math.max(1, Math.abs(v));
          expect(gx, `∂L/∂x, ${at}`).to.be.closeTo(ours[0], bound(ours[0]));
          expect(gy, `∂L/∂y, ${at}`).to.be.closeTo(ours[1], bound(ours[1]));
          expect(value, `L, ${at}`).to.be.closeTo(surface.f(x, y), bound(surface.f(x, y)));
        }
      }
    }
  });

  /** Runs `steps` of a tf.train optimizer on a surface; the points after each step. */
  function tfPath(name: string, optimizer: TF.Optimizer, start: [number, number], steps: number): [number, number][] {
    const fn = tfSurfaces(tf)[name];
    const x = tf.variable(tf.scalar(start[0]));
    const y = tf.variable(tf.scalar(start[1]));
    const points: [number, number][] = [];
    for (let i = 0; i < steps; i++) {
      optimizer.minimize(() => fn(x as TF.Scalar, y as TF.Scalar), false, [x, y]);
      points.push([x.dataSync()[0], y.dataSync()[0]]);
    }
    x.dispose();
    y.dispose();
    optimizer.dispose();
    return points;
  }

  function ourPath(name: string, optimizer: string, learningRate: number, start: [number, number], steps: number): [number, number][] {
    const surface = surfaces[name];
    const run = new Descent(surface, { optimizer, learningRate, start, bounds: surface.bounds });
    for (let i = 0; i < steps; i++) run.step();
    return run.path.slice(1).map((p): [number, number] => [p.x, p.y]);
  }

  function expectClose(ours: [number, number][], theirs: [number, number][], tolerance: number, what: string): void {
    expect(ours.length).to.equal(theirs.length);
    ours.forEach(([x, y], i) => {
      expect(theirs[i][0], `${what}, step ${i + 1}, x`).to.be.closeTo(x, tolerance);
      expect(theirs[i][1], `${what}, step ${i + 1}, y`).to.be.closeTo(y, tolerance);
    });
  }

  it('plain descent on the bowl with α = 1/8 follows tf.train.sgd exactly', () => {
    // Each step multiplies x and y by 3/4: six steps stay exact in float32.
    const start: [number, number] = [-1.5, 1.25];
    expectClose(ourPath('bowl', 'sgd', 0.125, start, 6), tfPath('bowl', tf.train.sgd(0.125), start, 6), 1e-9, 'sgd on the bowl');
  });

  it('sgd and momentum on the ravine follow tf.train.sgd and tf.train.momentum to float32 rounding', () => {
    // tf.train.momentum accumulates a ← 0.9a + g and steps w ← w − α·a; the core's (Keras's)
    // v ← 0.9v − α·g, w ← w + v is the same with v = −α·a. Ten steps of about ten float32
    // roundings each on values below 3: at most 10 · 10 · 6e-8 · 3 ≈ 2e-5; 5e-6 is asked.
    const start: [number, number] = [-2.75, 1.25];
    expectClose(ourPath('ravine', 'sgd', 0.1, start, 10), tfPath('ravine', tf.train.sgd(0.1), start, 10), 5e-6, 'sgd on the ravine');
    expectClose(ourPath('ravine', 'momentum', 0.1, start, 10), tfPath('ravine', tf.train.momentum(0.1, 0.9), start, 10), 5e-6, 'momentum on the ravine');
  });

  it('Adam on the ravine follows tf.train.adam, apart from where ε is added', () => {
    // tf.train.adam steps α·m̂/(√v̂ + ε); Keras and the core step αₜ·m/(√v + ε) with
    // αₜ = α√(1 − β₂ᵗ)/(1 − β₁ᵗ), which is α·m̂/(√v̂ + ε/√(1 − β₂ᵗ)). With ε = 1e-7 the two
    // differ by at most α·3.2e-6/|g| per step (|g| ≥ 0.17 here): 10 steps, under 1e-4 · α.
    const start: [number, number] = [-2.75, 1.25];
    expectClose(ourPath('ravine', 'adam', 0.1, start, 10), tfPath('ravine', tf.train.adam(0.1, 0.9, 0.999, 1e-7), start, 10), 1e-5, 'adam on the ravine');
  });
});
