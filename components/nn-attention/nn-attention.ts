import { type PropertyValues, html, nothing } from 'lit';
import { customElement } from 'lit/decorators.js';
import { type AttentionLayer, AttentionExplorer, AttentionModel, NnKitError, parseAttentionWeights } from '../../src/index.js';
import { parseJson } from '../shared/data-source.js';
import { NnElement } from '../shared/nn-element.js';
import { WidthController } from '../shared/resize-controller.js';
import { propertiesOf, restoreDefaults } from '../shared/settings.js';
import { SourceController } from '../shared/source-controller.js';
import { format } from '../shared/strings.js';
import { controlStyles, themeStyles } from '../shared/theme.js';
import { TrainingLoop } from '../shared/training-loop.js';
import { cardHeaderStyles, cardStyles, toolbarStyles } from '../shared/card-styles.js';
import { ColorSchemeController } from '../shared/color-scheme.js';
import { renderToolbar } from './controls.js';
import { renderBody } from './body-view.js';
import { MOST_HEATMAP_SIDE, type Palette, heatmapSide, paintHeatmaps, resolvePalette } from './heatmap.js';
import { headMatrix, headRows, perHead } from './matrices.js';
import type { AttentionEvents } from './nn-attention.events.js';
import { ATTENTION_SETTINGS } from './nn-attention.settings.js';
import { attentionStyles } from './nn-attention.styles.js';
import { type Settings, readSettings } from './read-settings.js';
import { DRAW_INTERVAL_MS, LEARNED_ACCURACY, MAX_EPOCHS, STEPS_PER_FRAME, VECTORS_INTERVAL_MS } from './schedule.js';
import { describeSelection, renderStatus, statusText } from './status-view.js';

export { ATTENTION_SETTINGS } from './nn-attention.settings.js';
export { ATTENTION_STRINGS, type AttentionStrings } from './nn-attention.strings.js';
export type { AttentionEpochDetail, AttentionEvents } from './nn-attention.events.js';


/**
 * Self-attention computed in front of the reader. In explore mode the reader types a
 * sentence and sees each token's embedding, query, key and value, the scores QKᵀ/√dₖ and
 * the softmax weights as heatmaps (with a table for screen readers), and, for the query
 * token they pick, its output as the weighted mix of value vectors; they toggle the causal
 * mask, switch heads and change the temperature. The weights are drawn from `seed` or set
 * by model JSON. In train mode a one-layer attention model learns to reverse, sort or copy
 * short sequences of letters, and the heatmap turns from uniform into the task's pattern.
 *
 * @summary Self-attention on a sentence, and a tiny attention model that learns.
 *
 * @fires nn-epoch - Train mode, after each epoch: `{ epoch, loss, accuracy }`.
 * @fires nn-stopped - Train mode, when training stops: `{ epoch, reason: 'paused' | 'learned' | 'diverged' }`.
 * @fires change - When the reader changes a setting or picks a token: `{ name, value }`.
 *
 * @csspart card - The card around everything.
 * @csspart controls - The row of controls.
 * @csspart tokens - The tokens, as buttons that pick the query.
 * @csspart scores - The heatmap of the scores QKᵀ/√dₖ.
 * @csspart weights - The heatmap of the attention weights.
 * @csspart table - The weights as a table (visually hidden).
 * @csspart mix - The selected query's weighted mix of values.
 * @csspart vectors - Each token's embedding, query, key and value.
 * @csspart status - Train mode: epoch, loss and accuracy (read out politely).
 * @csspart error - The inline message shown for bad attributes.
 *
 * @cssproperty --nn-accent - Colour of the strongest attention weight and of the train button.
 * @cssproperty --nn-positive - Colour of positive numbers and scores.
 * @cssproperty --nn-negative - Colour of negative numbers and scores.
 * @cssproperty --nn-neutral - Colour of zero.
 * @cssproperty --nn-text - Text colour.
 * @cssproperty --nn-muted - Colour of secondary text.
 * @cssproperty --nn-background - Background of the card, and of a zero weight.
 * @cssproperty --nn-surface - Background of the messages and panels.
 * @cssproperty --nn-border - Colour of borders.
 * @cssproperty --nn-grid - Colour of masked cells.
 *
 * @slot - A `<script type="application/json">` with model JSON (when `src` is not set).
 */
