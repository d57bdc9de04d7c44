import { type Bounds, sampleGrid } from '../../src/index.js';

/** Most milliseconds of sampling per idle period, so a frame that follows is never late. */
const SLICE_MS = 4;
/** Cells sampled between two looks at the clock. */
const CELLS_PER_CHECK = 4;

type Idle = (callback: (deadline: { timeRemaining(): number }) => void, options?: { timeout: number }) => number;

/**
 * Samples a loss over a grid with the core's sampleGrid, all at once or a few cells at a
 * time in idle periods (requestIdleCallback, or a timer where there is none): a loss that
 * costs a forward pass over a data set per cell never blocks a frame.
 */
export class GridJob {
  readonly values: Float64Array;
  done = false;
  private next = 0;
  private handle = 0;
  private cancelled = false;

  constructor(
    private readonly f: (x: number, y: number) => number,
    private readonly bounds: Bounds,
    readonly columns: number,
    readonly rows: number,
  ) {
    this.values = new Float64Array(columns * rows);
  }

  /** How much is done, 0 to 1. */
  get progress(): number {
    return this.next / this.values.length;
  }

  /** Samples every cell now. */
  runAll(): void {
    this.run(Number.POSITIVE_INFINITY);
  }

  /** Samples in idle periods; `onProgress` after each, `onDone` once all is sampled. */
  runIdle(onProgress: () => void, onDone: () => void): void {
    const idle = (globalThis as { requestIdleCallback?: Idle }).requestIdleCallback;
    const schedule = () => {
      if (this.cancelled) return;
      const tick = (deadline?: { timeRemaining(): number }) => {
        if (this.cancelled) return;
        this.run(Math.min(SLICE_MS, Math.max(1, deadline?.timeRemaining() ?? SLICE_MS)));
        if (this.done) onDone();
        else {
          onProgress();
          schedule();
        }
      };
      this.handle = idle ? idle(tick, { timeout: 250 }) : (setTimeout(tick, 16) as unknown as number);
    };
    schedule();
  }

  cancel(): void {
    this.cancelled = true;
    const cancelIdle = (globalThis as { cancelIdleCallback?: (handle: number) => void }).cancelIdleCallback;
    if (cancelIdle) cancelIdle(this.handle);
    clearTimeout(this.handle);
  }

  /**
   * Samples a few cells at a time until `budgetMs` has passed (at least one batch): a cell
   * can cost a forward pass over a whole data set, so a row of them can outlast a frame.
   */
  private run(budgetMs: number): void {
    const start = performance.now();
    const { columns, rows, values } = this;
    do {
      sampleGrid(this.f, this.bounds, columns, rows, values, this.next, CELLS_PER_CHECK);
      this.next = Math.min(values.length, this.next + CELLS_PER_CHECK);
    } while (this.next < values.length && performance.now() - start < budgetMs);
    this.done = this.next >= values.length;
  }
}
