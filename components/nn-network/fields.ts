import { html } from 'lit';
import { live } from 'lit/directives/live.js';
import { typedValue } from '../shared/typed-value.js';
import { fieldNumber } from './names.js';

/** A number a reader can edit with a slider and a number field side by side. */
export interface FieldSpec {
  /** Unique within the element; the controls get `${id}-range` and `${id}-number`. */
  id: string;
  label: string;
  /** Said after the label to screen readers only, e.g. " from x₁ to h₂". */
  detail?: string;
  value: number;
  /** The slider spans [−bound, bound], widened to hold the value. */
  bound: number;
  step: number;
  /**
   * Live changes while dragging or typing; `typed` when they came from the number field.
   * NaN while the typed text is not a number yet (e.g. "" or "-").
   */
  onInput(value: number, id: string, typed: boolean): void;
  /** The reader finished one edit (the native change). */
  onCommit(value: number, id: string): void;
  /** The reader left a field with no number in it: show the value again, nothing changed. */
  onCancel(id: string): void;
}

function readNumber(event: Event): number {
  return (event.target as HTMLInputElement).valueAsNumber;
}

/** Slider + number field for one value, both labelled by the visible label. */
export function renderField(spec: FieldSpec) {
  const { id, label, detail, value, step } = spec;
  const bound = Math.max(spec.bound, Math.ceil(Math.abs(value)));
  const onInput = (typed: boolean) => (event: Event) => spec.onInput(readNumber(event), id, typed);
  const onChange = (event: Event) => {
    // The inner change is not composed, but keep it from reaching shadow-level listeners too:
    // outside listeners get the element's own `change` with a detail.
    event.stopPropagation();
    const next = readNumber(event);
    if (Number.isFinite(next)) spec.onCommit(next, id);
    else spec.onCancel(id);
  };
  return html`<div class="field">
    <label class="field-label" id="${id}-label" for="${id}-number"
      >${label}${detail ? html`<span class="visually-hidden">${detail}</span>` : ''}</label
    >
    <input
      type="range"
      id="${id}-range"
      aria-labelledby="${id}-label"
      min=${-bound}
      max=${bound}
      step=${step}
      .value=${live(String(value))}
      @input=${onInput(false)}
      @change=${onChange}
    />
    <input
      type="number"
      id="${id}-number"
      step="any"
      inputmode="decimal"
      ${typedValue(fieldNumber(value))}
      @input=${onInput(true)}
      @change=${onChange}
      @blur=${(event: Event) => {
        // Not every browser fires change when a field is left empty.
        if (!Number.isFinite(readNumber(event))) spec.onCancel(id);
      }}
    />
  </div>`;
}

/** Longer lists than this are picked by number instead of from a select. */
const SELECT_LIMIT = 64;

/** Picks one neuron of a layer: a select of names, or a number field for long layers. */
export function renderPicker(spec: {
  id: string;
  label: string;
  count: number;
  value: number;
  name: (index: number) => string;
  onPick: (index: number) => void;
}) {
  const { id, label, count, value, name, onPick } = spec;
  if (count <= SELECT_LIMIT) {
    return html`<div class="picker">
      <label for=${id}>${label}</label>
      <select id=${id} @change=${(event: Event) => onPick(Number((event.target as HTMLSelectElement).value))}>
        ${Array.from({ length: count }, (_, i) => html`<option value=${i} ?selected=${i === value}>${name(i)}</option>`)}
      </select>
    </div>`;
  }
  const pick = (event: Event) => {
    const n = (event.target as HTMLInputElement).valueAsNumber;
    if (Number.isInteger(n) && n >= 1 && n <= count) onPick(n - 1);
  };
  return html`<div class="picker">
    <label for=${id}>${label} <span class="muted">(1–${count.toLocaleString('en')})</span></label>
    <input
      type="number"
      id=${id}
      min="1"
      max=${count}
      step="1"
      .value=${live(String(value + 1))}
      @input=${pick}
      @change=${(event: Event) => event.stopPropagation()}
    />
    <span class="picked" aria-hidden="true">${name(value)}</span>
  </div>`;
}
