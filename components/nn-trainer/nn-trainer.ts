import { type PropertyValues, html, nothing } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { styleMap } from '../shared/style-map.js';
import {
  DATA_EXTENT,
  type Data,
  type DatasetSpec,
  MAX_CLASSES,
  type Network,
  NnKitError,
  type Trainer,
  datasets,
  featureName,
  getRegularization,
  makeDataset,
} from '../../src/index.js';
import { divergingTable, resolveColor } from '../shared/colors.js';
import { childJsonText, fetchText, parseData } from '../shared/data-source.js';
import { type ReadData, describeDataFormat } from '../../src/data-text.js';
import { formatNumber, percent } from '../shared/format.js';
import { NETWORK_UPDATE, type NetworkSource, type NetworkUpdateDetail } from '../shared/network-source.js';
import { NnElement } from '../shared/nn-element.js';
import { checkChoice, checkNumber, checkNumberList, labelAt, labelListConverter, listChanged, numberConverter, numberListConverter, textListConverter } from '../shared/parse.js';
import { WidthController } from '../shared/resize-controller.js';
import { TrainingLoop, prefersReducedMotion } from '../shared/training-loop.js';
import { CONTROL_NAMES, DEFAULT_CONTROLS, type RefusedEntry, type SettingsHost, moveFocusFromRunButtons, renderSettings } from './controls.js';
import { renderConfusion } from './confusion-view.js';
import { renderCurveView } from './curve-view.js';
import { BACKGROUND_STRENGTH, type Extent, type Palette, paintHiddenNeurons, paintOutput } from './grid.js';
import { type EpochRecord, formatLoss, renderLossChart, thinHistory } from './loss-chart.js';
import { drawPoints } from './points.js';
import { ONE_DIMENSIONAL_FEATURES, type Session, createSession, describeDivergence, inferKind } from './session.js';
import { trainerStyles } from './nn-trainer.styles.js';
import '../nn-network/nn-network.js';

/** The views a writer may show. */
export const VIEW_NAMES = ['boundary', 'loss', 'network', 'neurons', 'confusion'] as const;
/** The views shown when `show` is not set. */
const DEFAULT_VIEWS: readonly string[] = ['boundary', 'loss', 'network', 'neurons'];
/** Attributes whose change rebuilds the network and starts training over. */
const STRUCTURAL = ['data', 'classes', 'samples', 'noise', 'trainSplit', 'features', 'hiddenLayers', 'activation', 'outputActivation', 'loss', 'seed'] as const;
const BOUNDARY_RESOLUTION = 64;
const DEFAULT_HIDDEN: readonly number[] = [4, 2];
/** TensorFlow Playground's defaults, restored when an attribute is removed. */
const DEFAULTS = {
  data: 'circle',
  classes: 2,
  samples: 500,
  noise: 0,
  trainSplit: 0.5,
  activation: 'tanh',
  optimizer: 'sgd',
  learningRate: 0.03,
  batchSize: 10,
  regularization: 'none',
  regularizationRate: 0,
  seed: 1,
  speed: 1,
  controls: DEFAULT_CONTROLS,
  show: DEFAULT_VIEWS,
} as const;

/** Reads `hidden-layers`: "8,8"; "none" for no hidden layers; an empty value means the data's default. */
const hiddenLayersConverter = {
  fromAttribute: (value: string | null): readonly number[] | undefined => {
    if (value == null || value.trim() === '') return undefined;
    return value.trim().toLowerCase() === 'none' ? [] : numberListConverter.fromAttribute(value);
  },
  toAttribute: (value: readonly number[]) => (value.length === 0 ? 'none' : value.join(',')),
};
/** Reads `epochs`: a number, or "none" (like no attribute) to train until paused. */
const epochsConverter = {
  fromAttribute: (value: string | null): number | undefined =>
    value?.trim().toLowerCase() === 'none' ? undefined : numberConverter.fromAttribute(value),
  toAttribute: numberConverter.toAttribute,
};
const NEURON_RESOLUTION = 16;
/** While training, the neuron maps and the network diagram redraw four times a second; the boundary every frame. */
const DETAILS_INTERVAL_MS = 250;
/** While training, how often the page's colour scheme is read again. */
const SCHEME_CHECK_MS = 500;

/** The settings the panel shows: the last ones applied without error. */
type AppliedSettings = Pick<
  SettingsHost,
  'data' | 'noise' | 'trainSplit' | 'features' | 'hiddenLayers' | 'activation' | 'learningRate' | 'batchSize' | 'regularization' | 'regularizationRate' | 'optimizer' | 'speed'
> & { controls: readonly string[]; show: readonly string[] };

/** Detail of `nn-epoch`. */
export interface EpochDetail {
  epoch: number;
  trainLoss: number;
  testLoss: number;
  accuracy?: number;
}

/** Detail of `nn-stopped`: when, and why. */
export interface StoppedDetail {
  epoch: number;
  reason: 'paused' | 'epochs' | 'diverged';
}

/** The events `<nn-trainer>` fires, by name, with their details. */
export interface TrainerEvents {
  'nn-epoch': EpochDetail;
  'nn-diverged': { epoch: number };
  'nn-stopped': StoppedDetail;
  'nn-network-update': NetworkUpdateDetail;
  change: { name: string; value: unknown };
}

