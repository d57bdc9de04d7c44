import { html, nothing } from 'lit';
import { guard } from 'lit/directives/guard.js';
import type { AttentionLayer } from '../../src/index.js';
import { formatNumber } from '../shared/format.js';
import { format } from '../shared/strings.js';
import { scoreRange } from './heatmap.js';
import { fullRows, headMatrix, headRows, largest, largestOfAll } from './matrices.js';
import { renderMatrix, renderWeightsTable } from './matrix-view.js';
import type { AttentionStrings } from './nn-attention.strings.js';
import { renderTokens } from './tokens-view.js';
import { renderMix, renderVectors } from './vectors-view.js';

export interface Body {
  layer: AttentionLayer;
  /** The embedded tokens (tokens × model) the layer ran on. */
  embedded: Float64Array;
  tokens: readonly string[];
  head: number;
  select: number;
  show: ReadonlySet<string>;
  words: AttentionStrings;
  /** The heatmaps' side, and whether the tokens are written beside them. */
  side: number;
  labelled: boolean;
  pick(index: number, focus: boolean): void;
  /** The vectors are drawn again only when this changes (the element slows it while training plays: they are the costliest part). */
  vectorsVersion: number;
}

/** The tokens, the heatmaps of scores and weights (with the weights' table), the selected query's mix, and every token's vectors. */
export function renderBody(body: Body) {
  const { layer, embedded, tokens, head, select, show, words, side, labelled } = body;
  const n = tokens.length;
  const weights = headMatrix(layer.weights, layer, head);
  const values = headRows(layer.v, layer, head);
  const range = scoreRange({ values: layer.scores, offset: head * n * n, n, causal: layer.causal });
  const pick = (i: number) => body.pick(i, false);
  return html`
    ${renderTokens(tokens, select, words, body.pick)}
    <div class="matrices ${labelled ? 'labelled' : ''}">
      ${show.has('scores')
        ? renderMatrix({
            kind: 'scores',
            title: words.scoresTitle,
            tokens,
            side,
            labelled,
            pick,
            label: format(words.scoresLabel, { head: head + 1, count: n, low: formatNumber(-range), high: formatNumber(range), masked: layer.causal ? words.maskedNote : '' }),
          })
        : nothing}
      ${show.has('weights')
        ? renderMatrix({ kind: 'weights', title: words.weightsTitle, tokens, side, labelled, pick, label: format(words.weightsLabel, { head: head + 1, count: n }) })
        : nothing}
    </div>
    ${show.has('weights') ? renderWeightsTable(tokens, weights, headMatrix(layer.scores, layer, head), head, words) : nothing}
    ${show.has('mix') ? renderMix({ tokens, select, weights, values, output: headRows(layer.mixed, layer, head), scale: largest(layer.v, layer, head), words }) : nothing}
    ${show.has('vectors')
      ? guard([body.vectorsVersion, layer, head, tokens.length], () => renderVectors({
          tokens,
          head,
          words,
          embeddings: fullRows(embedded, layer),
          queries: headRows(layer.q, layer, head),
          keys: headRows(layer.k, layer, head),
          values,
          scale: { embeddings: largestOfAll(embedded, layer), queries: largest(layer.q, layer, head), keys: largest(layer.k, layer, head), values: largest(layer.v, layer, head) },
        }))
      : nothing}
  `;
}
