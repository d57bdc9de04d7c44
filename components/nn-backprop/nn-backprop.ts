import { type PropertyValues, html, nothing } from 'lit';
import { customElement } from 'lit/decorators.js';
import { type ModelJSON, Network, NnKitError, type ParameterPlace, parameterSlot } from '../../src/index.js';
import { parseJson } from '../shared/data-source.js';
import { formatNumber } from '../shared/format.js';
import { NnElement } from '../shared/nn-element.js';
import { WidthController } from '../shared/resize-controller.js';
import { propertiesOf, restoreDefaults } from '../shared/settings.js';
import { SourceController } from '../shared/source-controller.js';
import { format } from '../shared/strings.js';
import { controlStyles, themeStyles } from '../shared/theme.js';
import { isTrainerSource } from '../shared/trainer-source.js';
import { cardHeaderStyles, cardStyles, toolbarStyles } from '../shared/card-styles.js';
import { renderChain } from './chain.js';
import { digitsFor, renderControls, renderNudge } from './controls.js';
import { phaseName, placeName, renderTable, stageText } from './describe.js';
import { renderDiagram } from './diagram.js';
import type { BackpropEvents } from './nn-backprop.events.js';
import { BACKPROP_SETTINGS } from './nn-backprop.settings.js';
import type { BackpropStrings } from './nn-backprop.strings.js';
import { backpropStyles } from './nn-backprop.styles.js';
import { type Settings, checkSize, readSettings, sampleOf } from './read-settings.js';
import { TrainerWatch } from './trainer-watch.js';
import { type Sample, Walk } from './walk.js';

export { BACKPROP_SETTINGS } from './nn-backprop.settings.js';
export type { BackpropEvents, StageDetail, UpdateDetail } from './nn-backprop.events.js';

/** The card's padding and border, left and right (see the styles). */
const CARD_INSET = 34;

/**
 * Backpropagation one stage at a time, on a small network and one training sample: forward
 * neuron by neuron, the loss, backward neuron by neuron and edge by edge, then the update.
 * Each edge shows its weight (the local derivative ∂z/∂a), each neuron its activation and,
 * once reached, δ = ∂L/∂z; the selected weight's chain rule is written out in MathML with
 * the reader's numbers. "Nudge" checks a gradient numerically, ΔL ≈ (∂L/∂w)·ε; "Apply update"
 * takes w ← w − α ∂L/∂w and shows the loss fall. Every number comes from the core's
 * `sampleGradients`, the same Backprop that trains. With `for`, it follows an `<nn-trainer>`.
 *
 * @summary Backpropagation and the chain rule, step by step, with the reader's numbers.
 *
 * @fires nn-stage - When the walkthrough moves to a stage: `{ stage, stages, phase, text }`.
 * @fires nn-update - After Apply update: `{ count, before, after }` (the sample's loss).
 * @fires change - When the reader selects another weight: `{ name: 'select', value }`.
 *
 * @csspart card - The card around everything.
 * @csspart controls - Back, Step, Reset, the weight menu, Nudge and Apply update.
 * @csspart diagram - The network (role="img"; its label says where the walkthrough is).
 * @csspart stage - The stage's sentence with its numbers (read out politely).
 * @csspart chain - The selected weight's chain rule.
 * @csspart nudge - The numerical check.
 * @csspart table - Every neuron's numbers (visually hidden unless `show` lists table).
 * @csspart error - The inline message shown for bad attributes.
 *
 * @cssproperty --nn-accent - Colour of the current stage's neuron or edge.
 * @cssproperty --nn-positive - Colour of positive weights.
 * @cssproperty --nn-negative - Colour of negative weights.
 * @cssproperty --nn-text - Text colour.
 * @cssproperty --nn-muted - Colour of secondary text.
 * @cssproperty --nn-background - Background of the card and the neurons.
 * @cssproperty --nn-surface - Background of the panels.
 * @cssproperty --nn-border - Colour of borders and of neurons not reached yet.
 */
@customElement('nn-backprop')
export class NnBackprop extends NnElement<BackpropEvents> {
  static override styles = [themeStyles, controlStyles, toolbarStyles, cardStyles, cardHeaderStyles, backpropStyles];

