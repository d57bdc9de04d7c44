import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { divergingTable, resolveColor } from '../shared/colors.js';
import { BoundaryJob, DRAW_BUDGET_MS } from './boundary.js';
import { BACKGROUND_STRENGTH, type Extent, type Palette, paintHiddenNeurons } from './grid.js';
import { drawPoints } from './points.js';
import type { Session } from './session.js';

const NEURON_RESOLUTION = 16;
/** While training, the neuron maps redraw four times a second; the boundary as often as its budget allows (see BoundaryJob). */
const NEURONS_INTERVAL_MS = 250;
/** While training, how often the page's colour scheme is read again. */
const SCHEME_CHECK_MS = 500;

/** What a CanvasPainter is told by its host; it reads nothing else of it. */
export interface PainterOptions {
  /** The shadow root holding the canvases (canvas.boundary, canvas.neuron) and the theme's colour tokens. */
  root(): ShadowRoot;
  session(): Session | undefined;
  /** The square of input space drawn. */
  extent(): Extent;
  /** True while training plays: the neuron maps and the scheme are then read less often. */
  playing(): boolean;
  /** The boundary as flat regions, one per class, rather than shades (`discretize`). */
  discrete(): boolean;
}

/**
 * Paints the trainer's canvases after each update: the decision boundary with the data
 * points over it, and what each hidden neuron responds to. The colours come from the
 * theme and are read again when the page's or the reader's colour scheme changes.
 */
