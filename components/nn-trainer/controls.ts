import { html, nothing } from 'lit';
import { live } from 'lit/directives/live.js';
import { formatNumber } from '../shared/format.js';
import { splitList, toNumber } from '../shared/parse.js';
import { type Setting, type SettingControl, attributeOf } from '../shared/settings.js';
import { format } from '../shared/strings.js';
import { typedValue } from '../shared/typed-value.js';
import type { LazyDisclosure } from './lazy.js';
import { CONTROL_NAMES, TRAINER_SETTINGS, type TrainerValues, type TrainerWords } from './nn-trainer.settings.js';

export { CONTROL_NAMES };

/** A reader's entry the panel refused: shown back in its field, with a message beside it. */
export interface RefusedEntry {
  /** The control's name (its setting's attribute). */
  readonly field: string;
  readonly text: string;
  readonly message: string;
}

/** What the settings panel shows and whom it tells; it reads nothing else of the element. */
export interface PanelInput {
  /** The settings in force (the last ones applied without error), with the hidden layers and features the network has. */
  readonly values: TrainerValues;
  /** The controls to show, by name. */
  readonly shown: ReadonlySet<string>;
  readonly words: TrainerWords;
  /** Set when the data is the writer's: what it is and how it was read, e.g. "120 rows of CSV separated by semicolons". */
  readonly dataSummary?: string;
  /** Input columns of the data: the features apply to two. */
  readonly dimensions: number;
  /** The reader's last refused entry, if any. */
  readonly refused?: RefusedEntry;
  /** Sets a setting's property as the reader chose. */
  set(name: string, value: unknown): void;
  /** Shows a refused entry beside its field (undefined clears it). */
  refuse(entry: RefusedEntry | undefined): void;
  /** The per-layer selects' disclosure: the reader's opening and closing, and their code while shown. */
  readonly perLayer: Pick<LazyDisclosure<typeof import('./per-layer.js')>, 'toggle' | 'content'>;
}

export type Row = readonly [name: string, setting: Setting & { readonly control: SettingControl }];

/** The settings that have a control, in the table's order. */
const ROWS = Object.entries(TRAINER_SETTINGS as Record<string, Setting>).filter(([, setting]) => setting.control != null) as unknown as readonly Row[];

/** A slider's range and step. */
interface SliderRange {
  min: number;
  max: number;
  step: number;
}

/**
 * The slider range that shows `value` truly: the preset range, widened to reach the
 * value and shifted onto a grid of steps through it, within what the setting allows. An
 * arrow key then steps from the value itself, never from a clamped or rounded one.
 */
export function sliderRange(value: number, preset: SliderRange, allowed: { min: number; max: number }): SliderRange {
  const { min, max, step } = preset;
  if (!Number.isFinite(value)) return preset;
  const round = (x: number) => Number(x.toFixed(10));
  const lowest = Math.max(allowed.min, Math.min(min, value));
  const below = Math.floor((value - lowest) / step + 1e-9);
  const start = round(value - below * step);
  const highest = Math.max(max, value);
  let end = round(start + Math.floor((highest - start) / step + 1e-9) * step);
  if (end < highest && end + step <= allowed.max) end = round(end + step);
  return { min: start, max: end, step };
}

/**
 * Reads a reader's list of numbers for a 'list' control ("8, 8", or "none" for none),
 * checked against the setting's range. Returns the numbers, or the control's message
 * (`refused` in the strings) naming the field, saying what it takes, with an example.
 */
export function readList(text: string, setting: Setting, label: string, words: TrainerWords): number[] | string {
  const trimmed = text.trim();
  if (trimmed.toLowerCase() === 'none') return [];
  const { min = -Infinity, max = Infinity, integer } = setting;
  const most = setting.control?.maxItems ?? Infinity;
  const sizes = splitList(trimmed).map(toNumber);
  if (sizes.length > 0 && sizes.length <= most && sizes.every((size) => (!integer || Number.isInteger(size)) && size >= min && size <= max)) return sizes;
  const got = trimmed === '' ? words.nothing : `"${trimmed.slice(0, 40)}"`;
  const message = (words as Record<string, string>)[setting.control?.refused ?? ''] ?? '{label}: got {got}.';
  return format(message, { label, got, min, max, most });
}

/** The panel of settings: a native, labelled control for each setting with one, in the table's order. */
export function renderSettings(panel: PanelInput) {
  const fields = ROWS.filter(([name, setting]) => !setting.control.within && panel.shown.has(attributeOf(TRAINER_SETTINGS, name)));
  // Fieldsets span the panel's row: after the single fields.
  const wide = (row: Row) => row[1].control.type === 'checkboxes';
  return [...fields.filter((row) => !wide(row)), ...fields.filter(wide)].map((row) => renderField(panel, row));
}

