/** Training steps (batches of sequences) at most per animation frame: slow enough to watch the weights change. */
export const STEPS_PER_FRAME = 2;
/** Training pauses once the held-out accuracy reaches this, or after MAX_EPOCHS epochs. */
export const LEARNED_ACCURACY = 0.99;
export const MAX_EPOCHS = 500;
/** While training plays, the view is drawn again at most this often (ms): training runs every frame, drawing ten times a second. */
export const DRAW_INTERVAL_MS = 100;
/** While training plays, each token's vectors (the costliest part to draw) follow once a second. */
export const VECTORS_INTERVAL_MS = 1000;
