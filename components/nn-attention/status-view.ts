import { html } from 'lit';
import type { AttentionModel } from '../../src/index.js';
import { formatNumber, percent } from '../shared/format.js';
import { format } from '../shared/strings.js';
import type { AttentionStrings } from './nn-attention.strings.js';
import { shortToken } from './tokens-view.js';

/** In words: where the selected query puts most weight. */
export function describeSelection(words: AttentionStrings, tokens: readonly string[], row: readonly number[], select: number): string {
  let most = 0;
  for (let j = 1; j < row.length; j++) if (row[j] > row[most]) most = j;
  return format(words.selectedSummary, { token: shortToken(tokens[select]), position: select + 1, weight: percent(row[most]), key: shortToken(tokens[most]), keyPosition: most + 1 });
}

/** Train mode's status in words: untrained, the last epoch's numbers (and "learned" once stopped), or diverged. */
export function statusText(model: AttentionModel, words: AttentionStrings, finished: boolean): string {
  if (model.diverged) return words.diverged;
  if (model.epoch === 0) return words.untrained;
  const numbers = format(words.trainStatus, { epoch: model.epoch, loss: formatNumber(model.loss, 3), accuracy: percent(model.accuracy) });
  return finished ? `${numbers} ${format(words.learned, { accuracy: percent(model.accuracy) })}` : numbers;
}

/**
 * Train mode's status, what the sequences are, and the model's answer on a held-out example.
 * `spoken` is what the polite live region reads out: the element changes it only while
 * training is not playing, so a screen reader is not read every epoch.
 */
export function renderStatus(model: AttentionModel, words: AttentionStrings, finished: boolean, spoken: string) {
  const name = (letters: number[]) => letters.map((token) => model.tokenName(token)).join(' ');
  return html`<p class="status" part="status">${statusText(model, words, finished)}</p>
    <p class="visually-hidden" aria-live="polite">${spoken}</p>
    <p class="note">${words.trainNote}</p>
    <p class="example-line">${format(words.exampleLine, { input: name(Array.from(model.sequence.subarray(0, model.length))), answer: name(model.answerLetters()), predicted: name(model.predictions()) })}</p>`;
}
