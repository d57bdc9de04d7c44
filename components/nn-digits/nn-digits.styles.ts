import { css } from 'lit';

export const digitsStyles = css`
  :host {
    display: block;
    padding: 1rem;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_background);
    container-type: inline-size;
  }

  figure {
    margin: 0;
  }

  figcaption,
  .hint {
    margin: 0 0 0.35rem;
    color: var(--_muted);
    font-size: 0.85rem;
  }

  .note {
    color: var(--_muted);
    font-size: 0.9rem;
  }

  .reader,
  .training {
    display: flex;
    flex-wrap: wrap;
    gap: 1rem 1.5rem;
    align-items: flex-start;
  }

  .training {
    margin-top: 1rem;
  }

  .drawing {
    display: flex;
    flex-direction: column;
    gap: 0.5rem;
    width: min(100%, 224px);
  }

  .samples {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25rem;
    margin: 0;
    padding: 0.25rem 0.5rem 0.5rem;
    border: 1px solid var(--_border);
    border-radius: 6px;
  }

  .samples legend {
    color: var(--_muted);
    font-size: 0.8rem;
  }

  .samples button {
    min-width: 2.25rem;
    padding: 0.25rem;
  }

  svg.pixels {
    display: block;
    width: 120px;
    height: 120px;
    border: 1px solid var(--_border);
    border-radius: 4px;
  }

  svg .paper {
    fill: var(--_surface);
  }

  svg.pixels rect:not(.paper),
  svg.thumb rect:not(.paper) {
    fill: var(--_text);
  }

  .probabilities {
    flex: 1 1 12rem;
    min-width: 12rem;
    max-width: 22rem;
  }

  .guess {
    margin: 0 0 0.4rem;
    font-weight: 600;
  }

  .bars {
    margin: 0;
    padding: 0;
    list-style: none;
  }

  .bar {
    display: grid;
    grid-template-columns: 1.25rem 1fr 3.5rem;
    align-items: center;
    gap: 0.4rem;
    font-variant-numeric: tabular-nums;
    font-size: 0.9rem;
  }

  .bar .track {
    width: 100%;
    height: 0.8rem;
    background: var(--_surface);
    border-radius: 2px;
  }

  .bar .fill {
    fill: var(--_muted);
  }

  .bar.guessed {
    font-weight: 700;
  }

  .bar.guessed .fill {
    fill: var(--_accent);
  }

  .bar .value {
    text-align: right;
  }

  .network-view {
    margin-top: 1rem;
  }

  .confusion {
    max-width: 100%;
    overflow-x: auto;
  }

  .confusion table {
    border-collapse: collapse;
    font-variant-numeric: tabular-nums;
    font-size: 0.8rem;
  }

  .confusion th {
    padding: 0 0.2rem;
    color: var(--_muted);
    font-weight: 600;
  }

  .confusion td {
    padding: 1px;
  }

  .confusion .cell {
    --_tone: var(--_series-2);
    width: 1.9rem;
    min-height: 1.9rem;
    padding: 0;
    border: 1px solid var(--_grid);
    border-radius: 3px;
    font-size: 0.75rem;
    background: color-mix(in srgb, var(--_tone) calc(var(--_share, 0) * 45%), var(--_background));
  }

  .confusion .cell.right {
    --_tone: var(--_accent);
  }

  .confusion .cell.zero {
    color: var(--_muted);
  }

  .confusion .cell[aria-pressed='true'] {
    outline: 2px solid var(--_text);
    outline-offset: 1px;
  }

  @container (max-width: 420px) {
    .confusion .cell {
      width: 1.45rem;
      min-height: 1.6rem;
      font-size: 0.7rem;
    }
    .confusion th {
      padding: 0 0.1rem;
    }
  }

  .cell-digits p {
    margin: 0.5rem 0 0.25rem;
    font-size: 0.85rem;
  }

  .thumbs {
    display: flex;
    flex-wrap: wrap;
    gap: 4px;
    margin: 0;
    padding: 0;
    list-style: none;
    max-width: 22rem;
  }

  svg.thumb {
    display: block;
    width: 32px;
    height: 32px;
  }

  .loss svg {
    display: block;
    max-width: 100%;
  }

  .loss .axis {
    stroke: var(--_border);
  }

  .loss polyline {
    fill: none;
    stroke-width: 2;
  }

  .loss polyline.train,
  .key.train::before {
    stroke: var(--_series-1);
    background: var(--_series-1);
  }

  .loss polyline.test,
  .key.test::before {
    stroke: var(--_series-2);
    background: var(--_series-2);
  }

  .key {
    margin-left: 0.6rem;
  }

  .key::before {
    content: '';
    display: inline-block;
    width: 0.8rem;
    height: 3px;
    margin-right: 0.25rem;
    vertical-align: middle;
  }
`;
