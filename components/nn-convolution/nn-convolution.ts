import { type PropertyValues, html, nothing } from 'lit';
import { customElement } from 'lit/decorators.js';
import { type CnnKernelFactory, NnKitError } from '../../src/index.js';
import { type DigitSet, loadDigits } from '../shared/digits-data.js';
import { drawingPadStyles } from '../shared/drawing-pad.js';
import { hintStyles } from '../shared/hint-styles.js';
import { NnElement } from '../shared/nn-element.js';
import { WidthController } from '../shared/resize-controller.js';
import { propertiesOf, rebuilds, restoreDefaults } from '../shared/settings.js';
import { toolbarStyles } from '../shared/card-styles.js';
import { controlStyles, themeStyles } from '../shared/theme.js';
import { TrainingLoop, prefersReducedMotion } from '../shared/training-loop.js';
import { renderExploreControls, renderTrainControls } from './controls.js';
import { Exploration } from './explore.js';
import { renderSize, renderStage, renderWorked, workedSentence } from './explore-view.js';
import type { ConvolutionEvents } from './nn-convolution.events.js';
import { CONVOLUTION_SETTINGS } from './nn-convolution.settings.js';
import type { ConvolutionStrings } from './nn-convolution.strings.js';
import { convolutionStyles } from './nn-convolution.styles.js';
import { type Settings, readSettings } from './read-settings.js';
import { type Picture, toRows } from './samples.js';
import { ReaderPad } from './reader-pad.js';
import { Session } from './session.js';
import { renderTraining, trainStatus } from './train-view.js';
import { WindowPosition } from './window-input.js';

export { CONVOLUTION_SETTINGS } from './nn-convolution.settings.js';
export type { ConvolutionEpochDetail, ConvolutionEvents, ConvolutionStoppedDetail, ConvolutionWindowDetail } from './nn-convolution.events.js';

/** While training plays, the view is redrawn at most this often (and at each epoch's end). */
const REDRAW_MS = 200;
/** The card's padding and border, left and right. */
const CARD_INSET = 34;

/**
 * What a convolutional layer does, and a small CNN that learns. In explore mode the reader
 * picks an image (shapes, handwritten digits, or rows of numbers) and a kernel (edge-x,
 * edge-y, blur, sharpen, or numbers they type), scrubs the window across the image with
 * the pointer or the arrow keys, and sees each product, their sum plus bias, the
 * activation and the output pixel; stride and padding change the output's size
 * ⌊(n + 2p − k)/s⌋ + 1 before their eyes, and pooling can follow. In train mode a CNN
 * (a few filters, pooling, a dense softmax) learns the UCI handwritten digits live: its
 * filters, each filter's feature map of a digit, and the confusion matrix of held-out digits.
 *
 * @summary Convolution, stride, padding and pooling worked step by step; a CNN learning digits.
 *
 * @fires nn-window - When the reader moves the window: `{ row, column, z, value }` (0-based; z before the activation).
 * @fires nn-epoch - After each epoch in train mode: `{ epoch, accuracy, loss }`.
 * @fires nn-stopped - When training stops: `{ epoch, reason: 'paused' | 'epochs' | 'diverged' }`.
 * @fires change - When the reader changes a setting: `{ name, value }`.
 *
 * @csspart card - The card around everything.
 * @csspart controls - The row of controls.
 * @csspart image - The image and the window over it (the image is role="img"; its label gives its size and the window's place).
 * @csspart window - The window's handle over the image (a button: arrow keys move it).
 * @csspart kernel - The kernel's numbers (number fields when the reader may edit them).
 * @csspart map - The feature map (role="img"; its label gives its values).
 * @csspart pooled - The pooled map.
 * @csspart products - The window's products, their sum, the bias and the activation.
 * @csspart size - The output size's formula with its numbers.
 * @csspart reading - Train mode: what the network reads the digit as.
 * @csspart filters - Train mode: the filters and their feature maps.
 * @csspart confusion - Train mode: the confusion matrix (a table).
 * @csspart pad - The drawing pad's canvas (shown by "Draw one").
 * @csspart status - The live summary (read out politely as it changes).
 * @csspart error - The inline message shown for bad attributes.
 *
 * @cssproperty --nn-positive - Colour of positive numbers (kernels, feature maps).
 * @cssproperty --nn-negative - Colour of negative numbers.
 * @cssproperty --nn-accent - Colour of the window and the play button.
 * @cssproperty --nn-text - Text colour, and the image's ink.
 * @cssproperty --nn-muted - Colour of secondary text.
 * @cssproperty --nn-background - Background of the card.
 * @cssproperty --nn-surface - Background of panels and messages.
 * @cssproperty --nn-border - Colour of borders and grid lines.
 */
