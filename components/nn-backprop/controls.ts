import { html, nothing } from 'lit';
import type { ParameterPlace } from '../../src/index.js';
import { formatNumber } from '../shared/format.js';
import { format } from '../shared/strings.js';
import { placeName, placesOf } from './describe.js';
import type { BackpropStrings } from './nn-backprop.strings.js';
import { EPSILON, type Walk } from './walk.js';

export interface ControlHandlers {
  step(): void;
  back(): void;
  reset(): void;
  select(place: ParameterPlace): void;
  nudge(): void;
  update(): void;
}

/**
 * Back, Step and Reset, the weight menu, Nudge and Apply update: native, labelled controls.
 * Back and Step at the ends are aria-disabled rather than disabled, so keyboard focus stays on them.
 */
export function renderControls(walk: Walk, select: ParameterPlace, controls: ReadonlySet<string>, words: BackpropStrings, on: ControlHandlers) {
  const has = (name: string) => controls.has(name);
  if (![...controls].some((name) => name !== 'none')) return nothing;
  const first = walk.stage <= 0;
  const last = walk.stage >= walk.stages.count - 1;
  const chosen = placeName(select);
  return html`<div class="toolbar" part="controls">
    ${has('back') ? html`<button class="back" aria-disabled=${first ? 'true' : 'false'} @click=${() => !first && on.back()}>${words.back}</button>` : nothing}
    ${has('step') ? html`<button class="step" aria-disabled=${last ? 'true' : 'false'} @click=${() => !last && on.step()}>${words.step}</button>` : nothing}
    ${has('reset') ? html`<button class="reset" @click=${on.reset}>${words.reset}</button>` : nothing}
    ${has('select')
      ? html`<label class="parameter">${words.parameter}
          <select @change=${(event: Event) => on.select(placesOf(walk.network.layers)[Number((event.target as HTMLSelectElement).value)])}>
            ${placesOf(walk.network.layers).map((place, n) => html`<option value=${n} ?selected=${placeName(place) === chosen}>${placeName(place)}</option>`)}
          </select>
        </label>`
      : nothing}
    ${has('nudge') ? html`<button class="nudge" @click=${on.nudge}>${format(words.nudge, { epsilon: EPSILON })}</button>` : nothing}
    ${has('update') ? html`<button class="update" @click=${on.update}>${words.update}</button>` : nothing}
  </div>`;
}

/** Digits after the point that show three significant digits of `value` (at most ten). */
export const digitsFor = (value: number) => (value === 0 || !Number.isFinite(value) ? 0 : Math.max(0, Math.min(10, 2 - Math.floor(Math.log10(Math.abs(value))))));

/** The numerical check: the change in the loss the gradient predicts for ε, and the change measured (to three significant digits). */
export function renderNudge(walk: Walk, words: BackpropStrings) {
  const nudge = walk.nudge;
  if (!nudge) return nothing;
  const digits = Math.max(digitsFor(nudge.predicted), digitsFor(nudge.actual));
  const fmt = (value: number) => formatNumber(value, digits);
  return html`<dl class="nudge-result" part="nudge">
    <div><dt>${words.predictedLabel}</dt><dd class="number predicted">${formatNumber(nudge.gradient, digitsFor(nudge.gradient))} × ${nudge.epsilon} = ${fmt(nudge.predicted)}</dd></div>
    <div><dt>${words.actualLabel}</dt><dd class="number actual">${fmt(nudge.after)} − ${fmt(nudge.before)} = ${fmt(nudge.actual)}</dd></div>
  </dl>`;
}
