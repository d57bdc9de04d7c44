import { type PropertyValues, html, nothing } from 'lit';
import { customElement } from 'lit/decorators.js';
import { type DescentPoint, type LineSlice, NnKitError, type StepPreview, type Surface, lineSlice, optimizers } from '../../src/index.js';
import { chartStyles } from '../shared/chart-styles.js';
import { resolveColor } from '../shared/colors.js';
import { formatTick } from '../shared/format.js';
import { NnElement } from '../shared/nn-element.js';
import { WidthController } from '../shared/resize-controller.js';
import { linearScale } from '../shared/scale.js';
import { propertiesOf, rebuilds, restoreDefaults } from '../shared/settings.js';
import { format } from '../shared/strings.js';
import { styleMap } from '../shared/style-map.js';
import { hintStyles } from '../shared/hint-styles.js';
import { controlStyles, themeStyles } from '../shared/theme.js';
import { TrainingLoop, prefersReducedMotion } from '../shared/training-loop.js';
import { isTrainerSource } from '../shared/trainer-source.js';
import { cardHeaderStyles, cardStyles, toolbarStyles } from '../shared/card-styles.js';
import { ColorSchemeController } from '../shared/color-scheme.js';
import { renderToolbar } from './controls.js';
import { describeDivergence, describeMap, describePath } from './describe.js';
import { HeightMap, type MapColors } from './height-map.js';
import { type LegendEntry, renderLegend } from './legend.js';
import { type MapRun, renderMap } from './map-view.js';
import type { LossSurfaceEvents } from './nn-loss-surface.events.js';
import { SURFACE_SETTINGS } from './nn-loss-surface.settings.js';
import type { SurfaceStrings } from './nn-loss-surface.strings.js';
import { surfaceStyles } from './nn-loss-surface.styles.js';
import { Race } from './race.js';
import { readSettings } from './read-settings.js';
import { renderNextStep } from './side-panel.js';
import { keyPoint, pointerPoint } from './start-input.js';
import { TrainerFollower } from './trainer-follower.js';
import { type View, mapRequest, surfaceView, trainerView } from './view.js';

export { SURFACE_SETTINGS } from './nn-loss-surface.settings.js';
export type { LossSurfaceEvents, StepDetail, SurfaceStoppedDetail } from './nn-loss-surface.events.js';

/** The card's padding and border, left and right (see the styles). */
const CARD_INSET = 34;
/** Room around the map's square for the tick labels. */
const MARGIN = { top: 8, right: 10, bottom: 24, left: 40 };
/** Steps a second while playing. */
const STEPS_PER_SECOND = 15;
/** While frames stream in, how often the colours are read from CSS again (each read restyles the page). */
const COLOR_CHECK_MS = 500;

/**
 * Gradient descent on a loss landscape the reader can touch: a shaded contour map of a
 * loss of two parameters, the point descent is at, the gradient arrow, the step −α∇L, the
 * path so far, and the loss along the next step with its tangent, so an overshoot shows.
 * The reader drags the start (or moves it with the arrow keys), steps or plays, changes the
 * learning rate and races up to three optimizers from the core's registry. With `for`, it
 * shows the true training loss of an `<nn-trainer>`'s network over two of its weights, and
 * the trainer's own path as it trains.
 *
 * @summary Gradient descent and the learning rate, on a 2-D loss landscape.
 *
 * @fires nn-step - After each step: `{ step, points: [{ optimizer, x, y, loss }] }`.
 * @fires nn-diverged - When a run diverges (its loss stops being a number, or it leaves the view ten widths behind): `{ step, optimizer }`.
 * @fires nn-stopped - When stepping stops: `{ step, reason: 'paused' | 'steps' | 'diverged' }`.
 * @fires change - When the reader changes a setting or moves the start: `{ name, value }`.
 *
 * @csspart card - The card around everything.
 * @csspart controls - The row of play, step and reset buttons and the settings.
 * @csspart map - The map (role="img", its label describes the landscape and the paths).
 * @csspart start - The start point's handle (a button: arrow keys move it).
 * @csspart legend - The runs, the arrows and the shading's scale.
 * @csspart slice - The chart of the loss along the next step.
 * @csspart rule - The update rule with the next step's numbers.
 * @csspart summary - Where each run is, in words (read out politely as it changes).
 * @csspart error - The inline message shown for bad attributes.
 *
 * @cssproperty --nn-surface-low - Shade of the lowest loss.
 * @cssproperty --nn-surface-high - Shade of the highest loss.
 * @cssproperty --nn-contour - Colour of the contour lines.
 * @cssproperty --nn-series-1 - Colour of the first run (--nn-series-2 and -3: the second and third).
 * @cssproperty --nn-accent - Colour of the step arrow and the play button.
 * @cssproperty --nn-text - Text colour, and the gradient arrow's.
 * @cssproperty --nn-muted - Colour of axes, ticks and secondary text.
 * @cssproperty --nn-background - Background of the card.
 * @cssproperty --nn-surface - Background of the messages.
 * @cssproperty --nn-border - Colour of borders.
 * @cssproperty --nn-danger - Colour of the divergence message's bar.
 */
