import { html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { DIVERGENCE, Random, type SequenceTrainer } from '../../src/index.js';
import { chartStyles } from '../shared/chart-styles.js';
import { formatNumber, percent } from '../shared/format.js';
import { NnElement } from '../shared/nn-element.js';
import { WidthController } from '../shared/resize-controller.js';
import { propertiesOf, restoreDefaults } from '../shared/settings.js';
import { format } from '../shared/strings.js';
import { controlStyles, themeStyles } from '../shared/theme.js';
import { TrainingLoop, prefersReducedMotion } from '../shared/training-loop.js';
import { cardStyles, toolbarStyles } from '../shared/card-styles.js';
import { renderSampler, renderTimeSlider, renderToolbar } from './controls.js';
import { describeUnrolled, renderTable } from './describe.js';
import { renderGradientChart } from './gradient-chart.js';
import type { RnnEvents } from './nn-rnn.events.js';
import { RNN_SETTINGS } from './nn-rnn.settings.js';
import { rnnStyles, shadeStyles } from './nn-rnn.styles.js';
import type { RnnStrings } from './nn-rnn.strings.js';
import { type Settings, makeTrainer, readSettings, trainerKey } from './read-settings.js';
import { type Snapshot, takeSnapshot } from './snapshot.js';
import { renderStepFormula } from './step-formula.js';
import { columns, renderUnrolled } from './unrolled-view.js';

export { RNN_SETTINGS } from './nn-rnn.settings.js';
export type { RnnEpochDetail, RnnEvents, RnnStoppedDetail } from './nn-rnn.events.js';

/** The card's padding and border, left and right (see the styles). */
const CARD_INSET = 34;
/** Characters the Write text button asks for. */
const SAMPLE_LENGTH = 120;
/** While training plays, the drawing is renewed at most this often (milliseconds, five times a second): training runs every frame. */
const DRAW_EVERY_MS = 200;
/** While training plays, the score is read out at most this often (milliseconds). */
const SPEAK_EVERY_MS = 3000;

/**
 * A recurrent network, unrolled through time, with a memory the reader can watch. The same
 * cell runs at every step of a sequence: the drawing shows one column per step with the
 * shared weights W_x, W_h and W_y in one colour each, the hidden state h_t as a colour strip
 * and the prediction at each step. The reader steps through time with h_t = tanh(W_x·x_t +
 * W_h·h_{t−1} + b) written out with the network's own numbers, trains it with
 * backpropagation through time on parity, counting or the writer's own text (then samples
 * text at a temperature), and sees in a chart of ‖∂L/∂h_t‖ why long sequences are hard: how
 * much of the last step's loss still reaches each earlier step, for the plain cell or a GRU
 * (`cell="gru"`), as `unroll` grows.
 *
 * @summary A recurrent network (plain or GRU) unrolled over a sequence, trained with backpropagation through time.
 *
 * @fires nn-epoch - After each epoch: `{ epoch, loss, accuracy }` on the held-out sequences.
 * @fires nn-diverged - When training diverges (the loss overflows, or stays several times above where it started); training stops: `{ epoch }`.
 * @fires nn-stopped - When training stops: `{ epoch, reason: 'paused' | 'diverged' }`.
 * @fires nn-sample - When the reader has the network write text: `{ text, temperature }`.
 * @fires change - When the reader changes a setting: `{ name, value }`.
 *
 * @csspart card - The card around everything.
 * @csspart controls - The row of train, step and reset buttons and the menus.
 * @csspart unrolled - The unrolled network (role="img"; its label reads every step).
 * @csspart formula - The picked step written out with its numbers.
 * @csspart gradients - The chart of ‖∂L/∂h_t‖ per step.
 * @csspart sample - The temperature, the Write text button and the text written.
 * @csspart score - Epoch, loss and accuracy (read out politely).
 * @csspart error - The inline message shown for bad attributes.
 *
 * @cssproperty --nn-positive - Colour of positive hidden values.
 * @cssproperty --nn-negative - Colour of negative hidden values.
 * @cssproperty --nn-neutral - Colour of a hidden value of 0.
 * @cssproperty --nn-series-1 - Colour of W_x's arrows (--nn-series-2: W_h's, --nn-series-3: W_y's).
 * @cssproperty --nn-accent - Colour of the picked step, the bars and the train button.
 * @cssproperty --nn-text - Text colour.
 * @cssproperty --nn-muted - Colour of axes, ticks and secondary text.
 * @cssproperty --nn-background - Background of the card.
 * @cssproperty --nn-surface - Background of the panels.
 * @cssproperty --nn-border - Colour of borders.
 * @cssproperty --nn-danger - Colour of the divergence message's bar and of wrong predictions.
 */
@customElement('nn-rnn')
export class NnRnn extends NnElement<RnnEvents> {
  static override styles = [themeStyles, controlStyles, toolbarStyles, chartStyles, cardStyles, rnnStyles, shadeStyles];

  static override properties = propertiesOf(RNN_SETTINGS);

  declare task?: string;
  declare text?: string;
  declare hiddenSize: number;
  declare cell: string;
  declare unroll: number;
  declare learningRate: number;
  declare optimizer: string;
  declare clip: number;
  declare temperature: number;
  declare seed: number;
  declare show: string[];
  declare controls: string[];
  declare autoplay: boolean;
  /** The words readers see, over the English (RNN_STRINGS): JSON text or an object. */
  declare strings?: string | Partial<RnnStrings>;
  /** The step the formula shows and the drawing highlights (1 … the sequence's steps). */
  @state() private time = 1;

  private settings?: Settings;
  private trainer?: SequenceTrainer;
  private key = '';
  private snapshot?: Snapshot;
  private sampled = '';
  private samples = 0;
  private spoken = '';
  private spokenAt = 0;
  private drawnAt = 0;
  private autoplayed = false;
  private readonly size = new WidthController(this, 640);
  private readonly loop = new TrainingLoop(this, (budget) => this.onFrame(budget));

  constructor() {
    super();
    restoreDefaults(this, RNN_SETTINGS);
  }

  /** The input tokens of the shown sequence ("0"/"1" bits, or the text's characters). */
  get sequence(): string[] {
    return [...(this.snapshot?.inputs ?? [])];
  }

  /** One row per time step: h_t after each step (h_0 = 0 left out). */
  get hiddenStates(): number[][] {
    return this.snapshot?.states.map((row) => [...row]) ?? [];
  }

  /** One row per time step: the output's probability of each class. */
  get outputs(): number[][] {
    return this.snapshot?.outputs.map((row) => [...row]) ?? [];
  }

  /**
   * The weights as arrays of rows, a row per unit: `{ Wx, Wh, b, Wy, by }`, so a script can
   * recompute h_t. For the GRU, Wx and Wh have 3 × hidden rows (update gate z, reset gate r,
   * candidate h̃, in that order) and b has 3 × hidden values.
   */
  get parameters(): { Wx: number[][]; Wh: number[][]; b: number[]; Wy: number[][]; by: number[] } {
    const net = this.trainer?.net;
    if (!net) return { Wx: [], Wh: [], b: [], Wy: [], by: [] };
    const { gates, wx, wh, b, wy, by } = net.layout;
    const rows = gates * net.hidden;
    return {
      Wx: net.rowsOf(wx, rows, net.inputs),
      Wh: net.rowsOf(wh, rows, net.hidden),
      b: Array.from(net.params.subarray(b, b + rows)),
      Wy: net.rowsOf(wy, net.outputs, net.hidden),
      by: Array.from(net.params.subarray(by, by + net.outputs)),
    };
  }

  /** Per step t, ‖∂L/∂h_t‖ for the loss of the shown sequence's last step: how much of it reaches back to step t. */
  get gradientNorms(): number[] {
    return [...(this.snapshot?.gradientNorms ?? [])];
  }

  /** Fraction of steps predicted right on the held-out sequences (a text's windows), as of the last epoch. */
  get accuracy(): number {
    return this.trainer?.accuracy ?? Number.NaN;
  }

  /** Mean cross-entropy per step on the held-out sequences, as of the last epoch. */
  get loss(): number {
    return this.trainer?.loss ?? Number.NaN;
  }

  /** Epochs trained. */
  get epoch(): number {
    return this.trainer?.epochs ?? 0;
  }

  /** True while training plays. */
  get playing(): boolean {
    return this.loop.playing;
  }

  /** True once training has diverged (Reset starts again). */
  get diverged(): boolean {
    return this.trainer?.diverged ?? false;
  }

  /** Trains: a few steps of backpropagation through time per frame, while the element is on screen. */
  play(): void {
    if (!this.trainer || this.trainer.diverged || this.loop.playing) return;
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

  /** Pauses and builds the network again from the seed. */
  reset(): void {
    this.loop.pause();
    if (this.settings) this.rebuild(this.settings);
    this.requestUpdate();
  }

  /** One training step (a batch of sequences), then the shown sequence again. */
  step(): void {
    if (!this.trainer || this.trainer.diverged) return;
    this.afterTraining(() => this.trainer!.step());
  }

  /**
   * Text written by the network (task "text"): `length` characters from the text's first one,
   * each drawn at the current temperature. The same seed gives the same samples in turn;
   * '' for the bit tasks.
   */
  sample(length: number): string {
    if (!this.trainer || !this.settings) return '';
    return this.trainer.sample(Math.min(Math.max(0, length), 10_000), this.settings.temperature, new Random(this.settings.seed * 7919 + ++this.samples));
  }

  protected override placeholderHeight(): number {
    return 720;
  }

  protected apply(): void {
    restoreDefaults(this, RNN_SETTINGS);
    const settings = readSettings(this, (attribute) => this.writtenText(attribute));
    const key = trainerKey(settings);
    if (key !== this.key || !this.trainer) this.rebuild(settings);
    this.settings = settings;
    // Autoplay is for when the element appears, not for an attribute added later.
    if (!this.autoplayed && this.autoplay && !prefersReducedMotion()) this.play();
    this.autoplayed = true;
  }

  /** A new network from the seed (throws an NnKitError on a bad text, keeping the last good one). */
  private rebuild(settings: Settings): void {
    const trainer = makeTrainer(settings);
    this.trainer = trainer;
    this.key = trainerKey(settings);
    this.sampled = '';
    this.samples = 0;
    this.spoken = '';
    this.snapshot = takeSnapshot(trainer);
    this.time = Math.min(this.time, this.snapshot.steps);
  }

  private onFrame(budget: number): void {
    this.afterTraining(() => this.trainer?.trainFor(budget), performance.now() - this.drawnAt < DRAW_EVERY_MS);
  }

  /** Runs some training, then reports epochs and divergence, and redraws unless `quiet` (a frame soon after the last drawing). */
  private afterTraining(train: () => void, quiet = false): void {
    const trainer = this.trainer;
    if (!trainer) return;
    const before = trainer.epochs;
    train();
    if (trainer.epochs !== before) this.emit('nn-epoch', { epoch: trainer.epochs, loss: trainer.loss, accuracy: trainer.accuracy });
    if (trainer.diverged) {
      this.loop.pause();
      this.emit('nn-diverged', { epoch: trainer.epochs });
      this.emit('nn-stopped', { epoch: trainer.epochs, reason: 'diverged' });
    } else if (quiet) return;
    else this.snapshot = takeSnapshot(trainer);
    this.drawnAt = performance.now();
    this.requestUpdate();
  }

  /** Sets a property for the reader and says so with `change`. */
  private setByReader(name: 'task' | 'cell' | 'unroll' | 'temperature', value: unknown): void {
    (this as unknown as Record<string, unknown>)[name] = value;
    this.emit('change', { name, value });
  }

  private pick(t: number): void {
    this.time = t;
  }

  private writeSample(): void {
    const text = this.sample(SAMPLE_LENGTH);
    this.sampled = text;
    this.emit('nn-sample', { text, temperature: this.settings?.temperature ?? Number.NaN });
    this.requestUpdate();
  }

  /** Epoch, loss and accuracy in words; while playing, renewed only every few seconds for screen readers. */
  private score(words: RnnStrings, trainer: SequenceTrainer): string {
    const values = { epoch: trainer.epochs, loss: formatNumber(trainer.loss, 3), accuracy: percent(trainer.accuracy), tests: trainer.scoredSequences };
    return format(trainer.epochs ? words.score : words.scoreStart, values);
  }

  private divergence(words: RnnStrings, trainer: SequenceTrainer): string {
    const d = trainer.divergence;
    if (!d) return '';
    if (d.kind === 'overflow') return format(words.divergedOverflow, { epoch: trainer.epochs });
    return format(words.divergedGrowth, { epoch: trainer.epochs, factor: DIVERGENCE.factor, start: formatNumber(d.startLoss ?? Number.NaN, 3), loss: formatNumber(d.loss ?? Number.NaN, 3) });
  }

  protected override render() {
    const { settings, trainer, snapshot } = this;
    if (!settings || !trainer || !snapshot) return html`<div class="card" part="card">${this.renderProblem()}</div>`;
    const { words, show, controls } = settings;
    const width = Math.max(240, this.size.width - CARD_INSET);
    const wide = width >= 960;
    const panel = wide ? Math.floor((width - 16) / 2) : width;
    const time = Math.max(1, Math.min(this.time, snapshot.steps));
    const now = performance.now();
    const score = this.score(words, trainer);
    if (!this.loop.playing || !this.spoken || now - this.spokenAt > SPEAK_EVERY_MS) {
      this.spoken = score;
      this.spokenAt = now;
    }
    const task = trainer.task.name;
    const about = task === 'count' ? words.aboutCount : task === 'text' ? words.aboutText : words.aboutParity;
    return html`<div class="card" part="card">
      ${this.renderProblem()}
      <div class="header">
        <span class="title">${format(words.unrolledTitle, { steps: snapshot.steps })}</span>
        <span class="about">${about}</span>
      </div>
      ${renderToolbar(
        { words, controls, playing: this.loop.playing, diverged: trainer.diverged, task, cell: trainer.net.cell, unroll: settings.unroll },
        { play: () => this.play(), pause: () => this.pause(), step: () => this.step(), reset: () => this.reset(), set: (name, value) => this.setByReader(name, value) },
      )}
      <p class="score" part="score" aria-hidden="true">${score}</p>
      <p class="visually-hidden" aria-live="polite">${this.spoken}</p>
      ${trainer.diverged ? html`<p class="message diverged" role="status">${this.divergence(words, trainer)}</p>` : nothing}
      <div class="unrolled-scroll" tabindex=${columns(snapshot.steps, width).total > width ? '0' : nothing} aria-label=${words.unrolledScroll} role="group">
        <div class="unrolled" part="unrolled" role="img" aria-label=${describeUnrolled(snapshot, words)}>
          ${renderUnrolled({ snapshot, words, time, width, show, pick: (t) => this.pick(t) })}
        </div>
      </div>
      ${controls.has('time') ? html`<div class="toolbar">${renderTimeSlider(words, time, snapshot.steps, (t) => this.pick(t))}</div>` : nothing}
      <div class="panels ${wide ? 'wide' : ''}">
        ${show.has('formula') ? renderStepFormula(snapshot, time, words) : nothing}
        ${show.has('gradients') ? renderGradientChart(snapshot, words, panel - 2, time) : nothing}
      </div>
      ${task === 'text' && controls.has('sample')
        ? renderSampler({ words, temperature: settings.temperature, text: this.sampled }, { temperature: (v) => this.setByReader('temperature', v), sample: () => this.writeSample() })
        : nothing}
      ${renderTable(snapshot, words, show)}
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'nn-rnn': NnRnn;
  }
}