export class CanvasPainter implements ReactiveController {
  private palette?: Palette;
  /** The colour scheme the palette was read under: a page that switches scheme gets new colours. */
  private paletteScheme = '';
  /** When the scheme was last read (performance.now()). */
  private schemeChecked = -Infinity;
  private neuronsDrawn = -Infinity;
  private points?: { session: Session; palette: Palette; layer: OffscreenCanvas };
  /** The boundary being sampled, and the canvas (and its size) it was last drawn on. */
  private boundary?: BoundaryJob;
  private drawn?: { canvas: HTMLCanvasElement; width: number; job: BoundaryJob; resolution: number };
  /** The frame that refines a settled boundary. */
  private refining = 0;
  private readonly refineFrame = () => {
    this.refining = 0;
    const job = this.boundary;
    if (!job || this.options.playing() || !this.host.isConnected) return;
    const state = job.settle();
    if (state === 'drawn') this.drawBoundary(job);
    if (state !== 'done') this.refining = requestAnimationFrame(this.refineFrame);
  };
  /** The canvases' colours come from the theme: read them again when the reader's scheme changes. */
  private readonly schemeQueries =
    typeof matchMedia === 'function' ? ['(prefers-color-scheme: dark)', '(forced-colors: active)'].map((query) => matchMedia(query)) : [];
  private readonly onSchemeChange = () => this.host.requestUpdate();

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly options: PainterOptions,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    for (const query of this.schemeQueries) query.addEventListener('change', this.onSchemeChange);
  }

  hostDisconnected(): void {
    for (const query of this.schemeQueries) query.removeEventListener('change', this.onSchemeChange);
    this.stopRefining();
  }

  /** A new session: read the colours again. */
  forget(): void {
    this.palette = undefined;
    this.boundary = undefined;
  }

  /**
   * Paints the neuron maps when due (every update while paused; four times a second while
   * playing), then the boundary: while playing, the two share one frame's drawing budget,
   * so a frame that redraws the maps samples less of the boundary.
   */
  hostUpdated(): void {
    const start = performance.now();
    if (!this.options.playing() || start - this.neuronsDrawn >= NEURONS_INTERVAL_MS) {
      this.neuronsDrawn = start;
      this.paintNeurons();
    }
    this.paintBoundary(DRAW_BUDGET_MS - (performance.now() - start));
  }

  private resolvePalette(): Palette {
    // Reading the computed color-scheme forces a style recalculation of the page; while
    // playing, twice a second is enough to follow a theme switch.
    const now = performance.now();
    if (this.palette && this.options.playing() && now - this.schemeChecked < SCHEME_CHECK_MS) return this.palette;
    this.schemeChecked = now;
    // The page's color-scheme (inherited) and the reader's preferences decide what light-dark() picks.
    const scheme = [getComputedStyle(this.host).colorScheme, ...this.schemeQueries.map((query) => query.matches)].join();
    if (this.palette && scheme === this.paletteScheme) return this.palette;
    this.paletteScheme = scheme;
    // Resolving a colour forces a style recalculation and a canvas read-back: once per palette, not per frame.
    const root = this.options.root();
    const neutral = resolveColor(root, 'var(--_neutral)');
    const negative = resolveColor(root, 'var(--_negative)');
    const positive = resolveColor(root, 'var(--_positive)');
    this.palette = {
      diverging: divergingTable(negative, neutral, positive),
      background: divergingTable(negative, neutral, positive, 255, BACKGROUND_STRENGTH),
      neutral,
      classes: ['--_series-1', '--_series-2', '--_series-3', '--_series-4', '--_series-5', '--_series-6'].map((token) =>
        resolveColor(root, `var(${token})`),
      ),
    };
    return this.palette;
  }

  /**
   * While training plays, the boundary is sampled for a frame's budget and drawn when a
   * repaint is finished; otherwise it is drawn at once and refined in the frames after.
   */
  private paintBoundary(budget: number): void {
    const session = this.options.session();
    const canvas = this.options.root().querySelector<HTMLCanvasElement>('canvas.boundary');
    this.stopRefining();
    if (!session || !canvas || session.dimensions !== 2) return;
    const palette = this.resolvePalette();
    const extent = this.options.extent();
    const discrete = this.options.discrete();
    let job = this.boundary;
    if (!job || job.session !== session || job.palette !== palette || job.extent[0] !== extent[0] || job.extent[1] !== extent[1] || job.discrete !== discrete) {
      job = this.boundary = new BoundaryJob(session, palette, extent, discrete);
    }
    if (this.options.playing()) {
      if (job.play(budget) || job.resolution === 0) {
        if (job.resolution === 0) job.paintNow();
        this.drawBoundary(job);
      } else if (!this.isDrawn(job, canvas)) {
        this.drawBoundary(job);
      }
      return;
    }
    job.cancel();
    if (job.paintNow() || !this.isDrawn(job, canvas)) this.drawBoundary(job);
    // A removed element schedules nothing (an update can still run after removal).
    if (job.refinable && this.host.isConnected) this.refining = requestAnimationFrame(this.refineFrame);
  }

  private stopRefining(): void {
    if (this.refining) cancelAnimationFrame(this.refining);
    this.refining = 0;
  }

  /** True when the canvas shows the job's last finished boundary. */
  private isDrawn(job: BoundaryJob, canvas: HTMLCanvasElement): boolean {
    const drawn = this.drawn;
    return !!drawn && drawn.canvas === canvas && drawn.width === canvas.width && drawn.job === job && drawn.resolution === job.resolution;
  }

  /** Draws the job's last finished boundary, scaled smoothly, with the data points over it. */
  private drawBoundary(job: BoundaryJob): void {
    const canvas = this.options.root().querySelector<HTMLCanvasElement>('canvas.boundary');
    const context = canvas?.getContext('2d');
    if (!canvas || !context) return;
    context.imageSmoothingEnabled = true;
    context.imageSmoothingQuality = 'high';
    context.clearRect(0, 0, canvas.width, canvas.height);
    context.drawImage(job.finished, 0, 0, canvas.width, canvas.height);
    context.drawImage(this.pointsLayer(job.session, job.palette, job.extent, canvas.width), 0, 0);
    this.drawn = { canvas, width: canvas.width, job, resolution: job.resolution };
  }

  /** The data points, drawn once per session, size and palette: they do not move while training. */
  private pointsLayer(session: Session, palette: Palette, extent: Extent, size: number): OffscreenCanvas {
    const cached = this.points;
    if (cached && cached.session === session && cached.palette === palette && cached.layer.width === size) return cached.layer;
    const layer = new OffscreenCanvas(size, size);
    const context = layer.getContext('2d');
    if (context) drawPoints(context, session, extent, palette, size);
    this.points = { session, palette, layer };
    return layer;
  }

  /** What each hidden neuron responds to (drawn with or without the boundary view). */
  private paintNeurons(): void {
    const session = this.options.session();
    const canvases = [...this.options.root().querySelectorAll<HTMLCanvasElement>('canvas.neuron')];
    if (!session || canvases.length === 0) return;
    const palette = this.resolvePalette();
    const images = canvases.map(() => new ImageData(NEURON_RESOLUTION, NEURON_RESOLUTION));
    paintHiddenNeurons(images, session.network, session.features, this.options.extent(), palette.diverging);
    // One small canvas carries each map in turn: drawImage copies it at once.
    const scratch = new OffscreenCanvas(NEURON_RESOLUTION, NEURON_RESOLUTION);
    canvases.forEach((canvas, i) => {
      const context = canvas.getContext('2d');
      if (context) paintImage(context, scratch, images[i], canvas.width, canvas.height);
    });
  }
}

/** Draws a small image, through `scratch` (a canvas of its size), scaled smoothly to fill the canvas. */
function paintImage(context: CanvasRenderingContext2D, scratch: OffscreenCanvas, image: ImageData, width: number, height: number): void {
  scratch.getContext('2d')?.putImageData(image, 0, 0);
  context.imageSmoothingEnabled = true;
  context.imageSmoothingQuality = 'high';
  context.clearRect(0, 0, width, height);
  context.drawImage(scratch, 0, 0, width, height);
}