/**
 * A network that learns in front of the reader: data, a loss, backpropagation and
 * gradient descent, with a decision boundary, what each hidden neuron has learned, a
 * loss chart and the live network. Reproducible: the same seed gives the same run.
 *
 * @summary Trains a small neural network live, as TensorFlow Playground does, in one tag.
 *
 * @fires nn-epoch - After each epoch: `{ epoch, trainLoss, testLoss, accuracy }`.
 * @fires nn-diverged - When training diverges (the loss overflows, or stays several times above where it started); training stops: `{ epoch }`.
 * @fires nn-stopped - When training stops: `{ epoch, reason: 'paused' | 'epochs' | 'diverged' }`.
 * @fires nn-network-update - When the network's weights or structure change: `{ network }`.
 * @fires change - When the reader changes a setting: `{ name, value }`.
 *
 * @slot - A `<script type="application/json">` with `{ "inputs": [[…]], "targets": [[…]] }` to train on.
 *
 * @csspart toolbar - The row of play, step and reset buttons and the statistics.
 * @csspart boundary - The decision-boundary canvas.
 * @csspart loss - The loss chart.
 * @csspart network - The embedded network diagram.
 * @csspart confusion - The confusion matrix of the test data (`show="confusion"`).
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

  /** Built-in data: circle, xor, gauss, spiral, moons; regression: plane, reg-gauss, sine. */
  @property() data: string = DEFAULTS.data;
  /** Number of classes, 2 to 6, for spiral (arms), gauss (clusters) and circle (rings); more than two train with softmax. */
  @property({ converter: numberConverter }) classes: number = DEFAULTS.classes;
  /** Names of the classes, comma separated, e.g. "cat, dog, bird" (default class 0, class 1, …). Shown as text. */
  @property({ attribute: 'class-labels', converter: labelListConverter, hasChanged: listChanged }) classLabels?: string[];
  /** URL of JSON (`{ inputs, targets }`) or CSV (inputs then target per row) data to train on. */
  @property() src?: string;
  /** Number of generated points (2 to 10000). */
  @property({ converter: numberConverter }) samples = 500;
  /** Noise added to generated data, 0 to 50. */
  @property({ converter: numberConverter }) noise = 0;
  /** Fraction of samples used for training, e.g. 0.5 (or a percentage such as 50); the rest test. */
  @property({ attribute: 'train-split', converter: numberConverter }) trainSplit = 0.5;
  /** Input features: x1, x2, x1sq, x2sq, x1x2, sin-x1, sin-x2 (default x1,x2; x1 for 1-D data; x1,x2,sin-x1,sin-x2 for the spiral). */
  @property({ converter: textListConverter, hasChanged: listChanged }) features?: readonly string[];
  /** Hidden layer sizes, 1 to 64 neurons each, e.g. "8,8"; "none" for a network without hidden layers (default "4, 2"; "8, 8" for the spiral). */
  @property({ attribute: 'hidden-layers', converter: hiddenLayersConverter, hasChanged: listChanged }) hiddenLayers?: readonly number[];
  /** Activation of the hidden layers. */
  @property() activation = 'tanh';
  /** Output activation; inferred when omitted (sigmoid, softmax for several classes, linear for regression). */
  @property({ attribute: 'output-activation' }) outputActivation?: string;
  /** Loss: mse, binary-cross-entropy or cross-entropy; inferred from the output activation when omitted. */
  @property() loss?: string;
  /** Optimizer: sgd, momentum or adam. */
  @property() optimizer = 'sgd';
  /** Step size of gradient descent; applies at once while training. */
  @property({ attribute: 'learning-rate', converter: numberConverter }) learningRate = 0.03;
  /** Samples per gradient step. */
  @property({ attribute: 'batch-size', converter: numberConverter }) batchSize = 10;
  /** Weight penalty: none, l1 or l2. */
  @property() regularization = 'none';
  /** Strength of the weight penalty. */
  @property({ attribute: 'regularization-rate', converter: numberConverter }) regularizationRate = 0;
  /** Stop after this many epochs; unset or "none" trains until paused. */
  @property({ converter: epochsConverter }) epochs?: number;
  /** Seed for the data, the initial weights and the shuffling: the same seed, the same run. */
  @property({ converter: numberConverter }) seed = 1;
  /** Start training when the element appears (not when the reader prefers reduced motion). */
  @property({ type: Boolean }) autoplay = false;
  /** Epochs per animation frame (0.01 to 100; the slider offers 0.05 to 4); training never takes more than ~6 ms of a frame. */
  @property({ converter: numberConverter }) speed = 1;
  /** Controls the reader sees: play, step, reset, data, noise, train-split, features, hidden-layers, activation, learning-rate, batch-size, regularization, optimizer, speed; or "none". */
  @property({ converter: textListConverter, hasChanged: listChanged }) controls: readonly string[] = DEFAULT_CONTROLS;
  /** Views shown: boundary, loss, network, neurons, confusion (default all but confusion). */
  @property({ converter: textListConverter, hasChanged: listChanged }) show: readonly string[] = DEFAULT_VIEWS;

  @state() private session?: Session;
  @state() private history: EpochRecord[] = [];
  @state() private status = '';
  @state() private announcement = '';
  @state() private customData?: ReadData;
  @state() private loading = false;
  /** What is wrong with the data from `src` or the child script, if anything. */
  @state() private dataProblem = '';
  /** The reader's entry in the settings panel that was refused, shown beside its field. */
  @state() private refused?: RefusedEntry;
  @query('canvas.boundary') private boundaryCanvas?: HTMLCanvasElement;

  private readonly loop = new TrainingLoop(this, (budget) => this.trainFor(budget));
  private readonly size = new WidthController(this, 640);
  private stepCredit = 0;
  private palette?: Palette;
  /** The colour scheme the palette was read under: a page that switches scheme gets new colours. */
  private paletteScheme = '';
  /** When the scheme was last read (performance.now()). */
  private schemeChecked = -Infinity;
  private fetchController?: AbortController;
  private childObserver?: MutationObserver;
  private autoplayed = false;
  /** The writer's features that a reader's switch to one-dimensional data set aside, restored on the way back. */
  private featuresSetAside?: readonly string[];
  private neuronsDrawn = -Infinity;
  private diagramDrawn = -Infinity;
  private points?: { session: Session; palette: Palette; layer: OffscreenCanvas };
  /** The last settings applied without error: what the panel and the views show while an attribute is bad. */
  private applied?: AppliedSettings;
  /** True while the structural attributes could not be applied: they are tried again on the next update. */
  private rebuildFailed = false;
  /** The canvases' colours come from the theme: read them again when the reader's scheme changes. */
  private readonly schemeQueries =
    typeof matchMedia === 'function' ? ['(prefers-color-scheme: dark)', '(forced-colors: active)'].map((query) => matchMedia(query)) : [];
  private readonly onSchemeChange = () => this.requestUpdate();

  /** The core network being trained. */
  get network(): Network | undefined {
    return this.session?.network;
  }

  /** Names of the network's inputs: the features, e.g. X₁, X₁². */
  get inputLabels(): readonly string[] | undefined {
    return this.session?.featureLabels;
  }

  /** Names of the network's outputs: the classes (one sigmoid output names the second class). */
  get outputLabels(): readonly string[] | undefined {
    const session = this.session;
    if (!session || session.kind !== 'classification') return undefined;
    const names = this.classNames(session.classes);
    return session.network.outputSize === 1 ? [names[1]] : names;
  }

  /** The first training sample through the features: what a following `<nn-network>` shows. */
  get sampleInputs(): readonly number[] | undefined {
    return this.session?.sample.inputs;
  }

  /** The core Trainer, for scripts. */
  get trainer(): Trainer | undefined {
    return this.session?.trainer;
  }

  /** Completed epochs. */
  get epoch(): number {
    return this.session?.trainer.epochs ?? 0;
  }

  /** Mean loss over the training data after the last epoch. */
  get trainLoss(): number {
    return this.history.at(-1)?.trainLoss ?? Number.NaN;
  }

  /** Mean loss over the test data after the last epoch. */
  get testLoss(): number {
    return this.history.at(-1)?.testLoss ?? Number.NaN;
  }

  /** Test accuracy after the last epoch (classification only). */
  get accuracy(): number | undefined {
    return this.history.at(-1)?.testAccuracy;
  }

  /** True while training is playing. */
  get playing(): boolean {
    return this.loop.playing;
  }

  /** True when the data comes from `src` or a child script rather than `data`. */
  get hasCustomData(): boolean {
    return this.customData != null;
  }

  /** Names of the features the current network takes as inputs. */
  get activeFeatures(): readonly string[] {
    return this.session?.features.map((feature) => feature.name) ?? this.features ?? [];
  }

  /** Number of input columns of the data (2 for the plane datasets, 1 for the sine). */
  get dimensions(): number {
    return this.session?.dimensions ?? 2;
  }

  /** Starts training. */
  play(): void {
    if (!this.session || this.session.trainer.diverged || this.limitReached) return;
    this.loop.play();
    this.requestUpdate();
  }

  /** Pauses training. */
  pause(): void {
    if (!this.loop.playing) return;
    this.stop('paused');
  }

  /** Runs one mini-batch. */
  step(): void {
    this.runSteps(1);
  }

  /** Runs to the end of the current epoch. */
  stepEpoch(): void {
    const trainer = this.session?.trainer;
    if (!trainer) return;
    const start = trainer.epochs;
    // runSteps does nothing once the epoch limit is reached: stop there rather than loop forever.
    while (trainer.epochs === start && !trainer.diverged && !this.limitReached) this.runSteps(1);
  }

  /** Rebuilds the network from the seed: the same run starts again. */
  reset(): void {
    this.loop.pause();
    this.rebuild();
  }

  /** The trained model as core model JSON; `<nn-network>` can load it. */
  exportModel() {
    return this.session?.network.toJSON();
  }

  /** About a trainer's height with the default views: the placeholder drawn while it is far off screen. */
  protected override placeholderHeight(width: number): number {
    return width < 640 ? 2300 : 1500;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    for (const query of this.schemeQueries) query.addEventListener('change', this.onSchemeChange);
    this.readChildData();
    this.childObserver = new MutationObserver(() => this.readChildData());
    this.childObserver.observe(this, { childList: true, subtree: true, characterData: true });
    // Moved to another parent (or detached and back) while loading: the load was aborted, so start it again.
    if (this.loading) void this.loadSource();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    for (const query of this.schemeQueries) query.removeEventListener('change', this.onSchemeChange);
    this.childObserver?.disconnect();
    this.fetchController?.abort();
  }

  /** The reader changed a setting in the panel: set the property (text is read as its attribute would be) and say so. */
  private setByReader(name: string, value: unknown): void {
    const self = this as unknown as Record<string, unknown>;
    self[name] = value;
    this.emit('change', { name, value: self[name] });
    if (name === 'data') this.fitFeatures(String(self[name]));
  }

  /**
   * When the reader picks data with one input, features of x₂ no longer apply: they are
   * dropped (all of them: back to the default, x1), as Playground would, rather than
   * leaving the reader with an error the panel cannot undo. Picking two-dimensional data
   * again restores the features that were in force before.
   */
  private fitFeatures(dataset: string): void {
    if (!Object.hasOwn(datasets, dataset)) return;
    const chosen = this.features;
    if (datasets[dataset].dimensions !== 1) {
      if (!this.featuresSetAside) return;
      this.features = this.featuresSetAside;
      this.featuresSetAside = undefined;
    } else {
      if (!chosen) return;
      const kept = chosen.filter((name) => ONE_DIMENSIONAL_FEATURES.has(featureName(name) ?? name));
      if (kept.length === chosen.length) return;
      this.featuresSetAside = chosen;
      this.features = kept.length > 0 ? kept : undefined;
    }
    this.emit('change', { name: 'features', value: this.features });
  }

  /** What the chosen built-in data suggests for the settings a writer left out. */
  private get suggested(): NonNullable<DatasetSpec['suggested']> {
    if (this.customData || !Object.hasOwn(datasets, this.data)) return {};
    return datasets[this.data].suggested ?? {};
  }

  /** The hidden layers in force: the writer's, else the data's suggestion, else Playground's 4, 2. */
  private get hiddenLayersInForce(): readonly number[] {
    return this.hiddenLayers ?? this.suggested.hidden ?? DEFAULT_HIDDEN;
  }

  /** The class names readers see: the writer's `class-labels`, then class 0, class 1, … */
  private classNames(count: number): string[] {
    return Array.from({ length: count }, (_, i) => labelAt(this.classLabels, i) || `class ${i}`);
  }

  protected override apply(changed: PropertyValues<this>): void {
    if (changed.has('src')) this.loadSource();
    this.restoreDefaults();
    if (this.dataProblem) throw new NnKitError(this.dataProblem);
    checkControls(this.controls);
    checkViews(this.show);
    checkNumber(this.speed, 'speed', { min: 0.01, max: 100 }, this.writtenText('speed'));
    if (this.epochs != null) checkNumber(this.epochs, 'epochs', { min: 1, integer: true }, this.writtenText('epochs'));
    const restructured = STRUCTURAL.some((key) => changed.has(key)) || changed.has('customData' as keyof NnTrainer);
    // A structural attribute that failed is tried again, so its message stays until it is fixed.
    if (!this.session || restructured || this.rebuildFailed) {
      if (this.srcUrl && !this.customData) return;
      if (!this.session || restructured) this.loop.pause();
      this.rebuildFailed = true;
      this.rebuild(true);
      this.rebuildFailed = false;
    } else {
      this.applyLiveSettings();
    }
    this.applied = this.currentSettings();
  }

  /** The settings as the properties hold them now (kept as `applied` once they work). */
  private currentSettings(): AppliedSettings {
    const split = this.trainSplit;
    return {
      data: this.data,
      noise: this.noise,
      trainSplit: split > 1 ? split / 100 : split,
      features: this.features,
      hiddenLayers: this.hiddenLayersInForce,
      activation: this.activation,
      learningRate: this.learningRate,
      batchSize: this.batchSize,
      regularization: this.regularization,
      regularizationRate: this.regularizationRate,
      optimizer: this.optimizer,
      speed: this.speed,
      controls: this.controls,
      show: this.show,
    };
  }

  /** The settings panel's view of this element: the last good settings, and `set` for the reader's changes. */
  private settingsHost(applied: AppliedSettings): SettingsHost {
    return {
      ...applied,
      id: this.id,
      activeFeatures: this.activeFeatures,
      hasCustomData: this.hasCustomData,
      dataSummary: this.customData && describeDataFormat(this.customData.format, this.customData.inputs.length),
      dimensions: this.dimensions,
      refused: this.refused,
      set: (name, value) => this.setByReader(name, value),
      refuse: (entry) => {
        if (entry && entry.message !== this.refused?.message) console.warn(`<${this.localName}>: ${entry.message}`);
        this.refused = entry;
      },
    };
  }

  /** The trimmed `src` ('' when unset). */
  private get srcUrl(): string {
    return String(this.src ?? '').trim();
  }

  /** A removed attribute means its default again. */
  private restoreDefaults(): void {
    const self = this as unknown as Record<string, unknown>;
    for (const [key, value] of Object.entries(DEFAULTS)) if (self[key] == null) self[key] = value;
  }

  /** Learning rate, batch size, optimizer and regularization apply at once, as in Playground. */
  private applyLiveSettings(): void {
    const trainer = this.session?.trainer;
    if (!trainer) return;
    trainer.learningRate = checkNumber(this.learningRate, 'learning-rate', { min: 0, max: 1000 }, this.writtenText('learning-rate'));
    trainer.batchSize = checkNumber(this.batchSize, 'batch-size', { min: 1, max: 10000, integer: true }, this.writtenText('batch-size'));
    trainer.regularizationRate = checkNumber(this.regularizationRate, 'regularization-rate', { min: 0, max: 1000 }, this.writtenText('regularization-rate'));
    if (trainer.optimizer.name !== this.optimizer) trainer.setOptimizer(this.optimizer);
    if (trainer.regularization.name !== this.regularization) trainer.regularization = getRegularization(this.regularization);
  }

  /** Builds a fresh session from the attributes (throws on bad input; the old one stays). */
  private rebuild(fromApply = false): void {
    const build = () => {
      checkNumber(this.samples, 'samples', { min: 2, max: 10000, integer: true }, this.writtenText('samples'));
      checkNumber(this.noise, 'noise', { min: 0, max: 50 }, this.writtenText('noise'));
      checkNumber(this.seed, 'seed', { min: -2147483648, max: 2147483647, integer: true }, this.writtenText('seed'));
      const split = checkNumber(this.trainSplit, 'train-split', { min: 0.01, max: 99 }, this.writtenText('train-split'));
      const layers = this.hiddenLayersInForce;
      const hidden = layers.length === 0 ? noHiddenLayers(this.writtenText('hidden-layers')) : checkNumberList(layers, 'hidden-layers', { min: 1, max: 64, integer: true }, this.writtenText('hidden-layers'));
      const classes = checkNumber(this.classes, 'classes', { min: 2, max: MAX_CLASSES, integer: true }, this.writtenText('classes'));
      const generated = this.customData ? undefined : makeDataset(this.data, { samples: this.samples, noise: this.noise, seed: this.seed, classes });
      const data = this.customData ?? (generated as Data);
      const kind = generated?.kind ?? inferKind(data);
      const session = createSession({
        data,
        kind,
        trainSplit: split > 1 ? split / 100 : split,
        features: this.features ?? this.suggested.features ?? (data.inputs[0]?.length === 1 ? ['x1'] : ['x1', 'x2']),
        hidden,
        activation: this.activation,
        outputActivation: this.outputActivation,
        loss: this.loss,
        optimizer: this.optimizer,
        learningRate: checkNumber(this.learningRate, 'learning-rate', { min: 0, max: 1000 }, this.writtenText('learning-rate')),
        batchSize: checkNumber(this.batchSize, 'batch-size', { min: 1, max: 10000, integer: true }, this.writtenText('batch-size')),
        regularization: this.regularization,
        regularizationRate: checkNumber(this.regularizationRate, 'regularization-rate', { min: 0, max: 1000 }, this.writtenText('regularization-rate')),
        seed: this.seed,
      });
      this.session = session;
      this.history = [this.evaluate(session)];
      if (this.autoplay && !this.autoplayed && !prefersReducedMotion()) this.loop.play();
      this.autoplayed = true;
      this.stepCredit = 0;
      this.status = '';
      this.palette = undefined;
      this.announce(`Reset. ${this.summary()}`);
      this.emit(NETWORK_UPDATE, { network: session.network });
    };
    if (fromApply) build();
    else this.attempt(build);
  }

  protected override updated(): void {
    this.paintBoundary();
    // The smaller views redraw four times a second while training, in different frames so
    // no one frame pays for both; every update otherwise.
    const now = performance.now();
    const due = (last: number) => !this.playing || now - last >= DETAILS_INTERVAL_MS;
    if (due(this.neuronsDrawn)) {
      this.neuronsDrawn = now;
      this.paintNeurons();
      if (this.playing) return;
    }
    if (due(this.diagramDrawn)) {
      this.diagramDrawn = now;
      this.renderRoot.querySelector('nn-network')?.refresh();
    }
  }

  /** Trains for at most `budget` ms: `speed` epochs' worth of steps per frame. */
  private trainFor(budget: number): void {
    const session = this.session;
    if (!session) return;
    const stepsPerEpoch = Math.ceil(session.trainer.data.count / session.trainer.batchSize);
    this.stepCredit = Math.min(this.stepCredit + this.speed * stepsPerEpoch, 4 * stepsPerEpoch * this.speed + 1);
    const wanted = Math.floor(this.stepCredit);
    const start = performance.now();
    let done = 0;
    while (done < wanted && performance.now() - start < budget && this.loop.playing) {
      this.runSteps(1, false);
      done++;
    }
    this.stepCredit -= done;
    this.emit(NETWORK_UPDATE, { network: session.network });
    this.requestUpdate();
  }

  /** Runs `count` steps, recording each finished epoch and stopping on divergence or the epoch limit. */
  private runSteps(count: number, notify = true): void {
    const session = this.session;
    if (!session || session.trainer.diverged || this.limitReached) return;
    const trainer = session.trainer;
    for (let i = 0; i < count; i++) {
      const epochBefore = trainer.epochs;
      trainer.step();
      if (trainer.diverged) {
        // A run found to diverge at the end of an epoch completed that epoch: chart it too.
        if (trainer.epochs !== epochBefore) this.recordEpoch();
        this.diverge();
        break;
      }
      if (trainer.epochs !== epochBefore) {
        this.recordEpoch();
        if (this.limitReached) {
          this.stop('epochs');
          break;
        }
      }
    }
    if (notify) {
      this.announce(this.summary());
      this.emit(NETWORK_UPDATE, { network: session.network });
      this.requestUpdate();
    }
  }

  private get limitReached(): boolean {
    return this.epochs != null && this.epoch >= this.epochs;
  }

  private evaluate(session: Session): EpochRecord {
    const train = session.trainer.evaluate();
    const test = session.trainer.evaluate(session.test);
    return {
      epoch: session.trainer.epochs,
      trainLoss: train.loss,
      testLoss: test.loss,
      accuracy: train.accuracy,
      testAccuracy: test.accuracy,
    };
  }

  private recordEpoch(): void {
    if (!this.session) return;
    const record = this.evaluate(this.session);
    this.history = thinHistory([...this.history, record]);
    this.emit('nn-epoch', {
      epoch: record.epoch,
      trainLoss: record.trainLoss,
      testLoss: record.testLoss,
      accuracy: record.testAccuracy,
    });
  }

  private diverge(): void {
    moveFocusFromRunButtons(this.renderRoot as ShadowRoot);
    this.loop.pause();
    if (this.session) this.status = describeDivergence(this.epoch, this.session.trainer);
    this.emit('nn-diverged', { epoch: this.epoch });
    this.emit('nn-stopped', { epoch: this.epoch, reason: 'diverged' });
    this.announce(this.status);
  }

  private stop(reason: 'paused' | 'epochs'): void {
    if (reason === 'epochs') moveFocusFromRunButtons(this.renderRoot as ShadowRoot);
    this.loop.pause();
    this.emit('nn-stopped', { epoch: this.epoch, reason });
    this.announce(`${reason === 'epochs' ? 'Finished' : 'Paused'}. ${this.summary()}`);
    this.requestUpdate();
  }

  private announce(text: string): void {
    this.announcement = text;
  }

  private summary(): string {
    const last = this.history.at(-1);
    if (!last) return '';
    const accuracy = last.testAccuracy != null ? `, test accuracy ${percent(last.testAccuracy)}` : '';
    return `Epoch ${last.epoch}: training loss ${formatLoss(last.trainLoss)}, test loss ${formatLoss(last.testLoss)}${accuracy}.`;
  }

  private readChildData(): void {
    if (this.srcUrl) return;
    const text = childJsonText(this);
    if (text == null) {
      if (this.customData) this.customData = undefined;
      this.dataProblem = ''; // the bad script went with it
      return;
    }
    try {
      this.customData = parseData(text, 'The data in the <script> child');
      this.dataProblem = '';
    } catch (error) {
      this.dataProblem = (error as Error).message;
    }
  }

  private async loadSource(): Promise<void> {
    this.fetchController?.abort();
    const src = this.srcUrl;
    if (!src) {
      this.loading = false;
      this.customData = undefined;
      this.dataProblem = '';
      this.readChildData();
      return;
    }
    const controller = (this.fetchController = new AbortController());
    this.loading = true;
    this.dataProblem = ''; // a message about the last URL
    try {
      const text = await fetchText(src, controller.signal);
      if (controller.signal.aborted) return;
      this.customData = parseData(text, `The data at "${src}"`);
      this.dataProblem = '';
    } catch (error) {
      if (!controller.signal.aborted) this.dataProblem = (error as Error).message;
    } finally {
      if (!controller.signal.aborted) this.loading = false;
    }
  }

  private get extent(): Extent {
    const session = this.session;
    if (!session || !this.customData) return [-DATA_EXTENT, DATA_EXTENT];
    return [-session.edge, session.edge];
  }

  private resolvePalette(): Palette {
    // Reading the computed color-scheme forces a style recalculation of the page; while
    // playing, twice a second is enough to follow a theme switch.
    const now = performance.now();
    if (this.palette && this.playing && now - this.schemeChecked < SCHEME_CHECK_MS) return this.palette;
    this.schemeChecked = now;
    // The page's color-scheme (inherited) and the reader's preferences decide what light-dark() picks.
    const scheme = [getComputedStyle(this).colorScheme, ...this.schemeQueries.map((query) => query.matches)].join();
    if (this.palette && scheme === this.paletteScheme) return this.palette;
    this.paletteScheme = scheme;
    // Resolving a colour forces a style recalculation and a canvas read-back: once per palette, not per frame.
    const root = this.renderRoot as ShadowRoot;
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
    const session = this.session;
    const canvas = this.boundaryCanvas;
    if (!session || !canvas || session.dimensions !== 2) return;
    const context = canvas.getContext('2d');
    if (!context) return;
    const palette = this.resolvePalette();
    const image = new ImageData(BOUNDARY_RESOLUTION, BOUNDARY_RESOLUTION);
    const [low, high] = session.network.outputActivation.range;
    const range: [number, number] =
      session.kind === 'regression' ? [-1, 1] : [Number.isFinite(low) ? low : 0, Number.isFinite(high) ? high : 1];
    paintOutput(image, session.network, session.features, this.extent, palette, range);
    paintImage(context, image, canvas.width, canvas.height);
    context.drawImage(this.pointsLayer(session, palette, canvas.width), 0, 0);
  }

  /** The data points, drawn once per session, size and palette: they do not move while training. */
  private pointsLayer(session: Session, palette: Palette, size: number): OffscreenCanvas {
    const cached = this.points;
    if (cached && cached.session === session && cached.palette === palette && cached.layer.width === size) return cached.layer;
    const layer = new OffscreenCanvas(size, size);
    const context = layer.getContext('2d');
    if (context) drawPoints(context, session, this.extent, palette, size);
    this.points = { session, palette, layer };
    return layer;
  }

  /** What each hidden neuron responds to (drawn with or without the boundary view). */
  private paintNeurons(): void {
    const session = this.session;
    const canvases = [...this.renderRoot.querySelectorAll<HTMLCanvasElement>('canvas.neuron')];
    if (!session || canvases.length === 0) return;
    const palette = this.resolvePalette();
    const images = canvases.map(() => new ImageData(NEURON_RESOLUTION, NEURON_RESOLUTION));
    paintHiddenNeurons(images, session.network, session.features, this.extent, palette.diverging);
    canvases.forEach((canvas, i) => {
      const context = canvas.getContext('2d');
      if (context) paintImage(context, images[i], canvas.width, canvas.height);
    });
  }

  protected override render() {
    const applied = this.applied;
    const controls: readonly string[] = applied?.controls ?? DEFAULTS.controls;
    const shown = new Set(controls.includes('none') ? [] : controls);
    const session = this.session;
    return html`
      ${this.renderProblem()}
      ${this.loading ? html`<p class="status">Loading data…</p>` : nothing}
      ${this.status ? html`<p class="status diverged" role="alert">${this.status}</p>` : nothing}
      ${session ? this.renderToolbar(shown) : nothing}
      ${session ? this.renderViews(session) : nothing}
      ${shown.size > 3 || [...shown].some((name) => !['play', 'step', 'reset'].includes(name))
        ? html`<div class="settings" part="settings" role="group" aria-label="Training settings">${renderSettings(this.settingsHost(applied ?? this.currentSettings()), shown)}</div>`
        : nothing}
      <p class="visually-hidden" aria-live="polite">${this.announcement}</p>
    `;
  }

  private renderToolbar(shown: ReadonlySet<string>) {
    const last = this.history.at(-1);
    const finished = this.limitReached || !!this.session?.trainer.diverged;
    return html`
      <div class="toolbar" part="toolbar">
        ${shown.has('play')
          ? html`<button class="play" ?disabled=${finished && !this.playing}
              @click=${() => (this.playing ? this.pause() : this.play())}>
              <span aria-hidden="true">${this.playing ? '❚❚' : '▶'}</span> ${this.playing ? 'Pause' : 'Play'}
            </button>`
          : nothing}
        ${shown.has('step')
          ? html`<button class="step" ?disabled=${finished} @click=${() => this.step()}>Step batch</button>
              <button class="step-epoch" ?disabled=${finished} @click=${() => this.stepEpoch()}>Step epoch</button>`
          : nothing}
        ${shown.has('reset') ? html`<button class="reset" @click=${() => this.reset()}><span aria-hidden="true">↺</span> Reset</button>` : nothing}
        <dl class="stats">
          <div><dt>Epoch</dt><dd class="number epoch">${this.epoch}</dd></div>
          <div><dt>Training loss</dt><dd class="number train-loss">${formatLoss(last?.trainLoss ?? NaN)}</dd></div>
          <div><dt>Test loss</dt><dd class="number test-loss">${formatLoss(last?.testLoss ?? NaN)}</dd></div>
          ${last?.testAccuracy != null
            ? html`<div><dt>Test accuracy</dt><dd class="number accuracy">${percent(last.testAccuracy)}</dd></div>`
            : nothing}
        </dl>
      </div>
    `;
  }

  private renderViews(session: Session) {
    const views: readonly string[] = this.applied?.show ?? DEFAULTS.show;
    const { side, first, lossWidth, lossHeight } = viewSizes(this.size.width, session.dimensions);
    const pixels = Math.round(side * Math.min(2, globalThis.devicePixelRatio || 1));
    const hiddenCount = session.network.neuronOffset[session.network.depth] - session.network.neuronOffset[1];
    return html`
      <div class="views">
        ${views.includes('boundary') && session.dimensions === 2
          ? html`<figure class="boundary-view">
              <canvas class="boundary" part="boundary" width=${pixels} height=${pixels}
                style=${styleMap({ width: `${side}px`, height: `${side}px` })} role="img" aria-label=${this.boundaryLabel(session)}></canvas>
              <figcaption>${this.legend(session)}</figcaption>
            </figure>`
          : nothing}
        ${views.includes('boundary') && session.dimensions === 1
          ? html`<figure class="curve">${renderCurveView(session, this.extent, first, side)}
              <figcaption>Circles: training data · squares: test data · line: the network's prediction</figcaption></figure>`
          : nothing}
        ${views.includes('boundary') && session.dimensions > 2
          ? html`<p class="note">This data has ${session.dimensions} inputs; pictures are drawn for one or two.</p>`
          : nothing}
        ${views.includes('loss')
          ? html`<figure class="loss-view" part="loss">
              ${renderLossChart(this.history, lossWidth, lossHeight)}
              ${this.history.length < 2 ? html`<p class="loss-empty">Press Play or Step epoch: the loss after each epoch appears here.</p>` : nothing}
              <figcaption>Loss per epoch: <span class="key train"></span> training <span class="key test"></span> test</figcaption>
            </figure>`
          : nothing}
      </div>
      ${views.includes('neurons') && session.dimensions === 2 && hiddenCount > 0 && hiddenCount <= 64
        ? html`<figure class="neurons">
            <figcaption>What each hidden neuron responds to</figcaption>
            <div class="neuron-grid">
              ${session.network.layers.slice(1, -1).map(
                (size, layer) => html`<div class="neuron-layer" role="group" aria-label=${`Hidden layer ${layer + 1}`}>
                  ${Array.from({ length: size }, (_, j) => html`<canvas class="neuron" width="48" height="48" role="img"
                    aria-label=${`Neuron ${j + 1} of hidden layer ${layer + 1}`}></canvas>`)}
                </div>`,
              )}
            </div>
          </figure>`
        : nothing}
      ${views.includes('confusion') && session.kind === 'classification'
        ? html`<figure class="confusion-view" part="confusion">${renderConfusion(session.trainer.confusion(session.test), this.classNames(session.classes))}</figure>`
        : nothing}
      ${views.includes('network')
        ? html`<p class="diagram-note">${this.sampleNote(session)}</p>
            <nn-network part="network" class="network" .network=${session.network}
              .labels=${session.featureLabels} .outputLabels=${this.outputLabels} .inputs=${session.sample.inputs}></nn-network>`
        : nothing}
    `;
  }

  private boundaryLabel(session: Session): string {
    const accuracy = this.history.at(-1)?.testAccuracy;
    return `Decision boundary over the input plane with ${session.trainPoints.length} training and ${session.testPoints.length} test points` +
      (accuracy != null ? `; test accuracy ${percent(accuracy)}.` : '.');
  }

  /** Which sample the diagram's values belong to. */
  private sampleNote(session: Session): string {
    const { columns } = session.sample;
    if (columns.length > 2) return 'The diagram shows the values for the first training sample.';
    const names = ['x₁', 'x₂'];
    return `The diagram shows the values for the training point ${columns.map((value, i) => `${names[i]} = ${formatNumber(value, 2)}`).join(', ')}.`;
  }

  private legend(session: Session) {
    if (session.kind === 'regression') return html`Colour: the network's output, <span class="swatch negative"></span> low to <span class="swatch positive"></span> high. Circles: training · squares: test.`;
    const names = this.classNames(session.classes);
    return html`<span class="classes">${names.map(
      (name, i) => html`<span class="class"><span class="swatch" style=${styleMap({ background: this.classColour(session, i) })}></span>${name}</span>`,
    )}</span> Circles: training · squares: test`;
  }

  /** A class's colour as CSS: the two sides of the diverging scale, or one series colour per class. */
  private classColour(session: Session, index: number): string {
    if (session.classes === 2) return index === 0 ? 'var(--_negative)' : 'var(--_positive)';
    return `var(--_series-${(index % 6) + 1})`;
  }
}