@customElement('nn-convolution')
export class NnConvolution extends NnElement<ConvolutionEvents> {
  static override styles = [themeStyles, controlStyles, toolbarStyles, hintStyles, drawingPadStyles, convolutionStyles];

  static override properties = propertiesOf(CONVOLUTION_SETTINGS);

  declare mode: string;
  declare image: string | number[][];
  declare kernel: string | number[] | number[][];
  declare kernelSize?: number;
  declare stride: number;
  declare padding: number;
  declare bias: number;
  declare activation: string;
  declare pool: string;
  declare poolSize: number;
  declare filters: number;
  declare learningRate: number;
  declare optimizer: string;
  declare epochs: number;
  declare seed: number;
  declare show: string[];
  declare controls: string[];
  declare autoplay: boolean;
  /** The words readers see, over the English (CONVOLUTION_STRINGS): JSON text or an object. */
  declare strings?: string | Partial<ConvolutionStrings>;

  private settings?: Settings;
  private view?: Exploration;
  private session?: Session;
  /** The CNN's kernels, when a page has given some (useKernels). */
  private kernels?: CnnKernelFactory;
  private digits?: DigitSet;
  private loading?: Promise<void>;
  /** Why the digits could not be loaded, once they could not. */
  private loadError = '';
  /** The reader's drawing pad and their last drawing. */
  private readonly pad = new ReaderPad(
    () => this.renderRoot,
    () => {
      // A new drawing is a new picture even when image was already "drawn".
      if (this.image === 'drawn') this.requestUpdate('image', '');
      else this.setByReader('image', 'drawn');
    },
    () => this.requestUpdate(),
  );
  /** The window the reader moves over the image in explore mode. */
  private readonly window = new WindowPosition(
    () => this.view?.shape,
    (row, column) => {
      const worked = this.view!.work(row, column);
      this.emit('nn-window', { row, column, z: worked.z, value: worked.value });
      this.requestUpdate();
    },
  );
  /** Which held-out digit train mode shows. */
  private shown = 0;
  /** When train mode last asked to be drawn while playing. */
  private drawn = 0;
  private autoplayed = false;
  private spoken = '';
  private readonly size = new WidthController(this, 600);
  private readonly loop = new TrainingLoop(this, (budget) => this.onFrame(budget));

  constructor() {
    super();
    restoreDefaults(this, CONVOLUTION_SETTINGS);
  }

  /** The image as rows of numbers (train mode: the digit shown). */
  get input(): number[][] {
    const picture = this.picture();
    return picture ? toRows(picture.pixels, picture.height, picture.width) : [];
  }

  /** The kernel as rows of numbers. */
  get kernelValues(): number[][] {
    const s = this.settings;
    return s ? toRows(s.kernel, s.kernelSize, s.kernelSize) : [];
  }

  /** The feature map after the convolution with stride and zero padding, plus bias, before the activation (rows). */
  get output(): number[][] {
    const v = this.view;
    return v ? toRows(v.output, v.shape.outHeight, v.shape.outWidth) : [];
  }

  /** The feature map after the activation (rows). */
  get activated(): number[][] {
    const v = this.view;
    return v ? toRows(v.activated, v.shape.outHeight, v.shape.outWidth) : [];
  }

  /** The activated map after pooling (rows); empty when `pool` is none. */
  get pooled(): number[][] {
    const v = this.view;
    return v?.pool && v.pooled ? toRows(v.pooled, v.pool.outHeight, v.pool.outWidth) : [];
  }

  /** Train mode: the share of held-out digits read right, as of the last epoch (NaN before the digits load). */
  get accuracy(): number {
    return this.session?.accuracy ?? Number.NaN;
  }

  /** Train mode: whole passes over the training digits so far. */
  get epoch(): number {
    return this.session?.epoch ?? 0;
  }

  /** Train mode: the updates (batches of 16 digits) taken so far. */
  get steps(): number {
    return this.session?.trainer.steps ?? 0;
  }

