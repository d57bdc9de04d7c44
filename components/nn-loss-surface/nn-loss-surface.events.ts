/** One run's point after a step, in `nn-step`. */
export interface StepPoint {
  optimizer: string;
  x: number;
  y: number;
  loss: number;
}

/** Detail of `nn-step`: the step's number and where each run is after it. */
export interface StepDetail {
  step: number;
  points: StepPoint[];
}

/** Detail of `nn-stopped`: at which step, and why. */
export interface SurfaceStoppedDetail {
  step: number;
  reason: 'paused' | 'steps' | 'diverged';
}

/** The events `<nn-loss-surface>` fires, by name, with their details. */
export interface LossSurfaceEvents {
  'nn-step': StepDetail;
  'nn-diverged': { step: number; optimizer: string };
  'nn-stopped': SurfaceStoppedDetail;
  change: { name: string; value: unknown };
}
