import { html } from 'lit';
import { stepTo } from '../shared/steps.js';
import { format } from '../shared/strings.js';
import { styleMap } from '../shared/style-map.js';
import type { NeuronView } from './read.js';

/** Which number a control edits. */
export type EditTarget = 'input' | 'weight' | 'bias';

/** Called for each native input and change event of a control. */
export type EditHandler = (event: Event, what: EditTarget, index: number) => void;

const PARAMETER_RANGE = 4;
const PARAMETER_STEP = 0.1;
/** Characters a number field makes room for: "−0.75" at least, then as many as its text has. */
const FIELD_CHARS = { min: 5, max: 11 };

/** A number field's text: `precision` digits, as every other number of the neuron (a plain minus, as fields need). */
export const fieldText = (value: number, precision: number): string => value.toFixed(precision);

/**
 * The controls: one row per input (its value, as a slider and number field or a switch,
 * and its weight), then the bias. What `editable` leaves out is shown as a fixed number.
 */
export function renderControls(view: NeuronView, formatValue: (value: number) => string, edit: EditHandler) {
  const { words } = view;
  const canInputs = view.editable.has('inputs');
  const canWeights = view.editable.has('weights');
  // Number fields as wide as their longest text (at precision 6 too), up to a limit.
  const texts = [...view.inputs, ...view.weights, view.bias].map((v) => fieldText(v, view.precision).length);
  const chars = Math.min(FIELD_CHARS.max, Math.max(FIELD_CHARS.min, ...texts));
  return html`
    <div class="controls ${view.inputType}" part="controls" style=${styleMap({ '--_field-chars': chars })}>
      <div class="row head" aria-hidden="true">
        <span>${words.input}</span><span>${words.value}</span><span>${words.weight}</span>
      </div>
      ${view.inputs.map(
        (x, i) => html`
          <div class="row" role="group" aria-label=${view.labels[i]}>
            <span class="name">${view.labels[i]}</span>
            <div class="cell">
              <span class="caption" aria-hidden="true">${words.value}</span>
              ${canInputs ? renderInputControl(view, i, x, edit) : html`<span class="fixed number">${view.inputType === 'binary' ? x : formatValue(x)}</span>`}
            </div>
            <div class="cell">
              <span class="caption" aria-hidden="true">${words.weight}</span>
              ${
                canWeights
                  ? renderPair(view, fillIn(words.inputWeight, view.labels[i]), view.weights[i], 'weight', i, edit)
                  : html`<span class="fixed number">${formatValue(view.weights[i])}</span>`
              }
            </div>
          </div>
        `,
      )}
      <div class="row bias" role="group" aria-label=${words.bias}>
        <span class="name">${words.bias}</span>
        <div class="cell wide">
          ${view.editable.has('bias') ? renderPair(view, words.bias, view.bias, 'bias', 0, edit) : html`<span class="fixed number">${formatValue(view.bias)}</span>`}
        </div>
      </div>
    </div>
  `;
}

const fillIn = (template: string, input: string) => format(template, { input });

function renderInputControl(view: NeuronView, i: number, x: number, edit: EditHandler) {
  if (view.inputType === 'binary') {
    return html`<label class="switch">
      <input
        type="checkbox"
        role="switch"
        aria-label=${view.labels[i]}
        .checked=${x !== 0}
        @input=${(e: Event) => edit(e, 'input', i)}
        @change=${(e: Event) => edit(e, 'input', i)}
      />
      <span class="state number" aria-hidden="true">${x !== 0 ? '1' : '0'}</span>
    </label>`;
  }
  const [min, max] = view.inputRange;
  return renderPair(view, fillIn(view.words.inputValue, view.labels[i]), x, 'input', i, edit, { min, max, step: view.step });
}

/** A slider and a number field for one value; both carry `label`. */
function renderPair(
  view: NeuronView,
  label: string,
  value: number,
  what: EditTarget,
  index: number,
  edit: EditHandler,
  range = {
    min: Math.min(-PARAMETER_RANGE, Math.floor(value)),
    max: Math.max(PARAMETER_RANGE, Math.ceil(value)),
    step: PARAMETER_STEP,
  },
) {
  const onEdit = (e: Event) => edit(e, what, index);
  return html`<span class="pair">
    <input
      type="range"
      aria-label=${label}
      min=${range.min}
      max=${range.max}
      step=${range.step}
      .value=${String(value)}
      @input=${onEdit}
      @change=${onEdit}
    />
    <input
      type="number"
      aria-label=${format(view.words.exactValue, { control: label })}
      step="any"
      .value=${fieldText(value, view.precision)}
      @keydown=${(e: KeyboardEvent) => onFieldKey(e, range.step)}
      @input=${onEdit}
      @change=${onEdit}
    />
  </span>`;
}

/**
 * ↑ and ↓ in a number field step as its slider does and commit at once. The field's own
 * step stays "any", so a typed value such as 0.15 is never flagged as invalid.
 */
function onFieldKey(event: KeyboardEvent, step: number): void {
  if (event.key !== 'ArrowUp' && event.key !== 'ArrowDown') return;
  const field = event.target as HTMLInputElement;
  if (!Number.isFinite(field.valueAsNumber)) return;
  event.preventDefault();
  field.value = String(stepTo(field.valueAsNumber, step, event.key === 'ArrowUp' ? 1 : -1));
  field.dispatchEvent(new Event('change'));
}