  /** Train mode: each filter's kernel as rows of numbers. */
  get filtersValues(): number[][][] {
    const cnn = this.session?.trainer.cnn;
    return cnn ? Array.from({ length: cnn.conv.filters }, (_, f) => cnn.kernelRows(f)) : [];
  }

  /** True while training plays. */
  get playing(): boolean {
    return this.loop.playing;
  }

  /** Train mode: trains, a slice of each frame, until `epochs` epochs are done. */
  play(): void {
    const s = this.session;
    if (!s || this.settings?.mode !== 'train' || s.finished(this.settings.epochs) || this.loop.playing) return;
    this.loop.play();
    this.requestUpdate();
  }

  /** Pauses training. */
  pause(): void {
    if (!this.loop.playing) return;
    this.loop.pause();
    this.emit('nn-stopped', { epoch: this.epoch, reason: 'paused' });
    this.requestUpdate();
  }

  /**
   * Train mode: runs the CNN, from the next step and after any rebuild, on other kernels, such
   * as those `await loadWasmCnnKernels()` resolves to (from nn-kit/core): the same numbers, more steps a frame.
   */
  useKernels(kernels: CnnKernelFactory): void {
    this.kernels = kernels;
    this.session?.trainer.useKernels(kernels);
  }

  /** Pauses and starts again from the untrained network of the seed. */
  reset(): void {
    this.loop.pause();
    this.session?.reset();
    this.requestUpdate();
  }

  protected override placeholderHeight(): number {
    return 520;
  }

  protected apply(changed: PropertyValues<this>): void {
    restoreDefaults(this, CONVOLUTION_SETTINGS);
    const settings = readSettings(this, (attribute) => this.writtenText(attribute), this.digits, this.pad.drawing);
    const train = settings.mode === 'train';
    const needsDigits = train || (!settings.picture && settings.imageName.startsWith('digit-'));
    if (needsDigits && !this.digits) {
      if (this.loadError) throw new NnKitError(this.loadError);
      this.settings = settings;
      this.view = undefined;
      this.fetchDigits();
      return;
    }
    if (train) {
      if (settings.picture && (settings.picture.height !== 8 || settings.picture.width !== 8) && this.ownImage()) {
        throw new NnKitError(`In train mode the image must be a digit of 8 × 8 pixels; this one is ${settings.picture.height} × ${settings.picture.width}.`);
      }
      if (!this.session || rebuilds(CONVOLUTION_SETTINGS, changed) || this.settings?.mode !== 'train') {
        const session = new Session(this.digits!, settings, this.kernels);
        this.loop.pause();
        this.session = session;
      }
      this.view = undefined;
      this.settings = settings;
      if (!this.autoplayed && this.autoplay && !prefersReducedMotion()) this.play();
      this.autoplayed = true;
      return;
    }
    this.loop.pause();
    this.session = undefined;
    const view = new Exploration(settings.picture!, settings);
    this.settings = settings;
    this.view = view;
    this.window.fit(view.shape);
  }

  /** Train mode shows held-out digits unless image names another picture than the default. */
  private ownImage(): boolean {
    return this.image !== CONVOLUTION_SETTINGS.image.default;
  }

  private fetchDigits(): void {
    this.loading ??= loadDigits().then(
      (digits) => {
        this.digits = digits;
        this.requestUpdate();
      },
      (error: unknown) => {
        this.loadError = `The handwritten digits could not be loaded (${error instanceof Error ? error.message : String(error)}).`;
        this.requestUpdate();
      },
    );
  }

  /** The picture shown: explore's image, or train mode's digit (the writer's, the reader's drawing, or a held-out one). */
  private picture(): Picture | undefined {
    const s = this.settings;
    if (!s) return undefined;
    if (s.mode === 'explore') return this.view?.picture;
    if (!this.session) return undefined;
    const own = this.ownImage() ? s.picture : undefined;
    if (own && own.height === 8 && own.width === 8) return own;
    const trainer = this.session.trainer;
    const index = trainer.test[this.shown % trainer.test.length];
    return { height: 8, width: 8, pixels: this.session.digits.pixels.slice(index * 64, index * 64 + 64) };
  }

