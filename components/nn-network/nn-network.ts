import { type PropertyValues, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { type LayerTrace, type ModelJSON, Network, NnKitError } from '../../src/index.js';
import { parseJson } from '../shared/data-source.js';
import { NETWORK_UPDATE, type NetworkSource } from '../shared/network-source.js';
import { NnElement } from '../shared/nn-element.js';
import { WidthController } from '../shared/resize-controller.js';
import { propertiesOf, rebuilds, restoreDefaults } from '../shared/settings.js';
import { SourceController } from '../shared/source-controller.js';
import { localize } from '../shared/strings.js';
import { controlStyles, themeStyles } from '../shared/theme.js';
import { checkBuild, checkFinite, checkInputs, checkLayers } from './checks.js';
import type { NodeKey, Target } from './diagram.js';
import { type ChangeDetail, type NetworkEvents, editHandlers } from './edits.js';
import { NetworkFollower } from './follower.js';
import { ForwardRun } from './forward-run.js';
import { type DiagramLayout, drawnLinks } from './layout.js';
import { keyMove, sameKey, targetOf } from './navigation.js';
import { type NeuronNames, defaultInputs, neuronNames } from './names.js';
import { NETWORK_SETTINGS } from './nn-network.settings.js';
import { NETWORK_STRINGS, type NetworkStrings } from './nn-network.strings.js';
import { networkStyles } from './nn-network.styles.js';
import { describeOutputs } from './panels.js';
import { type ModelResult, NetworkPicker } from './pick-network.js';
import { keepTooltipInside } from './tooltip.js';
import { type ViewListeners, diagramView, renderView } from './view.js';

export type { ChangeDetail, ForwardDetail, NetworkEvents } from './edits.js';
export { NETWORK_SETTINGS } from './nn-network.settings.js';
export { NETWORK_STRINGS, type NetworkStrings } from './nn-network.strings.js';

/** How long each layer takes to light up in a "Run forward". */
const STEP_MS = 300;
/** Fastest redraw while following a live source: four times a second. */
const FOLLOW_INTERVAL_MS = 250;
/**
 * While following, a redraw comes at most every this many times what the last one took
 * (style and layout included), so a large diagram (a thousand links) redraws less often than
 * four times a second and takes no more than about a fortieth of the page's time. A redraw
 * longer than a frame's spare time makes that frame late, so a costly one must also be rare:
 * thirty layers of 64 (about 20 ms a redraw) then make about 2 % of frames late.
 */
const FOLLOW_COST_FACTOR = 40;
/** Links above which a following diagram counts the style and layout its redraws cause (fewer cost little to lay out). */
const COUNTED_LAYOUT_LINKS = 300;
/** States that change the network or its forward pass (besides the 'rebuild' settings and `strings`). */
const CAUSES = ['source', 'assigned', 'model', 'followed', 'sourceChange', 'edit', 'run'];

/** True for a DOM element (there is none on a server). */
/** An element by what it does, not its class: on a server, lit's DOM shim makes elements that are not instances of Element. */
const isElement = (value: unknown): value is Element =>
  typeof value === 'object' && value !== null && typeof (value as Element).addEventListener === 'function' && typeof (value as Element).localName === 'string';

/** A forward pass as shown, and what it asks of the element once drawn. */
interface Pass {
  network: Network;
  trace: LayerTrace[];
  /** The network is another one, or its numbers changed: followers hear of it (`nn-network-update`). */
  changed: boolean;
  /** The outputs are announced once the pass is fully shown (after a run, or a reader's finished edit). */
  announce: boolean;
}

/**
 * A layered, fully connected network and its forward pass: input, hidden and output
 * layers as columns of neurons, each filled by its activation (blue positive, orange
 * negative, stronger for larger values), links coloured by the weight's sign and as
 * thick as its size, and a ring whose width shows each neuron's bias. Readers edit the
 * inputs, select a neuron or a link to read z, activation, bias and weight and to edit
 * them, and press "Run forward" to watch the values travel layer by layer.
 *
 * Smallest use: `<nn-network layers="3,4,4,2"></nn-network>`.
 *
 * The network comes from, in order of precedence: the `source` property or `for` (another
 * element's live network), the `network` property, `src`, a child `<script type="application/json">`
 * holding model JSON (the core's `toJSON()` format), and finally `layers`,
 * `activation`, `output-activation` and `seed`. Limits (the core's LIMITS): at most
 * 32 layers, 4,096 neurons in a layer and 1,000,000 weights and biases. Columns of
 * more than 12 neurons are drawn collapsed (the first 6, "… N more", the last 5).
 *
 * Default inputs, when `inputs` is not given: evenly spaced from 1 down to −1 (a
 * single input gets 0.5). Bad attributes, a malformed model, a failed load, or inputs
 * and weights whose sums overflow show an inline message and keep the last good drawing.
 * Values inside neurons are written at 11px or more: abbreviated ("−.58") where neurons
 * are small, left out where even that does not fit. The words shown are English unless
 * `strings` replaces them (keys in nn-network.strings.ts).
 *
 * @summary A layered network diagram with forward propagation, editable inputs and weights.
 *
 * @fires nn-forward - After each forward pass; detail `{ inputs, outputs }` (number arrays).
 * @fires change - Once per reader edit of an input, weight or bias; detail `{ kind: 'input' | 'weight' | 'bias', … , value }`.
 * @fires nn-network-update - When the shown network changes or a reader edits a weight or bias; detail `{ network }`. Lets other views follow this one with `for` or `source`.
 *
 * @csspart diagram - The figure holding the SVG diagram and its legend.
 * @csspart run - The "Run forward" button.
 * @csspart inputs - The inputs panel.
 * @csspart editor - The selected neuron's panel.
 * @csspart outputs - The outputs panel.
 * @csspart error - The inline message about bad input.
 *
 * @cssproperty --nn-positive - Colour of positive values and weights.
 * @cssproperty --nn-negative - Colour of negative values and weights.
 * @cssproperty --nn-accent - Colour of the selection and the "Run forward" button.
 * @cssproperty --nn-background - Background of the element.
 * @cssproperty --nn-surface - Background of the panels.
 * @cssproperty --nn-text - Text colour.
 * @cssproperty --nn-muted - Colour of captions and secondary text.
 * @cssproperty --nn-border - Colour of borders.
 * @cssproperty --nn-font - Font family.
 * @cssproperty --nn-mono-font - Font of numbers.
 * @cssproperty --nn-font-size - Base font size (default 1rem).
 * @cssproperty --nn-focus - Colour of the keyboard focus ring.
 * @cssproperty --nn-grid - Colour of the output bars' tracks.
 * @cssproperty --nn-danger - Colour of the bad-input message's bar.
 * @cssproperty --nn-radius - Corner radius of the element and its panels.
 *
 * @slot - Not rendered. May hold a `<script type="application/json">` with model JSON; editing it updates the drawing.
 */
@customElement('nn-network')
export class NnNetwork extends NnElement<NetworkEvents> implements NetworkSource {
  static override styles = [themeStyles, controlStyles, networkStyles];

  static override properties = propertiesOf(NETWORK_SETTINGS);

  declare layers?: number[];
  declare activation: string;
  declare outputActivation: string;
  declare seed: number;
  declare inputs?: number[];
  declare labels?: string[];
  declare outputLabels?: string[];
  declare src: string;
  declare htmlFor: string;
  declare autoplay: boolean;
  /** The words readers see, over the English (NETWORK_STRINGS): JSON text or an object. */
  declare strings?: string | Partial<NetworkStrings>;

  /**
   * An element whose live `network` to show, set by script (e.g. a trainer showing its own
   * network: `.source=${this}`): followed as `for` follows an id, and it wins over `for`.
   */
  @property({ attribute: false }) source?: NetworkSource | null;

  @state() private assigned?: { network?: Network };
  @state() private model?: ModelResult;
  @state() private followed?: { target: Element | null };
  /** When the followed (or shown) network last changed in place. */
  @state() private sourceChange?: { at: number };
  /** The reader's last edit; `commit` when they finished it. */
  @state() private edit?: { detail: ChangeDetail; commit: boolean };
  /** When the reader last pressed "Run forward". */
  @state() private run?: { at: number };
  @state() private pass?: Pass;
  @state() private words: NetworkStrings = NETWORK_STRINGS;
  @state() private selected: NodeKey = { layer: 1, index: 0 };
  @state() private selectedFrom = 0;
  @state() private pickedInput = 0;
  @state() private hovered?: Target;
  @state() private diagramFocused = false;
  /** Layers lit so far while a run animates; Infinity when idle. */
  @state() private lit = Infinity;
  @state() private announcement = '';

  private waiting = '';
  /** The inputs as the reader last set them (not the writer). */
  private readerInputs?: number[];
  /** The layout last drawn, for the keyboard. */
  private layout?: DiagramLayout;
  private readonly picker = new NetworkPicker();
  private readonly size = new WidthController(this, 640);
  /**
   * Milliseconds the last two updates took (rendering the diagram and panels): the smaller
   * paces the next redraw, so one slow update (a collection, a busy moment) does not hold a
   * following diagram still for long.
   */
  private updateMs = [0, 0];
  private readonly follower = new NetworkFollower(this, {
    intervalMs: () => Math.max(FOLLOW_INTERVAL_MS, FOLLOW_COST_FACTOR * Math.min(...this.updateMs)),
    onTarget: (target) => (this.followed = { target }),
    onChange: (at) => (this.sourceChange = { at }),
  });
  private readonly models = new SourceController<unknown>(this, {
    url: () => this.src,
    parse: (text, origin) =>
      parseJson(text, origin.kind === 'url' ? `The model at "${origin.url}"` : 'The <script type="application/json"> inside <nn-network>'),
    what: 'the model from ',
    onLoading: () => (this.model = undefined),
    onResult: (json) => (this.model = json === undefined ? undefined : { json }),
    onError: (problem) => (this.model = { problem }),
  });
  private readonly runner = new ForwardRun(this, { stepMs: STEP_MS, onLit: (lit) => (this.lit = lit) });

  private readonly handlers = editHandlers({
    inputs: () => this.pass?.trace[0].a,
    network: () => this.pass?.network,
    setInputs: (inputs) => {
      this.readerInputs = inputs;
      this.inputs = inputs;
    },
    edited: (detail, commit) => (this.edit = { detail, commit }),
    select: (key, from) => this.select(key, from),
    pickInput: (index) => (this.pickedInput = index),
    refresh: () => this.requestUpdate(),
  });

  constructor() {
    super();
    restoreDefaults(this, NETWORK_SETTINGS);
  }

  /** The core Network shown. Set it to show a network made in a script (`source` and `for` still win over it). */
  get network(): Network | undefined {
    return this.following ? this.pass?.network : (this.assigned?.network ?? this.pass?.network);
  }

  set network(value: Network | undefined) {
    if (value != null && !(value instanceof Network)) {
      this.report(new NnKitError('network must be a Network from nn-kit’s core, or undefined.'));
      return;
    }
    // lit sets object properties on every render: apply only a new network, or the same
    // one again after a message, so the message is cleared.
    if (value === this.assigned?.network && !this.problem) return;
    this.assigned = { network: value ?? undefined };
  }

  /** The outputs of the last forward pass, computed by the core (empty before the first). */
  get outputs(): Float64Array {
    return Float64Array.from(this.pass?.trace.at(-1)?.a ?? []);
  }

  /** The shown network as the core's model JSON (undefined while there is none). */
  toJSON(): ModelJSON | undefined {
    return this.pass?.network.toJSON();
  }

  /** Redraws after a script changed the shown network's weights in place (a followed element's `nn-network-update` does this by itself). */
  refresh(): void {
    this.sourceChange = { at: performance.now() };
  }

  private get following(): boolean {
    return Boolean(this.source) || Boolean(this.htmlFor);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    const has = (key: string) => (changed as Map<PropertyKey, unknown>).has(key);
    if (has('htmlFor') || has('source')) this.follower.follow(this.htmlFor, isElement(this.source) ? this.source : null);
    this.models.sync();
    if (rebuilds(NETWORK_SETTINGS, changed) || has('strings') || CAUSES.some(has)) super.willUpdate(changed);
    this.keepSelection();
    const pass = this.pass;
    if (pass?.announce && this.lit === Infinity && (has('pass') || has('lit'))) {
      this.announcement = describeOutputs({ ...pass, names: this.names(pass.network), words: this.words });
    }
  }

  /** Reads the settings and computes the forward pass, from the changes in `changed`. */
  protected apply(changed: PropertyValues<this>): void {
    restoreDefaults(this, NETWORK_SETTINGS);
    const has = (key: string) => (changed as Map<PropertyKey, unknown>).has(key);
    const words = localize(NETWORK_STRINGS, this.strings);
    this.words = words;
    const layers = this.layers == null ? undefined : checkLayers(this.layers, this.writtenText('layers'));
    const build = checkBuild(this.activation, this.outputActivation, this.seed, this.writtenText('seed'));
    const source = this.source;
    if (source != null && !isElement(source)) {
      throw new NnKitError('source must be an element that holds a network (such as an <nn-trainer>), or undefined.');
    }
    const id = String(this.htmlFor ?? '');
    const name = source ? (source.id ? `#${source.id}` : `the <${source.localName}>`) : `#${id}`;
    const previous = this.pass;
    const picked = this.picker.pick({
      follow: this.following ? { id, name, target: this.followed?.target ?? null } : undefined,
      assigned: this.assigned?.network,
      model: this.models.loading ? 'loading' : this.model,
      layers,
      build,
      shown: previous?.network,
      words,
    });
    const network = picked.network;
    let trace: LayerTrace[] | undefined;
    if (network) {
      // A reader's values no longer fit once a followed trainer changes its inputs: drop them.
      if (this.inputs && this.inputs === this.readerInputs && this.inputs.length !== network.inputSize) this.inputs = undefined;
      const sample = this.follower.source?.sampleInputs;
      const inputs =
        this.inputs == null
          ? sample?.length === network.inputSize ? [...sample] : defaultInputs(network.inputSize)
          : checkInputs(this.inputs, network.inputSize, this.writtenText('inputs'));
      trace = network.trace(inputs);
      checkFinite(trace, words, this.inputs != null);
    }
    // What this pass is for, from what changed: a new network, the reader's edit, the source's change, a run.
    const replaced = network !== previous?.network;
    const edit = has('edit') ? this.edit : undefined;
    const sourceChange = has('sourceChange') ? this.sourceChange : undefined;
    const run = has('run') ? this.run : undefined;
    const autoplay = this.autoplay && !edit && !sourceChange && (!previous || replaced || has('inputs'));
    const play = Boolean(trace) && (run !== undefined || autoplay);
    this.waiting = picked.waiting ?? '';
    this.pass =
      network && trace
        ? {
            network,
            trace,
            changed: replaced || sourceChange !== undefined || (edit !== undefined && edit.detail.kind !== 'input'),
            announce: play || Boolean(edit?.commit) || (this.lit !== Infinity && Boolean(previous?.announce)),
          }
        : undefined;
    if (play) this.runner.play(network!.layers.length);
    if (picked.problem) throw new NnKitError(picked.problem);
  }

  protected override update(changed: PropertyValues<this>): void {
    const start = performance.now();
    super.update(changed);
    // Following, a large diagram's redraw costs mostly the style and layout it causes (16 ms for
    // a thousand links, against 10 for the update): done now rather than at the frame's end, it
    // is counted (with anything else the page changed meanwhile: an over-estimate, which only
    // slows its redraws, so a small diagram, whose layout costs little, does not count it).
    if (this.follower.source && this.layout && drawnLinks(this.layout) > COUNTED_LAYOUT_LINKS) this.renderRoot.querySelector('svg')?.getBoundingClientRect();
    this.updateMs = [this.updateMs[1], performance.now() - start];
  }

  protected override updated(changed: PropertyValues<this>): void {
    const has = (key: string) => (changed as Map<PropertyKey, unknown>).has(key);
    const pass = this.pass;
    if (pass && this.lit === Infinity && (has('pass') || has('lit'))) {
      const { trace } = pass;
      this.emit('nn-forward', { inputs: [...trace[0].a], outputs: [...trace[trace.length - 1].a] });
    }
    if (pass?.changed && has('pass')) this.emit(NETWORK_UPDATE, { network: pass.network });
    if (this.edit?.commit && has('edit')) this.emit('change', this.edit.detail);
    keepTooltipInside(this.renderRoot);
  }

  private names(network: Network): NeuronNames {
    const source = this.follower.source;
    return neuronNames(network.layers.length, this.labels ?? source?.inputLabels, this.outputLabels ?? source?.outputLabels);
  }

  private keepSelection(): void {
    const network = this.pass?.network;
    if (!network) return;
    const { layers } = network;
    const { layer, index } = this.selected;
    if (layer >= layers.length || index >= layers[layer]) this.selected = { layer: Math.min(1, layers.length - 1), index: 0 };
    const fromSize = this.selected.layer > 0 ? layers[this.selected.layer - 1] : 1;
    if (this.selectedFrom >= fromSize) this.selectedFrom = 0;
    if (this.pickedInput >= layers[0]) this.pickedInput = 0;
  }

  private select(key: NodeKey, from?: number): void {
    if (!this.pass) return;
    if (!sameKey(key, this.selected) || from !== undefined) {
      this.selected = key;
      this.selectedFrom = from ?? 0;
    }
    if (key.layer === 0) this.pickedInput = key.index;
  }

  /** The diagram's listeners: keys move the selection; clicks, focus and hover select and describe. */
  private readonly listeners: ViewListeners = {
    keydown: (event) => {
      const target = targetOf(event.target);
      if (target?.kind !== 'node' || !this.layout) return;
      const move = keyMove(this.layout, target, event.key);
      if (!move) return;
      event.preventDefault();
      if ('edit' in move) {
        const id = this.selected.layer === 0 ? 'selected-input-number' : 'weight-number';
        this.renderRoot.querySelector<HTMLInputElement>(`#${id}`)?.focus();
      } else if ('select' in move) {
        this.select(move.select, move.from);
        // The selected neuron holds the diagram's one tab stop: focus it once drawn.
        void this.updateComplete.then(() => this.renderRoot.querySelector<SVGGElement>('.node[tabindex="0"]')?.focus());
      }
    },
    click: (event) => {
      const target = targetOf(event.target);
      if (target?.kind === 'node') this.select({ layer: target.layer, index: target.index });
      else if (target) this.select({ layer: target.k + 1, index: target.to }, target.from);
    },
    focusin: (event) => {
      this.diagramFocused = true;
      const target = targetOf(event.target);
      if (target?.kind === 'node') this.select({ layer: target.layer, index: target.index });
    },
    focusout: (event) => {
      const next = event.relatedTarget as Node | null;
      if (!next || !(event.currentTarget as Element).contains(next)) this.diagramFocused = false;
    },
    pointerover: (event) => {
      const target = targetOf(event.target);
      if (JSON.stringify(target) !== JSON.stringify(this.hovered)) this.hovered = target;
    },
    pointerleave: () => (this.hovered = undefined),
    scroll: () => keepTooltipInside(this.renderRoot),
    run: () => (this.run = { at: performance.now() }),
  };

  // ---- drawing ----

  protected override render() {
    const pass = this.pass;
    const status = this.waiting || (this.models.loading ? this.words.loading : '');
    return html`
      ${this.renderProblem()}
      ${status ? html`<p class="waiting">${status}</p>` : nothing}
      ${pass ? this.renderNetwork(pass) : nothing}
    `;
  }

  private renderNetwork({ network, trace }: Pass) {
    const { words, selected, selectedFrom, hovered, lit } = this;
    const names = this.names(network);
    const view = diagramView(network, trace, { names, words, width: this.size.width, lit, selected, selectedFrom, hovered });
    this.layout = view.layout;
    const tip = hovered ?? (this.diagramFocused ? ({ kind: 'node', ...selected } as const) : undefined);
    return renderView(view, { network, trace, names, words }, {
      handlers: this.handlers,
      listeners: this.listeners,
      pickedInput: this.pickedInput,
      tip,
      announcement: this.announcement,
      live: this.following,
    });
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'nn-network': NnNetwork;
  }
}
