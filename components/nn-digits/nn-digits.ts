import { type PropertyValues, html, isServer, nothing } from 'lit';
import { customElement } from 'lit/decorators.js';
import { DIGIT_SIZE, DRAWING_SIZE, type Network, NnKitError, digitToDrawing, drawingToDigit } from '../../src/index.js';
import { statsStyles, toolbarStyles } from '../shared/card-styles.js';
import { DrawingPad, drawingPadStyles } from '../shared/drawing-pad.js';
import { NETWORK_UPDATE, type NetworkSource } from '../shared/network-source.js';
import { NnElement } from '../shared/nn-element.js';
import { WidthController } from '../shared/resize-controller.js';
import { checkSettings, propertiesOf, rebuilds, restoreDefaults } from '../shared/settings.js';
import { format, localize } from '../shared/strings.js';
import { controlStyles, themeStyles } from '../shared/theme.js';
import { TrainingLoop, prefersReducedMotion } from '../shared/training-loop.js';
import { ColorSchemeController } from '../shared/color-scheme.js';
import '../nn-network/nn-network.js';
import type { DigitsEvents } from './nn-digits.events.js';
import { DIGITS_SETTINGS } from './nn-digits.settings.js';
import { DIGITS_STRINGS, type DigitsStrings } from './nn-digits.strings.js';
import { digitsStyles } from './nn-digits.styles.js';
import { type Load, loadDigitsFor, loadModelFor } from './data-loader.js';
import { checkImage } from './image.js';
import { DigitsSession } from './session.js';
import { type DigitsPreparation, whenIdle } from './preparation.js';
import { describeStatus, renderCell, renderConfusion, renderDrawing, renderInput, renderLoss, renderProbabilities, renderToolbar } from './views.js';

export { DIGITS_SETTINGS } from './nn-digits.settings.js';
export type { DigitsEpochDetail, DigitsEvents, DigitsStoppedDetail, PredictDetail } from './nn-digits.events.js';

/** Most often, in milliseconds, a playing element tells a network view its weights changed. */
const NETWORK_UPDATE_MS = 250;
/** Most often, in milliseconds, a playing element redraws its views. */
const REDRAW_MS = 100;
/** Names of the 64 inputs and the 10 outputs, for the network view. */
const INPUT_NAMES = Array.from({ length: 64 }, (_, i) => `(${Math.floor(i / 8) + 1},${(i % 8) + 1})`);
const OUTPUT_NAMES = Array.from({ length: 10 }, (_, i) => String(i));

/**
 * Handwritten digits read by a network the reader trains: draw a digit on a 28 × 28 pad
 * (mouse, pen or finger; keyboard users pick a held-out digit), see the 8 × 8 input the
 * network receives after the UCI data set's preprocessing, the forward pass, and ten
 * probability bars with the guess. Train (play, pause, reset) on 1,797 real handwritten
 * digits (UCI, CC BY 4.0) and distorted copies of them, with the loss and held-out accuracy
 * as `<nn-trainer>` shows them, and a confusion matrix of held-out digits whose cells show
 * those digits. The digits load when the element first needs them.
 *
 * @summary Draw a handwritten digit and watch a network learn to read it.
 *
 * @fires nn-epoch - After each epoch: `{ epoch, trainLoss, testLoss, accuracy }` (held-out loss and accuracy).
 * @fires nn-stopped - When training stops: `{ epoch, reason: 'paused' | 'epochs' | 'diverged' }`.
 * @fires nn-predict - When the image changes (a stroke ends, a sample, clear, undo, a script): `{ prediction, probabilities }`.
 * @fires nn-network-update - When the network's weights change, or the image it reads (so a `<nn-network for>` follows the drawing): `{ network }`.
 * @fires nn-load - When the digits have loaded: `{ count }`.
 *
 * @csspart card - The card around everything.
 * @csspart controls - The row of Train and Reset and the numbers.
 * @csspart stats - The epoch, losses and accuracy.
 * @csspart pad - The 28 × 28 drawing pad (a canvas).
 * @csspart samples - The buttons that draw a held-out digit.
 * @csspart input - The 8 × 8 input the network sees.
 * @csspart probabilities - The ten probability bars and the guess.
 * @csspart network - The `<nn-network>` view of the forward pass.
 * @csspart confusion - The confusion matrix of held-out digits.
 * @csspart cell - The digits of the chosen cell.
 * @csspart loss - The loss chart.
 * @csspart error - The inline message shown for bad attributes.
 *
 * @cssproperty --nn-accent - Colour of the guess, the Train button and the matrix's right readings.
 * @cssproperty --nn-series-1 - Colour of the training loss.
 * @cssproperty --nn-series-2 - Colour of the held-out loss and the matrix's wrong readings.
 * @cssproperty --nn-text - Text and ink colour.
 * @cssproperty --nn-muted - Colour of secondary text.
 * @cssproperty --nn-background - Background of the card.
 * @cssproperty --nn-surface - Background of the pad and the pictures.
 * @cssproperty --nn-border - Colour of borders.
 */
