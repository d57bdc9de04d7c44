/** Detail of `nn-stage`: where the walkthrough is now, and what it says there. */
export interface StageDetail {
  /** The stage's number, from 0. */
  stage: number;
  /** Stages in all. */
  stages: number;
  phase: 'forward' | 'loss' | 'backward' | 'update';
  /** The stage's sentence, as announced. */
  text: string;
}

/** Detail of `nn-update`: the sample's loss before and after w ← w − α ∂L/∂w. */
export interface UpdateDetail {
  /** Updates applied since the model was built or reset. */
  count: number;
  before: number;
  after: number;
}

/** The events `<nn-backprop>` fires, by name, with their details. */
export interface BackpropEvents {
  'nn-stage': StageDetail;
  'nn-update': UpdateDetail;
  change: { name: string; value: unknown };
}
