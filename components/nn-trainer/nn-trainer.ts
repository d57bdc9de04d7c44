import { type PropertyValues, html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { DATA_EXTENT, type Network, NnKitError, type Trainer } from '../../src/index.js';
import { type ReadData, describeDataFormat } from '../../src/data-text.js';
import { NETWORK_UPDATE, type NetworkSource } from '../shared/network-source.js';
import { NnElement } from '../shared/nn-element.js';
import { labelAt } from '../shared/parse.js';
import { WidthController } from '../shared/resize-controller.js';
import { checkSettings, defaultValues, propertiesOf, rebuilds, restoreDefaults } from '../shared/settings.js';
import { format } from '../shared/strings.js';
import { type RefusedEntry, moveFocusFromRunButtons, renderSettings } from './controls.js';
import type { Extent } from './grid.js';
import type { TrainerEvents } from './nn-trainer.events.js';
import { ENGLISH, RUN_CONTROLS, TRAINER_SETTINGS, type TrainerValues, type TrainerWords } from './nn-trainer.settings.js';
import type { TrainerStrings } from './nn-trainer.strings.js';
import { trainerStyles } from './nn-trainer.styles.js';
import { TrainingRun } from './run.js';
import { applyLiveSettings, buildSession, hiddenLayersInForce } from './session.js';
import { STATE_SETTINGS, stateText } from './state.js';
import { StateSetter } from './state-controller.js';
import { ReaderChanges } from './reader-change.js';
import { TrainerViews } from './trainer-views.js';
import { LazyDisclosure } from './lazy.js';
import { trainerDataSource } from './data-source.js';

export type { EpochDetail, StoppedDetail, TrainerEvents } from './nn-trainer.events.js';
export { TRAINER_SETTINGS, VIEW_NAMES } from './nn-trainer.settings.js';
export { TRAINER_STRINGS, type TrainerStrings } from './nn-trainer.strings.js';

/** The settings shown before any were applied: the table's defaults. */
const DEFAULT_VALUES = defaultValues(TRAINER_SETTINGS);

/**
 * A network that learns in front of the reader: data, a loss, backpropagation and
 * gradient descent, with a decision boundary, what each hidden neuron has learned, a
 * loss chart and the live network. Reproducible: the same seed gives the same run. Each
 * hidden layer may have its own activation (`activation="relu, relu, tanh"`); `dropout`
 * switches off neurons while training only, never in the boundary or the test loss.
 *
 * @summary Trains a small neural network live, as TensorFlow Playground does, in one tag.
 *
 * @fires nn-epoch - After each epoch: `{ epoch, trainLoss, testLoss, accuracy }`.
 * @fires nn-diverged - When training diverges (the loss overflows, or stays several times above where it started); training stops: `{ epoch }`.
 * @fires nn-stopped - When training stops: `{ epoch, reason: 'paused' | 'epochs' | 'diverged' }`.
 * @fires nn-network-update - When the network's weights or structure change, or the names of its outputs: `{ network }`.
 * @fires change - When the reader changes a setting: `{ name, value }`.
 *
 * @slot - A `<script type="application/json">` with `{ "inputs": [[…]], "targets": [[…]] }` to train on.
 *
 * @csspart toolbar - The row of play, step and reset buttons and the statistics.
 * @csspart share - The share panel: HTML that restores the run, and its Copy button.
 * @csspart boundary - The decision-boundary canvas.
 * @csspart loss - The loss chart.
 * @csspart network - The embedded network diagram.
 * @csspart confusion - The confusion matrix of the test data (`show="confusion"`).
 * @csspart histograms - Per-layer histograms of weights, activations and gradients (`show="histograms"`).
 * @csspart settings - The panel of hyper-parameter controls.
 * @csspart error - The inline message shown for bad input.
 *
 * @cssproperty --nn-positive - Colour of the positive class and positive weights.
 * @cssproperty --nn-negative - Colour of the negative class and negative weights.
 * @cssproperty --nn-accent - Colour of buttons and sliders.
 * @cssproperty --nn-neutral - Colour of the decision boundary where the network is undecided.
 * @cssproperty --nn-background - Background of the element.
 * @cssproperty --nn-surface - Background of the settings panel and the message.
 * @cssproperty --nn-text - Text colour.
 * @cssproperty --nn-muted - Colour of captions, axes and secondary text.
 * @cssproperty --nn-border - Colour of borders.
 * @cssproperty --nn-grid - Colour of the loss chart's gridlines.
 * @cssproperty --nn-series-1 - Colour of the training loss (--nn-series-2: the test loss).
 * @cssproperty --nn-font - Font family.
 * @cssproperty --nn-mono-font - Font of numbers.
 * @cssproperty --nn-font-size - Base font size (default 1rem).
 * @cssproperty --nn-focus - Colour of the keyboard focus ring.
 * @cssproperty --nn-danger - Colour of the bad-input and divergence messages' bar.
 * @cssproperty --nn-radius - Corner radius of the element and its panels.
 */
@customElement('nn-trainer')
export class NnTrainer extends NnElement<TrainerEvents> implements NetworkSource {
  static override styles = trainerStyles;

  static override properties = propertiesOf(TRAINER_SETTINGS);

  declare data: string;
  declare classes: number;
  declare classLabels?: string[];
  declare src?: string;
  declare samples: number;
  declare noise: number;
  declare trainSplit: number;
  declare features?: readonly string[];
  declare batchSize: number;
  declare learningRate: number;
  declare activation: string;
  declare dropout: readonly number[];
  declare outputActivation?: string;
  declare loss?: string;
  declare optimizer: string;
  declare regularization: string;
  declare regularizationRate: number;
  declare hiddenLayers?: readonly number[];
  declare discretize: boolean;
  declare speed: number;
  declare epochs?: number;
  declare seed: number;
  declare autoplay: boolean;
  declare controls: readonly string[];
  declare show: readonly string[];

  /** The run as text, e.g. "data=spiral; noise=10; seed=3": the settings that decide its numbers. Setting it restores that run. */
  get state(): string {
    return stateText(this.applied ?? DEFAULT_VALUES);
  }

  set state(text: string | null | undefined) {
    this.stateSetter.set(text);
  }

  /** The words readers see, over the English (TRAINER_STRINGS and the controls' labels): JSON text or an object. */
  declare strings?: string | Partial<TrainerStrings>;

  @state() private customData?: ReadData;
  /** What is wrong with the data from `src` or the child script, if anything. */
  @state() private dataProblem = '';
  /** The reader's entry in the settings panel that was refused, shown beside its field. */
  @state() private refused?: RefusedEntry;
  /** The last settings applied without error: what the panel and the views show while an attribute is bad. */
  private applied?: TrainerValues;
  /** True while the 'rebuild' settings could not be applied: they are tried again on the next update. */
  private rebuildFailed = false;

  private readonly size = new WidthController(this, 640);
  /** State text set and not yet restored, or one that could not be restored (tried again until fixed). */
  private readonly stateSetter = new StateSetter(this, {
    table: TRAINER_SETTINGS,
    names: STATE_SETTINGS,
    build: (values) => buildSession(values, this.customData),
  });
  private readonly readerChanges = new ReaderChanges(this, (name, value) => this.emit('change', { name, value }));
  private readonly perLayer = new LazyDisclosure(this, () => import('./per-layer.js'));
  private readonly run = new TrainingRun(this, {
    speed: () => this.applied?.speed ?? DEFAULT_VALUES.speed,
    epochs: () => this.applied?.epochs,
    words: () => this.words,
    ending: () => moveFocusFromRunButtons(this.renderRoot as ShadowRoot),
    onEpoch: (record) =>
      this.emit('nn-epoch', { epoch: record.epoch, trainLoss: record.trainLoss, testLoss: record.testLoss, accuracy: record.testAccuracy }),
    onStopped: (epoch, reason) => this.emit('nn-stopped', { epoch, reason }),
    onDiverged: (epoch) => this.emit('nn-diverged', { epoch }),
    onNetworkChange: (network) => this.emit(NETWORK_UPDATE, { network }),
  });
  /** The toolbar, the views and their controllers (ghosts, probe, points, share, painter). */
  private readonly views = new TrainerViews(this, {
    run: () => this.run,
    values: () => this.applied ?? DEFAULT_VALUES,
    words: () => this.words,
    extent: () => this.extent,
    classNames: (count) => this.classNames(count),
    width: () => this.size.width,
    root: () => this.renderRoot as ShadowRoot,
    source: this,
    on: { play: () => this.play(), pause: () => this.pause(), step: () => this.step(), stepEpoch: () => this.stepEpoch(), reset: () => this.reset() },
  });
  private readonly source = trainerDataSource(this, () => String(this.src ?? ''), {
    loading: () => (this.dataProblem = ''), // a message about the last URL
    loaded: (data) => ([this.customData, this.dataProblem] = [data, '']),
    failed: (message) => (this.dataProblem = message),
  });

  constructor() {
    super();
    restoreDefaults(this, TRAINER_SETTINGS);
  }

  /** The core network being trained. */
  get network(): Network | undefined {
    return this.run.session?.network;
  }

  /** Names of the network's inputs: the features, e.g. X₁, X₁². */
  get inputLabels(): readonly string[] | undefined {
    return this.run.session?.featureLabels;
  }

  /** Names of the network's outputs: the classes (one sigmoid output names the second class). */
  get outputLabels(): readonly string[] | undefined {
    const session = this.run.session;
    if (!session || session.kind !== 'classification') return undefined;
    const names = this.classNames(session.classes);
    return session.network.outputSize === 1 ? [names[1]] : names;
  }

  /** The first training sample through the features: what a following `<nn-network>` shows. */
  get sampleInputs(): readonly number[] | undefined {
    return this.run.session?.sample.inputs;
  }

  /** The core Trainer, for scripts. */
  get trainer(): Trainer | undefined {
    return this.run.session?.trainer;
  }

  /** Completed epochs. */
  get epoch(): number {
    return this.run.epoch;
  }

  /** Mean loss over the training data after the last epoch. */
  get trainLoss(): number {
    return this.run.history.at(-1)?.trainLoss ?? Number.NaN;
  }

  /** Mean loss over the test data after the last epoch. */
  get testLoss(): number {
    return this.run.history.at(-1)?.testLoss ?? Number.NaN;
  }

  /** Test accuracy after the last epoch (classification only). */
  get accuracy(): number | undefined {
    return this.run.history.at(-1)?.testAccuracy;
  }

  /** True while training is playing. */
  get playing(): boolean {
    return this.run.playing;
  }

  /** True when the data comes from `src` or a child script rather than `data`. */
  get hasCustomData(): boolean {
    return this.customData != null;
  }

  /** Names of the features the current network takes as inputs. */
  get activeFeatures(): readonly string[] {
    return this.run.session?.features.map((feature) => feature.name) ?? this.features ?? [];
  }

  /** Number of input columns of the data (2 for the plane datasets, 1 for the sine). */
  get dimensions(): number {
    return this.run.session?.dimensions ?? 2;
  }

  /** Starts training. */
  play(): void {
    this.run.play();
  }

  /** Pauses training. */
  pause(): void {
    this.run.pause();
  }

  /** Runs one mini-batch. */
  step(): void {
    this.run.step();
  }

  /** Runs to the end of the current epoch. */
  stepEpoch(): void {
    this.run.stepEpoch();
  }

  /** Rebuilds the network from the seed: the same run starts again. */
  reset(): void {
    this.run.halt();
    this.attempt(() => this.rebuild());
  }

  /** The trained model as core model JSON; `<nn-network>` can load it. */
  exportModel() {
    return this.run.session?.network.toJSON();
  }

  /** About a trainer's height with the default views: the placeholder drawn while it is far off screen. */
  protected override placeholderHeight(width: number): number {
    return width < 640 ? 2300 : 1500;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    this.source.sync();
    // Settings and data are read again when they change (not on each frame of a run); a failed rebuild is tried again.
    const read = [...changed.keys()].some((key) => Object.hasOwn(TRAINER_SETTINGS, key) || key === 'customData' || key === 'dataProblem');
    if (read || !this.run.session || this.rebuildFailed || this.stateSetter.pending) super.willUpdate(changed);
  }

  /** Resolves once the element is drawn, with a state set read and the curve or matrix shown (their code loads the first time). */
  protected override async getUpdateComplete(): Promise<boolean> {
    const done = await super.getUpdateComplete();
    const loading = [this.stateSetter.loading, this.perLayer.pending, ...this.views.loading].filter((load) => load !== undefined);
    if (loading.length === 0) return done;
    try {
      await Promise.all(loading);
    } catch {
      return done; // tried again on the next update
    }
    return this.getUpdateComplete();
  }

  protected override apply(changed: PropertyValues<this>): void {
    // Applied with the state once its code has loaded (the update that follows); a bad state changes nothing.
    const restored = this.stateSetter.restore();
    if (restored === 'waiting') return;
    const session = this.run.session;
    const rebuild = restored || !session || this.rebuildFailed || rebuilds(TRAINER_SETTINGS, changed) || changed.has('customData' as keyof NnTrainer);
    if (rebuild && String(this.src ?? '').trim() && !this.customData && !this.dataProblem) {
      // Built once the data has loaded.
      this.applied = this.check();
      return;
    }
    if (!rebuild) {
      const values = this.check();
      if (session) applyLiveSettings(session.trainer, values);
      this.applied = values;
      // Followers name the outputs by class.
      if (session && changed.has('classLabels')) this.emit(NETWORK_UPDATE, { network: session.network });
      return;
    }
    // A 'rebuild' setting that failed is tried again, so its message stays until it is fixed.
    if (restored || !session || rebuilds(TRAINER_SETTINGS, changed) || changed.has('customData' as keyof NnTrainer)) this.run.halt();
    this.rebuildFailed = true;
    this.rebuild();
    this.rebuildFailed = false;
  }

  /** Restores the defaults of unset settings and checks them all; throws on the first bad one (or bad data). */
  private check(): TrainerValues {
    restoreDefaults(this, TRAINER_SETTINGS);
    if (this.dataProblem) throw new NnKitError(this.dataProblem);
    return checkSettings(TRAINER_SETTINGS, this, (attribute) => this.writtenText(attribute));
  }

  /** Builds a new network and run from the settings (throws on bad input; the old one stays). */
  private rebuild(): void {
    const values = this.check();
    const session = buildSession(values, this.customData);
    const inForce = { hiddenLayers: session.network.layers.slice(1, -1), features: session.features.map((feature) => feature.name) };
    this.views.ghosts.begin(this.run.history, { ...values, ...inForce });
    this.views.painter.forget();
    this.run.start(session, values.autoplay);
    this.applied = values;
  }

  /** The words readers see: the writer's over the English. */
  private get words(): TrainerWords {
    return this.applied?.strings ?? ENGLISH;
  }

  /** The square of input space the 2-D views show. */
  private get extent(): Extent {
    const session = this.run.session;
    if (!session || !this.customData) return [-DATA_EXTENT, DATA_EXTENT];
    return [-session.edge, session.edge];
  }

  /** The class names readers see: the writer's `class-labels`, then class 0, class 1, … */
  private classNames(count: number): string[] {
    return Array.from({ length: count }, (_, i) => labelAt(this.classLabels, i) || format(this.words.className, { index: i }));
  }

  protected override render() {
    const values = this.applied ?? DEFAULT_VALUES;
    const shown = new Set(values.controls.includes('none') ? [] : values.controls);
    const session = this.run.session;
    const words = this.words;
    return html`
      ${this.renderProblem()}
      ${this.source.loading ? html`<p class="status">${words.loading}</p>` : nothing}
      ${this.run.status ? html`<p class="status diverged" role="alert">${this.run.status}</p>` : nothing}
      ${session ? this.views.render(session, shown, values, words) : nothing}
      ${[...shown].some((name) => !(RUN_CONTROLS as readonly string[]).includes(name))
        ? html`<div class="settings" part="settings" role="group" aria-label=${words.settings}>${this.renderPanel(shown, values, words)}</div>`
        : nothing}
      <p class="visually-hidden" aria-live="polite">${this.run.announcement}</p>
    `;
  }

  private renderPanel(shown: ReadonlySet<string>, values: TrainerValues, words: TrainerWords) {
    const data = this.customData;
    return renderSettings({
      values: { ...values, hiddenLayers: [...hiddenLayersInForce(values, !!data)], features: [...this.activeFeatures] },
      shown,
      words,
      dataSummary: data && describeDataFormat(data.format, data.inputs.length),
      dimensions: this.dimensions,
      refused: this.refused,
      set: (name, value) => this.readerChanges.set(name, value),
      perLayer: this.perLayer,
      refuse: (entry) => {
        if (entry && entry.message !== this.refused?.message) console.warn(`<${this.localName}>: ${entry.message}`);
        this.refused = entry;
      },
    });
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'nn-trainer': NnTrainer;
  }
}
