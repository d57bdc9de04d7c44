import { html, nothing } from 'lit';
import { optimizers, surfaces } from '../../src/index.js';
import { formatTick } from '../shared/format.js';
import type { SurfaceStrings } from './nn-loss-surface.strings.js';
import { MAX_RACERS } from './nn-loss-surface.settings.js';

/** The learning rates the slider offers: 1, 1.5, 2, 3 … 9 in each decade, from 0.0001 to 10. */
export const RATES: readonly number[] = [-4, -3, -2, -1, 0].flatMap((power) =>
  [1, 1.5, 2, 3, 4, 5, 6, 7, 8, 9].map((digit) => Number((digit * 10 ** power).toPrecision(6))),
).concat(10);

/** The slider position nearest a rate (on a log scale); rates outside the slider's go to its ends. */
export function rateIndex(rate: number): number {
  if (!(rate > 0)) return 0;
  let best = 0;
  for (let i = 1; i < RATES.length; i++) if (Math.abs(Math.log(RATES[i] / rate)) < Math.abs(Math.log(RATES[best] / rate))) best = i;
  return best;
}

export interface ToolbarState {
  words: SurfaceStrings;
  controls: ReadonlySet<string>;
  playing: boolean;
  /** Every run has stopped (diverged or at its step limit): only Reset helps. */
  finished: boolean;
  learningRate: number;
  surface: string;
  optimizers: readonly string[];
}

export interface ToolbarHandlers {
  play(): void;
  pause(): void;
  step(): void;
  reset(): void;
  rate(value: number): void;
  surface(name: string): void;
  optimizers(names: string[]): void;
}

/** Play, step, reset, the learning rate, the surface and the racing optimizers: native, labelled controls. */
export function renderToolbar(state: ToolbarState, on: ToolbarHandlers) {
  const { words, controls, playing, finished } = state;
  const has = (name: string) => controls.has(name);
  if (![...controls].some((name) => name !== 'none')) return nothing;
  const chosen = new Set(state.optimizers);
  const toggle = (name: string, checked: boolean) =>
    on.optimizers(Object.keys(optimizers).filter((n) => (n === name ? checked : chosen.has(n))));
  return html`<div class="toolbar" part="controls">
    ${has('play')
      ? html`<button class="play" ?disabled=${finished && !playing} @click=${() => (playing ? on.pause() : on.play())}>${playing ? words.pause : words.play}</button>`
      : nothing}
    ${has('step') ? html`<button class="step" ?disabled=${finished} @click=${on.step}>${words.step}</button>` : nothing}
    ${has('reset') ? html`<button class="reset" @click=${on.reset}>${words.reset}</button>` : nothing}
    ${has('learning-rate')
      ? html`<label class="rate">${words.learningRate}
          <input
            type="range"
            min="0"
            max=${RATES.length - 1}
            step="1"
            .value=${String(rateIndex(state.learningRate))}
            aria-valuetext=${`α = ${formatTick(state.learningRate)}`}
            @input=${(event: Event) => on.rate(RATES[Number((event.target as HTMLInputElement).value)])}
          />
          <output class="number">${formatTick(state.learningRate)}</output>
        </label>`
      : nothing}
    ${has('surface')
      ? html`<label class="surface">${words.surface}
          <select @change=${(event: Event) => on.surface((event.target as HTMLSelectElement).value)}>
            ${Object.values(surfaces).map((s) => html`<option value=${s.name} ?selected=${s.name === state.surface}>${s.label}</option>`)}
          </select>
        </label>`
      : nothing}
    ${has('optimizer')
      ? html`<fieldset class="optimizers">
          <legend>${words.optimizers}</legend>
          ${Object.values(optimizers).map(
            (o) => html`<label
              ><input
                type="checkbox"
                .checked=${chosen.has(o.name)}
                ?disabled=${chosen.has(o.name) ? chosen.size === 1 : chosen.size >= MAX_RACERS}
                @change=${(event: Event) => toggle(o.name, (event.target as HTMLInputElement).checked)}
              />${o.label}</label
            >`,
          )}
        </fieldset>`
      : nothing}
  </div>`;
}
