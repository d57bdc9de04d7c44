import { html, nothing } from 'lit';
import { formatNumber, formatTick, percent } from '../shared/format.js';
import { format } from '../shared/strings.js';
import type { RnnStrings } from './nn-rnn.strings.js';
import { type Snapshot, tokenLabel } from './snapshot.js';

/** One step in words: its input, what was predicted and how sure, the target, right or wrong. */
export function describeStep(s: Snapshot, words: RnnStrings, t: number): string {
  const i = t - 1;
  const prediction = s.predictions[i];
  return format(words.stepSummary, {
    t,
    input: tokenLabel(s.inputs[i], words),
    prediction: tokenLabel(s.classes[prediction], words),
    probability: percent(s.outputs[i][prediction]),
    target: tokenLabel(s.targets[i], words),
    verdict: s.right[i] ? words.right : words.wrong,
  });
}

/** The unrolled drawing's text alternative: what it is, then every step in words. */
export function describeUnrolled(s: Snapshot, words: RnnStrings): string {
  const summary = Array.from({ length: s.steps }, (_, i) => describeStep(s, words, i + 1)).join(' ');
  return format(words.unrolledLabel, { steps: s.steps, summary });
}

/** The shown sequence as a table (visually hidden): inputs, hidden states, predictions, targets and gradient sizes. */
export function renderTable(s: Snapshot, words: RnnStrings, show: ReadonlySet<string>) {
  // The wrapper hides it: a table is never narrower than its content, whatever its width says.
  return html`<div class="visually-hidden"><table>
    <caption>${words.tableCaption}</caption>
    <thead>
      <tr>
        <th scope="col">${words.columnStep}</th>
        <th scope="col">${words.columnInput}</th>
        ${show.has('states') ? html`<th scope="col">${words.columnState}</th>` : nothing}
        <th scope="col">${words.columnPrediction}</th>
        <th scope="col">${words.columnTarget}</th>
        ${show.has('gradients') ? html`<th scope="col">${words.columnGradient}</th>` : nothing}
      </tr>
    </thead>
    <tbody>
      ${s.inputs.map(
        (input, i) => html`<tr>
          <th scope="row">${i + 1}</th>
          <td>${tokenLabel(input, words)}</td>
          ${show.has('states') ? html`<td>${s.states[i].map((v) => formatNumber(v, 2)).join(', ')}</td>` : nothing}
          <td>${tokenLabel(s.classes[s.predictions[i]], words)} (${percent(s.outputs[i][s.predictions[i]])})</td>
          <td>${tokenLabel(s.targets[i], words)}</td>
          ${show.has('gradients') ? html`<td>${formatTick(Number(s.gradientNorms[i].toPrecision(3)))}</td>` : nothing}
        </tr>`,
      )}
    </tbody>
  </table></div>`;
}
