import { type PropertyValues, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { type Activation, NnKitError, type NeuronResult, computeNeuron } from '../../src/index.js';
import { formatNumber } from '../shared/format.js';
import { NEURON_UPDATE } from '../shared/neuron-source.js';
import { NnElement } from '../shared/nn-element.js';
import { checkChoice, checkNumber, checkNumberList, labelAt, labelListConverter, listChanged, numberConverter, numberListConverter } from '../shared/parse.js';
import { WidthController } from '../shared/resize-controller.js';
import { niceStep } from '../shared/scale.js';
import { styleMap } from '../shared/style-map.js';
import { controlStyles, themeStyles } from '../shared/theme.js';
import '../nn-activation-plot/nn-activation-plot.js';
import { horizontalInset } from '../nn-activation-plot/card-inset.js';
import { shrinkToFit } from '../shared/shrink-to-fit.js';
import { formulaHead } from '../nn-activation-plot/formula.js';
import { stepTo } from '../nn-activation-plot/curves.js';
import { checkScalarActivation } from '../nn-activation-plot/scalar-activation.js';
import { type Decision, decide } from './decision.js';
import { type EditablePart, parseEditable } from './editable.js';
import { renderBreakdown, renderLiveFormula } from './neuron-breakdown.js';
import { diagramHeight, renderDiagram } from './neuron-diagram.js';
import { neuronStyles } from './nn-neuron.styles.js';

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

type InputType = 'binary' | 'range';

/** The last good settings, drawn until a new valid set replaces them. */
interface NeuronView {
  inputs: number[];
  weights: number[];
  bias: number;
  activation: Activation;
  labels: string[];
  outputLabel: string;
  inputType: InputType;
  inputRange: [number, number];
  step: number;
  threshold: number | undefined;
  precision: number;
  editable: ReadonlySet<EditablePart>;
  showPlot: boolean;
  result: NeuronResult;
}

const MAX_INPUTS = 12;
/** The defaults, used again when an attribute is removed. */
const DEFAULTS = { inputs: [1, 0.5], weights: [0.8, -0.6], bias: 0.1, activation: 'sigmoid' } as const;
/** The card's default horizontal padding and border (see the styles), until measured. */
const CARD_INSET = 42;
const PARAMETER_RANGE = 4;
const PARAMETER_STEP = 0.1;
/** Characters a number field makes room for: "−0.75" at least, then as many as its text has. */
const FIELD_CHARS = { min: 5, max: 11 };
const SUBSCRIPTS = '₀₁₂₃₄₅₆₇₈₉';
const defaultLabel = (i: number) => `x${String(i + 1).replace(/\d/g, (d) => SUBSCRIPTS[Number(d)])}`;

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

  /** Input values, comma separated (default "1, 0.5"). */
  @property({ converter: numberListConverter, hasChanged: listChanged }) inputs: number[] = [...DEFAULTS.inputs];

  /** One weight per input, comma separated (default "0.8, −0.6"). */
  @property({ converter: numberListConverter, hasChanged: listChanged }) weights: number[] = [...DEFAULTS.weights];

  /** The bias b added to the weighted sum (default 0.1). */
  @property({ converter: numberConverter }) bias: number = DEFAULTS.bias;

  /** The activation: any scalar name from the core registry (default "sigmoid"). */
  @property() activation: string = DEFAULTS.activation;

  /** Names of the inputs, comma separated (default x₁, x₂, …). Shown as text. */
  @property({ converter: labelListConverter, hasChanged: listChanged }) labels: string[] = [];

  /** Name of the output, e.g. "Go for a walk?" (default "Output"). */
  @property({ attribute: 'output-label' }) outputLabel = 'Output';

  /** How readers set inputs: "range" sliders (default) or "binary" switches (0 or 1). */
  @property({ attribute: 'input-type' }) inputType: string = 'range';

  /** Lowest value of an input slider (default 0, or lower to include the inputs). */
  @property({ attribute: 'input-min', converter: numberConverter }) inputMin = 0;

  /** Highest value of an input slider (default 1, or higher to include the inputs). */
  @property({ attribute: 'input-max', converter: numberConverter }) inputMax = 1;

  /** Step of the input sliders (default: a round step, about a twentieth of the range). */
  @property({ converter: numberConverter }) step?: number;

  /** When set, shows a yes/no decision: yes when output ≥ threshold (it cannot decide while the output is not a finite number). */
  @property({ converter: numberConverter }) threshold?: number;

  /** Digits shown after the decimal point (0–6, default 2), in every number, the number fields too. */
  @property({ converter: numberConverter }) precision = 2;

  /** What the reader may change: "all" (default), "none", or any of "inputs", "weights", "bias". */
  @property() editable = 'all';

  /** Also show a small plot of the activation with the point (z, output) marked. */
  @property({ type: Boolean, attribute: 'show-plot' }) showPlot = false;

  /** The last committed change, announced politely. */
  @state() private announcement = '';

  private view?: NeuronView;
  private announced = '';
  private inset = CARD_INSET;
  private insetFor = -1;
  /** The activation and width the long formula was last fitted to. */
  private fittedFor = '';
  private readonly size = new WidthController(this, 480);

  /** z = Σ wᵢxᵢ + b for the current inputs, weights and bias (the last good value while they are bad). */
  get z(): number {
    return this.current().z;
  }

  /** f(z), the neuron's output (the last good value while the attributes are bad). */
  get output(): number {
    return this.current().output;
  }

  /** The settings to compute with: a removed attribute (null or undefined) means its default. */
  private settings() {
    return {
      inputs: this.inputs ?? [...DEFAULTS.inputs],
      weights: this.weights ?? [...DEFAULTS.weights],
      bias: this.bias ?? DEFAULTS.bias,
      activation: this.activation ?? DEFAULTS.activation,
    };
  }

  /** The result for the properties as they are now; the last good one while any is bad (as drawn). */
  private current(): NeuronResult {
    try {
      return this.read().result;
    } catch {
      return this.view?.result ?? { terms: [], sum: Number.NaN, z: Number.NaN, output: Number.NaN, slope: Number.NaN };
    }
  }

  protected apply(): void {
    this.view = this.read();
  }

  /** Checks every property and computes the neuron through the core; throws an NnKitError on bad input. */
  private read(): NeuronView {
    const settings = this.settings();
    const inputs = checkNumberList(settings.inputs, 'inputs', {}, this.writtenText('inputs'));
    if (inputs.length > MAX_INPUTS) {
      throw new NnKitError(`inputs: a neuron here takes at most ${MAX_INPUTS} inputs; got ${inputs.length}.`);
    }
    const weights = checkNumberList(settings.weights, 'weights', {}, this.writtenText('weights'));
    if (weights.length !== inputs.length) {
      throw new NnKitError(
        `There are ${inputs.length} inputs but ${weights.length} weights; give one weight per input, e.g. weights="${inputs.map(() => '0.5').join(', ')}".`,
      );
    }
    const bias = checkNumber(settings.bias, 'bias', {}, this.writtenText('bias'));
    const activation = checkScalarActivation(settings.activation);
    const inputType = checkChoice(this.inputType ?? 'range', 'input-type', ['range', 'binary'] as const);
    if (inputType === 'binary') {
      const bad = inputs.findIndex((x) => x !== 0 && x !== 1);
      if (bad >= 0) {
        throw new NnKitError(`With input-type="binary" each input is 0 or 1; item ${bad + 1} is ${inputs[bad]}.`);
      }
    }
    const inputMin = checkNumber(this.inputMin ?? 0, 'input-min', {}, this.writtenText('input-min'));
    const inputMax = checkNumber(this.inputMax ?? 1, 'input-max', {}, this.writtenText('input-max'));
    if (inputMin >= inputMax) {
      throw new NnKitError(`input-min (${inputMin}) must be less than input-max (${inputMax}), e.g. input-min="0" input-max="1".`);
    }
    const inputRange: [number, number] = [Math.min(inputMin, ...inputs), Math.max(inputMax, ...inputs)];
    const step =
      this.step == null
        ? niceStep(inputRange[0], inputRange[1], 20)
        : checkNumber(this.step, 'step', { min: Number.MIN_VALUE }, this.writtenText('step'));
    const threshold = this.threshold == null ? undefined : checkNumber(this.threshold, 'threshold', {}, this.writtenText('threshold'));
    const precision = checkNumber(this.precision ?? 2, 'precision', { min: 0, max: 6, integer: true }, this.writtenText('precision'));
    const editable = parseEditable(this.editable);
    // Labels are text, whatever a script sets (numbers, for instance).
    const labels = inputs.map((_, i) => labelAt(this.labels, i) ?? defaultLabel(i));
    const result = computeNeuron({ inputs, weights, bias, activation: activation.name });
    return {
      inputs: [...inputs],
      weights: [...weights],
      bias,
      activation,
      labels,
      outputLabel: String(this.outputLabel ?? '').trim() || 'Output',
      inputType,
      inputRange,
      step,
      threshold,
      precision,
      editable,
      showPlot: this.showPlot,
      result,
    };
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    // Measure the card's padding once per host width (a page may restyle ::part(card)).
    if (this.insetFor !== this.size.width && this.hasUpdated) {
      this.insetFor = this.size.width;
      this.inset = horizontalInset(this.renderRoot.querySelector('.card'), this.inset);
    }
    super.willUpdate(changed);
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
    return decide(output, view.threshold, (value) => formatNumber(value, view.precision));
  }

  protected override render() {
    const view = this.view;
    if (!view) return html`<div class="card" part="card">${this.renderProblem()}</div>`;
    const format = (value: number) => formatNumber(value, view.precision);
    const formatInput = (value: number) => (view.inputType === 'binary' ? formatNumber(value, 0) : format(value));
    const decision = this.decision(view);
    const { result } = view;
    const width = Math.min(720, Math.max(240, this.size.width - this.inset));
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
          symbol: formulaHead(view.activation).name,
          outputLabel: view.outputLabel,
          decision,
          binary: view.inputType === 'binary',
          format,
          formatInput,
        })}
      </svg>
      <div class="panels">
        ${this.renderControls(view, format)}
        <div class="math">${renderBreakdown(model)} ${renderLiveFormula(model)}</div>
      </div>
      ${view.showPlot ? this.renderPlot(view) : nothing}
      <p class="visually-hidden" aria-live="polite">${this.announcement}</p>
    </div>`;
  }

  /** The activation's plot with (z, output) marked; without a mark, over −6 to 6, while z is not a finite number. */
  private renderPlot(view: NeuronView) {
    const z = view.result.z;
    const finite = Number.isFinite(z);
    return html`<nn-activation-plot
      class="plot"
      part="plot"
      activation=${view.activation.name}
      .value=${finite ? z : undefined}
      .xMin=${finite ? Math.min(-6, Math.floor(z) - 1) : -6}
      .xMax=${finite ? Math.max(6, Math.ceil(z) + 1) : 6}
      .height=${200}
    ></nn-activation-plot>`;
  }

  private renderControls(view: NeuronView, format: (value: number) => string) {
    const canInputs = view.editable.has('inputs');
    const canWeights = view.editable.has('weights');
    // Number fields as wide as their longest text (at precision 6 too), up to a limit.
    const texts = [...view.inputs, ...view.weights, view.bias].map((v) => this.fieldText(v).length);
    const chars = Math.min(FIELD_CHARS.max, Math.max(FIELD_CHARS.min, ...texts));
    return html`
      <div class="controls ${view.inputType}" part="controls" style=${styleMap({ '--_field-chars': chars })}>
        <div class="row head" aria-hidden="true">
          <span>Input</span><span>Value</span><span>Weight</span>
        </div>
        ${view.inputs.map(
          (x, i) => html`
            <div class="row" role="group" aria-label=${view.labels[i]}>
              <span class="name">${view.labels[i]}</span>
              <div class="cell">
                <span class="caption" aria-hidden="true">Value</span>
                ${canInputs ? this.renderInputControl(view, i, x) : html`<span class="fixed number">${view.inputType === 'binary' ? x : format(x)}</span>`}
              </div>
              <div class="cell">
                <span class="caption" aria-hidden="true">Weight</span>
                ${
                  canWeights
                    ? this.renderPair(`Weight for ${view.labels[i]}`, view.weights[i], 'weight', i)
                    : html`<span class="fixed number">${format(view.weights[i])}</span>`
                }
              </div>
            </div>
          `,
        )}
        <div class="row bias" role="group" aria-label="Bias">
          <span class="name">Bias</span>
          <div class="cell wide">
            ${
              view.editable.has('bias')
                ? this.renderPair('Bias', view.bias, 'bias', 0)
                : html`<span class="fixed number">${format(view.bias)}</span>`
            }
          </div>
        </div>
      </div>
    `;
  }

  private renderInputControl(view: NeuronView, i: number, x: number) {
    if (view.inputType === 'binary') {
      return html`<label class="switch">
        <input
          type="checkbox"
          role="switch"
          aria-label=${view.labels[i]}
          .checked=${x !== 0}
          @input=${(e: Event) => this.onEdit(e, 'input', i)}
          @change=${(e: Event) => this.onEdit(e, 'input', i)}
        />
        <span class="state number" aria-hidden="true">${x !== 0 ? '1' : '0'}</span>
      </label>`;
    }
    const [min, max] = view.inputRange;
    return this.renderPair(`Value of ${view.labels[i]}`, x, 'input', i, { min, max, step: view.step });
  }

  /** A slider and a number field for one value; both carry `label`. */
  private renderPair(
    label: string,
    value: number,
    what: 'input' | 'weight' | 'bias',
    index: number,
    range = {
      min: Math.min(-PARAMETER_RANGE, Math.floor(value)),
      max: Math.max(PARAMETER_RANGE, Math.ceil(value)),
      step: PARAMETER_STEP,
    },
  ) {
    const edit = (e: Event) => this.onEdit(e, what, index);
    return html`<span class="pair">
      <input
        type="range"
        aria-label=${label}
        min=${range.min}
        max=${range.max}
        step=${range.step}
        .value=${String(value)}
        @input=${edit}
        @change=${edit}
      />
      <input
        type="number"
        aria-label=${`${label}, exact value`}
        step="any"
        .value=${this.fieldText(value)}
        @keydown=${(e: KeyboardEvent) => this.onFieldKey(e, range.step)}
        @input=${edit}
        @change=${edit}
      />
    </span>`;
  }

  /** A number field's text: `precision` digits, as every other number of the neuron (a plain minus, as fields need). */
  private fieldText(value: number): string {
    return value.toFixed(this.view?.precision ?? 2);
  }

  /**
   * ↑ and ↓ in a number field step as its slider does and commit at once. The field's own
   * step stays "any", so a typed value such as 0.15 is never flagged as invalid.
   */
  private onFieldKey(event: KeyboardEvent, step: number): void {
    if (event.key !== 'ArrowUp' && event.key !== 'ArrowDown') return;
    const field = event.target as HTMLInputElement;
    if (!Number.isFinite(field.valueAsNumber)) return;
    event.preventDefault();
    field.value = String(stepTo(field.valueAsNumber, step, event.key === 'ArrowUp' ? 1 : -1));
    field.dispatchEvent(new Event('change'));
  }

  /**
   * A reader's edit: stops the native event, updates the element's own property and
   * re-dispatches `input`/`change` from the host with the new numbers.
   */
  private onEdit(event: Event, what: 'input' | 'weight' | 'bias', index: number): void {
    event.stopPropagation();
    const control = event.target as HTMLInputElement;
    const typing = control.type === 'number';
    if (typing && event.type === 'input') return; // number fields commit on change
    const value = control.type === 'checkbox' ? (control.checked ? 1 : 0) : control.valueAsNumber;
    // Edit the numbers the reader sees (the last good ones, also while an attribute is bad or removed).
    const view = this.view;
    if (!view) return;
    if (!Number.isFinite(value)) {
      control.value = this.fieldText(what === 'bias' ? view.bias : what === 'weight' ? view.weights[index] : view.inputs[index]);
      return;
    }
    // A committed field shows its number as the others do, also when it rounds to the text shown before.
    if (typing) control.value = this.fieldText(value);
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
    const { inputs, weights, bias } = this.settings();
    return { inputs: [...inputs], weights: [...weights], bias, z, output };
  }

  private announce(output: number): void {
    const view = this.view;
    if (!view) return;
    const format = (value: number) => formatNumber(value, view.precision);
    const decision = this.decision(view, output);
    const text = `${view.outputLabel}: ${format(output)}${decision ? `, ${decision.text}` : ''}.`;
    // Re-announce an unchanged text by toggling a trailing space.
    this.announcement = text === this.announcement.trim() ? `${text} ` : text;
  }

  private describe(view: NeuronView, format: (v: number) => string, formatInput: (v: number) => string): string {
    const parts = view.inputs.map((x, i) => `${view.labels[i]} ${formatInput(x)} with weight ${format(view.weights[i])}`);
    return `Neuron: ${parts.join('; ')}; bias ${format(view.bias)}; z = ${format(view.result.z)}; ${view.activation.label} output ${format(view.result.output)}.`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'nn-neuron': NnNeuron;
  }
}
