import { html, nothing } from 'lit';
import { CELLS, SEQUENCE_TASKS } from '../../src/index.js';
import { formatTick } from '../shared/format.js';
import type { RnnStrings } from './nn-rnn.strings.js';
import { MAX_UNROLL } from './nn-rnn.settings.js';

/** The unrolls the menu offers (the writer's own is added when it is not one of them). */
const UNROLLS = [2, 4, 8, 12, 16, 24, MAX_UNROLL];

export interface ToolbarState {
  words: RnnStrings;
  controls: ReadonlySet<string>;
  playing: boolean;
  diverged: boolean;
  task: string;
  cell: string;
  unroll: number;
}

export interface ToolbarHandlers {
  play(): void;
  pause(): void;
  step(): void;
  reset(): void;
  set(name: 'task' | 'cell' | 'unroll', value: string | number): void;
}

const taskLabel = (words: RnnStrings, name: string) => (name === 'count' ? words.taskCount : name === 'text' ? words.taskText : words.taskParity);

/** Train/pause, step, reset and the task, cell and unroll menus: native, labelled controls. */
export function renderToolbar(state: ToolbarState, on: ToolbarHandlers) {
  const { words, controls, playing, diverged } = state;
  const has = (name: string) => controls.has(name);
  if (!['play', 'step', 'reset', 'task', 'cell', 'unroll'].some(has)) return nothing;
  const unrolls = [...new Set([...UNROLLS, state.unroll])].sort((a, b) => a - b);
  const pick = (name: 'task' | 'cell' | 'unroll') => (event: Event) => {
    const value = (event.target as HTMLSelectElement).value;
    on.set(name, name === 'unroll' ? Number(value) : value);
  };
  return html`<div class="toolbar" part="controls">
    ${has('play') ? html`<button class="play" ?disabled=${diverged && !playing} @click=${() => (playing ? on.pause() : on.play())}>${playing ? words.pause : words.play}</button>` : nothing}
    ${has('step') ? html`<button class="step" ?disabled=${diverged} @click=${on.step}>${words.step}</button>` : nothing}
    ${has('reset') ? html`<button class="reset" @click=${on.reset}>${words.reset}</button>` : nothing}
    ${has('task')
      ? html`<label class="task">${words.task}
          <select @change=${pick('task')}>
            ${SEQUENCE_TASKS.map((name) => html`<option value=${name} ?selected=${name === state.task}>${taskLabel(words, name)}</option>`)}
          </select>
        </label>`
      : nothing}
    ${has('cell')
      ? html`<label class="cell">${words.cell}
          <select @change=${pick('cell')}>
            ${CELLS.map((name) => html`<option value=${name} ?selected=${name === state.cell}>${name === 'gru' ? words.cellGru : words.cellRnn}</option>`)}
          </select>
        </label>`
      : nothing}
    ${has('unroll')
      ? html`<label class="unroll">${words.unroll}
          <select @change=${pick('unroll')}>
            ${unrolls.map((n) => html`<option value=${n} ?selected=${n === state.unroll}>${n}</option>`)}
          </select>
        </label>`
      : nothing}
  </div>`;
}

/** The time slider: which step the formula and the highlight show. */
export function renderTimeSlider(words: RnnStrings, time: number, steps: number, pick: (t: number) => void) {
  return html`<label class="time">${words.time}
    <input type="range" min="1" max=${steps} step="1" .value=${String(time)} ?disabled=${steps < 2}
      @input=${(event: Event) => pick(Number((event.target as HTMLInputElement).value))} />
    <output class="number">${time}</output>
  </label>`;
}

export interface SampleState {
  words: RnnStrings;
  temperature: number;
  text: string;
}

/** The temperature slider, the Write text button and what the network wrote (as text, never HTML). */
export function renderSampler({ words, temperature, text }: SampleState, on: { temperature(value: number): void; sample(): void }) {
  return html`<div class="sampler" part="sample">
    <p id="sample-title" class="panel-title">${words.sampleTitle}</p>
    <div class="toolbar">
      <label class="temperature">${words.temperature}
        <input type="range" min="0.05" max="2" step="0.05" .value=${String(Math.min(2, temperature))}
          aria-valuetext=${formatTick(temperature)}
          @change=${(event: Event) => on.temperature(Number((event.target as HTMLInputElement).value))} />
        <output class="number">${formatTick(temperature)}</output>
      </label>
      <button class="sample" @click=${on.sample}>${words.sample}</button>
    </div>
    <output class="sample-text" dir="auto" aria-live="polite">${text || words.sampleEmpty}</output>
  </div>`;
}