  private onFrame(budget: number): void {
    const s = this.session;
    const settings = this.settings;
    if (!s || !settings) return;
    let ended = false;
    s.train(budget, settings.epochs, () => {
      ended = true;
      this.emit('nn-epoch', { epoch: s.epoch, accuracy: s.accuracy, loss: s.trainer.loss });
    });
    if (s.finished(settings.epochs)) {
      this.loop.pause();
      this.emit('nn-stopped', { epoch: s.epoch, reason: s.diverged ? 'diverged' : 'epochs' });
    }
    // The filters and maps are redrawn a few times a second, and at each epoch's end: a frame's time goes to training.
    const now = performance.now();
    if (ended || !this.loop.playing || now - this.drawn >= REDRAW_MS) {
      this.drawn = now;
      this.requestUpdate();
    }
  }

  /** Sets a property for the reader and says so with `change`. */
  private setByReader(name: string, value: unknown): void {
    if (name === 'kernel' && this.kernelSize == null && typeof value === 'string') this.kernelSize = this.settings?.kernelSize;
    (this as unknown as Record<string, unknown>)[name] = value;
    this.emit('change', { name, value });
  }

  /** The reader typed a kernel number: the kernel becomes custom. */
  private setKernelValue(index: number, value: number): void {
    const s = this.settings;
    if (!s || !Number.isFinite(value)) return;
    const values = Array.from(s.kernel);
    values[index] = value;
    this.kernelSize = s.kernelSize;
    this.setByReader('kernel', values.join(' '));
  }

  /** Pixels a cell of the image, for the host's width. */
  private cell(columns: number): number {
    const available = Math.max(200, this.size.width - CARD_INSET);
    return Math.max(6, Math.min(28, Math.floor(Math.min(available, 280) / columns)));
  }

  protected override render() {
    const s = this.settings;
    if (!s) return html`<div class="card" part="card">${this.renderProblem()}</div>`;
    const words = s.words;
    const ready = s.mode === 'train' ? !!this.session : !!this.view;
    return html`<div class="card ${s.mode}" part="card">
      ${this.renderProblem()}
      ${ready || this.loadError ? nothing : html`<p class="message" role="status">${words.loading}</p>`}
      ${s.mode === 'train' ? this.renderTrain(s) : this.renderExplore(s)}
      <p class="status" part="status" aria-live="polite">${this.spoken}</p>
    </div>`;
  }

  private handlers() {
    return {
      set: (name: string, value: unknown) => this.setByReader(name, value),
      draw: () => this.pad.toggle(),
      play: () => this.play(),
      pause: () => this.pause(),
      reset: () => this.reset(),
      nextDigit: () => {
        if (this.ownImage()) this.setByReader('image', CONVOLUTION_SETTINGS.image.default);
        else this.shown++;
        this.requestUpdate();
      },
    };
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    this.pad.paint();
  }

  private renderExplore(s: Settings) {
    const view = this.view;
    const controls = html`${renderExploreControls(s, this.pad.open, this.handlers())}${this.pad.renderPad(s.words)}`;
    if (!view) {
      this.spoken = '';
      return controls;
    }
    const at = view.work(...this.window.at);
    const words = s.words;
    this.spoken = workedSentence(view, at, words);
    return html`${controls}
      <p class="hint-row"><span class="hint keys" aria-hidden="true">${words.hintKeys}</span><span class="hint touch" aria-hidden="true">${words.hintTouch}</span></p>
      ${renderStage(view, at, words, this.cell(view.picture.width + 2 * s.padding), s.controls.has('kernel'), {
        pointImage: this.window.onImagePointer,
        pointMap: this.window.onMapPointer,
        pointerEnd: this.window.onPointerEnd,
        windowKey: this.window.onKey,
        kernelValue: (index, value) => this.setKernelValue(index, value),
      })}
      ${s.show.has('products') ? renderWorked(view, at, words) : nothing}
      ${s.show.has('size') ? renderSize(view, words) : nothing}`;
  }

  private renderTrain(s: Settings) {
    const session = this.session;
    const words = s.words;
    const playing = this.loop.playing;
    const controls = html`${renderTrainControls(s, { playing, finished: !!session?.finished(s.epochs), ready: !!session, padOpen: this.pad.open }, this.handlers())}${this.pad.renderPad(words)}`;
    if (!session) return controls;
    const image = this.picture()!.pixels;
    const { maps, probabilities } = session.look(image);
    // Read out politely; the view is redrawn a few times a second, and the words change at each epoch's end.
    this.spoken = trainStatus(session, words, s.epochs);
    return html`${controls}
      ${renderTraining({ session, words, show: s.show, epochs: s.epochs, image, maps, probabilities, cell: Math.min(16, this.cell(16)) })}`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'nn-convolution': NnConvolution;
  }
}