@customElement('nn-loss-surface')
export class NnLossSurface extends NnElement<LossSurfaceEvents> {
  static override styles = [themeStyles, controlStyles, toolbarStyles, hintStyles, chartStyles, cardStyles, cardHeaderStyles, surfaceStyles];

  static override properties = propertiesOf(SURFACE_SETTINGS);

  declare surface: string;
  declare learningRate?: number;
  declare optimizer: string[];
  declare start?: number[];
  declare steps: number;
  declare range?: number[];
  declare show: string[];
  declare controls: string[];
  declare htmlFor: string;
  declare weights: string;
  declare seed: number;
  declare autoplay: boolean;
  /** The words readers see, over the English (SURFACE_STRINGS): JSON text or an object. */
  declare strings?: string | Partial<SurfaceStrings>;

  private view?: View;
  private race?: Race;
  private colors?: MapColors;
  /** When the colours were last read (performance.now()). */
  private colorsRead = -Infinity;
  private spoken = '';
  private due = 0;
  private lastFrame = 0;
  private autoplayed = false;
  private dragging = false;
  private readonly size = new WidthController(this, 560);
  private readonly loop = new TrainingLoop(this, () => this.onFrame());
  private readonly map = new HeightMap(() => this.requestUpdate());
  private readonly follower = new TrainerFollower(this, () => this.requestUpdate());

  constructor() {
    super();
    // Shading colours are read from CSS again when the reader's scheme flips.
    new ColorSchemeController(this, () => {
      this.colors = undefined;
      this.requestUpdate();
    });
    restoreDefaults(this, SURFACE_SETTINGS);
  }

  /** The loss the map draws at (x, y): the surface's, or with `for` the trainer's training loss with its two weights set to x and y. */
  lossAt(x: number, y: number): number {
    return this.view ? this.view.objective.f(x, y) : Number.NaN;
  }

  /** One array per run (per optimizer; with `for`, the trainer's) of `{ x, y, loss }`, from the start. */
  get path(): DescentPoint[][] {
    if (this.view?.following) return [[...this.follower.path]];
    return this.race?.runs.map((run) => [...run.path]) ?? [];
  }

  /** True once a run has diverged: its loss stopped being a number, or it left the view far behind. */
  get diverged(): boolean {
    return this.race?.diverged ?? false;
  }

  /** True while stepping plays. */
  get playing(): boolean {
    return this.loop.playing;
  }

  /** Takes one step of every run (without `for`). */
  step(): void {
    if (this.race && this.view && !this.race.finished(this.view.settings.steps)) this.takeStep();
  }

  /** Plays: about 15 steps a second, while the element is on screen (without `for`). */
  play(): void {
    if (!this.race || !this.view || this.race.finished(this.view.settings.steps) || this.loop.playing) return;
    this.due = 1;
    this.lastFrame = 0;
    this.loop.play();
    this.requestUpdate();
  }