@customElement('nn-digits')
export class NnDigits extends NnElement<DigitsEvents> implements NetworkSource {
  static override styles = [themeStyles, controlStyles, toolbarStyles, statsStyles, drawingPadStyles, digitsStyles];

  static override properties = propertiesOf(DIGITS_SETTINGS);

  declare hiddenLayers: number[];
  declare activation: string;
  declare learningRate: number;
  declare optimizer: string;
  declare batchSize: number;
  declare epochs: number;
  declare seed: number;
  declare trainSplit: number;
  declare autoplay: boolean;
  declare src: string;
  declare model: string;
  declare show: string[];
  declare controls: string[];
  /** The words readers see, over the English (DIGITS_STRINGS): JSON text or an object. */
  declare strings?: string | Partial<DigitsStrings>;

  private session?: DigitsSession;
  private digits?: Load<DigitsPreparation>;
  /** Stops preparing the training set in idle time. */
  private stopIdle?: () => void;
  private modelLoad?: Load<unknown>;
  /** What the session was built from. */
  private builtFrom: unknown[] = [];
  private words: DigitsStrings = DIGITS_STRINGS;
  private settings = checkSettings(DIGITS_SETTINGS, {}, () => null);
  private input = new Float64Array(DIGIT_SIZE * DIGIT_SIZE);
  private reading: number[] = new Array<number>(10).fill(0);
  private pendingImage?: unknown;
  private imageError = '';
  private selected?: readonly [number, number];
  private sampleTurn = 0;
  private spoken = '';
  private lastNetworkUpdate = 0;
  private lastRedraw = 0;
  private autoplayed = false;
  private readonly size = new WidthController(this, 560);
  private readonly loop = new TrainingLoop(this, (budget) => this.onFrame(budget));
  private readonly pad = new DrawingPad((_image, final) => this.onDrawn(final));

  constructor() {
    super();
    // The pad's colours are read from CSS again when the reader's scheme flips.
    new ColorSchemeController(this, () => {
      this.pad.forgetColors();
      this.requestUpdate();
    });
    restoreDefaults(this, DIGITS_SETTINGS);
  }

  /** The pad as 784 numbers in [0, 1], row-major, top row first; set it to draw a digit from a script (the prediction follows). */
  get image(): number[] {
    return Array.from(this.pad.image);
  }

  set image(value: unknown) {
    this.pendingImage = value;
    this.requestUpdate();
  }

  /** The ten softmax outputs for the current image (all zero while the pad is blank or the network is not built yet). */
  get probabilities(): number[] {
    return [...this.reading];
  }

  /** The digit read from the current image (the arg-max of `probabilities`); undefined while the pad is blank. */
  get prediction(): number | undefined {
    if (!this.reading.some((p) => p > 0)) return undefined;
    return this.reading.indexOf(Math.max(...this.reading));
  }

  /** Accuracy on the held-out digits after the last epoch (before training: the untrained network's). */
  get accuracy(): number {
    return this.session?.last.accuracy ?? Number.NaN;
  }

  /** Epochs trained. */
  get epoch(): number {
    return this.session?.trainer.epochs ?? 0;
  }

  /** True while training plays. */
  get playing(): boolean {
    return this.loop.playing;
  }

  /** The core Network reading the digits (undefined until the digits have loaded). */
  get network(): Network | undefined {
    return this.session?.network;
  }

  /** Names of the 64 inputs (row, column), for a network view. */
  get inputLabels(): readonly string[] {
    return INPUT_NAMES;
  }

  /** The ten digits, for a network view. */
  get outputLabels(): readonly string[] {
    return OUTPUT_NAMES;
  }

  /** The current 8 × 8 input, for a network view. */
  get sampleInputs(): readonly number[] {
    return Array.from(this.input);
  }

  /** A promise that settles once the digits (and any model) have loaded or failed to, and the element has drawn them. */
  get ready(): Promise<void> {
    // The first update starts the loads: read them after it, so a script that asks at once waits too.
    return this.updateComplete
      .then(() => Promise.all([this.digits?.promise, this.modelLoad?.promise]))
      .then(() => this.updateComplete.then(() => undefined));
  }