function renderField(panel: PanelInput, row: Row) {
  const [name, setting] = row;
  const attribute = attributeOf(TRAINER_SETTINGS, name);
  // The writer's own data replaces the built-in data and its noise.
  if (panel.dataSummary != null && name === 'data') {
    return html`<div class="field"><p class="data-summary">${format(panel.words.dataSummary, { summary: panel.dataSummary || panel.words.ownData })}</p></div>`;
  }
  if (panel.dataSummary != null && name === 'noise') return nothing;
  if (setting.control.type === 'checkboxes') {
    // The features are of x₁ and x₂: they apply to data with two columns.
    return panel.dimensions === 2 ? renderCheckboxes(panel, row) : nothing;
  }
  const within = ROWS.filter(([, other]) => other.control.within === attribute);
  return html`<div class="field">${renderControl(panel, row)}${within.map((other) => renderControl(panel, other))}</div>`;
}

/** The words for a setting's label: the writer's, else the table's. */
const labelOf = (panel: PanelInput, name: string, setting: Setting) =>
  (panel.words as Record<string, string>)[attributeOf(TRAINER_SETTINGS, name)] ?? setting.label ?? name;

function renderControl(panel: PanelInput, row: Row) {
  const [name, setting] = row;
  const { control } = setting;
  const id = `${attributeOf(TRAINER_SETTINGS, name)}-control`;
  const label = labelOf(panel, name, setting);
  const value = (panel.values as Record<string, unknown>)[name];
  if (control.type === 'slider') return renderSlider(panel, row, id, label, value as number);
  if (control.type === 'list') return renderList(panel, row, id, label, value as readonly number[]);
  if (control.type === 'toggle') {
    return html`<label class="check" for=${id}>
      <input id=${id} type="checkbox" .checked=${live(value === true)} @change=${(event: Event) => panel.set(name, (event.target as HTMLInputElement).checked)} />
      ${label}
    </label>`;
  }
  const onChange = (read: (text: string) => unknown) => (event: Event) => panel.set(name, read((event.target as HTMLSelectElement).value));
  if (control.perLayer) return renderPerLayer(panel, row, id, label);
  if (control.presets) {
    const current = value as number;
    const list = control.presets.includes(current) ? control.presets : [...control.presets, current].sort((a, b) => a - b);
    return html`<label for=${id}>${label}</label>
      <select id=${id} @change=${onChange(Number)}>
        ${list.map((option) => html`<option value=${option} ?selected=${option === current}>${option}</option>`)}
      </select>`;
  }
  return html`<label for=${id}>${label}</label>${renderSelect(setting, id, Array.isArray(value) ? value[0] : value, onChange(String))}`;
}

/** A select of the row's choices, named by its `optionLabel`; `mixed` (the words for "each layer its own") heads it when no one choice is in force. */
export function renderSelect(setting: Setting, id: string, value: unknown, onChange: (event: Event) => void, mixed?: string) {
  const choices = typeof setting.choices === 'function' ? setting.choices() : (setting.choices ?? []);
  const optionLabel = setting.control?.optionLabel ?? String;
  return html`<select id=${id} @change=${onChange}>
    ${mixed ? html`<option value="" disabled selected>${mixed}</option>` : nothing}
    ${choices.map((option) => html`<option value=${option} ?selected=${option === value}>${optionLabel(option)}</option>`)}
  </select>`;
}

/**
 * A select for every hidden layer at once and, with two hidden layers or more, one per layer
 * under a disclosure (their code loads when it is first opened): the value is one name
 * (every layer) or a list, first to last.
 */
function renderPerLayer(panel: PanelInput, row: Row, id: string, label: string) {
  const [name, setting] = row;
  const count = panel.values.hiddenLayers?.length ?? 0;
  const value = (panel.values as Record<string, unknown>)[name];
  const perLayer = Array.isArray(value) && value.length === count && count > 1;
  const words = panel.words as Record<string, string>;
  const layers = words[`${setting.control.layerLabel}s`];
  const all = (event: Event) => panel.set(name, (event.target as HTMLSelectElement).value);
  return html`<label for=${id}>${label}</label>
    ${renderSelect(setting, id, perLayer ? undefined : Array.isArray(value) ? value[0] : value, all, perLayer ? layers : undefined)}
    ${count > 1
      ? html`<details class="per-layer" ?open=${perLayer} @toggle=${(event: Event) => perLayer || panel.perLayer.toggle((event.target as HTMLDetailsElement).open)}>
          <summary>${layers}</summary>
          ${panel.perLayer.content(perLayer)?.renderLayerSelects(panel, row, id, count) ?? nothing}
        </details>`
      : nothing}`;
}