  /** Pauses playing. */
  pause(): void {
    if (!this.loop.playing) return;
    this.loop.pause();
    this.emit('nn-stopped', { step: this.race?.steps ?? 0, reason: 'paused' });
    this.requestUpdate();
  }

  /** Pauses and starts every run again from the start. */
  reset(): void {
    this.loop.pause();
    this.newRace();
    this.requestUpdate();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.map.dispose();
  }

  protected override placeholderHeight(width: number): number {
    return Math.min(width, 500) + 140;
  }

  protected apply(changed: PropertyValues<this>): void {
    restoreDefaults(this, SURFACE_SETTINGS);
    const settings = readSettings(this, (attribute) => this.writtenText(attribute));
    const id = String(this.htmlFor ?? '').trim();
    if (changed.has('htmlFor')) {
      this.follower.reference.setId(id);
      this.follower.clear();
    }
    const target = this.follower.reference.target;
    if (id && target && !isTrainerSource(target)) {
      const tag = target.localName;
      if (!tag.includes('-') || customElements.get(tag)) throw new NnKitError(`for="${id}" points at a <${tag}>; point it at the id of an <nn-trainer>.`);
      customElements.whenDefined(tag).then(() => this.requestUpdate());
    }
    const trainer = id ? this.follower.trainer : undefined;
    const slice = trainer && this.follower.sliceFor(trainer, settings.places);
    const next = slice ? trainerView(settings, slice, id, this.follower.bounds()) : surfaceView(settings, id);
    const rebuild = !this.view || rebuilds(SURFACE_SETTINGS, changed) || this.view.objective !== next.objective;
    this.view = next;
    if (slice) {
      this.race = undefined;
      this.loop.pause();
    } else if (rebuild || !this.race) this.newRace();
    // Autoplay is for when the element appears, not for an attribute added later.
    if (!this.autoplayed && this.race && this.autoplay && !prefersReducedMotion()) this.play();
    this.autoplayed = true;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    const view = this.view;
    if (!view || typeof document === 'undefined') return;
    // Reading the colours forces a style recalculation of the page: while frames stream in (its
    // own descent playing, or a trainer it follows), twice a second is enough to follow a theme.
    const now = performance.now();
    const streaming = this.loop.playing || Boolean(view.following);
    if (!this.colors || !streaming || now - this.colorsRead >= COLOR_CHECK_MS) {
      this.colors = this.resolveColors();
      this.colorsRead = now;
    }
    this.map.update(mapRequest(view, this.layout().side, this.follower.version), this.colors);
  }

  private resolveColors(): MapColors {
    const root = this.renderRoot as ShadowRoot;
    return { low: resolveColor(root, 'var(--_low)'), high: resolveColor(root, 'var(--_high)'), line: resolveColor(root, 'var(--_contour)') };
  }

  private newRace(): void {
    const view = this.view;
    if (!view || view.following) return;
    const { settings } = view;
    this.race = new Race({ objective: view.objective, optimizers: settings.optimizers, learningRate: view.learningRate, start: view.start, bounds: view.bounds });
    this.spoken = '';
  }

  private onFrame(): void {
    const now = performance.now();
    this.due += this.lastFrame ? ((now - this.lastFrame) * STEPS_PER_SECOND) / 1000 : 0;
    this.lastFrame = now;
    for (let taken = 0; this.due >= 1 && taken < 4 && this.loop.playing; taken++, this.due--) this.step();
    this.due = Math.min(this.due, 1);
  }

  private takeStep(): void {
    const race = this.race!;
    const limit = this.view!.settings.steps;
    const diverged = race.step(limit);
    this.emit('nn-step', { step: race.steps, points: race.runs.map(({ optimizer, current }) => ({ optimizer: optimizer.name, x: current.x, y: current.y, loss: current.loss })) });
    for (const run of diverged) this.emit('nn-diverged', { step: run.steps, optimizer: run.optimizer.name });
    if (race.finished(limit)) {
      this.loop.pause();
      this.emit('nn-stopped', { step: race.steps, reason: race.runs.every((run) => run.diverged) ? 'diverged' : 'steps' });
    }
    this.requestUpdate();
  }

