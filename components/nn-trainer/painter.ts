import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { divergingTable, resolveColor } from '../shared/colors.js';
import { BACKGROUND_STRENGTH, type Extent, type Palette, paintHiddenNeurons, paintOutput } from './grid.js';
import { drawPoints } from './points.js';
import type { Session } from './session.js';

const BOUNDARY_RESOLUTION = 64;
const NEURON_RESOLUTION = 16;
/** While training, the neuron maps redraw four times a second; the boundary every frame. */
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
  }

  /** A new session: read the colours again. */
  forget(): void {
    this.palette = undefined;
  }

  /** Paints the boundary, and the neuron maps when due (every update while paused; four times a second while playing). */
  hostUpdated(): void {
    this.paintBoundary();
    const now = performance.now();
    if (!this.options.playing() || now - this.neuronsDrawn >= NEURONS_INTERVAL_MS) {
      this.neuronsDrawn = now;
      this.paintNeurons();
    }
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

  private paintBoundary(): void {
    const session = this.options.session();
    const canvas = this.options.root().querySelector<HTMLCanvasElement>('canvas.boundary');
    if (!session || !canvas || session.dimensions !== 2) return;
    const context = canvas.getContext('2d');
    if (!context) return;
    const palette = this.resolvePalette();
    const extent = this.options.extent();
    const image = new ImageData(BOUNDARY_RESOLUTION, BOUNDARY_RESOLUTION);
    const [low, high] = session.network.outputActivation.range;
    const range: [number, number] =
      session.kind === 'regression' ? [-1, 1] : [Number.isFinite(low) ? low : 0, Number.isFinite(high) ? high : 1];
    paintOutput(image, session.network, session.features, extent, palette, range);
    paintImage(context, image, canvas.width, canvas.height);
    context.drawImage(this.pointsLayer(session, palette, extent, canvas.width), 0, 0);
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
    canvases.forEach((canvas, i) => {
      const context = canvas.getContext('2d');
      if (context) paintImage(context, images[i], canvas.width, canvas.height);
    });
  }
}

/** Draws a small image scaled smoothly to fill the canvas. */
function paintImage(context: CanvasRenderingContext2D, image: ImageData, width: number, height: number): void {
  const scratch = new OffscreenCanvas(image.width, image.height);
  scratch.getContext('2d')?.putImageData(image, 0, 0);
  context.imageSmoothingEnabled = true;
  context.imageSmoothingQuality = 'high';
  context.clearRect(0, 0, width, height);
  context.drawImage(scratch, 0, 0, width, height);
}