/** A labelled range input showing the value beside its label; a '%' setting as a whole percentage. */
function renderSlider(panel: PanelInput, row: Row, id: string, label: string, value: number) {
  const [name, setting] = row;
  const { control } = setting;
  const percent = setting.unit === '%';
  const shown = percent ? Math.round(value * 100) : value;
  const text = percent ? `${shown}%` : control.digits != null ? formatNumber(value, control.digits) : String(value);
  const preset = control.range ?? { min: setting.min ?? 0, max: setting.max ?? 1, step: 1 };
  const allowed = control.limits ?? { min: setting.min ?? -Infinity, max: setting.max ?? Infinity };
  const range = sliderRange(shown, preset, allowed);
  const handler = (event: Event) => {
    const number = Number((event.target as HTMLInputElement).value);
    panel.set(name, percent ? number / 100 : number);
  };
  return html`<label for=${id}>${label} <output class="number">${text}</output></label>
    <input id=${id} type="range" min=${range.min} max=${range.max} step=${range.step} .value=${live(String(shown))}
      @change=${control.continuous ? null : handler} @input=${control.continuous ? handler : null} />`;
}

/** A text field for a list of numbers, with its hint, or its message when the reader's entry was refused. */
function renderList(panel: PanelInput, row: Row, id: string, label: string, value: readonly number[]) {
  const [name, setting] = row;
  const attribute = attributeOf(TRAINER_SETTINGS, name);
  const refused = panel.refused?.field === attribute ? panel.refused : undefined;
  const hintId = `${attribute}-hint`;
  const hint = (panel.words as Record<string, string>)[setting.control.hint ?? ''];
  return html`<label for=${id}>${label}</label>
    <input id=${id} type="text" inputmode=${setting.integer ? 'numeric' : 'decimal'} spellcheck="false" autocomplete="off"
      aria-describedby=${hintId} aria-invalid=${refused ? 'true' : 'false'}
      ${typedValue(refused?.text ?? (value.join(', ') || 'none'))}
      @change=${(event: Event) => {
        const text = (event.target as HTMLInputElement).value;
        const read = readList(text, setting, label, panel.words);
        panel.refuse(typeof read === 'string' ? { field: attribute, text, message: read } : undefined);
        if (typeof read !== 'string') panel.set(name, read);
      }} />
    ${refused
      ? html`<small id=${hintId} class="problem" role="alert">${refused.message}</small>`
      : hint ? html`<small id=${hintId}>${hint}</small>` : nothing}`;
}

/** One checkbox per choice, in a fieldset. */
function renderCheckboxes(panel: PanelInput, row: Row) {
  const [name, setting] = row;
  const choices = typeof setting.choices === 'function' ? setting.choices() : (setting.choices ?? []);
  const optionLabel = setting.control.optionLabel ?? String;
  const attribute = attributeOf(TRAINER_SETTINGS, name);
  const chosen = ((panel.values as Record<string, unknown>)[name] ?? []) as readonly string[];
  return html`<fieldset class="field checks ${attribute}">
    <legend>${labelOf(panel, name, setting)}</legend>
    ${choices.map(
      (option) => html`<label class="check">
        <input type="checkbox" .checked=${live(chosen.includes(option))}
          @change=${(event: Event) => {
            const on = (event.target as HTMLInputElement).checked;
            panel.set(name, choices.filter((other) => (other === option ? on : chosen.includes(other))));
          }} />
        ${optionLabel(option)}
      </label>`,
    )}
  </fieldset>`;
}

/** The buttons a finished run disables. */
const RUN_BUTTONS = 'button.play, button.step, button.step-epoch';

/**
 * Call when a run ends (its epochs are done, or it diverged), before Play and the step
 * buttons are disabled: keyboard focus moves from them to Reset, else to the first other
 * enabled control, so it never falls to the page.
 */
export function moveFocusFromRunButtons(root: ShadowRoot): void {
  const active = root.activeElement;
  if (!(active instanceof HTMLElement) || !active.matches(RUN_BUTTONS)) return;
  const others = [...root.querySelectorAll<HTMLElement>('button, select, input')].filter(
    (control) => !control.matches(RUN_BUTTONS) && !control.matches(':disabled'),
  );
  (root.querySelector<HTMLElement>('button.reset') ?? others[0])?.focus();
}
