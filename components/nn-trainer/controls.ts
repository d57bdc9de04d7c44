import { html, nothing } from 'lit';
import { live } from 'lit/directives/live.js';
import { LIMITS, activations, datasets, features, optimizers, regularizations, scalarActivationNames } from '../../src/index.js';
import { formatNumber } from '../shared/format.js';
import { splitList, toNumber } from '../shared/parse.js';

/** Every control a writer may show, in the order they appear. */
export const CONTROL_NAMES = [
  'play',
  'step',
  'reset',
  'data',
  'noise',
  'train-split',
  'features',
  'hidden-layers',
  'activation',
  'learning-rate',
  'batch-size',
  'regularization',
  'optimizer',
  'speed',
] as const;
export type ControlName = (typeof CONTROL_NAMES)[number];

/** Shown when `controls` is not set: everything but the speed slider. */
export const DEFAULT_CONTROLS: readonly ControlName[] = CONTROL_NAMES.filter((name) => name !== 'speed');

const LEARNING_RATES = [0.00001, 0.0001, 0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1, 3, 10];
const REGULARIZATION_RATES = [0, 0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1, 3, 10];
const TRAINABLE_ACTIVATIONS = scalarActivationNames.filter((name) => activations[name].trainable);

/** A reader's entry the panel refused: shown back in its field, with a message beside it. */
export interface RefusedEntry {
  readonly field: ControlName;
  readonly text: string;
  readonly message: string;
}

/** What the settings panel reads from and writes to the trainer element. */
export interface SettingsHost {
  readonly id: string;
  data: string;
  noise: number;
  trainSplit: number;
  features?: readonly string[];
  /** The features in use. */
  readonly activeFeatures: readonly string[];
  hiddenLayers: readonly number[];
  activation: string;
  learningRate: number;
  batchSize: number;
  regularization: string;
  regularizationRate: number;
  optimizer: string;
  speed: number;
  readonly hasCustomData: boolean;
  /** What the custom data is and how it was read, e.g. "120 rows of CSV separated by semicolons". */
  readonly dataSummary?: string;
  readonly dimensions: number;
  /** The reader's last refused entry, if any. */
  readonly refused?: RefusedEntry;
  /** Sets a property as the reader chose and tells listeners. */
  set(name: string, value: unknown): void;
  /** Shows a refused entry beside its field (undefined clears it). */
  refuse(entry: RefusedEntry | undefined): void;
}

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
 * Reads the reader's hidden layers: "8, 8", or "none" for no hidden layer. Returns the
 * sizes, or a message that names the field, says what it takes and gives an example.
 */
export function readHiddenLayers(text: string): number[] | string {
  const trimmed = text.trim();
  if (trimmed.toLowerCase() === 'none') return [];
  const sizes = splitList(trimmed).map(toNumber);
  const most = LIMITS.layers - 2;
  if (sizes.length > 0 && sizes.length <= most && sizes.every((size) => Number.isInteger(size) && size >= 1 && size <= 64)) return sizes;
  const got = trimmed === '' ? 'nothing' : `"${trimmed.slice(0, 40)}"`;
  return `Hidden layers: got ${got}. Give neurons per layer, whole numbers from 1 to 64 separated by commas (at most ${most} layers), e.g. "8, 8", or "none".`;
}

/** Options for a select, keeping the current value even when it is not a preset. */
function numberOptions(values: readonly number[], current: number) {
  const list = values.includes(current) ? values : [...values, current].sort((a, b) => a - b);
  return list.map((value) => html`<option value=${value} ?selected=${value === current}>${value}</option>`);
}

function nameOptions(names: readonly string[], current: string, label: (name: string) => string) {
  return names.map((name) => html`<option value=${name} ?selected=${name === current}>${label(name)}</option>`);
}

