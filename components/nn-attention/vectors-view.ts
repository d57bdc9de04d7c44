import { html, nothing } from 'lit';
import { formatNumber, percent } from '../shared/format.js';
import { format } from '../shared/strings.js';
import { styleMap } from '../shared/style-map.js';
import type { AttentionStrings } from './nn-attention.strings.js';
import { shortToken } from './tokens-view.js';

/** Tokens whose vectors are listed, at most. */
export const VECTOR_ROWS = 12;
/** Terms of the mix listed one by one (the heaviest); the rest are summed in one line. */
export const MIX_TERMS = 5;

/** The CSS colour of a number: blue for positive, orange for negative, mixed into neutral by |v| / `scale`. */
const cellColor = (v: number, scale: number) => {
  const strength = Math.abs(v) / scale;
  // A number that is not finite (a diverged model) is drawn as neutral, never as "NaN%".
  return `color-mix(in srgb, var(${v < 0 ? '--_negative' : '--_positive'}) ${Number.isFinite(strength) ? Math.round(Math.min(1, strength) * 100) : 0}%, var(--_neutral))`;
};

/**
 * A vector as a strip of cells, blue for positive and orange for negative, as strong as
 * |v| / `scale` (one element painted by a stepped gradient, so long tables stay light); its
 * numbers as text for screen readers.
 */
export function renderStrip(values: readonly number[], scale: number) {
  const n = values.length;
  const stops = values.map((v, i) => `${cellColor(v, scale)} ${((i / n) * 100).toFixed(2)}% ${(((i + 1) / n) * 100).toFixed(2)}%`).join(', ');
  const numbers = values.map((v) => formatNumber(v)).join(', ');
  return html`<span class="strip" title=${numbers} style=${styleMap({ width: `${n * 0.75}rem`, backgroundImage: `linear-gradient(to right, ${stops})` })}
    ><span class="visually-hidden">${numbers}</span></span
  >`;
}

export interface VectorTable {
  tokens: readonly string[];
  embeddings: number[][];
  queries: number[][];
  keys: number[][];
  values: number[][];
  scale: { embeddings: number; queries: number; keys: number; values: number };
  head: number;
  words: AttentionStrings;
}

/** Each token's embedding and its query, key and value in the head shown (the first VECTOR_ROWS tokens). */
export function renderVectors(table: VectorTable) {
  const { tokens, words, scale } = table;
  const shown = Math.min(tokens.length, VECTOR_ROWS);
  const caption = format(words.vectorsTitle, { head: table.head + 1 });
  // Wide vectors scroll sideways: the panel is a focusable region, so keys scroll it too.
  return html`<div class="vectors" part="vectors" tabindex="0" role="group" aria-label=${caption}>
    <table>
      <caption>${caption}</caption>
      <thead><tr><th scope="col"><span class="visually-hidden">${words.queryColumn}</span></th><th scope="col">${words.embedding}</th><th scope="col">${words.query}</th><th scope="col">${words.key}</th><th scope="col">${words.value}</th></tr></thead>
      <tbody>
        ${tokens.slice(0, shown).map(
          (token, i) => html`<tr>
            <th scope="row">${shortToken(token)}</th>
            <td>${renderStrip(table.embeddings[i], scale.embeddings)}</td>
            <td>${renderStrip(table.queries[i], scale.queries)}</td>
            <td>${renderStrip(table.keys[i], scale.keys)}</td>
            <td>${renderStrip(table.values[i], scale.values)}</td>
          </tr>`,
        )}
      </tbody>
    </table>
    ${shown < tokens.length ? html`<p class="note">${format(words.firstTokens, { shown, count: tokens.length })}</p>` : nothing}
  </div>`;
}

export interface MixPanel {
  tokens: readonly string[];
  /** The selected query, from 0; −1 for none. */
  select: number;
  weights: number[][];
  values: number[][];
  output: number[][];
  scale: number;
  words: AttentionStrings;
}

/** The selected query's output as the weighted sum of value vectors: its heaviest terms, the rest, and the sum. */
export function renderMix(panel: MixPanel) {
  const { tokens, select, words } = panel;
  if (select < 0 || select >= tokens.length) return html`<div class="mix" part="mix"><p class="note">${words.noSelection}</p></div>`;
  const row = panel.weights[select];
  const order = row.map((_, j) => j).filter((j) => row[j] > 0).sort((a, b) => row[b] - row[a] || a - b);
  const listed = order.slice(0, MIX_TERMS);
  const rest = order.slice(MIX_TERMS);
  const restWeight = rest.reduce((sum, j) => sum + row[j], 0);
  return html`<div class="mix" part="mix">
    <h3>${format(words.mixTitle, { token: shortToken(tokens[select]), position: select + 1 })}</h3>
    <ol>
      ${listed.map(
        (j) => html`<li>
          <span class="bar" aria-hidden="true"><span style=${styleMap({ width: `${(row[j] * 100).toFixed(1)}%` })}></span></span>
          <span class="term">${format(words.mixTerm, { weight: percent(row[j]), token: shortToken(tokens[j]), position: j + 1 })}</span>
          ${renderStrip(panel.values[j], panel.scale)}
        </li>`,
      )}
    </ol>
    ${rest.length ? html`<p class="note">${format(words.mixRest, { count: rest.length, weight: percent(restWeight) })}</p>` : nothing}
    <p class="sum"><span class="term">${words.output}</span> ${renderStrip(panel.output[select], panel.scale)}</p>
  </div>`;
}
