/** Training steps (batches of sequences) at most per animation frame: slow enough to watch the weights change. */
export const STEPS_PER_FRAME = 2;
/** Training pauses once the held-out accuracy reaches this, or after MAX_EPOCHS epochs. */
export const LEARNED_ACCURACY = 0.99;
export const MAX_EPOCHS = 500;