@customElement('nn-attention')
export class NnAttention extends NnElement<AttentionEvents> {
  static override styles = [themeStyles, controlStyles, toolbarStyles, cardStyles, cardHeaderStyles, attentionStyles];

  static override properties = propertiesOf(ATTENTION_SETTINGS);

  declare mode: string;
  declare tokens: string;
  declare dModel: number;
  declare heads: number;
  declare head: number;
  declare causal: boolean;
  declare temperature: number;
  declare select: number;
  declare seed: number;
  declare task: string;
  declare length: number;
  declare learningRate: number;
  declare optimizer: string;
  declare show: string[];
  declare controls: string[];
  declare src: string;
  /** The words readers see, over the English (ATTENTION_STRINGS): JSON text or an object. */
  declare strings?: string | Record<string, string>;

  private settings?: Settings;
  private explorer?: AttentionExplorer;
  private model?: AttentionModel;
  private built = '';
  private json?: unknown;
  private jsonVersion = 0;
  private sourceProblem = '';
  private finished = false;
  private palette?: Palette;
  private focusToken = -1;
  /** Train mode's status as last read out. */
  private spoken = '';
  /** When the vectors were last drawn. */
  private vectorsDrawn = 0;
  /** When the view was last drawn while training. */
  private lastDraw = 0;
  /** The heatmaps' side in CSS pixels, as last rendered. */
  private side = 1;
  private readonly size = new WidthController(this, 560);
  private readonly loop = new TrainingLoop(this, (budget) => this.onFrame(budget));
  private readonly source = new SourceController<unknown>(this, {
    url: () => this.src,
    what: 'the model JSON from ',
    parse: (text, origin) => parseJson(text, origin.kind === 'url' ? `The model JSON at "${origin.url}"` : 'The child <script type="application/json">'),
    onResult: (value) => {
      this.json = value;
      this.sourceProblem = '';
      this.jsonVersion++;
      this.requestUpdate();
    },
    onError: (message) => {
      this.sourceProblem = message;
      this.requestUpdate();
    },
  });

  constructor() {
    super();
    // The heatmaps' palette is read from CSS again when the reader's scheme flips.
    new ColorSchemeController(this, () => {
      this.palette = undefined;
      this.requestUpdate();
    });
    restoreDefaults(this, ATTENTION_SETTINGS);
  }

  /** The layer drawn: the explorer's (while there are tokens) or the toy model's. */
  private get layer(): AttentionLayer | undefined {
    if (this.model) return this.model.layer;
    return this.settings?.tokens.length ? this.explorer?.layer : undefined;
  }

  /** Per head, one row per token: its query (dₖ numbers). */
  get queries(): number[][][] {
    return perHead(this.layer, (layer, h) => headRows(layer.q, layer, h));
  }

  /** Per head, one row per token: its key. */
  get keys(): number[][][] {
    return perHead(this.layer, (layer, h) => headRows(layer.k, layer, h));
  }

  /** Per head, one row per token: its value. */
  get values(): number[][][] {
    return perHead(this.layer, (layer, h) => headRows(layer.v, layer, h));
  }

  /** Per head, the tokens × tokens matrix QKᵀ/√dₖ, before the mask and the softmax. */
  get scores(): number[][][] {
    return perHead(this.layer, (layer, h) => headMatrix(layer.scores, layer, h));
  }

  /** Per head, the attention weights: each row the softmax of the scores / T (masked entries exactly 0). */
  get weights(): number[][][] {
    return perHead(this.layer, (layer, h) => headMatrix(layer.weights, layer, h));
  }

  /** Per head, one row per token: weights · values, the head's output before Wo. */
  get output(): number[][][] {
    return perHead(this.layer, (layer, h) => headRows(layer.mixed, layer, h));
  }