  /** The map's width, its square's side and the side panel's width, for the host's width. */
  private layout() {
    const available = Math.max(220, this.size.width - CARD_INSET);
    const wide = available >= 620;
    const mapWidth = Math.round(Math.min(460, wide ? available - 276 : available));
    return { mapWidth, side: mapWidth - MARGIN.left - MARGIN.right, panel: wide ? available - mapWidth - 16 : available };
  }

  /** The label of an optimizer, or of the followed trainer. */
  private labelOf(name: string): string {
    return name === 'trainer' ? this.view!.settings.words.trainerRun : (optimizers[name]?.label ?? name);
  }

  /** The first run's next step (with `for`: the trainer's next full-batch step), and the loss along it. */
  private nextStep(view: View): { preview?: StepPreview; line?: LineSlice } {
    if (view.following) {
      const next = this.follower.next(view.bounds);
      return { preview: next?.preview, line: next?.slice };
    }
    const preview = this.race?.runs[0].preview();
    return { preview, line: preview?.to && view.settings.show.has('slice') ? lineSlice(view.objective, preview) : undefined };
  }

  protected override render() {
    const view = this.view;
    if (!view) return html`<div class="card" part="card">${this.renderProblem()}</div>`;
    const { settings, bounds, names } = view;
    const { words, show } = settings;
    const { mapWidth, side, panel } = this.layout();
    const height = side + MARGIN.top + MARGIN.bottom;
    const x = linearScale([bounds.xMin, bounds.xMax], [MARGIN.left, MARGIN.left + side]);
    const y = linearScale([bounds.yMin, bounds.yMax], [MARGIN.top + side, MARGIN.top]);
    const runs: MapRun[] = view.following
      ? this.follower.path.length ? [{ index: 0, name: 'trainer', points: this.follower.path }] : []
      : (this.race?.runs.map((run, index) => ({ index, name: run.optimizer.name, points: run.path })) ?? []);
    const next = this.nextStep(view);
    // A trainer's path has a point per update seen (a frame's worth of steps): its step is the trainer's own count.
    const stepOf = (run: MapRun) => (view.following ? (this.follower.slice?.trainer.steps ?? 0) : run.points.length - 1);
    const descriptions = runs.map((run) => describePath(words, this.labelOf(run.name), run.points, { step: stepOf(run), steps: settings.steps, trainer: !!view.following }));
    if (!this.loop.playing || !this.spoken) this.spoken = descriptions.join(' ');
    const entries: LegendEntry[] = runs.map((run, index) => {
      const last = run.points[run.points.length - 1];
      return { index, name: run.name, label: this.labelOf(run.name), step: stepOf(run), loss: last.loss, run: this.race?.runs[index] };
    });
    const diverged = this.race?.runs.filter((run) => run.diverged) ?? [];
    const finished = !this.race || this.race.finished(settings.steps);
    const start = this.race ? view.start : undefined;
    const progress = this.map.progress;
    return html`<div class="card" part="card">
      ${this.renderProblem()}
      <div class="header">
        <span class="title">${view.following ? view.formula : settings.surface.label}</span>
        ${show.has('formula') && !view.following ? html`<math class="formula" .innerHTML=${this.formula(settings.surface)}></math>` : nothing}
        ${this.race ? html`<span class="hint keys" aria-hidden="true">${words.hintKeys}</span><span class="hint touch" aria-hidden="true">${words.hintTouch}</span>` : nothing}
      </div>
      ${view.waiting ? html`<p class="message note" role="status">${format(words.waiting, { id: view.waiting.length > 40 ? `${view.waiting.slice(0, 39)}…` : view.waiting })}</p>` : nothing}
      ${diverged.map((run) => html`<p class="message diverged" role="status">${describeDivergence(words, run.optimizer.label, run)}</p>`)}
      ${view.following ? nothing : renderToolbar(
        { words, controls: settings.controls, playing: this.loop.playing, finished, learningRate: view.learningRate, surface: settings.surface.name, optimizers: settings.optimizers },
        { play: () => this.play(), pause: () => this.pause(), step: () => this.step(), reset: () => this.reset(), rate: (v) => this.setByReader('learningRate', v), surface: (v) => this.pickSurface(v), optimizers: (v) => this.setByReader('optimizer', v) },
      )}
      <div class="body">
        <div class="map-wrap ${view.following ? 'following' : ''}" part="map" @pointerdown=${this.onPointer} @pointermove=${this.onPointer} @pointerup=${this.onPointerEnd} @pointercancel=${this.onPointerEnd}>
          <canvas class="heights" width=${Math.round(side * (globalThis.devicePixelRatio ?? 1))} height=${Math.round(side * (globalThis.devicePixelRatio ?? 1))} style=${styleMap({ left: `${MARGIN.left}px`, top: `${MARGIN.top}px`, width: `${side}px`, height: `${side}px` })}></canvas>
          <div class="map" role="img" aria-label=${describeMap(words, view.formula, bounds, names, descriptions.join(' '))}>
            ${renderMap({ x, y, width: mapWidth, height, runs, preview: next.preview, show, axisNames: names })}
          </div>
          ${progress < 1 ? html`<p class="computing">${format(words.computing, { percent: `${Math.round(progress * 100)}%` })}</p>` : nothing}
          ${start
            ? html`<button class="start-handle" part="start" style=${styleMap({ left: `${x(start[0])}px`, top: `${y(start[1])}px` })}
                aria-label=${format(words.startLabel, { x: names[0], y: names[1], xValue: formatTick(start[0]), yValue: formatTick(start[1]) })}
                @keydown=${this.onKeyDown}></button>`
            : nothing}
        </div>
        <div class="side" style=${styleMap({ width: `${panel}px`, flex: 'none' })}>
          ${renderLegend(entries, words, show)}
          ${renderNextStep({ ...next, words, show, optimizer: view.following ? 'sgd' : settings.optimizers[0], label: this.labelOf(runs[0]?.name ?? ''), learningRate: view.learningRate, names, width: panel })}
        </div>
      </div>
      <p class="summary" part="summary" aria-live="polite">${this.spoken}</p>
    </div>`;
  }