  static override properties = propertiesOf(BACKPROP_SETTINGS);

  declare layers: number[];
  declare activation: string;
  declare outputActivation: string;
  declare loss: string;
  declare inputs?: number[];
  declare target?: number[];
  declare learningRate: number;
  declare seed: number;
  declare src: string;
  declare phase: string;
  declare select: string;
  declare show: string[];
  declare controls: string[];
  declare precision: number;
  declare htmlFor: string;
  declare sample: number;
  /** The words readers see, over the English (BACKPROP_STRINGS): JSON text or an object. */
  declare strings?: string | Partial<BackpropStrings>;

  private walk?: Walk;
  private settings?: Settings;
  private place: ParameterPlace = [1, 0, 0];
  private note = '';
  private spoken = '';
  private model?: unknown;
  private modelProblem = '';
  private readonly size = new WidthController(this, 560);
  private readonly watch = new TrainerWatch(this, () => this.requestUpdate());
  private readonly models = new SourceController<unknown>(this, {
    url: () => this.src,
    what: 'the model from ',
    parse: (text, origin) => parseJson(text, origin.kind === 'url' ? `The model at "${origin.url}"` : 'The <script type="application/json"> inside <nn-backprop>'),
    onLoading: () => this.requestUpdate(),
    onResult: (value) => {
      this.model = value;
      this.modelProblem = '';
      this.requestUpdate();
    },
    onError: (message) => {
      this.modelProblem = message;
      this.requestUpdate();
    },
  });

  constructor() {
    super();
    restoreDefaults(this, BACKPROP_SETTINGS);
  }

  /** The current sample's ∂L/∂w and ∂L/∂b, laid out like the model JSON (weights[layer][to][from], biases[layer][to]): the core's backprop. */
  get gradients(): { weights: number[][][]; biases: number[][] } | undefined {
    const result = this.walk?.result;
    return result && { weights: result.weights.map((layer) => layer.map((row) => [...row])), biases: result.biases.map((row) => [...row]) };
  }

  /** The current sample's loss with the weights as they are now. */
  get currentLoss(): number {
    return this.walk?.result.loss ?? Number.NaN;
  }

  /** The stage the walkthrough is at, from 0, and how many there are. */
  get stage(): { index: number; count: number; phase: string } {
    const walk = this.walk;
    return walk ? { index: walk.stage, count: walk.stages.count, phase: walk.stages.list[walk.stage].phase } : { index: 0, count: 0, phase: '' };
  }

  /** Advances the walkthrough one stage. */
  step(): void {
    if (this.walk && this.walk.stage < this.walk.stages.count - 1) this.goTo(this.walk.stage + 1);
  }

  /** Goes back one stage. */
  back(): void {
    if (this.walk && this.walk.stage > 0) this.goTo(this.walk.stage - 1);
  }

  /** Puts the model back as given (every update undone) and the walkthrough at the start of `phase`. */
  reset(): void {
    const walk = this.walk;
    if (!walk) return;
    walk.restore();
    this.note = '';
    this.goTo(walk.stages.start(this.settings?.phase ?? 'forward'));
  }

  /** w ← w − α ∂L/∂w on every weight and bias, then the pass again: the sample's loss falls for a small enough α. With `for`, on the walkthrough's copy (the trainer is not changed). */
  applyUpdate(): void {
    const walk = this.walk;
    if (!walk) return;
    this.attempt(() => {
      const detail = walk.update();
      const fmt = this.formatter();
      this.spoken = format(this.words.updated, { count: detail.count, before: fmt(detail.before), after: fmt(detail.after) });
      this.emit('nn-update', detail);
    });
    this.requestUpdate();
  }

  /** The model after the updates applied, in the core's format. */
  toJSON(): ModelJSON | undefined {
    return this.walk?.network.toJSON();
  }

  private get words(): BackpropStrings {
    return this.settings!.words;
  }

  /** Numbers at the reader's precision; one that would read as zero gets three significant digits. */
  private formatter(): (value: number) => string {
    const digits = this.settings?.precision ?? 3;
    return (value) => formatNumber(value, value !== 0 && Math.abs(value) < 0.5 * 10 ** -digits ? Math.max(digits, digitsFor(value)) : digits);
  }

