import { html, nothing, svg } from 'lit';
import { formatNumber, percent } from '../shared/format.js';
import { format } from '../shared/strings.js';
import { styleMap } from '../shared/style-map.js';
import type { DigitsSession, EpochRecord } from './session.js';
import type { DigitsStrings } from './nn-digits.strings.js';

/** Most digits a confusion cell lists. */
export const MAX_CELL_DIGITS = 40;

/** An 8 × 8 image as 64 squares, darker for more ink (0 to 1; anything else as none). */
export function renderPixels(pixels: ArrayLike<number>, label: string, className: string) {
  const cells = [];
  for (let i = 0; i < 64; i++) {
    const ink = pixels[i] > 0 ? Math.min(1, pixels[i]) : 0;
    if (ink > 0) cells.push(svg`<rect x=${i % 8} y=${Math.floor(i / 8)} width="1" height="1" fill-opacity=${ink.toFixed(3)}></rect>`);
  }
  return html`<svg class=${className} viewBox="0 0 8 8" role="img" aria-label=${label}><rect class="paper" width="8" height="8"></rect>${cells}</svg>`;
}

/** The input the network sees, with its caption. */
export function renderInput(words: DigitsStrings, input: ArrayLike<number>) {
  let inked = 0;
  for (let i = 0; i < input.length; i++) if (input[i] > 0) inked++;
  const ink = inked ? format(words.inputInk, { count: inked }) : words.inputBlank;
  return html`<figure class="input" part="input">
    <figcaption>${words.inputTitle}</figcaption>
    ${renderPixels(input, format(words.inputLabel, { ink }), 'pixels')}
  </figure>`;
}

/** Ten bars, one per digit, the guess marked; read out politely when it changes. */
export function renderProbabilities(words: DigitsStrings, probabilities: readonly number[], prediction: number | undefined) {
  const guess = prediction === undefined ? words.guessBlank : format(words.guess, { digit: prediction, percent: percent(probabilities[prediction]) });
  return html`<figure class="probabilities" part="probabilities">
    <figcaption>${words.probabilitiesTitle}</figcaption>
    <p class="guess" aria-live="polite">${guess}</p>
    <ol class="bars">
      ${probabilities.map(
        (p, digit) => html`<li class=${digit === prediction ? 'bar guessed' : 'bar'} aria-label=${format(words.probabilityLabel, { digit, percent: percent(p) })}>
          <span class="digit" aria-hidden="true">${digit}</span>
          <svg class="track" viewBox="0 0 100 10" preserveAspectRatio="none" aria-hidden="true"><rect class="fill" width=${(100 * (p > 0 ? Math.min(1, p) : 0)).toFixed(2)} height="10"></rect></svg>
          <span class="value" aria-hidden="true">${percent(p)}</span>
        </li>`,
      )}
    </ol>
  </figure>`;
}

/** The live numbers, as `<nn-trainer>` shows them. */
export function renderStats(words: DigitsStrings, last: EpochRecord, epochs: number) {
  const item = (term: string, value: string) => html`<div><dt>${term}</dt><dd>${value}</dd></div>`;
  return html`<dl class="stats" part="stats">
    ${item(words.epoch, `${last.epoch} / ${epochs}`)} ${item(words.trainLoss, formatNumber(last.trainLoss, 3))} ${item(words.testLoss, formatNumber(last.testLoss, 3))}
    ${item(words.accuracy, percent(last.accuracy))}
  </dl>`;
}

/** The training and held-out loss by epoch, as two lines (the numbers are in the stats and the status). */
export function renderLoss(words: DigitsStrings, history: readonly EpochRecord[], width: number) {
  const height = 120;
  const pad = { left: 8, right: 8, top: 8, bottom: 8 };
  const finite = history.flatMap((r) => [r.trainLoss, r.testLoss]).filter((v) => Number.isFinite(v));
  const top = Math.max(1e-6, ...finite);
  const last = Math.max(1, history[history.length - 1].epoch);
  const x = (epoch: number) => pad.left + ((width - pad.left - pad.right) * epoch) / last;
  const y = (loss: number) => pad.top + (height - pad.top - pad.bottom) * (1 - Math.min(1, Math.max(0, loss / top)));
  const line = (key: 'trainLoss' | 'testLoss') =>
    history
      .filter((r) => Number.isFinite(r[key]))
      .map((r) => `${x(r.epoch).toFixed(1)},${y(r[key]).toFixed(1)}`)
      .join(' ');
  return html`<figure class="loss" part="loss">
    <figcaption>${words.lossTitle}
      <span class="key train">${words.trainLoss}</span> <span class="key test">${words.testLoss}</span>
    </figcaption>
    <svg width=${width} height=${height} aria-hidden="true">
      <line class="axis" x1=${pad.left} x2=${width - pad.right} y1=${height - pad.bottom} y2=${height - pad.bottom}></line>
      <polyline class="train" points=${line('trainLoss')}></polyline>
      <polyline class="test" points=${line('testLoss')}></polyline>
    </svg>
  </figure>`;
}

/** What the confusion matrix needs: the counts, the chosen cell, and how to choose one. */
export interface ConfusionInput {
  counts?: number[][];
  selected?: readonly [number, number];
  pick: (truth: number, read: number) => void;
  /** What the matrix says before it has counts (by default words.confusionEmpty). */
  empty?: string;
}