/** The panel of hyper-parameter controls: native inputs, each with a label. */
export function renderSettings(host: SettingsHost, shown: ReadonlySet<string>) {
  const id = (name: string) => `${name}-control`;
  const onSelect = (name: string, parse: (v: string) => unknown = String) => (event: Event) =>
    host.set(name, parse((event.target as HTMLSelectElement).value));
  const field = (name: ControlName, content: unknown) => (shown.has(name) ? html`<div class="field">${content}</div>` : nothing);
  const refused = (name: ControlName) => (host.refused?.field === name ? host.refused : undefined);
  return html`
    ${field(
      'data',
      host.hasCustomData
        ? html`<p class="data-summary">Data: ${host.dataSummary ?? 'your own'}</p>`
        : html`<label for=${id('data')}>Data</label>
            <select id=${id('data')} @change=${onSelect('data')}>
              ${nameOptions(Object.keys(datasets), host.data, (name) => datasets[name].label)}
            </select>`,
    )}
    ${field(
      'noise',
      host.hasCustomData
        ? nothing
        : slider(id('noise'), 'Noise', String(host.noise), host.noise,
            sliderRange(host.noise, { min: 0, max: 50, step: 5 }, { min: 0, max: 50 }), onSelect('noise', Number)),
    )}
    ${field(
      'train-split',
      slider(id('train-split'), 'Training data', `${percentOf(host.trainSplit)}%`, percentOf(host.trainSplit),
        sliderRange(percentOf(host.trainSplit), { min: 10, max: 90, step: 10 }, { min: 1, max: 99 }), onSelect('trainSplit', (v) => Number(v) / 100)),
    )}
    ${field(
      'batch-size',
      slider(id('batch-size'), 'Batch size', String(host.batchSize), host.batchSize,
        sliderRange(host.batchSize, { min: 1, max: 30, step: 1 }, { min: 1, max: 10000 }), onSelect('batchSize', Number), 'input'),
    )}
    ${field(
      'learning-rate',
      html`<label for=${id('learning-rate')}>Learning rate</label>
        <select id=${id('learning-rate')} @change=${onSelect('learningRate', Number)}>
          ${numberOptions(LEARNING_RATES, host.learningRate)}
        </select>`,
    )}
    ${field(
      'activation',
      html`<label for=${id('activation')}>Activation</label>
        <select id=${id('activation')} @change=${onSelect('activation')}>
          ${nameOptions(TRAINABLE_ACTIVATIONS, host.activation, (name) => activations[name].label)}
        </select>`,
    )}
    ${field(
      'optimizer',
      html`<label for=${id('optimizer')}>Optimizer</label>
        <select id=${id('optimizer')} @change=${onSelect('optimizer')}>
          ${nameOptions(Object.keys(optimizers), host.optimizer, (name) => optimizers[name].label)}
        </select>`,
    )}
    ${field(
      'regularization',
      html`<label for=${id('regularization')}>Regularization</label>
        <select id=${id('regularization')} @change=${onSelect('regularization')}>
          ${nameOptions(Object.keys(regularizations), host.regularization, (name) => regularizations[name].label)}
        </select>
        <label for=${id('regularization-rate')}>Regularization rate</label>
        <select id=${id('regularization-rate')} @change=${onSelect('regularizationRate', Number)}>
          ${numberOptions(REGULARIZATION_RATES, host.regularizationRate)}
        </select>`,
    )}
    ${field(
      'hidden-layers',
      html`<label for=${id('hidden-layers')}>Hidden layers</label>
        <input id=${id('hidden-layers')} type="text" inputmode="numeric" spellcheck="false" autocomplete="off"
          aria-describedby=${id('hidden-hint')} aria-invalid=${refused('hidden-layers') ? 'true' : 'false'}
          .value=${live(refused('hidden-layers')?.text ?? (host.hiddenLayers.join(', ') || 'none'))}
          @change=${(event: Event) => {
            const text = (event.target as HTMLInputElement).value;
            const sizes = readHiddenLayers(text);
            host.refuse(typeof sizes === 'string' ? { field: 'hidden-layers', text, message: sizes } : undefined);
            if (typeof sizes !== 'string') host.set('hiddenLayers', sizes);
          }} />
        ${refused('hidden-layers')
          ? html`<small id=${id('hidden-hint')} class="problem" role="alert">${refused('hidden-layers')!.message}</small>`
          : html`<small id=${id('hidden-hint')}>Neurons per layer, e.g. 4, 2</small>`}`,
    )}
    ${field(
      'speed',
      slider(id('speed'), 'Speed', formatNumber(host.speed, 2), host.speed,
        sliderRange(host.speed, { min: 0.05, max: 4, step: 0.05 }, { min: 0.01, max: 100 }), onSelect('speed', Number), 'input'),
    )}
    ${shown.has('features') && host.dimensions === 2
      ? html`<fieldset class="field features">
          <legend>Features</legend>
          ${Object.values(features).map(
            (feature) => html`<label class="check">
              <input type="checkbox" .checked=${live(host.activeFeatures.includes(feature.name))}
                @change=${(event: Event) => {
                  const on = (event.target as HTMLInputElement).checked;
                  const next = Object.keys(features).filter((name) => (name === feature.name ? on : host.activeFeatures.includes(name)));
                  host.set('features', next);
                }} />
              ${feature.label}
            </label>`,
          )}
        </fieldset>`
      : nothing}
  `;
}

/** A setting as a whole percentage, as the training-data slider shows it. */
const percentOf = (fraction: number) => Math.round(fraction * 100);

/** A labelled range input showing `shown` beside its label; `on` is when it reports: 'change' or 'input'. */
function slider(id: string, label: string, shown: string, value: number, range: SliderRange, handler: (event: Event) => void, on: 'change' | 'input' = 'change') {
  return html`<label for=${id}>${label} <output class="number">${shown}</output></label>
    <input id=${id} type="range" min=${range.min} max=${range.max} step=${range.step} .value=${live(String(value))}
      @change=${on === 'change' ? handler : null} @input=${on === 'input' ? handler : null} />`;
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
