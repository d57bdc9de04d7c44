import { html, nothing } from 'lit';
import { attentionTasks } from '../../src/index.js';
import { formatTick } from '../shared/format.js';
import { format } from '../shared/strings.js';
import type { AttentionStrings } from './nn-attention.strings.js';

/** The temperature slider's ends, as powers of ten (0.1 to 100), and its step. */
export const TEMPERATURE_POWERS = { min: -1, max: 2, step: 0.05 } as const;

export interface ToolbarState {
  words: AttentionStrings;
  controls: ReadonlySet<string>;
  mode: 'explore' | 'train';
  text: string;
  causal: boolean;
  heads: number;
  head: number;
  temperature: number;
  playing: boolean;
  finished: boolean;
  task: string;
}

export interface ToolbarHandlers {
  text(value: string): void;
  causal(on: boolean): void;
  head(index: number): void;
  temperature(value: number): void;
  play(): void;
  pause(): void;
  step(): void;
  reset(): void;
  task(name: string): void;
  example(): void;
}

const value = (event: Event) => (event.target as HTMLInputElement | HTMLSelectElement).value;

/** The reader's controls: native, labelled inputs, buttons and selects. */
export function renderToolbar(state: ToolbarState, on: ToolbarHandlers) {
  const { words, controls, mode } = state;
  const has = (name: string) => controls.has(name);
  const explore = mode === 'explore';
  const power = Math.log10(state.temperature);
  const temperature = html`<label class="temperature">${words.temperature}
    <input
      type="range"
      min=${TEMPERATURE_POWERS.min}
      max=${TEMPERATURE_POWERS.max}
      step=${TEMPERATURE_POWERS.step}
      .value=${String(Math.max(TEMPERATURE_POWERS.min, Math.min(TEMPERATURE_POWERS.max, power)))}
      aria-valuetext=${`T = ${formatTick(state.temperature)}`}
      @input=${(event: Event) => on.temperature(Number((10 ** Number(value(event))).toPrecision(3)))}
    />
    <output class="number">${formatTick(state.temperature)}</output>
  </label>`;
  const head =
    state.heads > 1
      ? html`<label class="head">${words.head}
          <select @change=${(event: Event) => on.head(Number(value(event)))}>
            ${Array.from({ length: state.heads }, (_, h) => html`<option value=${h} ?selected=${h === state.head}>${format(words.headOption, { head: h + 1 })}</option>`)}
          </select>
        </label>`
      : nothing;
  if (explore) {
    return html`<div class="toolbar" part="controls">
      ${has('text')
        ? html`<label class="text">${words.tokens}
            <input type="text" .value=${state.text} spellcheck="false" autocomplete="off" @input=${(event: Event) => on.text(value(event))} />
          </label>`
        : nothing}
      ${has('causal') ? html`<label class="causal"><input type="checkbox" .checked=${state.causal} @change=${(event: Event) => on.causal((event.target as HTMLInputElement).checked)} />${words.causal}</label>` : nothing}
      ${has('head') ? head : nothing}
      ${has('temperature') ? temperature : nothing}
    </div>`;
  }
  return html`<div class="toolbar" part="controls">
    ${has('play') ? html`<button class="play" ?disabled=${state.finished && !state.playing} @click=${() => (state.playing ? on.pause() : on.play())}>${state.playing ? words.pause : words.play}</button>` : nothing}
    ${has('step') ? html`<button class="step" ?disabled=${state.finished} @click=${on.step}>${words.step}</button>` : nothing}
    ${has('reset') ? html`<button class="reset" @click=${on.reset}>${words.reset}</button>` : nothing}
    ${has('task')
      ? html`<label class="task">${words.task}
          <select @change=${(event: Event) => on.task(value(event))}>
            ${Object.keys(attentionTasks).map((name) => html`<option value=${name} ?selected=${name === state.task}>${words[name as 'reverse'] ?? name}</option>`)}
          </select>
        </label>`
      : nothing}
    ${has('example') ? html`<button class="example" @click=${on.example}>${words.example}</button>` : nothing}
    ${has('head') ? head : nothing}
  </div>`;
}
