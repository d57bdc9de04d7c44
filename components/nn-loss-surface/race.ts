import { type Bounds, Descent, type Objective } from '../../src/index.js';

export interface RaceOptions {
  objective: Objective;
  /** Optimizer names from the core's registry, one run each. */
  optimizers: readonly string[];
  learningRate: number;
  start: readonly [number, number];
  bounds: Bounds;
}

/** Up to three optimizers descending one loss from one start, a step at a time, together. */
export class Race {
  readonly runs: readonly Descent[];

  constructor({ objective, optimizers, learningRate, start, bounds }: RaceOptions) {
    this.runs = optimizers.map((optimizer) => new Descent(objective, { optimizer, learningRate, start, bounds }));
  }

  /** The first run's step count: all runs step together until they stop. */
  get steps(): number {
    return Math.max(...this.runs.map((run) => run.steps));
  }

  /** True when any run has diverged. */
  get diverged(): boolean {
    return this.runs.some((run) => run.diverged);
  }

  /** True once every run has diverged or taken `limit` steps. */
  finished(limit: number): boolean {
    return this.runs.every((run) => run.diverged || run.steps >= limit);
  }

  /** Steps every run still going (under `limit` steps, not diverged); returns those that diverged now. */
  step(limit: number): Descent[] {
    const diverged: Descent[] = [];
    for (const run of this.runs) {
      if (run.diverged || run.steps >= limit) continue;
      if (!run.step() && run.diverged) diverged.push(run);
    }
    return diverged;
  }
}
