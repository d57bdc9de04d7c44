import { html } from 'lit';
import { styleMap } from '../shared/style-map.js';

/**
 * The confusion matrix as a table: a row per true class, a column per predicted class,
 * each cell the number of test samples, shaded by its share of the row. The diagonal is
 * what the network gets right.
 */
export function renderConfusion(counts: readonly (readonly number[])[], names: readonly string[], caption: string) {
  return html`<table class="confusion">
    <caption>${caption}</caption>
    <thead>
      <tr><td></td>${names.map((name) => html`<th scope="col">${name}</th>`)}</tr>
    </thead>
    <tbody>
      ${counts.map((row, truth) => {
        const total = row.reduce((sum, count) => sum + count, 0) || 1;
        return html`<tr>
          <th scope="row">${names[truth]}</th>
          ${row.map(
            (count, guess) => html`<td class=${guess === truth ? 'hit' : 'miss'}
              style=${styleMap({ '--share': `${Math.round((100 * count) / total)}%` })}>${count}</td>`,
          )}
        </tr>`;
      })}
    </tbody>
  </table>`;
}