  private goTo(stage: number): void {
    const walk = this.walk!;
    walk.stage = stage;
    const text = stageText(walk, this.words, this.formatter());
    this.spoken = text;
    this.emit('nn-stage', { stage, stages: walk.stages.count, phase: walk.stages.list[stage].phase, text });
    this.requestUpdate();
  }

  protected override placeholderHeight(): number {
    return 520;
  }

  protected apply(changed: PropertyValues<this>): void {
    restoreDefaults(this, BACKPROP_SETTINGS);
    // The note (waiting, loading, following) is said afresh by source(); a stale "Loading…" must not outlive its load.
    this.note = '';
    this.models.sync();
    const settings = readSettings(this, (attribute) => this.writtenText(attribute));
    const id = String(this.htmlFor ?? '').trim();
    this.watch.reference.setId(id);
    const source = this.source(settings, id);
    // While a model loads, the last one stays (with a note); while a trainer is awaited, there is none.
    if (source === 'loading') {
      this.settings = settings;
      return;
    }
    if (!source) {
      this.settings = settings;
      this.walk = undefined;
      return;
    }
    const { given, key, sample } = source;
    checkSize(given.layers);
    const previous = this.walk;
    const same = previous?.key === key;
    const walk = same ? previous : new Walk(given, key);
    walk.setSample(sample);
    const place = settings.select ?? ([walk.network.depth - 1, 0, 0] as ParameterPlace);
    parameterSlot(walk.network, place);
    // A followed trainer's new weights keep the reader's stage; anything else starts again.
    const fresh = !same && (!previous || !id || previous.network.layers.join() !== walk.network.layers.join());
    this.settings = settings;
    this.place = place;
    this.walk = walk;
    if (fresh || changed.has('phase')) {
      walk.stage = walk.stages.start(settings.phase);
      this.spoken = stageText(walk, settings.words, this.formatter());
    } else if (!same) walk.stage = previous.stage;
  }

  /** The model and sample: a followed trainer's, the writer's model, or one built from the settings; undefined while waiting. */
  private source(settings: Settings, id: string): { given: ModelJSON; key: string; sample: Sample } | 'loading' | undefined {
    const rate = settings.learningRate;
    if (id) {
      const target = this.watch.reference.target;
      if (target && !isTrainerSource(target)) {
        const tag = target.localName;
        if (!tag.includes('-') || customElements.get(tag)) throw new NnKitError(`for="${id.slice(0, 40)}" points at a <${tag}>; point it at the id of an <nn-trainer>.`);
        customElements.whenDefined(tag).then(() => this.requestUpdate());
      }
      const trainer = this.watch.trainer;
      if (!trainer) {
        this.note = format(settings.words.waiting, { id: id.length > 40 ? `${id.slice(0, 39)}…` : id });
        return undefined;
      }
      const { data } = trainer;
      if (settings.sample >= data.count) throw new NnKitError(`sample must be 0 to ${data.count - 1}: "${id.slice(0, 40)}" has ${data.count} training samples; got ${settings.sample}.`);
      const row = (values: Float64Array, width: number) => Array.from(values.subarray(settings.sample * width, (settings.sample + 1) * width));
      this.note = format(settings.words.following, { id, sample: settings.sample });
      return {
        given: trainer.network.toJSON(),
        key: `trainer ${this.watch.version} ${settings.sample}`,
        sample: { input: row(data.inputs, data.inputSize), target: row(data.targets, data.targetSize), loss: trainer.loss, learningRate: trainer.learningRate },
      };
    }
    if (this.models.loading) {
      this.note = settings.words.loading;
      return 'loading';
    }
    if (this.modelProblem) throw new NnKitError(this.modelProblem);
    let given: ModelJSON;
    let key: string;
    if (this.model !== undefined) {
      given = Network.fromJSON(this.model).toJSON();
      const written = this.getAttribute('layers');
      if (written !== null && settings.layers.join() !== given.layers.join()) {
        throw new NnKitError(`layers="${written.slice(0, 40)}" does not match the model's layers, ${given.layers.join(',')}; remove layers or make them match.`);
      }
      key = `model ${JSON.stringify(given)}`;
    } else {
      const { layers, activation, outputActivation, seed } = settings;
      given = new Network({ layers, activation, outputActivation, seed }).toJSON();
      key = `built ${layers.join()} ${activation} ${outputActivation} ${seed}`;
    }
    checkSize(given.layers);
    return { given, key, sample: { ...sampleOf(settings, given.layers), loss: settings.loss, learningRate: rate } };
  }