  /** L = the formula from the core's registry: constant, trusted MathML (nothing from attributes goes into it). */
  private formula(surface: Surface): string {
    return `<mi>L</mi><mo>=</mo>${surface.formula.mathml}`;
  }

  /** Sets a property for the reader and says so with `change`. */
  private setByReader(name: 'learningRate' | 'optimizer' | 'start', value: unknown): void {
    (this as unknown as Record<string, unknown>)[name] = value;
    this.emit('change', { name, value });
  }

  /** The reader picked a surface: its own start, square and learning rate come with it. */
  private pickSurface(name: string): void {
    this.start = this.range = this.learningRate = undefined;
    this.setByReader('surface' as 'start', name);
  }

  private onPointer(event: PointerEvent): void {
    const overlay = this.renderRoot.querySelector('svg.overlay');
    if (!this.race || !this.view || !overlay) return;
    if (event.type === 'pointerdown') {
      if (event.button !== 0) return;
      this.dragging = true;
      (event.currentTarget as Element).setPointerCapture?.(event.pointerId);
    } else if (!this.dragging) return;
    this.start = pointerPoint(event, overlay, { left: MARGIN.left, top: MARGIN.top, side: this.layout().side }, this.view.bounds);
  }

  private onPointerEnd(): void {
    if (!this.dragging) return;
    this.dragging = false;
    this.emit('change', { name: 'start', value: this.start });
  }

  private onKeyDown(event: KeyboardEvent): void {
    const point = this.view && keyPoint(event, this.view.start, this.view.bounds);
    if (!point) return;
    event.preventDefault();
    this.setByReader('start', point);
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    const canvas = this.renderRoot.querySelector<HTMLCanvasElement>('canvas.heights');
    if (canvas) this.map.drawInto(canvas);
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'nn-loss-surface': NnLossSurface;
  }
}