  /** Train mode: the fraction of held-out letters predicted right after the last epoch (NaN before the first, and in explore mode). */
  get accuracy(): number {
    return this.model?.accuracy ?? Number.NaN;
  }

  /** Train mode: the mean training loss (cross-entropy) of the last epoch (NaN before the first, and in explore mode). */
  get loss(): number {
    return this.model?.loss ?? Number.NaN;
  }

  /** Train mode: epochs trained (an epoch is 256 sequences); 0 in explore mode. */
  get epoch(): number {
    return this.model?.epoch ?? 0;
  }

  /** True while training plays. */
  get playing(): boolean {
    return this.loop.playing;
  }

  /** Train mode: trains, a few batches a frame, while the element is on screen. */
  play(): void {
    if (!this.model || this.finished || this.loop.playing) return;
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

  /** Train mode: one batch of training. */
  step(): void {
    if (!this.model || this.finished) return;
    this.train(1, Infinity);
  }

  /** Pauses and starts the model again from its seed. */
  reset(): void {
    this.loop.pause();
    this.built = '';
    this.requestUpdate();
  }

  protected override placeholderHeight(width: number): number {
    return Math.min(width, MOST_HEATMAP_SIDE) + 260;
  }

  protected apply(): void {
    restoreDefaults(this, ATTENTION_SETTINGS);
    this.source.sync();
    if (this.sourceProblem) throw new NnKitError(this.sourceProblem);
    const settings = readSettings(this as unknown as Record<string, unknown>, (attribute) => this.writtenText(attribute));
    const weights = this.json === undefined ? undefined : parseAttentionWeights(this.json, settings.dModel, 'The model JSON');
    const { mode, dModel: model, heads, seed, task, length, optimizer, learningRate, temperature } = settings;
    const key = JSON.stringify([mode, model, heads, seed, task, length, optimizer, this.jsonVersion]);
    if (mode === 'explore') {
      const explorer = key === this.built && this.explorer ? this.explorer : new AttentionExplorer({ model, heads, seed, weights });
      if (settings.tokens.length) explorer.run(settings.tokens, settings.causal, temperature);
      this.loop.pause();
      this.explorer = explorer;
      this.model = undefined;
    } else {
      if (key !== this.built || !this.model) {
        this.loop.pause();
        this.model = new AttentionModel({ task, length, model, heads, seed, optimizer, learningRate, temperature });
        this.finished = false;
      }
      this.model.learningRate = learningRate;
      if (this.model.temperature !== temperature) {
        this.model.temperature = temperature;
        this.model.showExample();
      }
      this.explorer = undefined;
    }
    this.built = key;
    this.settings = settings;
  }

  private onFrame(budget: number): void {
    this.train(STEPS_PER_FRAME, budget);
  }

  /** Trains up to `steps` batches within `budget` ms, reports epochs, and stops once learned or diverged. */
  private train(steps: number, budget: number): void {
    const model = this.model!;
    const start = performance.now();
    for (let i = 0; i < steps && performance.now() - start < budget && !model.diverged; i++) {
      const epoch = model.epoch;
      model.step();
      if (model.epoch !== epoch) this.emit('nn-epoch', { epoch: model.epoch, loss: model.loss, accuracy: model.accuracy });
    }
    const reason = model.diverged ? 'diverged' : model.accuracy >= LEARNED_ACCURACY || model.epoch >= MAX_EPOCHS ? 'learned' : undefined;
    if (reason) {
      this.finished = true;
      this.loop.pause();
      this.emit('nn-stopped', { epoch: model.epoch, reason });
    }
    model.showExample();
    // Playing, the view follows ten times a second (drawing every frame would cost more than the training).
    const now = performance.now();
    if (budget !== Infinity && !reason && now - this.lastDraw < DRAW_INTERVAL_MS) return;
    this.lastDraw = now;
    this.requestUpdate();
  }

  /** Sets a property for the reader and says so with `change`. */
  private setByReader(name: keyof NnAttention & string, value: unknown): void {
    (this as unknown as Record<string, unknown>)[name] = value;
    this.emit('change', { name, value });
  }

  private pick(index: number, focus: boolean): void {
    this.focusToken = focus ? index : -1;
    this.setByReader('select', index + 1);
  }

  /** The names of the tokens drawn. */
  private tokenNames(settings: Settings): string[] {
    const model = this.model;
    return model ? Array.from(model.sequence, (token) => model.tokenName(token)) : settings.tokens;
  }

  protected override render() {
    const settings = this.settings;
    if (!settings) return html`<div class="card" part="card">${this.renderProblem()}</div>`;
    const { words, show, mode } = settings;
    const model = this.model;
    const layer = this.layer;
    const tokens = this.tokenNames(settings);
    const head = settings.head;
    const select = settings.select < tokens.length ? settings.select : -1;
    const both = show.has('scores') && show.has('weights');
    const { side, labelled } = heatmapSide(this.size.width, Math.max(1, tokens.length), both);
    this.side = side;
    const title = model ? format(words.trainTitle, { task: words[settings.task as 'reverse'] ?? settings.task }) : words.title;
    const summary = layer && select >= 0 ? describeSelection(words, tokens, headMatrix(layer.weights, layer, head)[select], select) : '';
    const embedded = model ? model.x : (this.explorer?.x ?? new Float64Array(0));
    return html`<div class="card" part="card">
      ${this.renderProblem()}
      <div class="header"><span class="title">${title}</span><span class="formula">${words.formula}</span></div>
      ${renderToolbar(
        { words, controls: settings.controls, mode, text: String(this.tokens ?? ''), causal: settings.causal, heads: settings.heads, head, temperature: settings.temperature, playing: this.loop.playing, finished: this.finished, task: settings.task },
        {
          text: (text) => this.editText(text),
          causal: (on) => this.setByReader('causal', on),
          head: (index) => this.setByReader('head', index + 1),
          temperature: (value) => this.setByReader('temperature', value),
          play: () => this.play(),
          pause: () => this.pause(),
          step: () => this.step(),
          reset: () => this.reset(),
          task: (name) => this.setByReader('task', name),
          example: () => {
            this.model?.showExample((this.model.example ?? 0) + 1);
            this.requestUpdate();
          },
        },
      )}
      ${this.source.loading ? html`<p class="note loading" role="status">${words.loading}</p>` : nothing}
      ${model ? renderStatus(model, words, this.finished, this.spokenStatus(model, settings)) : nothing}
      ${!layer
        ? html`<p class="note empty" role="status">${words.empty}</p>`
        : renderBody({ layer, embedded, tokens, head, select, show, words, side, labelled, pick: (index, focus) => this.pick(index, focus), vectorsVersion: this.vectorsVersion() })}
      <p class="summary visually-hidden" aria-live="polite">${summary}</p>
    </div>`;
  }

  /** Changes on every drawing, but while training plays only once a second (see renderBody). */
  private vectorsVersion(): number {
    const now = performance.now();
    if (!this.loop.playing || now - this.vectorsDrawn >= VECTORS_INTERVAL_MS) this.vectorsDrawn = now;
    return this.vectorsDrawn;
  }

  /** The status the live region reads: kept as it was while training plays. */
  private spokenStatus(model: AttentionModel, settings: Settings): string {
    if (!this.loop.playing) this.spoken = statusText(model, settings.words, this.finished);
    return this.spoken;
  }

  /** The reader typed: new tokens, and no selection past their end. */
  private editText(text: string): void {
    const count = text.split(/\s+/).filter(Boolean).length;
    if (this.select > count) this.select = 0;
    this.setByReader('tokens', text);
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    const settings = this.settings;
    const layer = this.layer;
    if (!settings || !layer) return;
    this.palette ??= resolvePalette(this.renderRoot as ShadowRoot);
    paintHeatmaps(this.renderRoot, layer, settings.head, settings.select, this.side, this.palette);
    if (this.focusToken >= 0) {
      this.renderRoot.querySelector<HTMLButtonElement>(`button.token[data-index="${this.focusToken}"]`)?.focus();
      this.focusToken = -1;
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'nn-attention': NnAttention;
  }
}
