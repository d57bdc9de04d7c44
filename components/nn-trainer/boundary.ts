import type { Network } from '../../src/index.js';
import { type Extent, GridSampler, type Palette, outputPainter } from './grid.js';
import type { Session } from './session.js';

/** Milliseconds of boundary sampling per animation frame while training plays (training has its own 6). */
export const DRAW_BUDGET_MS = 4;
/** A settled boundary (paused, a step, new settings) is drawn at once at the finest grid that fits this. */
const SETTLED_BUDGET_MS = 30;
/** ... then refined over the next frames, a frame's budget at a time, up to this much sampling in all. */
const REFINE_BUDGET_MS = 400;
/** Grid resolutions, coarsest first: a bigger network is sampled on a coarser grid. */
const RESOLUTIONS = [16, 24, 32, 48, 64, 96, 128] as const;
/** The grid a settled boundary is drawn on at once, at most; finer ones come by refinement. */
const SETTLED_MAX = 64;
/** While playing, a grid coarser than this is used only when even this one takes too many frames. */
const PLAYING_MIN = 32;
/** While playing, most frames one repaint may take at PLAYING_MIN before the grid gets coarser still. */
const PLAYING_FRAMES = 8;
/** Each chunk of cells takes about this long, so a frame's budget is overrun by at most that. */
const CHUNK_MS = 0.5;
/** How many runs' costs per cell the estimate is the median of. */
const COSTS_KEPT = 7;

/**
 * The decision boundary of one session, sampled within a time budget: from a frozen copy of
 * the network's weights (so a repaint spread over several frames shows one network, never
 * bands of several), on a grid whose resolution follows what a cell costs on this machine.
 * While training plays, a repaint gets DRAW_BUDGET_MS a frame and the last finished one
 * stays on screen until the next is done; a settled boundary is drawn at once, then refined.
 */
export class BoundaryJob {
  /** The last finished boundary, one pixel a cell. */
  readonly finished: OffscreenCanvas;
  /** Milliseconds one cell costs (sampling and colouring), measured as the job runs. */
  private costPerCell = 0;
  /** The cost per cell of the last runs (0 where none yet), and a scratch copy to take their median in. */
  private readonly costs = new Float64Array(COSTS_KEPT);
  private readonly sorted = new Float64Array(COSTS_KEPT);
  private runs = 0;
  private readonly snapshot: Network;
  private pass?: { sampler: GridSampler; image: ImageData };

  constructor(
    readonly session: Session,
    readonly palette: Palette,
    readonly extent: Extent,
    /** Flat regions, one per class (two for one output), instead of shades of confidence. */
    readonly discrete = false,
    /** The clock (ms) the budgets are measured by; a test gives its own to run a repaint a known share of it a frame. */
    private readonly now: () => number = () => performance.now(),
  ) {
    this.snapshot = frozenCopy(session.network);
    this.finished = new OffscreenCanvas(1, 1);
    // A first measure on a small grid; every run afterwards refines it.
    const probe = this.start(4);
    this.run(probe, Number.POSITIVE_INFINITY);
    this.pass = undefined;
  }

  /** True while a repaint is under way. */
  get busy(): boolean {
    return this.pass !== undefined;
  }

  /** The resolution of the last finished boundary (0 before the first). */
  get resolution(): number {
    return this.finished.width > 1 ? this.finished.width : 0;
  }

  /**
   * Samples the boundary of the network as it is now, all at once, on the finest grid that
   * fits the settled budget, and returns true. When not even the coarsest grid fits and a
   * boundary is on screen already, it starts a repaint for settle() to finish instead, and returns false.
   */
  paintNow(): boolean {
    const fits = this.largest(SETTLED_BUDGET_MS, SETTLED_MAX);
    const pass = this.start(fits ?? RESOLUTIONS[0]);
    if (fits === undefined && this.resolution > 0) {
      this.pass = pass;
      return false;
    }
    this.run(pass, Number.POSITIVE_INFINITY);
    this.show(pass);
    return true;
  }

  /**
   * While paused: a frame's budget of work on the repaint under way, or else on a finer grid
   * than the one shown. 'drawn' when a boundary is finished (draw it), 'busy' while one is
   * under way, 'done' when there is nothing finer to make.
   */
  settle(): 'drawn' | 'busy' | 'done' {
    if (!this.pass) {
      if (!this.refinable) return 'done';
      this.pass = this.start(this.largest(REFINE_BUDGET_MS, RESOLUTIONS.at(-1)!)!);
    }
    return this.advance() ? 'drawn' : 'busy';
  }

