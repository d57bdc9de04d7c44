import { type PropertyValues, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { styleMap } from '../shared/style-map.js';
import { type LayerTrace, type ModelJSON, Network, NnKitError, getActivation, validateLayers } from '../../src/index.js';
import { formatNumber } from '../shared/format.js';
import { NETWORK_UPDATE, type NetworkSource, type NetworkUpdateDetail, isNetworkSource } from '../shared/network-source.js';
import { NnElement } from '../shared/nn-element.js';
import { checkNumberList, labelListConverter, listChanged, numberConverter, numberListConverter, splitList } from '../shared/parse.js';
import { ReferenceController } from '../shared/reference-controller.js';
import { WidthController } from '../shared/resize-controller.js';
import { controlStyles, themeStyles } from '../shared/theme.js';
import { type DiagramView, type NodeKey, type Target, biasOf, drawsBiasRings, renderDiagram, weightOf } from './diagram.js';
import { type DiagramLayout, drawnNeurons, labelSpace, layoutNetwork } from './layout.js';
import { childJsonText, parseJson } from '../shared/data-source.js';
import { type ModelResult, ModelFetcher } from './model-fetcher.js';
import { type NeuronNames, defaultInputs, layerCaption, neuronNames } from './names.js';
import { networkStyles } from './nn-network.styles.js';
import { type EditHandlers, describeOutputs, renderEditor, renderInputs, renderOutputs, renderValueTable } from './panels.js';

/** The layers drawn when the writer gives no `layers`, model or `for`. */
const DEFAULT_LAYERS = [3, 4, 2];
/** How long each layer takes to light up in a "Run forward". */
const STEP_MS = 300;
/** Fastest redraw while following a live source: four times a second. */
const FOLLOW_INTERVAL_MS = 250;
/** Properties and states that change what is computed (the rest only change the drawing). */
const APPLY_KEYS = ['layers', 'activation', 'outputActivation', 'seed', 'inputs', 'src', 'for', 'assigned', 'srcModel', 'scriptModel', 'revision'];

/** Detail of `nn-forward`: the values fed in and what came out. */
export interface ForwardDetail {
  inputs: number[];
  outputs: number[];
}

/**
 * Detail of `change`, one per reader edit. `layer` of a weight is the weight layer, as in
 * the model JSON: weights[layer][to][from] (layer 0 joins the inputs to the first hidden
 * layer); `layer` of a bias is the neuron's layer (1 = first hidden).
 */
export type ChangeDetail =
  | { kind: 'input'; index: number; value: number; inputs: number[] }
  | { kind: 'weight'; layer: number; from: number; to: number; value: number }
  | { kind: 'bias'; layer: number; neuron: number; value: number };

/** The events `<nn-network>` fires, by name, with their details. */
export interface NetworkEvents {
  'nn-forward': ForwardDetail;
  'nn-network-update': NetworkUpdateDetail;
  change: ChangeDetail;
}

interface Picked {
  network?: Network;
  /** A problem to show while still drawing `network` (the last good one). */
  problem?: string;
  /** Why nothing is drawn yet, when that is not an error. */
  waiting?: string;
}

/** Runs a list check, quoting the writer's own text for a token that is not a number (not "NaN"). */
function quoting<T>(raw: () => string | null, check: () => T): T {
  try {
    return check();
  } catch (error) {
    const message = (error as Error).message;
    const item = /item (\d+) \("NaN"\)/.exec(message);
    const text = item ? raw() : null;
    const token = item && text != null ? splitList(text)[Number(item[1]) - 1] : undefined;
    throw token === undefined ? error : new NnKitError(message.replace('("NaN")', `("${token}")`));
  }
}

function checkLayers(value: unknown, raw: () => string | null): number[] {
  let layers: number[];
  try {
    layers = quoting(raw, () => checkNumberList(value, 'layers', { min: 1, integer: true }));
  } catch (error) {
    throw new NnKitError((error as Error).message.replace('e.g. "1, 0.5, -2"', 'e.g. "3,4,2"'));
  }
  try {
    validateLayers(layers);
  } catch (error) {
    throw new NnKitError(`layers: ${(error as Error).message}`);
  }
  return layers;
}

function checkActivation(name: string, attribute: string) {
  try {
    return getActivation(name);
  } catch (error) {
    throw new NnKitError(`${attribute}: ${(error as Error).message}`);
  }
}

function targetOf(element: EventTarget | null): Target | undefined {
  const el = element instanceof Element ? element : null;
  const node = el?.closest<SVGElement>('[data-layer]');
  if (node) return { kind: 'node', layer: Number(node.dataset.layer), index: Number(node.dataset.index) };
  if (el instanceof SVGElement && el.classList.contains('hit')) {
    return { kind: 'link', k: Number(el.dataset.k), from: Number(el.dataset.from), to: Number(el.dataset.to) };
  }
  return undefined;
}

/** True when every weighted sum and activation of a forward pass is a finite number. */
function isFiniteTrace(trace: readonly LayerTrace[]): boolean {
  return trace.every((layer) => layer.a.every(Number.isFinite) && layer.z.every(Number.isFinite));
}

/** Why a forward pass is not drawn: its sums overflow; names `inputs` when they were given. */
function overflowMessage(givenInputs: boolean, count: number): string {
  const reason = 'a weighted sum passes ±1.8 × 10³⁰⁸, too large to compute';
  if (!givenInputs) return `The network's values overflow: ${reason}. Use smaller weights and biases.`;
  const example = defaultInputs(count).join(', ');
  return `inputs are too large for this network: ${reason}. Use smaller values, e.g. inputs="${example}".`;
}

const sameKey = (a: NodeKey, b: NodeKey) => a.layer === b.layer && a.index === b.index;

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
 * The network comes from, in order of precedence: `for` (another element's live
 * network), the `network` property, `src`, a child `<script type="application/json">`
 * holding model JSON (the core's `toJSON()` format), and finally `layers`,
 * `activation`, `output-activation` and `seed`. Limits (the core's LIMITS): at most
 * 32 layers, 4,096 neurons in a layer and 1,000,000 weights and biases. Columns of
 * more than 12 neurons are drawn collapsed (the first 6, "… N more", the last 5).
 *
 * Default inputs, when `inputs` is not given: evenly spaced from 1 down to −1 (a
 * single input gets 0.5). Bad attributes, a malformed model, a failed load, or inputs
 * and weights whose sums overflow show an inline message and keep the last good drawing.
 * Values inside neurons are written at 11px or more: abbreviated ("−.58") where neurons
 * are small, left out where even that does not fit.
 *
 * @summary A layered network diagram with forward propagation, editable inputs and weights.
 *
 * @fires nn-forward - After each forward pass; detail `{ inputs, outputs }` (number arrays).
 * @fires change - Once per reader edit of an input, weight or bias; detail `{ kind: 'input' | 'weight' | 'bias', … , value }`.
 * @fires nn-network-update - When the shown network changes or a reader edits a weight or bias; detail `{ network }`. Lets other views follow this one with `for`.
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

  /** Layer sizes from input to output, e.g. "3,4,4,2" (default "3,4,2"). With a model, they must match it. */
  @property({ converter: numberListConverter, hasChanged: listChanged }) layers?: number[];

  /** Activation of the hidden layers: tanh (default), relu, sigmoid, leaky-relu, elu, gelu, swish, softplus, linear or step. */
  @property() activation = 'tanh';

  /** Activation of the output layer: sigmoid (default), softmax, linear, tanh… */
  @property({ attribute: 'output-activation' }) outputActivation = 'sigmoid';

  /** Seed of the initial weights (the core's seeded Glorot/He initialisation); default 1. */
  @property({ converter: numberConverter }) seed = 1;

  /** Values fed forward, one per input, e.g. "0.5, -1, 2"; readers can edit them. Default: evenly spaced from 1 to −1. */
  @property({ converter: numberListConverter, hasChanged: listChanged }) inputs?: number[];

  /** Names of the inputs, comma separated (default x₁, x₂, …). */
  @property({ converter: labelListConverter, hasChanged: listChanged }) labels?: string[];

  /** Names of the outputs, e.g. "cat,dog,bird" (default y₁, y₂, …). */
  @property({ attribute: 'output-labels', converter: labelListConverter, hasChanged: listChanged }) outputLabels?: string[];

  /** URL of a model JSON file in the core's format (Network.toJSON()). */
  @property() src = '';

  /** Id of an element whose live `network` to show (e.g. an `<nn-trainer>`); redraws on its `nn-network-update`. */
  @property({ attribute: 'for' }) for = '';

  /** Play the forward propagation layer by layer when the network or the inputs are set. */
  @property({ type: Boolean }) autoplay = false;

  @state() private assigned?: Network;
  @state() private srcModel?: ModelResult;
  @state() private scriptModel?: ModelResult;
  @state() private loading = false;
  /** Bumped when the network's numbers changed in place (edits, a followed source). */
  @state() private revision = 0;
  @state() private selected: NodeKey = { layer: 1, index: 0 };
  @state() private selectedFrom = 0;
  @state() private pickedInput = 0;
  @state() private hovered?: Target;
  @state() private diagramFocused = false;
  /** Layers lit so far while a run animates; Infinity when idle. */
  @state() private lit = Infinity;
  @state() private announcement = '';
  @state() private typing = '';

  private net?: Network;
  private trace?: LayerTrace[];
  private waiting = '';
  private layout?: DiagramLayout;
  private built?: { key: string; network: Network };
  private fromModel?: { json: unknown; network: Network };
  private scriptText?: string;
  private scriptObserver?: MutationObserver;
  private readonly fetcher = new ModelFetcher();
  private readonly widthController = new WidthController(this, 640);
  private readonly reference = new ReferenceController<Element>(this, {
    events: [NETWORK_UPDATE],
    onEvent: () => this.scheduleSourceTick(),
    onTarget: (target) => this.onTarget(target),
  });
  private frame = 0;
  private timer?: ReturnType<typeof setTimeout>;
  private readerEdit = false;
  /** The inputs as the reader last set them (not the writer). */
  private readerInputs?: number[];
  private sourceTick = false;
  /** A source change not drawn yet, and when the last one was. */
  private stale = false;
  private lastSourceTick = -Infinity;
  /** Whether any of the diagram is on screen (drawn changes wait while it is not). */
  private onScreen = true;
  private visibility?: IntersectionObserver;
  private runRequested = false;
  private pendingForward = false;
  private pendingUpdate = false;
  private pendingChange?: ChangeDetail;
  private pendingAnnounce = false;
  private focusNode = false;

  /** The core Network shown. Set it to show a network made in a script (`for` still wins over it). */
  get network(): Network | undefined {
    return this.for ? this.net : (this.assigned ?? this.net);
  }

  set network(value: Network | undefined) {
    if (value != null && !(value instanceof Network)) {
      this.report(new NnKitError('network must be a Network from nn-kit’s core, or undefined.'));
      return;
    }
    // lit sets object properties on every render: apply only a new network, or the same
    // one again after a message, so the message is cleared.
    if (value === this.assigned && !this.problem) return;
    this.assigned = value ?? undefined;
    this.revision++;
  }

  /** The outputs of the last forward pass, computed by the core (empty before the first). */
  get outputs(): Float64Array {
    return Float64Array.from(this.trace?.at(-1)?.a ?? []);
  }

  /** The shown network as the core's model JSON (undefined while there is none). */
  toJSON(): ModelJSON | undefined {
    return this.net?.toJSON();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.readScript();
    this.scriptObserver = new MutationObserver(() => this.readScript());
    this.scriptObserver.observe(this, { childList: true, subtree: true, characterData: true });
    this.visibility = new IntersectionObserver((entries) => {
      this.onScreen = entries.at(-1)?.isIntersecting ?? true;
      if (this.onScreen && this.stale) this.scheduleSourceTick();
    });
    this.visibility.observe(this);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.scriptObserver?.disconnect();
    this.scriptObserver = undefined;
    this.visibility?.disconnect();
    this.visibility = undefined;
    cancelAnimationFrame(this.frame);
    this.frame = 0;
    this.stopPlaying();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    const has = (key: string) => (changed as Map<PropertyKey, unknown>).has(key);
    if (has('for')) this.reference.setId(this.for);
    if (has('src')) void this.loadSrc();
    if (APPLY_KEYS.some(has)) super.willUpdate(changed);
    this.keepSelection();
    if (this.pendingAnnounce && this.lit === Infinity && this.net && this.trace) {
      this.pendingAnnounce = false;
      this.announcement = describeOutputs({ network: this.net, trace: this.trace, names: this.names(this.net) });
    }
  }

  protected apply(changed: PropertyValues<this>): void {
    const readerEdit = this.readerEdit;
    const sourceTick = this.sourceTick;
    const run = this.runRequested;
    this.readerEdit = this.sourceTick = this.runRequested = false;

    const layers = this.layers == null ? undefined : checkLayers(this.layers, () => this.writtenText('layers'));
    const picked = this.pickNetwork(layers);
    const network = picked.network;
    let trace: LayerTrace[] | undefined;
    if (network) {
      // A reader's values no longer fit once a followed trainer changes its inputs: drop them.
      if (this.inputs && this.inputs === this.readerInputs && this.inputs.length !== network.inputSize) this.inputs = undefined;
      const sample = this.followedSource()?.sampleInputs;
      const inputs =
        this.inputs == null
          ? sample?.length === network.inputSize ? [...sample] : defaultInputs(network.inputSize)
          : quoting(() => this.writtenText('inputs'), () => checkNumberList(this.inputs, 'inputs', { length: network.inputSize }));
      trace = network.trace(inputs);
      if (!isFiniteTrace(trace)) throw new NnKitError(overflowMessage(this.inputs != null, inputs.length));
    }

    const replaced = network !== this.net;
    const first = this.trace === undefined;
    this.net = network;
    this.trace = trace;
    this.waiting = picked.waiting ?? '';
    if (trace) this.pendingForward = true;
    if (network && (replaced || sourceTick)) this.pendingUpdate = true;
    const autoplay = this.autoplay && !readerEdit && !sourceTick && (first || replaced || (changed as Map<PropertyKey, unknown>).has('inputs'));
    if (trace && (run || autoplay)) this.play(network!.layers.length);
    if (picked.problem) throw new NnKitError(picked.problem);
  }

  /** Checks activation, output-activation and seed, whichever source wins, so a bad one is always reported. */
  private checkBuildSettings() {
    // A removed attribute reads as null: back to the default.
    const hidden = checkActivation(this.activation ?? 'tanh', 'activation');
    const output = checkActivation(this.outputActivation ?? 'sigmoid', 'output-activation');
    if (hidden.applyVector) throw new NnKitError(`activation: "${hidden.name}" works on a whole output layer only; use it as output-activation.`);
    const seed = this.seed ?? 1;
    if (!Number.isFinite(seed)) throw new NnKitError(`seed must be a number; got "${this.writtenText('seed') ?? String(seed)}".`);
    return { hidden, output, seed };
  }

  /** Chooses the network to show, by precedence; see the class documentation. */
  private pickNetwork(layers: number[] | undefined): Picked {
    this.checkBuildSettings();
    if (this.for) {
      const target = this.reference.target;
      if (!target) return { waiting: `Waiting for an element with id "${this.for}".` };
      const network = isNetworkSource(target) ? target.network : undefined;
      if (!(network instanceof Network)) return { waiting: `Waiting for #${this.for} to provide a network.` };
      return { network };
    }
    if (this.assigned) return { network: this.assigned };
    const src = this.srcUrl;
    if (src || this.scriptModel) {
      const model = src ? this.srcModel : this.scriptModel;
      if (!model) return { network: this.net, waiting: 'Loading the model…' };
      if ('problem' in model) return { network: this.net, problem: model.problem };
      try {
        const network = this.networkFromModel(model.json);
        if (layers && layers.join(',') !== network.layers.join(',')) {
          throw new NnKitError(
            `The model's layers (${network.layers.join(',')}) do not match layers="${layers.join(',')}". Make them agree, or remove layers.`,
          );
        }
        return { network };
      } catch (error) {
        return { network: this.net, problem: (error as Error).message };
      }
    }
    const { hidden, output, seed } = this.checkBuildSettings();
    const sizes = layers ?? DEFAULT_LAYERS;
    const key = `${sizes.join(',')}|${hidden.name}|${output.name}|${seed}`;
    if (this.built?.key !== key) {
      this.built = { key, network: new Network({ layers: sizes, activation: hidden.name, outputActivation: output.name, seed }) };
    }
    return { network: this.built.network };
  }

  /** One network per model object, so reader edits survive redraws. */
  private networkFromModel(json: unknown): Network {
    const cached = this.fromModel;
    if (cached && cached.json === json) return cached.network;
    const network = Network.fromJSON(json);
    this.fromModel = { json, network };
    return network;
  }

  /** The trimmed `src` ('' when unset or removed). */
  private get srcUrl(): string {
    return String(this.src ?? '').trim();
  }

  private async loadSrc(): Promise<void> {
    const url = this.srcUrl;
    // A new src makes the old result (and its message) stale; the drawing stays until the new one arrives.
    this.srcModel = undefined;
    if (!url) {
      this.fetcher.cancel();
      this.loading = false;
      return;
    }
    this.loading = true;
    const result = await this.fetcher.load(url);
    if (!result) return;
    this.loading = false;
    this.srcModel = result;
  }

  private readScript(): void {
    const text = childJsonText(this) ?? undefined;
    if (text === this.scriptText) return;
    this.scriptText = text;
    if (text === undefined) {
      this.scriptModel = undefined;
      return;
    }
    try {
      this.scriptModel = { json: parseJson(text, 'The <script type="application/json"> inside <nn-network>') };
    } catch (error) {
      this.scriptModel = { problem: (error as Error).message };
    }
  }

  private onTarget(target: Element | null): void {
    this.revision++;
    const name = target?.localName ?? '';
    if (target && name.includes('-') && !customElements.get(name)) {
      void customElements.whenDefined(name).then(() => {
        if (this.reference.target === target) this.revision++;
      });
    }
  }

  /** Redraws after the shown network's weights changed in place (a trainer does this as it learns). */
  refresh(): void {
    this.sourceTick = true;
    this.revision++;
  }

  /**
   * Redraws after the source changed: at most every FOLLOW_INTERVAL_MS, and not while
   * off screen (the last change is drawn when the diagram scrolls into view), so a
   * diagram following a trainer costs little of each training frame.
   */
  private scheduleSourceTick(): void {
    this.stale = true;
    if (this.frame || !this.onScreen) return;
    this.frame = requestAnimationFrame((now) => {
      this.frame = 0;
      if (now - this.lastSourceTick < FOLLOW_INTERVAL_MS) {
        this.scheduleSourceTick();
        return;
      }
      this.lastSourceTick = now;
      this.stale = false;
      this.sourceTick = true;
      this.revision++;
    });
  }

  private keepSelection(): void {
    const network = this.net;
    if (!network) return;
    const { layers } = network;
    const { layer, index } = this.selected;
    if (layer >= layers.length || index >= layers[layer]) this.selected = { layer: Math.min(1, layers.length - 1), index: 0 };
    const fromSize = this.selected.layer > 0 ? layers[this.selected.layer - 1] : 1;
    if (this.selectedFrom >= fromSize) this.selectedFrom = 0;
    if (this.pickedInput >= layers[0]) this.pickedInput = 0;
  }

  /** Lights the layers one by one (~300 ms each); instant when the reader prefers reduced motion. */
  private play(layerCount: number): void {
    this.stopPlaying();
    if (matchMedia('(prefers-reduced-motion: reduce)').matches) {
      this.pendingAnnounce = true;
      return;
    }
    this.lit = 1;
    const step = () => {
      this.lit += 1;
      if (this.lit > layerCount) {
        this.lit = Infinity;
        this.timer = undefined;
        this.pendingAnnounce = true;
        return;
      }
      this.timer = setTimeout(step, STEP_MS);
    };
    this.timer = setTimeout(step, STEP_MS);
  }

  private stopPlaying(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
    this.lit = Infinity;
  }

  protected override updated(): void {
    const network = this.net;
    const trace = this.trace;
    if (this.pendingForward && trace && this.lit === Infinity) {
      this.pendingForward = false;
      this.emit('nn-forward', { inputs: [...trace[0].a], outputs: [...trace[trace.length - 1].a] });
    }
    if (this.pendingUpdate && network) {
      this.pendingUpdate = false;
      this.emit(NETWORK_UPDATE, { network });
    }
    if (this.pendingChange) {
      const detail = this.pendingChange;
      this.pendingChange = undefined;
      this.emit('change', detail);
    }
    if (this.focusNode) {
      this.focusNode = false;
      this.renderRoot.querySelector<SVGGElement>('.node[tabindex="0"]')?.focus();
    }
    this.keepTooltipInside();
  }

  /**
   * Keeps the tooltip inside the diagram: beside its neuron or link when there is room,
   * else (a phone) centred above it, or below it at the top of the drawing.
   */
  private keepTooltipInside(): void {
    const tip = this.renderRoot.querySelector<HTMLElement>('.tooltip');
    const frame = tip?.parentElement;
    if (!tip || !frame) return;
    tip.classList.remove('stacked');
    const box = tip.getBoundingClientRect();
    const bounds = frame.getBoundingClientRect();
    if (box.left >= bounds.left && box.right <= bounds.right) return;
    const x = Number(tip.dataset.x);
    const y = Number(tip.dataset.y);
    const clear = Number(tip.dataset.clear);
    const left = Math.max(0, Math.min(x - box.width / 2, bounds.width - box.width));
    const top = y - clear - box.height >= 0 ? y - clear - box.height : y + clear;
    tip.classList.add('stacked');
    tip.style.setProperty('left', `${left}px`);
    tip.style.setProperty('top', `${top}px`);
  }

  private names(network: Network): NeuronNames {
    return neuronNames(network.layers.length, this.labels ?? this.followedSource()?.inputLabels, this.outputLabels ?? this.followedSource()?.outputLabels);
  }

  /** The element named by `for`, when it holds a network. */
  private followedSource(): NetworkSource | undefined {
    const target = this.for ? this.reference.target : undefined;
    return target && isNetworkSource(target) ? target : undefined;
  }

  // ---- reader edits ----

  private readonly handlers: EditHandlers = {
    onInput: (index, value, commit) => {
      const current = this.trace?.[0].a;
      if (!current) return;
      const inputs = [...current];
      inputs[index] = value;
      this.readerEdit = true;
      this.readerInputs = inputs;
      this.inputs = inputs;
      if (commit) this.commit({ kind: 'input', index, value, inputs: [...inputs] });
    },
    onWeight: (k, to, from, value, commit) => {
      const network = this.net;
      if (!network) return;
      network.weights[network.weightIndex(k, to, from)] = value;
      this.edited();
      if (commit) this.commit({ kind: 'weight', layer: k, from, to, value });
    },
    onBias: (layer, index, value, commit) => {
      const network = this.net;
      if (!network) return;
      network.biases[network.biasOffset[layer - 1] + index] = value;
      this.edited();
      if (commit) this.commit({ kind: 'bias', layer, neuron: index, value });
    },
    onSelect: (key, from) => this.select(key, from),
    onPickInput: (index) => {
      this.pickedInput = index;
    },
    onTyping: (id) => {
      if (id) {
        this.typing = id;
        return;
      }
      this.typing = '';
      this.requestUpdate(); // also when unchanged: a field left empty shows its value again
    },
  };

  private edited(): void {
    this.readerEdit = true;
    this.pendingUpdate = true;
    this.revision++;
  }

  private commit(detail: ChangeDetail): void {
    this.pendingChange = detail;
    this.pendingAnnounce = true;
    this.requestUpdate();
  }

  private select(key: NodeKey, from?: number): void {
    const network = this.net;
    if (!network) return;
    if (!sameKey(key, this.selected) || from !== undefined) {
      this.selected = key;
      this.selectedFrom = from ?? 0;
    }
    if (key.layer === 0) this.pickedInput = key.index;
  }

  // ---- diagram interaction ----

  private onDiagramKey(event: KeyboardEvent): void {
    const target = targetOf(event.target);
    const layout = this.layout;
    if (target?.kind !== 'node' || !layout) return;
    const column = layout.columns[target.layer].nodes;
    const row = column.findIndex((node) => node.index === target.index);
    const here = column[row];
    const nearest = (layer: number) => {
      const nodes = layout.columns[layer]?.nodes;
      if (!nodes) return undefined;
      return nodes.reduce((best, node) => (Math.abs(node.y - here.y) < Math.abs(best.y - here.y) ? node : best));
    };
    let next: { layer: number; index: number } | undefined;
    let from: number | undefined;
    switch (event.key) {
      case 'ArrowUp':
        next = column[row - 1];
        break;
      case 'ArrowDown':
        next = column[row + 1];
        break;
      case 'Home':
        next = column[0];
        break;
      case 'End':
        next = column[column.length - 1];
        break;
      case 'ArrowLeft':
        next = nearest(target.layer - 1);
        break;
      case 'ArrowRight':
        next = nearest(target.layer + 1);
        from = target.index;
        break;
      case 'Enter':
      case ' ':
        event.preventDefault();
        this.focusEditor();
        return;
      default:
        return;
    }
    event.preventDefault();
    if (!next) return;
    this.select({ layer: next.layer, index: next.index }, from);
    this.focusNode = true;
  }

  private focusEditor(): void {
    const id = this.selected.layer === 0 ? 'selected-input-number' : 'weight-number';
    this.renderRoot.querySelector<HTMLInputElement>(`#${id}`)?.focus();
  }

  private onDiagramClick(event: Event): void {
    const target = targetOf(event.target);
    if (!target) return;
    if (target.kind === 'node') this.select({ layer: target.layer, index: target.index });
    else this.select({ layer: target.k + 1, index: target.to }, target.from);
  }

  private onDiagramFocusIn(event: FocusEvent): void {
    this.diagramFocused = true;
    const target = targetOf(event.target);
    if (target?.kind === 'node') this.select({ layer: target.layer, index: target.index });
  }

  private onDiagramFocusOut(event: FocusEvent): void {
    const next = event.relatedTarget as Node | null;
    if (!next || !(event.currentTarget as Element).contains(next)) this.diagramFocused = false;
  }

  private onPointerOver(event: PointerEvent): void {
    const target = targetOf(event.target);
    if (target?.kind !== this.hovered?.kind || JSON.stringify(target) !== JSON.stringify(this.hovered)) this.hovered = target;
  }

  private runForward(): void {
    this.runRequested = true;
    this.revision++;
  }

  // ---- drawing ----

  protected override render() {
    const network = this.net;
    const trace = this.trace;
    const status = this.waiting || (this.loading ? 'Loading the model…' : '');
    return html`
      ${this.renderProblem()}
      ${status ? html`<p class="waiting">${status}</p>` : nothing}
      ${network && trace ? this.renderNetwork(network, trace) : nothing}
    `;
  }

  private renderNetwork(network: Network, trace: LayerTrace[]) {
    const names = this.names(network);
    const width = Math.max(200, this.drawingWidth());
    const { layers } = network;
    const last = layers.length - 1;
    const longest = (layer: number) =>
      Math.max(1, ...drawnNeurons(layers[layer]).map((i) => (i === null ? 0 : [...names(layer, i)].length)));
    const labels = labelSpace(longest(0), longest(last), width);
    const layout = layoutNetwork(layers, width, labels);
    this.layout = layout;
    const view: DiagramView = {
      network,
      trace,
      layout,
      labels,
      names,
      lit: this.lit,
      selected: this.selected,
      selectedFrom: this.selectedFrom,
      hovered: this.hovered,
      focusKey: this.focusKey(layout),
    };
    const panel = { network, trace, names, typing: this.typing };
    const softmax = network.outputActivation.name === 'softmax';
    const summary = `Network diagram: ${layers.map((size, l) => `${layerCaption(l, layers.length)} ${size}`).join(', ')} neurons.`;
    return html`
      <!-- Listeners sit on the figure: Chromium makes an <svg> with key or focus listeners a tab stop. -->
      <figure
        class="diagram"
        part="diagram"
        @keydown=${this.onDiagramKey}
        @click=${this.onDiagramClick}
        @focusin=${this.onDiagramFocusIn}
        @focusout=${this.onDiagramFocusOut}
        @pointerover=${this.onPointerOver}
        @pointerleave=${() => (this.hovered = undefined)}
      >
        <svg
          width=${width}
          height=${layout.height}
          viewBox="0 0 ${width} ${layout.height}"
          role="group"
          aria-label=${summary}
          aria-describedby="diagram-hint"
        >
          ${renderDiagram(view)}
        </svg>
        ${this.renderTooltip(view)}
        <figcaption class="legend">
          <span><span class="swatch positive"></span>positive</span>
          <span><span class="swatch negative"></span>negative</span>
          <span><span class="swatch width"></span>line width = |weight|</span>
          ${drawsBiasRings(view) ? html`<span><span class="swatch ring"></span>ring = bias</span>` : nothing}
          <span id="diagram-hint" class="hint">Arrow keys move between neurons; Enter edits the selected weight.</span>
        </figcaption>
      </figure>
      <div class="toolbar">
        <button class="run" part="run" @click=${this.runForward}>Run forward</button>
        <p class="status" role="status">${this.announcement}</p>
      </div>
      <div class="panels">
        <div class="card" role="group" part="inputs" aria-labelledby="inputs-title">
          <p class="card-title" id="inputs-title">Inputs</p>
          ${renderInputs(panel, this.handlers, this.pickedInput)}
        </div>
        <div class="card" role="group" part="editor" aria-labelledby="editor-title">
          <p class="card-title" id="editor-title">Selected neuron</p>
          ${renderEditor(panel, this.handlers, this.selected, this.selectedFrom)}
        </div>
        <div class="card" role="group" part="outputs" aria-labelledby="outputs-title">
          <p class="card-title" id="outputs-title">${softmax ? 'Class probabilities' : 'Outputs'}</p>
          ${renderOutputs(panel)}
        </div>
      </div>
      ${renderValueTable(panel)}
    `;
  }

  /** The width the diagram may use: the host's content box. */
  private drawingWidth(): number {
    return this.widthController.width;
  }

  /** The roving tab stop: the selected neuron when drawn, else the first drawn one. */
  private focusKey(layout: DiagramLayout): NodeKey {
    const drawn = layout.columns[this.selected.layer]?.nodes.some((node) => node.index === this.selected.index);
    return drawn ? this.selected : { layer: 0, index: 0 };
  }

  private renderTooltip(view: DiagramView) {
    const target: Target | undefined =
      this.hovered ?? (this.diagramFocused ? { kind: 'node', ...this.selected } : undefined);
    if (!target || this.lit !== Infinity) return nothing;
    const { network, trace, names, layout } = view;
    let x: number;
    let y: number;
    /** What the tooltip points at, and how far from it to stay when it sits above or below. */
    let anchor: { x: number; y: number; clear: number };
    let body;
    if (target.kind === 'node') {
      const spot = layout.columns[target.layer]?.nodes.find((node) => node.index === target.index);
      if (!spot) return nothing;
      x = spot.x + layout.radius + 10;
      y = spot.y;
      anchor = { x: spot.x, y: spot.y, clear: layout.radius + 8 };
      const { layer, index } = target;
      const title = html`<strong>${names(layer, index)}</strong> <span class="muted">${layerCaption(layer, network.layers.length)}</span>`;
      body =
        layer === 0
          ? html`${title}<br />value <span class="number">${formatNumber(trace[0].a[index], 3)}</span>`
          : html`${title}<br />z <span class="number">${formatNumber(trace[layer].z[index], 3)}</span> · a
              <span class="number">${formatNumber(trace[layer].a[index], 3)}</span> · b
              <span class="number">${formatNumber(biasOf(network, layer, index), 3)}</span>`;
    } else {
      const from = layout.columns[target.k]?.nodes.find((node) => node.index === target.from);
      const to = layout.columns[target.k + 1]?.nodes.find((node) => node.index === target.to);
      if (!from || !to) return nothing;
      x = (from.x + to.x) / 2 + 8;
      y = (from.y + to.y) / 2;
      anchor = { x: x - 8, y, clear: 8 };
      body = html`weight <strong>${names(target.k, target.from)} → ${names(target.k + 1, target.to)}</strong><br />
        w <span class="number">${formatNumber(weightOf(network, target.k, target.to, target.from), 3)}</span>`;
    }
    const flip = x > layout.width * 0.6;
    if (flip) x -= target.kind === 'node' ? 2 * (layout.radius + 10) : 16;
    return html`<div
      class="tooltip ${flip ? 'flip' : ''}"
      aria-hidden="true"
      data-x=${anchor.x}
      data-y=${anchor.y}
      data-clear=${anchor.clear}
      style=${styleMap({ left: `${x}px`, top: `${y}px` })}
    >
      ${body}
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'nn-network': NnNetwork;
  }
}
