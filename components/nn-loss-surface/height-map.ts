import type { Bounds } from '../../src/index.js';
import type { Rgb } from '../shared/colors.js';
import { GridJob } from './grid-job.js';

/** What the map's picture is of. */
export interface MapRequest {
  /** Everything the picture depends on but the landscape's version: a new key starts afresh. */
  key: string;
  /**
   * The landscape's version (a followed trainer's other weights move it): a newer one is
   * sampled in the background while the last picture stays up.
   */
  version: number;
  /** The loss to sample, asked for when sampling starts (a followed trainer's, frozen as it is then). */
  loss: () => (x: number, y: number) => number;
  bounds: Bounds;
  /** Cells along each side. */
  cells: number;
  /** Sample in idle periods (a costly loss) rather than at once. */
  progressive: boolean;
}

/** The shading's colours: lowest loss, highest loss, and the contour lines. */
export interface MapColors {
  low: Rgb;
  high: Rgb;
  line: Rgb;
}

/** Bands of equal area between contour lines. */
const BANDS = 12;
/** How strongly a contour line covers the shading. */
const LINE_ALPHA = 0.45;

/**
 * The shaded height map: the loss sampled once per change (GridJob), shaded by rank (so
 * Rosenbrock's 2500-fold range shows as well as a bowl's) with contour lines between bands
 * of equal area, painted into an offscreen canvas, and copied to the visible one.
 */
export class HeightMap {
  private job?: GridJob;
  private jobFor?: MapRequest;
  private grid?: { values: Float64Array; cells: number; key: string; version: number };
  private offscreen?: HTMLCanvasElement;
  private painted = '';

  constructor(private readonly onChange: () => void) {}

  /** How much of a first picture is computed, 0 to 1 (1 once there is a picture). */
  get progress(): number {
    return this.grid ? 1 : (this.job?.progress ?? 0);
  }

  /** Asks for a picture; samples only what changed, and paints only when something did. */
  update(request: MapRequest, colors: MapColors): void {
    const current = this.grid?.key === request.key;
    const running = this.jobFor?.key === request.key;
    if (!current && !running) {
      this.grid = undefined;
      this.start(request);
    } else if (current && !running && request.version > this.grid!.version) {
      this.start(request);
    }
    if (this.grid) this.paint(colors);
  }

  /** Copies the picture onto `target` (its size in device pixels), or clears it while there is none. */
  drawInto(target: HTMLCanvasElement): void {
    const context = target.getContext('2d');
    if (!context) return;
    context.clearRect(0, 0, target.width, target.height);
    if (!this.grid || !this.offscreen) return;
    context.imageSmoothingEnabled = true;
    context.drawImage(this.offscreen, 0, 0, target.width, target.height);
  }

  dispose(): void {
    this.job?.cancel();
    this.job = this.jobFor = undefined;
  }

  private start(request: MapRequest): void {
    this.job?.cancel();
    const job = new GridJob(request.loss(), request.bounds, request.cells, request.cells);
    this.job = job;
    this.jobFor = request;
    const finish = () => {
      if (this.job !== job) return;
      this.grid = { values: job.values, cells: request.cells, key: request.key, version: request.version };
      this.job = this.jobFor = undefined;
      this.painted = '';
      this.onChange();
    };
    if (!request.progressive) {
      job.runAll();
      finish();
    } else {
      job.runIdle(() => this.grid || this.onChange(), finish);
    }
  }

  private paint(colors: MapColors): void {
    const grid = this.grid!;
    const stamp = `${grid.key}|${grid.version}|${JSON.stringify(colors)}`;
    if (stamp === this.painted) return;
    this.painted = stamp;
    const { cells, values } = grid;
    this.offscreen ??= document.createElement('canvas');
    this.offscreen.width = this.offscreen.height = cells;
    const context = this.offscreen.getContext('2d');
    if (!context) return;
    const image = context.createImageData(cells, cells);
    shade(values, cells, colors, cells >= 120, image.data);
    context.putImageData(image, 0, 0);
  }
}

/** Values closer than this fraction of their spread count as equal: a plateau shades flat, not in streaks of rounding. */
const RESOLUTION = 1e-3;

/** Each value's rank among the finite values, 0 (lowest) to 1 (highest); NaN for NaN, 1 for +∞. */
function ranks(values: Float64Array): Float64Array {
  let low = Number.POSITIVE_INFINITY;
  let high = Number.NEGATIVE_INFINITY;
  for (const value of values) {
    if (value < low) low = value;
    if (value > high && value < Number.POSITIVE_INFINITY) high = value;
  }
  const unit = (high - low) * RESOLUTION || 1;
  const level = (value: number) => Math.round((value - low) / unit);
  const sorted = values.filter(Number.isFinite).map(level).sort();
  const last = Math.max(1, sorted.length - 1);
  return values.map((value) => {
    if (Number.isNaN(value)) return Number.NaN;
    const key = level(value);
    let from = 0;
    let to = sorted.length;
    while (from < to) {
      const middle = (from + to) >>> 1;
      if (sorted[middle] < key) from = middle + 1;
      else to = middle;
    }
    return Math.min(1, from / last);
  });
}

/** Writes RGBA pixels: low to high colour by rank, contour lines between bands (when `lines`), NaN transparent. */
function shade(values: Float64Array, cells: number, { low, high, line }: MapColors, lines: boolean, out: Uint8ClampedArray): void {
  const rank = ranks(values);
  const band = (i: number) => Math.min(BANDS - 1, Math.floor(rank[i] * BANDS));
  for (let i = 0; i < rank.length; i++) {
    const t = rank[i];
    if (Number.isNaN(t)) continue;
    let r = low.r + (high.r - low.r) * t;
    let g = low.g + (high.g - low.g) * t;
    let b = low.b + (high.b - low.b) * t;
    const column = i % cells;
    const edge = lines && ((column + 1 < cells && band(i + 1) !== band(i)) || (i + cells < rank.length && band(i + cells) !== band(i)));
    if (edge) {
      r += (line.r - r) * LINE_ALPHA;
      g += (line.g - g) * LINE_ALPHA;
      b += (line.b - b) * LINE_ALPHA;
    }
    out[i * 4] = r;
    out[i * 4 + 1] = g;
    out[i * 4 + 2] = b;
    out[i * 4 + 3] = 255;
  }
}
