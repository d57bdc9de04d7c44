import { html, nothing } from 'lit';
import { formatNumber, percent } from '../shared/format.js';
import { format } from '../shared/strings.js';
import { styleMap } from '../shared/style-map.js';
import type { AttentionStrings } from './nn-attention.strings.js';
import { shortToken } from './tokens-view.js';

export interface MatrixFigure {
  kind: 'scores' | 'weights';
  title: string;
  label: string;
  tokens: readonly string[];
  side: number;
  /** Token labels beside it (they fit). */
  labelled: boolean;
  pick: (index: number) => void;
}

/** A heatmap (a canvas painted after rendering) with its title and, while they fit, the tokens along both sides. */
export function renderMatrix(figure: MatrixFigure) {
  const { kind, title, label, tokens, side, labelled } = figure;
  const n = tokens.length;
  const cell = side / n;
  const ratio = globalThis.devicePixelRatio ?? 1;
  const onPointer = (event: PointerEvent) => {
    const box = (event.currentTarget as HTMLElement).getBoundingClientRect();
    const row = Math.floor(((event.clientY - box.top) / box.height) * n);
    if (row >= 0 && row < n) figure.pick(row);
  };
  return html`<figure class="matrix ${kind}" part=${kind === 'scores' ? 'scores' : 'weights'}>
    <figcaption>${title}</figcaption>
    <div class="matrix-grid ${labelled ? 'labelled' : ''}">
      ${labelled
        ? html`<div class="columns ${tokens.every((token) => [...token].length <= 2) ? 'upright' : ''}" aria-hidden="true" style=${styleMap({ gridTemplateColumns: `repeat(${n}, ${cell}px)` })}>
              ${tokens.map((token) => html`<span>${shortToken(token)}</span>`)}
            </div>
            <div class="rows" aria-hidden="true" style=${styleMap({ gridTemplateRows: `repeat(${n}, ${cell}px)` })}>
              ${tokens.map((token) => html`<span>${shortToken(token)}</span>`)}
            </div>`
        : nothing}
      <canvas
        class=${kind}
        role="img"
        aria-label=${label}
        width=${Math.round(side * ratio)}
        height=${Math.round(side * ratio)}
        style=${styleMap({ width: `${side}px`, height: `${side}px` })}
        @pointerdown=${onPointer}
      ></canvas>
    </div>
  </figure>`;
}

/**
 * The weights as text, for screen readers and for anyone who wants the numbers: per query
 * token, the key with the most weight, the next one, and the score of the first.
 */
export function renderWeightsTable(tokens: readonly string[], weights: number[][], scores: number[][], head: number, words: AttentionStrings) {
  const key = (j: number) => (j < 0 ? '—' : format(words.keyCell, { token: shortToken(tokens[j]), position: j + 1 }));
  // A table ignores a 1-pixel width: the wrapper is what hides it.
  return html`<div class="visually-hidden"><table part="table">
    <caption>${format(words.tableCaption, { head: head + 1 })}</caption>
    <thead><tr><th scope="col">${words.queryColumn}</th><th scope="col">${words.mostColumn}</th><th scope="col">${words.weightColumn}</th><th scope="col">${words.scoreColumn}</th><th scope="col">${words.nextColumn}</th></tr></thead>
    <tbody>
      ${weights.map((row, i) => {
        let first = 0;
        for (let j = 1; j < row.length; j++) if (row[j] > row[first]) first = j;
        let second = -1;
        for (let j = 0; j < row.length; j++) if (j !== first && row[j] > 0 && (second < 0 || row[j] > row[second])) second = j;
        return html`<tr>
          <th scope="row">${key(i)}</th>
          <td>${key(first)}</td>
          <td>${percent(row[first])}</td>
          <td>${formatNumber(scores[i][first])}</td>
          <td>${second < 0 ? '—' : `${key(second)}, ${percent(row[second])}`}</td>
        </tr>`;
      })}
    </tbody>
  </table></div>`;
}