  /** Trains, for a slice of each frame while on screen, until `epochs` are done (reset() starts over). */
  play(): void {
    const session = this.session;
    if (!session || this.loop.playing || session.trainer.diverged) return;
    if (session.done(this.settings.epochs)) return;
    this.loop.play();
    this.requestUpdate();
  }

  /** Pauses training. */
  pause(): void {
    if (!this.loop.playing) return;
    this.loop.pause();
    this.stopped('paused');
  }

  /** Pauses and builds the network again from the seed (or the model). */
  reset(): void {
    this.loop.pause();
    if (this.digits?.value && this.modelLoad?.done) this.build(this.digits.value, this.modelLoad.value);
    this.requestUpdate();
  }

  protected override placeholderHeight(): number {
    return 720;
  }


  protected apply(changed: PropertyValues<this>): void {
    restoreDefaults(this, DIGITS_SETTINGS);
    const settings = checkSettings(DIGITS_SETTINGS, this, (attribute) => this.writtenText(attribute));
    const words = localize(DIGITS_STRINGS, this.strings);
    this.takeImage();
    this.settings = settings;
    this.words = words;
    const src = settings.src.trim();
    const model = settings.model.trim();
    const explain = (what: string, reason: string) => format(words.loadFailed, { what, reason });
    // A server renders the loading state; the digits load in the reader's browser.
    if (isServer) return;
    if (this.digits?.key !== src) this.digits = loadDigitsFor(src, explain, (load) => this.loaded(load));
    if (this.modelLoad?.key !== model) this.modelLoad = loadModelFor(model, explain, (load) => this.loaded(load));
    const { digits, modelLoad } = this;
    const error = digits.error ?? modelLoad.error;
    if (error) throw new NnKitError(error);
    if (!digits.value || !modelLoad.done) {
      // The last network stays in view until the new digits or model arrive.
      this.loop.pause();
      return;
    }
    if (!this.session || rebuilds(DIGITS_SETTINGS, changed) || this.builtFrom[0] !== digits.value || this.builtFrom[1] !== modelLoad.value) this.build(digits.value, modelLoad.value);
    const { trainer } = this.session!;
    trainer.learningRate = settings.learningRate;
    trainer.batchSize = settings.batchSize;
    if (trainer.optimizer.name !== settings.optimizer) trainer.setOptimizer(settings.optimizer);
    if (!this.autoplayed && settings.autoplay && !prefersReducedMotion()) this.play();
    this.autoplayed = true;
  }

  /** Checks and takes an image a script set, or keeps its error until a good one comes. */
  private takeImage(): void {
    if (this.pendingImage !== undefined) {
      const value = this.pendingImage;
      this.pendingImage = undefined;
      this.imageError = '';
      try {
        this.pad.show(checkImage(value), true);
        this.read(true);
        this.offerInput();
      } catch (error) {
        this.imageError = error instanceof Error ? error.message : String(error);
      }
    }
    if (this.imageError) throw new NnKitError(this.imageError);
  }

  /** Builds the session from the loaded digits and the settings. */
  private build(digits: DigitsPreparation, model: unknown): void {
    const s = this.settings;
    this.builtFrom = [digits, model];
    this.session = new DigitsSession({ ...s, hidden: s.hiddenLayers, digits, model });
    this.prepareWhenIdle(this.session);
    this.selected = undefined;
    this.spoken = '';
    this.read(false);
    this.emit(NETWORK_UPDATE, { network: this.session.network });
  }

