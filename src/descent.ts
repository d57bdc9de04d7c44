import { check, isFiniteNumber } from './errors.js';
import { type Optimizer, type OptimizerState, adamRate, createOptimizerState, getOptimizer } from './optimizers.js';
import type { Bounds, Objective } from './surfaces.js';

/** One point of a descent: where it is, and the loss there. */
export interface DescentPoint {
  readonly x: number;
  readonly y: number;
  readonly loss: number;
}

/**
 * How far a point may go outside the square a run is shown in, in widths of that square,
 * before the run counts as diverged: far enough that only a step that keeps growing gets there.
 */
export const ESCAPE = 10;

export interface DescentOptions {
  /** A name from the optimizer registry (default "sgd"). */
  optimizer?: string;
  learningRate: number;
  start: readonly [number, number];
  /** The square the run is shown in (see ESCAPE). */
  bounds: Bounds;
}

/** The next step, worked out without taking it: what a view of the update rule shows. */
export interface StepPreview {
  /** The step's number, from 1. */
  readonly step: number;
  readonly from: DescentPoint;
  /** ∇L at `from`: [∂L/∂x, ∂L/∂y]. */
  readonly gradient: readonly [number, number];
  /** Where the step lands; undefined when it would not land on a finite point. */
  readonly to?: DescentPoint;
  /** Momentum: the velocity before and after the step (v ← 0.9·v − α∇L, then w ← w + v). */
  readonly velocity?: { readonly before: readonly [number, number]; readonly after: readonly [number, number] };
  /** Adam: the moments m and v after the step, and its rate αₜ = α·√(1 − β₂ᵗ)/(1 − β₁ᵗ) (w ← w − αₜ·m/(√v + ε)). */
  readonly moments?: { readonly mean: readonly [number, number]; readonly variance: readonly [number, number]; readonly rate: number };
}

/** L along the line through a step: L at `from` + t·(`to` − `from`) for each t, and dL/dt at t = 0. */
export interface LineSlice {
  readonly t: readonly number[];
  readonly loss: readonly number[];
  /** The tangent's slope at t = 0: ∇L · (to − from). */
  readonly slope: number;
}

const pair = (values: Float64Array): [number, number] => [values[0], values[1]];

/**
 * Gradient descent on a loss of two parameters with an optimizer from the core's registry:
 * the same update rules the trainer uses, on two numbers. Deterministic; a step allocates
 * only its new point.
 */
export class Descent {
  readonly objective: Objective;
  readonly optimizer: Optimizer;
  readonly learningRate: number;
  readonly bounds: Bounds;
  /** Every point so far, the start first. */
  readonly path: DescentPoint[] = [];
  /**
   * True once a step would give a non-finite loss, gradient or update ('overflow': nothing
   * of that step is kept), or took the point ESCAPE widths outside the bounds ('escape': that
   * point is kept). A diverged run takes no more steps.
   */
  diverged = false;
  divergence?: 'overflow' | 'escape';

  private readonly params = new Float64Array(2);
  private readonly gradients = new Float64Array(2);
  private readonly state: OptimizerState;

  constructor(objective: Objective, options: DescentOptions) {
    this.objective = objective;
    this.optimizer = getOptimizer(options.optimizer ?? 'sgd');
    const { learningRate, start, bounds } = options;
    check(isFiniteNumber(learningRate) && learningRate >= 0, `The learning rate must be a finite number of at least 0; got ${learningRate}.`);
    check(start?.length === 2 && isFiniteNumber(start[0]) && isFiniteNumber(start[1]), 'The start must be two finite numbers, x and y.');
    const { xMin, xMax, yMin, yMax } = bounds;
    check(
      [xMin, xMax, yMin, yMax].every(isFiniteNumber) && xMin < xMax && yMin < yMax,
      'The bounds must be finite, each minimum below its maximum.',
    );
    this.learningRate = learningRate;
    this.bounds = bounds;
    this.state = createOptimizerState(2, this.optimizer.slots);
    this.params.set(start);
    const loss = objective.f(start[0], start[1]);
    this.path.push({ x: start[0], y: start[1], loss });
    if (!Number.isFinite(loss)) this.diverge('overflow');
  }

  /** Steps taken. */
  get steps(): number {
    return this.path.length - 1;
  }

  /** The last point. */
  get current(): DescentPoint {
    return this.path[this.path.length - 1];
  }

  /** Takes one step; false when the run has diverged (now or before). */
  step(): boolean {
    if (this.diverged) return false;
    const { params, gradients, objective } = this;
    objective.gradient(params[0], params[1], gradients);
    if (!Number.isFinite(gradients[0]) || !Number.isFinite(gradients[1])) return this.diverge('overflow');
    if (!this.optimizer.update(params, gradients, this.state, this.learningRate, this.path.length)) return this.diverge('overflow');
    const loss = objective.f(params[0], params[1]);
    if (!Number.isFinite(loss)) return this.diverge('overflow');
    this.path.push({ x: params[0], y: params[1], loss });
    return this.escaped(params[0], params[1]) ? this.diverge('escape') : true;
  }

  /** The next step, worked out on copies: the run does not change. */
  preview(): StepPreview {
    const from = this.current;
    const step = this.path.length;
    const gradients = this.objective.gradient(from.x, from.y, new Float64Array(2));
    const params = Float64Array.from([from.x, from.y]);
    const state: OptimizerState = { first: Float64Array.from(this.state.first), second: Float64Array.from(this.state.second) };
    const finite =
      !this.diverged &&
      Number.isFinite(gradients[0]) &&
      Number.isFinite(gradients[1]) &&
      this.optimizer.update(params, gradients, state, this.learningRate, step);
    const loss = finite ? this.objective.f(params[0], params[1]) : Number.NaN;
    const preview: StepPreview = {
      step,
      from,
      gradient: pair(gradients),
      to: Number.isFinite(loss) ? { x: params[0], y: params[1], loss } : undefined,
    };
    if (this.optimizer.slots === 1) return { ...preview, velocity: { before: pair(this.state.first), after: pair(state.first) } };
    if (this.optimizer.slots === 2) {
      return { ...preview, moments: { mean: pair(state.first), variance: pair(state.second), rate: adamRate(this.learningRate, step) } };
    }
    return preview;
  }

  private escaped(x: number, y: number): boolean {
    const { xMin, xMax, yMin, yMax } = this.bounds;
    const width = xMax - xMin;
    const height = yMax - yMin;
    return x < xMin - ESCAPE * width || x > xMax + ESCAPE * width || y < yMin - ESCAPE * height || y > yMax + ESCAPE * height;
  }

  private diverge(kind: 'overflow' | 'escape'): false {
    this.diverged = true;
    this.divergence = kind;
    return false;
  }
}

/**
 * The loss along the line of one step, from `from` (t = 0) through `to` (t = 1), at each
 * of `count` evenly spaced t from `t0` to `t1`, and the tangent's slope there: how far the
 * step's landing point is from what the gradient promised.
 */
export function lineSlice(objective: Objective, preview: StepPreview, t0 = -0.5, t1 = 1.5, count = 49): LineSlice {
  const { from, to, gradient } = preview;
  const dx = to ? to.x - from.x : 0;
  const dy = to ? to.y - from.y : 0;
  const t: number[] = [];
  const loss: number[] = [];
  for (let i = 0; i < count; i++) {
    const at = t0 + ((t1 - t0) * i) / (count - 1);
    t.push(at);
    loss.push(objective.f(from.x + at * dx, from.y + at * dy));
  }
  return { t, loss, slope: gradient[0] * dx + gradient[1] * dy };
}
