import { type PropertyValues, html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import type { NeuronResult } from '../../src/index.js';
import { CardInsetController } from '../shared/card-inset.js';
import { formatNumber } from '../shared/format.js';
import { NEURON_UPDATE } from '../shared/neuron-source.js';
import { NnElement } from '../shared/nn-element.js';
import { WidthController } from '../shared/resize-controller.js';
import { propertiesOf, restoreDefaults } from '../shared/settings.js';
import { shrinkToFit } from '../shared/shrink-to-fit.js';
import { format as fill } from '../shared/strings.js';
import { controlStyles, themeStyles } from '../shared/theme.js';
import { type EditTarget, fieldText, renderControls } from './controls.js';
import { type Decision, decide } from './decision.js';
import { renderBreakdown, renderLiveFormula } from './neuron-breakdown.js';
import { diagramHeight, renderDiagram } from './neuron-diagram.js';
import { NEURON_SETTINGS } from './nn-neuron.settings.js';
import type { NeuronStrings } from './nn-neuron.strings.js';
import { neuronStyles } from './nn-neuron.styles.js';
import { loadPlot, renderPlot } from './plot.js';
import { type NeuronView, readNeuron, settingOf } from './read.js';

export { NEURON_SETTINGS } from './nn-neuron.settings.js';
export { NEURON_STRINGS, type NeuronStrings } from './nn-neuron.strings.js';

/** Detail of the `input` and `change` events: the neuron's numbers after the reader's edit. */
export interface NeuronChangeDetail {
  inputs: number[];
  weights: number[];
  bias: number;
  z: number;
  output: number;
}

/** The events `<nn-neuron>` fires, by name, with their details. */
export interface NeuronEvents {
  input: NeuronChangeDetail;
  change: NeuronChangeDetail;
}

/** The card's default horizontal padding and border (see the styles), until measured. */
const CARD_INSET = 42;
const UNKNOWN: NeuronResult = { terms: [], sum: Number.NaN, z: Number.NaN, output: Number.NaN, slope: Number.NaN };

/**
 * One artificial neuron, computed by the core: inputs times weights, plus a bias, through
 * an activation. It draws the inputs flowing into the neuron (link colour shows a
 * weight's sign, width its size), the computation with the reader's numbers, and the
 * formula with live values; readers change inputs, weights and bias with native
 * sliders, number fields and switches.
 *
 * Events: native `input`/`change` events from the inner controls are stopped at the
 * shadow root and re-dispatched from the element as CustomEvents (bubbling, composed)
 * carrying the new numbers, so a listener receives exactly one `input` per reader change
 * and one `change` when it is committed. A number field commits on Enter or blur, and
 * at each press of ↑ or ↓ (which step it as its slider does), and fires `input` then `change`.
 *
 * With `show-plot` it embeds an `<nn-activation-plot>`, whose module it loads the first time
 * the plot is shown (a page of plain neurons never downloads it); `updateComplete` then
 * resolves once the plot is defined and drawn. Its words are English unless `strings` gives
 * others (NEURON_STRINGS lists them).
 *
 * @summary A single neuron the reader can change: z = Σ wᵢxᵢ + b, output = f(z).
 *
 * @fires input - While the reader changes a value (each slider step). Detail: `{ inputs, weights, bias, z, output }`.
 * @fires change - When the reader commits a change. Same detail as `input`.
 * @fires nn-neuron-update - After any render in which z, the output or the activation changed (also from code); no detail.
 *
 * @csspart card - The card around everything (border, padding, background).
 * @csspart diagram - The SVG diagram of inputs, links, neuron and output.
 * @csspart controls - The list of inputs, weights and bias controls.
 * @csspart breakdown - The table of the computation.
 * @csspart formula - The MathML formulas with live values.
 * @csspart decision - The yes/no badge shown when `threshold` is set.
 * @csspart plot - The activation plot shown with `show-plot`.
 * @csspart error - The inline message shown for bad attributes.
 *
 * @cssproperty --nn-positive - Colour of positive weights.
 * @cssproperty --nn-negative - Colour of negative weights.
 * @cssproperty --nn-accent - Colour of controls and active inputs.
 * @cssproperty --nn-border - Colour of the card's border.
 * @cssproperty --nn-background - Background of the card.
 * @cssproperty --nn-surface - Background of panels inside the card.
 */
@customElement('nn-neuron')
export class NnNeuron extends NnElement<NeuronEvents> {
  static override styles = [themeStyles, controlStyles, neuronStyles];

  static override properties = propertiesOf(NEURON_SETTINGS);

  declare inputs: number[];
  declare weights: number[];
  declare bias: number;
  declare activation: string;
  declare labels: string[];
  declare outputLabel?: string;
  declare inputType: string;
  declare inputMin: number;
  declare inputMax: number;
  declare step?: number;
  declare threshold?: number;
  declare precision: number;
  declare editable: string;
  declare showPlot: boolean;
  /** The words readers see, over the English (NEURON_STRINGS): JSON text or an object. */
  declare strings?: string | Partial<NeuronStrings>;

  /** The last committed change, announced politely. */
  @state() private announcement = '';

  private view?: NeuronView;
  private announced = '';
  /** The activation and width the long formula was last fitted to. */
  private fittedFor = '';
  /** The plot's module, once `show-plot` asked for it. */
  private plotLoaded?: Promise<unknown>;
  private readonly size = new WidthController(this, 480);
  private readonly card = new CardInsetController(this, {
    width: () => this.size.width,
    card: () => this.renderRoot.querySelector('.card'),
    fallback: CARD_INSET,
  });

  constructor() {
    super();
    restoreDefaults(this, NEURON_SETTINGS);
  }

  /** z = Σ wᵢxᵢ + b for the current inputs, weights and bias (the last good value while they are bad). */
  get z(): number {
    return this.current().z;
  }

  /** f(z), the neuron's output (the last good value while the attributes are bad). */
  get output(): number {
    return this.current().output;
  }

  /** The result for the properties as they are now; the last good one while any is bad (as drawn). */
  private current(): NeuronResult {
    try {
      return this.read().result;
    } catch {
      return this.view?.result ?? UNKNOWN;
    }
  }

  private read(): NeuronView {
    return readNeuron(this, (attribute) => this.writtenText(attribute));
  }

  protected apply(): void {
    restoreDefaults(this, NEURON_SETTINGS);
    this.view = this.read();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    // Hiding the plot forgets a failed load, so showing it again tries again.
    if (!this.view?.showPlot) this.plotLoaded = undefined;
    else this.plotLoaded ??= loadPlot().catch((error: unknown) => console.warn(`<nn-neuron>: the activation plot could not be loaded: ${error}`));
  }

  /** Resolves once the element is drawn, and with `show-plot`, once its plot is defined and drawn too. */
  protected override async getUpdateComplete(): Promise<boolean> {
    const done = await super.getUpdateComplete();
    if (!this.plotLoaded) return done;
    await this.plotLoaded;
    await (this.renderRoot.querySelector('nn-activation-plot') as { updateComplete?: Promise<unknown> } | null)?.updateComplete;
    return done;
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    const view = this.view;
    if (!view) return;
    // Measure again when the width, the formula or the length of the table's numbers changes.
    const table = this.renderRoot.querySelector('.breakdown');
    const fitKey = `${view.activation.name}|${this.size.width}|${table?.textContent?.length}`;
    if (fitKey !== this.fittedFor) {
      this.fittedFor = fitKey;
      shrinkToFit(this.renderRoot.querySelectorAll('math.long, math.wide, .breakdown'));
    }
    const key = `${view.result.z}|${view.result.output}|${view.activation.name}`;
    if (key !== this.announced) {
      this.announced = key;
      this.dispatchEvent(new Event(NEURON_UPDATE, { bubbles: true, composed: true }));
    }
  }

  private decision(view: NeuronView, output = view.result.output): Decision | undefined {
    return decide(output, view.threshold, (value) => formatNumber(value, view.precision), view.words);
  }

  protected override render() {
    const view = this.view;
    if (!view) return html`<div class="card" part="card">${this.renderProblem()}</div>`;
    const format = (value: number) => formatNumber(value, view.precision);
    const formatInput = (value: number) => (view.inputType === 'binary' ? formatNumber(value, 0) : format(value));
    const decision = this.decision(view);
    const { result } = view;
    const width = Math.min(720, Math.max(240, this.size.width - this.card.inset));
    const model = { ...view, result, format, formatInput };
    return html`<div class="card" part="card">
      ${this.renderProblem()}
      <div class="headline">
        <span class="output-label">${view.outputLabel}</span>
        <span class="output number">${format(result.output)}</span>
        ${
          decision
            ? html`<span class="decision ${decision.kind}" part="decision"
                >${decision.text}<span class="visually-hidden">,</span>
                <span class="rule ${decision.kind === 'unknown' ? '' : 'number'}">${decision.rule}</span></span
              >`
            : nothing
        }
      </div>
      <svg
        class="diagram"
        part="diagram"
        width=${width}
        height=${diagramHeight(view.inputs.length)}
        role="img"
        aria-label=${this.describe(view, format, formatInput)}
      >
        ${renderDiagram({
          width,
          labels: view.labels,
          inputs: view.inputs,
          weights: view.weights,
          bias: view.bias,
          z: result.z,
          output: result.output,
          symbol: view.activation.symbol,
          outputLabel: view.outputLabel,
          decision,
          binary: view.inputType === 'binary',
          format,
          formatInput,
        })}
      </svg>
      <div class="panels">
        ${renderControls(view, format, (event, what, index) => this.onEdit(event, what, index))}
        <div class="math">${renderBreakdown(model)} ${renderLiveFormula(model)}</div>
      </div>
      ${view.showPlot ? renderPlot(view.activation, result.z) : nothing}
      <p class="visually-hidden" aria-live="polite">${this.announcement}</p>
    </div>`;
  }

  /**
   * A reader's edit: stops the native event, updates the element's own property and
   * re-dispatches `input`/`change` from the host with the new numbers.
   */
  private onEdit(event: Event, what: EditTarget, index: number): void {
    event.stopPropagation();
    const control = event.target as HTMLInputElement;
    const typing = control.type === 'number';
    if (typing && event.type === 'input') return; // number fields commit on change
    const value = control.type === 'checkbox' ? (control.checked ? 1 : 0) : control.valueAsNumber;
    // Edit the numbers the reader sees (the last good ones, also while an attribute is bad or removed).
    const view = this.view;
    if (!view) return;
    if (!Number.isFinite(value)) {
      control.value = fieldText(what === 'bias' ? view.bias : what === 'weight' ? view.weights[index] : view.inputs[index], view.precision);
      return;
    }
    // A committed field shows its number as the others do, also when it rounds to the text shown before.
    if (typing) control.value = fieldText(value, view.precision);
    if (what === 'bias') this.bias = value;
    else if (what === 'weight') this.weights = view.weights.map((w, i) => (i === index ? value : w));
    else this.inputs = view.inputs.map((x, i) => (i === index ? value : x));
    const detail = this.detail();
    if (typing || event.type === 'input') this.emit('input', detail);
    if (event.type === 'change') {
      this.emit('change', detail);
      this.announce(detail.output);
    }
  }

  private detail(): NeuronChangeDetail {
    const { z, output } = this.current();
    const inputs = settingOf<number[]>(this, 'inputs');
    const weights = settingOf<number[]>(this, 'weights');
    return { inputs: [...inputs], weights: [...weights], bias: settingOf<number>(this, 'bias'), z, output };
  }

  private announce(output: number): void {
    const view = this.view;
    if (!view) return;
    const decision = this.decision(view, output);
    const values = { output: view.outputLabel, value: formatNumber(output, view.precision), decision: decision?.text ?? '' };
    const text = fill(decision ? view.words.announceDecision : view.words.announce, values);
    // Re-announce an unchanged text by toggling a trailing space.
    this.announcement = text === this.announcement.trim() ? `${text} ` : text;
  }

  private describe(view: NeuronView, format: (v: number) => string, formatInput: (v: number) => string): string {
    const { words } = view;
    const inputs = view.inputs.map((x, i) => fill(words.inputDescription, { input: view.labels[i], value: formatInput(x), weight: format(view.weights[i]) }));
    const values = { inputs: inputs.join('; '), bias: format(view.bias), z: format(view.result.z), activation: view.activation.label };
    return fill(words.description, { ...values, output: format(view.result.output) });
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'nn-neuron': NnNeuron;
  }
}