  /** True when a repaint is under way, or a finer grid than the one shown is worth sampling. */
  get refinable(): boolean {
    if (this.pass) return true;
    const target = this.largest(REFINE_BUDGET_MS, RESOLUTIONS.at(-1)!);
    return !!target && target > this.resolution;
  }

  /**
   * While playing: samples for `budget` ms (what is left of the frame's drawing budget),
   * starting a repaint of the network as it is now when none is under way; true when one is finished.
   */
  play(budget = DRAW_BUDGET_MS): boolean {
    if (!this.pass) {
      const fits = this.largest(DRAW_BUDGET_MS, RESOLUTIONS.at(-1)!) ?? 0;
      const resolution =
        fits >= PLAYING_MIN ? fits : (this.largest(PLAYING_FRAMES * DRAW_BUDGET_MS, PLAYING_MIN) ?? RESOLUTIONS[1]);
      this.pass = this.start(resolution);
    }
    return this.advance(budget);
  }

  /** Drops a repaint under way (the network changed in a way that must be shown at once). */
  cancel(): void {
    this.pass = undefined;
  }

  private advance(budget = DRAW_BUDGET_MS): boolean {
    const pass = this.pass!;
    // Nothing left of the frame's budget: this frame samples nothing (and measures nothing).
    if (budget <= 0) return false;
    this.run(pass, budget);
    if (!pass.sampler.done) return false;
    this.pass = undefined;
    this.show(pass);
    return true;
  }

  /** The largest resolution, at most `max`, whose grid is expected to take at most `budget` ms. */
  private largest(budget: number, max: number): number | undefined {
    let best: number | undefined;
    for (const r of RESOLUTIONS) if (r <= max && r * r * this.costPerCell <= budget) best = r;
    return best;
  }

  /** A repaint on a grid of `resolution`², from the network's weights as they are now. */
  private start(resolution: number): { sampler: GridSampler; image: ImageData } {
    const { network, features, kind } = this.session;
    this.snapshot.weights.set(network.weights);
    this.snapshot.biases.set(network.biases);
    const image = new ImageData(resolution, resolution);
    const [low, high] = this.snapshot.outputActivation.range;
    const range: [number, number] =
      kind === 'regression' ? [-1, 1] : [Number.isFinite(low) ? low : 0, Number.isFinite(high) ? high : 1];
    const visit = outputPainter(image, this.snapshot, this.palette, range, this.discrete);
    return { sampler: new GridSampler(this.snapshot, features, this.extent, resolution, visit), image };
  }

  /** Samples chunks of cells until the pass is done or `budget` ms have gone. */
  private run({ sampler }: { sampler: GridSampler }, budget: number): void {
    const begin = this.now();
    const first = sampler.next;
    let now = begin;
    while (!sampler.done && now - begin < budget) {
      sampler.sample(Math.max(4, Math.min(64, Math.floor(CHUNK_MS / this.costPerCell))));
      now = this.now();
    }
    // The median of the last runs: timers are coarse (0.1 ms, or 1 ms in some browsers), and a
    // run the system paused for a while says nothing about what a cell costs.
    this.costs[this.runs++ % COSTS_KEPT] = (now - begin) / Math.max(1, sampler.next - first);
    const kept = Math.min(this.runs, COSTS_KEPT);
    this.sorted.set(this.costs);
    this.sorted.subarray(0, kept).sort();
    this.costPerCell = kept % 2 ? this.sorted[kept >> 1] : (this.sorted[kept / 2 - 1] + this.sorted[kept / 2]) / 2;
  }

  private show({ image }: { image: ImageData }): void {
    if (this.finished.width !== image.width) {
      this.finished.width = image.width;
      this.finished.height = image.height;
    }
    this.finished.getContext('2d')?.putImageData(image, 0, 0);
  }
}

/**
 * A copy of the network to freeze weights in: its own, when the copy computes what the
 * network does (same layers and activations); else the network itself (a repaint spread
 * over frames may then show bands of several networks, but every cell is the network's).
 */
function frozenCopy(network: Network): Network {
  const copy = network.clone();
  for (let k = 0; k < network.depth; k++) {
    if (copy.layers[k + 1] !== network.layers[k + 1] || copy.activationOf(k) !== network.activationOf(k)) return network;
  }
  return copy;
}