  private onSelect(place: ParameterPlace): void {
    this.select = placeName(place);
    if (this.walk?.nudge) this.walk.check(place);
    this.emit('change', { name: 'select', value: this.select });
  }

  private onNudge(): void {
    const walk = this.walk;
    if (!walk) return;
    walk.check(this.place);
    const nudge = walk.nudge!;
    const fmt = (value: number) => formatNumber(value, Math.max(digitsFor(nudge.predicted), digitsFor(nudge.actual)));
    this.spoken = format(this.words.nudgeResult, { name: placeName(this.place), epsilon: nudge.epsilon, predicted: fmt(nudge.predicted), actual: fmt(nudge.actual) });
    this.requestUpdate();
  }

  protected override render() {
    const walk = this.walk;
    const settings = this.settings;
    if (!walk || !settings) {
      return html`<div class="card" part="card">${this.renderProblem()}${this.note ? html`<p class="note" role="status">${this.note}</p>` : nothing}</div>`;
    }
    const { words, show } = settings;
    const fmt = this.formatter();
    const stage = walk.stages.list[walk.stage];
    const width = Math.max(260, this.size.width - CARD_INSET);
    const backwardReached = walk.reached(walk.stages.edge(this.place[0] + 1, this.place[1], this.place[2]));
    const { layers } = walk.network;
    const label = format(words.diagramLabel, {
      layers: layers.join('-'),
      // One label when the hidden layers share their activation, else each layer's, first to last.
      activation: typeof walk.network.activationNames === 'string' ? walk.network.activation.label : walk.network.hiddenActivations.map((hidden) => hidden.label).join(', '),
      output: walk.network.outputActivation.label,
      inputs: `(${walk.sample.input.map(fmt).join(', ')})`,
      stage: stageText(walk, words, fmt),
    });
    return html`<div class="card" part="card">
      ${this.renderProblem()}
      <div class="header">
        <span class="title">${words.title}</span>
        <span class="progress">${format(words.progress, { stage: walk.stage + 1, stages: walk.stages.count, phase: phaseName(words, stage.phase) })}</span>
      </div>
      ${this.note ? html`<p class="note">${this.note}</p>` : nothing}
      ${renderControls(walk, this.place, settings.controls, words, {
        step: () => this.step(),
        back: () => this.back(),
        reset: () => this.reset(),
        select: (place) => this.onSelect(place),
        nudge: () => this.onNudge(),
        update: () => this.applyUpdate(),
      })}
      <div class="diagram-wrap" part="diagram" role="img" aria-label=${label}>
        ${renderDiagram({ walk, width, select: this.place, show, words, fmt })}
      </div>
      <p class="key">${words.key}</p>
      <p class="stage" part="stage" aria-live="polite">${this.spoken}</p>
      ${show.has('chain')
        ? html`<section class="chain-panel" part="chain" tabindex="0" role="group" aria-label=${format(words.chainTitle, { name: placeName(this.place) })}>
            <h3>${format(words.chainTitle, { name: placeName(this.place) })}</h3>
            ${renderChain(walk, this.place, backwardReached, fmt)}
            ${backwardReached ? nothing : html`<p class="waiting">${words.chainWaiting}</p>`}
            ${walk.result.paired ? html`<p class="paired">${walk.network.outputActivation.applyVector ? words.pairedSoftmax : words.pairedSigmoid}</p>` : nothing}
          </section>`
        : nothing}
      ${show.has('nudge') ? renderNudge(walk, words) : nothing}
      ${show.has('table')
        ? html`<div class="table-wrap" role="region" tabindex="0" aria-label=${words.tableCaption}>${renderTable(walk, words, fmt, true)}</div>`
        : renderTable(walk, words, fmt, false)}
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'nn-backprop': NnBackprop;
  }
}