/** Room between the views, in CSS pixels. */
const VIEW_GAP = 16;

/**
 * Sizes of the views for a content width: on a wide element the square boundary (or the
 * wider 1-D curve) and the loss chart share the row, both growing with it; on a narrow
 * one each takes a row of its own. A canvas's 1 px border is counted, so the two always fit.
 */
function viewSizes(width: number, dimensions: number) {
  const wide = width >= 640;
  const side = wide ? Math.round(Math.min(480, Math.max(240, (width - VIEW_GAP) * 0.45))) : Math.max(180, Math.min(340, width - 2));
  const first = dimensions === 1 ? Math.min(width - 2, Math.round(side * 1.3)) : side;
  const room = width - (first + 2) - VIEW_GAP - 1;
  const beside = room >= 240;
  const lossWidth = beside ? Math.min(720, room) : Math.min(width, 480);
  const lossHeight = beside ? Math.max(180, Math.round(side * 0.6)) : 180;
  return { side, first, lossWidth, lossHeight };
}

/** No hidden layers is meant by hidden-layers="none" (or a script's []); a value such as "," is a mistake. */
function noHiddenLayers(attribute: string | null): number[] {
  const text = attribute?.trim().toLowerCase();
  if (text && text !== 'none') throw new NnKitError(`hidden-layers must list layer sizes separated by commas, e.g. "4, 2", or be "none"; got "${attribute!.trim()}".`);
  return [];
}

function checkControls(controls: unknown): void {
  if (!Array.isArray(controls)) throw new NnKitError('controls must list control names separated by commas, e.g. "play, reset", or "none".');
  for (const name of controls) if (name !== 'none') checkChoice(name, 'controls', [...CONTROL_NAMES, 'none']);
}

function checkViews(views: unknown): void {
  if (!Array.isArray(views)) throw new NnKitError(`show must list views separated by commas, e.g. "boundary, loss"; use ${VIEW_NAMES.join(', ')}.`);
  for (const name of views) checkChoice(name, 'show', VIEW_NAMES);
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

declare global {
  interface HTMLElementTagNameMap {
    'nn-trainer': NnTrainer;
  }
}
