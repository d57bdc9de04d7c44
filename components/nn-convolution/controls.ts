import { html, nothing } from 'lit';
import { imageKernels, optimizers, scalarActivationNames } from '../../src/index.js';
import { LIMITS } from './nn-convolution.settings.js';
import type { ConvolutionStrings } from './nn-convolution.strings.js';
import type { Settings } from './read-settings.js';
import { DIGIT_NAMES, SHAPES } from './samples.js';

export interface ToolbarHandlers {
  set(name: string, value: unknown): void;
  draw(): void;
  play(): void;
  pause(): void;
  reset(): void;
  nextDigit(): void;
}

const valueOf = (event: Event) => (event.target as HTMLInputElement | HTMLSelectElement).value;
const numberOf = (event: Event) => (event.target as HTMLInputElement).valueAsNumber;

/** The reader's name of a sample. */
export function sampleLabel(name: string, words: ConvolutionStrings): string {
  if (name.startsWith('digit-')) return words.digit.replace('{digit}', name.slice(6));
  return (words as Record<string, string>)[name] ?? name;
}

/** A labelled number field for a whole-number setting. */
function numberField(name: string, label: string, value: number, min: number, max: number, on: ToolbarHandlers, step = '1') {
  return html`<label>${label}
    <input type="number" name=${name} min=${min} max=${max} step=${step} .value=${String(value)}
      @change=${(event: Event) => {
        const v = numberOf(event);
        if (Number.isFinite(v)) on.set(name, v);
      }} />
  </label>`;
}

/** The image picker (samples, and the writer's or reader's own image when there is one), and Draw. */
function imageControls(settings: Settings, on: ToolbarHandlers, train: boolean, padOpen: boolean) {
  const { words, controls } = settings;
  const names = train ? DIGIT_NAMES : [...Object.keys(SHAPES), ...DIGIT_NAMES];
  // Train mode's default shows the held-out digits, one after another.
  const heldOut = train && settings.imageName === 'square';
  const own = !heldOut && (settings.imageName === '' || settings.imageName === 'drawn' || !names.includes(settings.imageName));
  return html`${controls.has('image')
      ? html`<label>${words.image}
          <select name="image" @change=${(event: Event) => on.set('image', valueOf(event))}>
            ${heldOut ? html`<option value="square" selected>${words.heldOut}</option>` : nothing}
            ${own ? html`<option value="" selected disabled>${settings.imageName === 'drawn' ? words.drawn : words.writtenImage}</option>` : nothing}
            ${names.map((name) => html`<option value=${name} ?selected=${name === settings.imageName}>${sampleLabel(name, words)}</option>`)}
          </select>
        </label>`
      : nothing}
    ${controls.has('draw') ? html`<button class="draw" aria-expanded=${padOpen ? 'true' : 'false'} @click=${on.draw}>${padOpen ? words.hidePad : words.draw}</button>` : nothing}`;
}

/** Explore mode's controls: native, labelled. */
export function renderExploreControls(settings: Settings, padOpen: boolean, on: ToolbarHandlers) {
  const { words, controls: c } = settings;
  if (![...c].some((name) => name !== 'none')) return nothing;
  const activations = scalarActivationNames.filter((name) => name !== 'step');
  return html`<div class="toolbar" part="controls">
    ${imageControls(settings, on, false, padOpen)}
    ${c.has('kernel')
      ? html`<label>${words.kernelTitle}
          <select name="kernel" @change=${(event: Event) => on.set('kernel', valueOf(event))}>
            ${settings.kernelName ? nothing : html`<option value="" selected disabled>${words.custom}</option>`}
            ${Object.values(imageKernels).map((k) => html`<option value=${k.name} ?selected=${k.name === settings.kernelName}>${k.label}</option>`)}
          </select>
        </label>`
      : nothing}
    ${c.has('kernel-size') ? numberField('kernelSize', words['kernel-size'], settings.kernelSize, 1, LIMITS.kernel, on) : nothing}
    ${c.has('stride') ? numberField('stride', words.stride, settings.stride, 1, LIMITS.stride, on) : nothing}
    ${c.has('padding') ? numberField('padding', words.padding, settings.padding, 0, LIMITS.padding, on) : nothing}
    ${c.has('bias') ? numberField('bias', words.bias, settings.bias, -100, 100, on, 'any') : nothing}
    ${c.has('activation')
      ? html`<label>${words.activation}
          <select name="activation" @change=${(event: Event) => on.set('activation', valueOf(event))}>
            ${activations.map((name) => html`<option value=${name} ?selected=${name === settings.activation}>${name}</option>`)}
          </select>
        </label>`
      : nothing}
    ${c.has('pool')
      ? html`<label>${words.pool}
            <select name="pool" @change=${(event: Event) => on.set('pool', valueOf(event))}>
              ${(['none', 'max', 'average'] as const).map((name) => html`<option value=${name} ?selected=${name === settings.pool}>${words[name]}</option>`)}
            </select>
          </label>
          ${settings.pool === 'none' ? nothing : numberField('poolSize', words['pool-size'], settings.poolSize, 1, LIMITS.pool, on)}`
      : nothing}
  </div>`;
}

/** Train mode's controls. */
export function renderTrainControls(settings: Settings, state: { playing: boolean; finished: boolean; ready: boolean; padOpen: boolean }, on: ToolbarHandlers) {
  const { words, controls: c } = settings;
  if (![...c].some((name) => name !== 'none')) return nothing;
  return html`<div class="toolbar" part="controls">
    ${c.has('play') ? html`<button class="play" ?disabled=${!state.ready || (state.finished && !state.playing)} @click=${() => (state.playing ? on.pause() : on.play())}>${state.playing ? words.pause : words.play}</button>` : nothing}
    ${c.has('reset') ? html`<button class="reset" ?disabled=${!state.ready} @click=${on.reset}>${words.reset}</button>` : nothing}
    ${c.has('learning-rate') ? numberField('learningRate', words['learning-rate'], settings.learningRate, 0.0001, 10, on, 'any') : nothing}
    ${c.has('optimizer')
      ? html`<label>${words.optimizer}
          <select name="optimizer" @change=${(event: Event) => on.set('optimizer', valueOf(event))}>
            ${Object.values(optimizers).map((o) => html`<option value=${o.name} ?selected=${o.name === settings.optimizer}>${o.label}</option>`)}
          </select>
        </label>`
      : nothing}
    ${imageControls(settings, on, true, state.padOpen)}
    ${c.has('image') ? html`<button class="next" ?disabled=${!state.ready} @click=${on.nextDigit}>${words.nextDigit}</button>` : nothing}
  </div>`;
}