  /** A load finished: say so when the digits came, and update if it is still the one wanted. */
  private loaded(load: Load<unknown>): void {
    if (load !== this.digits && load !== this.modelLoad) return;
    const digits = load === this.digits ? (load.value as DigitsPreparation | undefined) : undefined;
    if (digits) this.emit('nn-load', { count: digits.set.count });
    this.requestUpdate();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.session?.preparing) this.prepareWhenIdle(this.session);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.stopIdle?.();
  }

  /**
   * Makes the session's training set (the digits' copies, then its first measure) in idle
   * time, or in the frames of play if Train comes first; never before the first render.
   */
  private prepareWhenIdle(session: DigitsSession): void {
    this.stopIdle?.();
    this.stopIdle = whenIdle((budget) => this.session !== session || session.prepare(budget), () => this.requestUpdate());
  }

  private onFrame(budget: number): void {
    const session = this.session;
    if (!session) return this.loop.pause();
    const { epochs } = this.settings;
    const finished = session.advance(budget, epochs);
    for (const record of finished) this.emit('nn-epoch', { ...record });
    const now = performance.now();
    const done = session.done(epochs);
    if (done || now - this.lastNetworkUpdate >= NETWORK_UPDATE_MS) {
      this.lastNetworkUpdate = now;
      this.emit(NETWORK_UPDATE, { network: session.network });
    }
    if (done) {
      this.loop.pause();
      this.stopped(session.trainer.diverged ? 'diverged' : 'epochs');
    }
    // The views follow the weights ten times a second, and at each epoch's end: not every frame.
    if (done || finished.length || now - this.lastRedraw >= REDRAW_MS) {
      this.lastRedraw = now;
      this.read(false);
      this.requestUpdate();
    }
  }

  private stopped(reason: 'paused' | 'epochs' | 'diverged'): void {
    this.emit('nn-stopped', { epoch: this.epoch, reason });
    this.spoken = '';
    this.requestUpdate();
  }

  /** The pad changed under the reader's hand. */
  private onDrawn(final: boolean): void {
    this.read(final);
    this.offerInput();
    this.requestUpdate();
  }

  /** The image read changed: a network view following this element (`for`) carries it forward. */
  private offerInput(): void {
    if (this.session) this.emit(NETWORK_UPDATE, { network: this.session.network });
  }

  /** Reads the pad: the 8 × 8 input, and the network's probabilities for it; `announce` fires nn-predict. */
  private read(announce: boolean): void {
    drawingToDigit(this.pad.image, {}, DRAWING_SIZE, this.input);
    this.reading = this.session ? this.session.probabilities(this.input) : new Array<number>(10).fill(0);
    if (announce) this.emit('nn-predict', { prediction: this.prediction ?? -1, probabilities: this.probabilities });
  }

  /** Draws a held-out digit of `digit` on the pad (the next one each time). */
  private drawSample(digit: number): void {
    const sample = this.session?.sample(digit, this.sampleTurn++);
    if (!sample) return;
    this.pad.show(digitToDrawing(sample), true);
    this.read(true);
    this.offerInput();
    this.requestUpdate();
  }

  protected override render() {
    const { words, settings, session } = this;
    const show = new Set(settings.show);
    const controls = new Set(settings.controls);
    const last = session?.last;
    const playing = this.loop.playing;
    if (!playing || !this.spoken) this.spoken = session ? describeStatus(words, session, settings.epochs) : '';
    const confusion = show.has('confusion') && session?.measured ? session.confusion() : undefined;
    const chartWidth = Math.max(200, Math.min(420, this.size.width - 40));
    return html`<div class="card" part="card">
      ${this.renderProblem()}
      ${!this.problem && !(this.digits?.done && this.modelLoad?.done) ? html`<p class="note" role="status">${words.loading}</p>` : nothing}
      ${session ? renderToolbar(words, { controls, playing, done: session.done(settings.epochs), last, epochs: settings.epochs, toggle: () => (playing ? this.pause() : this.play()), reset: () => this.reset() }) : nothing}
      ${session?.trainer.diverged ? html`<p class="problem" role="status">${words.diverged}</p>` : nothing}
      <p class="visually-hidden status" aria-live="polite">${this.spoken}</p>
      <div class="reader">
        ${renderDrawing(words, controls, () => this.pad.renderPad({ label: words.padLabel, clear: words.clear, undo: words.undo }), session && ((digit: number) => this.drawSample(digit)))}
        ${show.has('input') ? renderInput(words, this.input) : nothing}
        ${show.has('probabilities') ? renderProbabilities(words, this.reading, this.prediction) : nothing}
      </div>
      ${show.has('network') && session ? html`<figure class="network-view"><figcaption>${words.networkTitle}</figcaption><nn-network part="network" .source=${this} .inputs=${Array.from(this.input)}></nn-network></figure>` : nothing}
      ${session && (show.has('confusion') || show.has('loss'))
        ? html`<div class="training">
            ${show.has('confusion') ? html`<div>${renderConfusion(words, { counts: confusion, selected: this.selected, pick: (t, r) => this.pick(t, r), empty: session.preparing ? describeStatus(words, session, settings.epochs) : undefined })}${this.renderSelected()}</div>` : nothing}
            ${show.has('loss') ? renderLoss(words, session.history, chartWidth) : nothing}
          </div>`
        : nothing}
    </div>`;
  }

  private renderSelected() {
    const session = this.session;
    if (!session?.measured || !this.selected) return nothing;
    const [truth, read] = this.selected;
    return renderCell(this.words, truth, read, session.testPixels, session.cell(truth, read));
  }

  private pick(truth: number, read: number): void {
    const same = this.selected?.[0] === truth && this.selected?.[1] === read;
    this.selected = same ? undefined : [truth, read];
    this.requestUpdate();
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    this.pad.paint(this.renderRoot as ShadowRoot);
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'nn-digits': NnDigits;
  }
}