/** The held-out digits, true against read: a table of buttons, each opening its digits. */
export function renderConfusion(words: DigitsStrings, input: ConfusionInput) {
  const { counts, selected } = input;
  if (!counts) return html`<figure class="confusion" part="confusion"><figcaption>${words.confusionTitle}</figcaption><p class="note">${input.empty ?? words.confusionEmpty}</p></figure>`;
  const rowTotals = counts.map((row) => row.reduce((a, b) => a + b, 0));
  return html`<figure class="confusion" part="confusion">
    <figcaption id="confusion-title">${words.confusionTitle}</figcaption>
    <table aria-labelledby="confusion-title">
      <thead><tr><td></td>${counts.map((_, read) => html`<th scope="col">${read}</th>`)}</tr></thead>
      <tbody>
        ${counts.map(
          (row, truth) => html`<tr>
            <th scope="row">${truth}</th>
            ${row.map((count, read) => {
              const share = rowTotals[truth] ? count / rowTotals[truth] : 0;
              const chosen = selected?.[0] === truth && selected?.[1] === read;
              const kind = `${truth === read ? 'right' : 'wrong'}${count === 0 ? ' zero' : ''}`;
              return html`<td>
                <button type="button" class="cell ${kind}" aria-pressed=${chosen ? 'true' : 'false'} style=${styleMap({ '--_share': share.toFixed(3) })}
                  aria-label=${format(words.confusionCell, { count, truth, read })} @click=${() => input.pick(truth, read)}>${count}</button>
              </td>`;
            })}
          </tr>`,
        )}
      </tbody>
    </table>
  </figure>`;
}

/** The held-out digits of the chosen cell, as small pictures. */
export function renderCell(words: DigitsStrings, truth: number, read: number, pixels: Float64Array, indices: readonly number[]) {
  if (!indices.length) return html`<p class="cell-digits note" part="cell" aria-live="polite">${format(words.cellNone, { truth, read })}</p>`;
  const shown = indices.slice(0, MAX_CELL_DIGITS);
  return html`<div class="cell-digits" part="cell" aria-live="polite">
    <p>${format(words.cellDigits, { count: indices.length, truth, read })}</p>
    <ul class="thumbs">
      ${shown.map((k) => html`<li>${renderPixels(pixels.subarray(k * 64, (k + 1) * 64), format(words.thumbLabel, { truth }), 'thumb')}</li>`)}
    </ul>
    ${indices.length > shown.length ? html`<p class="note">+${indices.length - shown.length}</p>` : nothing}
  </div>`;
}

/** Buttons that draw a held-out handwritten digit: the keyboard's way to give the network a digit. */
export function renderSamples(words: DigitsStrings, pick: (digit: number) => void) {
  return html`<fieldset class="samples" part="samples"><legend>${words.samples}</legend>
    ${Array.from({ length: 10 }, (_, digit) => html`<button type="button" aria-label=${format(words.sampleLabel, { digit })} @click=${() => pick(digit)}>${digit}</button>`)}
  </fieldset>`;
}

/** What the toolbar shows: which buttons, the run's state, and what they do. */
export interface ToolbarInput {
  readonly controls: ReadonlySet<string>;
  readonly playing: boolean;
  /** True when the run has nothing left to play (its epochs done, or diverged). */
  readonly done: boolean;
  readonly last: EpochRecord | undefined;
  readonly epochs: number;
  readonly toggle: () => void;
  readonly reset: () => void;
}

/** Train (or Pause) and Reset, with the epoch, losses and accuracy; nothing when neither button is wanted. */
export function renderToolbar(words: DigitsStrings, input: ToolbarInput) {
  const { controls, playing } = input;
  if (!controls.has('play') && !controls.has('reset')) return nothing;
  return html`<div class="toolbar" part="controls">
    ${controls.has('play') ? html`<button type="button" class="play" aria-pressed=${playing ? 'true' : 'false'} ?disabled=${!playing && input.done} @click=${input.toggle}>${playing ? words.pause : words.play}</button>` : nothing}
    ${controls.has('reset') ? html`<button type="button" class="reset" @click=${input.reset}>${words.reset}</button>` : nothing}
    ${input.last ? renderStats(words, input.last, input.epochs) : nothing}
  </div>`;
}

/** The pad (drawn by `pad`) with its hint, and the sample buttons once `pick` can draw one; nothing when neither is wanted. */
export function renderDrawing(words: DigitsStrings, controls: ReadonlySet<string>, pad: () => unknown, pick: ((digit: number) => void) | undefined) {
  if (!controls.has('draw') && !controls.has('samples')) return nothing;
  return html`<div class="drawing">
    ${controls.has('draw') ? html`<p class="hint">${words.drawHint}</p>${pad()}` : nothing}
    ${controls.has('samples') && pick ? renderSamples(words, pick) : nothing}
  </div>`;
}

/** The run in words, read out politely when training stops. */
export function describeStatus(words: DigitsStrings, session: DigitsSession, epochs: number): string {
  const last = session.last;
  const test = session.test.inputs.length;
  if (session.preparing) return format(words.statusPreparing, { train: session.trainCount, test, percent: percent(session.progress) });
  if (last.epoch === 0 && session.trainedAhead) return format(words.statusStartTrainedAhead, { accuracy: percent(last.accuracy), train: session.trainCount, copies: session.copies, test });
  if (last.epoch === 0) return format(words.statusStart, { train: session.trainCount, copies: session.copies, test });
  return format(words.status, { epoch: last.epoch, epochs, trainLoss: formatNumber(last.trainLoss, 3), testLoss: formatNumber(last.testLoss, 3), accuracy: percent(last.accuracy) });
}
