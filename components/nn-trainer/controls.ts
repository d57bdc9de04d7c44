import { html, nothing } from 'lit';
import { live } from 'lit/directives/live.js';
import { activations, datasets, features, optimizers, regularizations, scalarActivationNames } from '../../src/index.js';
import { formatNumber } from '../shared/format.js';

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
  readonly dimensions: number;
  /** Sets a property as the reader chose and tells listeners. */
  set(name: string, value: unknown): void;
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
  return html`
    ${field(
      'data',
      host.hasCustomData
        ? nothing
        : html`<label for=${id('data')}>Data</label>
            <select id=${id('data')} @change=${onSelect('data')}>
              ${nameOptions(Object.keys(datasets), host.data, (name) => datasets[name].label)}
            </select>`,
    )}
    ${field(
      'noise',
      host.hasCustomData
        ? nothing
        : html`<label for=${id('noise')}>Noise <output class="number">${host.noise}</output></label>
            <input id=${id('noise')} type="range" min="0" max="50" step="5" .value=${live(String(host.noise))}
              @change=${onSelect('noise', Number)} />`,
    )}
    ${field(
      'train-split',
      html`<label for=${id('train-split')}>Training data <output class="number">${Math.round(host.trainSplit * 100)}%</output></label>
        <input id=${id('train-split')} type="range" min="10" max="90" step="10" .value=${live(String(Math.round(host.trainSplit * 100)))}
          @change=${onSelect('trainSplit', (v) => Number(v) / 100)} />`,
    )}
    ${field(
      'batch-size',
      html`<label for=${id('batch-size')}>Batch size <output class="number">${host.batchSize}</output></label>
        <input id=${id('batch-size')} type="range" min="1" max="30" step="1" .value=${live(String(host.batchSize))}
          @input=${onSelect('batchSize', Number)} />`,
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
          aria-describedby=${id('hidden-hint')} .value=${live(host.hiddenLayers.join(', ') || 'none')}
          @change=${(event: Event) => host.set('hiddenLayers', (event.target as HTMLInputElement).value)} />
        <small id=${id('hidden-hint')}>Neurons per layer, e.g. 4, 2</small>`,
    )}
    ${field(
      'speed',
      html`<label for=${id('speed')}>Speed <output class="number">${formatNumber(host.speed, 2)}</output></label>
        <input id=${id('speed')} type="range" min="0.05" max="4" step="0.05" .value=${live(String(host.speed))}
          @input=${onSelect('speed', Number)} />`,
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
