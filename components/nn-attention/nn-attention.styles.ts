import { css } from 'lit';

export const attentionStyles = css`
  .card {
    position: relative;
  }

  .formula {
    color: var(--_muted);
    font-size: 0.9em;
  }

  .toolbar .text {
    flex: 1 1 16rem;
  }

  .toolbar .text input {
    flex: 1;
    min-width: 0;
    min-height: 2.25rem;
    padding: 0.25rem 0.5rem;
    border: 1px solid var(--_border);
    border-radius: 6px;
    background: var(--_background);
  }

  /* On a narrow card a label and its field share the width, and the field gives way. */
  .toolbar label {
    max-width: 100%;
    min-width: 0;
  }

  .temperature input {
    width: 8rem;
    min-width: 0;
  }

  .temperature output {
    min-width: 3em;
  }

  .note,
  .status,
  .example-line {
    margin: 0 0 0.5rem;
    color: var(--_muted);
    font-size: 0.9em;
  }

  .status {
    color: var(--_text);
    font-variant-numeric: tabular-nums;
  }

  .empty {
    padding: 0.5rem 0.75rem;
    border-radius: 6px;
    background: var(--_surface);
    color: var(--_text);
  }

  .tokens {
    display: flex;
    flex-wrap: wrap;
    gap: 0.3rem;
    max-height: 9.5rem;
    overflow-y: auto;
    margin-bottom: 0.75rem;
    padding: 2px;
  }

  .token {
    min-height: 2rem;
    max-width: 14rem;
    padding: 0.1rem 0.5rem;
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
    font-family: var(--_mono);
    font-size: 0.9em;
  }

  .token[aria-pressed='true'] {
    background: var(--_accent);
    border-color: var(--_accent);
    color: var(--_background);
  }

  .matrices {
    display: flex;
    flex-wrap: wrap;
    gap: 1rem 24px;
    margin-bottom: 0.75rem;
  }

  figure {
    margin: 0;
  }

  figcaption {
    margin-bottom: 0.35rem;
    font-size: 0.9em;
    font-weight: 600;
  }

  .matrix-grid {
    display: grid;
    grid-template-columns: auto;
  }

  .matrix-grid.labelled {
    grid-template-columns: 76px auto;
    grid-template-rows: 56px auto;
  }

  .matrix-grid.labelled canvas {
    grid-column: 2;
    grid-row: 2;
  }

  .columns {
    grid-column: 2;
    grid-row: 1;
    display: grid;
    align-items: end;
  }

  .columns span {
    writing-mode: vertical-rl;
    transform: rotate(180deg);
    max-height: 54px;
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
    justify-self: center;
  }

  /* Tokens of a letter or two are written upright. */
  .columns.upright span {
    writing-mode: horizontal-tb;
    transform: none;
  }

  .rows {
    grid-column: 1;
    grid-row: 2;
    display: grid;
    align-items: center;
  }

  .rows span {
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
    padding-right: 6px;
    text-align: right;
  }

  .columns span,
  .rows span {
    font-family: var(--_mono);
    font-size: 0.75rem;
    color: var(--_muted);
    line-height: 1;
  }

  canvas {
    display: block;
    cursor: pointer;
    border: 1px solid var(--_border);
    touch-action: manipulation;
  }

  .mix,
  .vectors {
    margin-bottom: 0.75rem;
    padding: 0.6rem 0.75rem;
    border-radius: 6px;
    background: var(--_surface);
  }

  .vectors {
    overflow-x: auto;
  }

  .mix h3 {
    margin: 0 0 0.4rem;
    font-size: 0.95em;
  }

  .mix ol {
    margin: 0;
    padding: 0;
    list-style: none;
  }

  .mix li,
  .mix .sum {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.25rem 0.6rem;
    margin: 0 0 0.3rem;
    font-size: 0.9em;
  }

  .mix .sum {
    margin: 0.4rem 0 0;
    font-weight: 600;
  }

  .bar {
    display: inline-block;
    width: 4rem;
    height: 0.6rem;
    border: 1px solid var(--_border);
    border-radius: 3px;
    background: var(--_background);
  }

  .bar span {
    display: block;
    height: 100%;
    background: var(--_accent);
  }

  .term {
    min-width: 12rem;
  }

  /* Positioned, so the numbers hidden inside stay within a scrolling panel. The cells are a stepped gradient (vectors-view.ts). */
  .strip {
    position: relative;
    display: inline-block;
    max-width: 100%;
    height: 0.9rem;
    vertical-align: middle;
    border-radius: 2px;
  }

  .vectors table {
    border-collapse: collapse;
    font-size: 0.85em;
  }

  .vectors caption {
    text-align: left;
    font-weight: 600;
    margin-bottom: 0.35rem;
  }

  .vectors th,
  .vectors td {
    padding: 0.15rem 0.5rem 0.15rem 0;
    text-align: left;
    white-space: nowrap;
  }

  .vectors th[scope='row'] {
    max-width: 8rem;
    overflow: hidden;
    text-overflow: ellipsis;
    font-family: var(--_mono);
    font-weight: 500;
  }

  .vectors thead th {
    color: var(--_muted);
    font-weight: 500;
  }

  @media (forced-colors: active) {
    .strip {
      forced-color-adjust: none;
      border: 1px solid CanvasText;
    }
  }
`;
