import { css, html } from 'lit';
import { styleMap } from '../shared/style-map.js';

/** The matrix's styles, added to the element's once this module has loaded. */
export const confusionStyles = css`
  table.confusion {
    border-collapse: collapse;
    font-size: 0.85rem;
    font-variant-numeric: tabular-nums;
  }

  table.confusion caption {
    caption-side: bottom;
    margin-top: 0.35rem;
    color: var(--_muted);
    font-size: 0.8rem;
    text-align: start;
  }

  table.confusion th {
    font-weight: 500;
    padding: 0.2rem 0.5rem;
    text-align: end;
  }

  table.confusion td {
    min-width: 2.5rem;
    padding: 0.3rem 0.5rem;
    border: 1px solid var(--_border);
    text-align: end;
  }

  /* Shaded by the share of the row: right guesses in the positive colour, wrong ones in the negative. */
  table.confusion td.hit {
    background: color-mix(in srgb, var(--_positive) calc(var(--share) * 0.45), transparent);
  }

  table.confusion td.miss {
    background: color-mix(in srgb, var(--_negative) calc(var(--share) * 0.45), transparent);
  }
`;

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
