import { css } from 'lit';

export const plotStyles = css`
  /* The card's horizontal padding and border add up to CARD_INSET (nn-activation-plot.ts). */
  .card {
    padding: 16px 20px 18px;
    border: 1px solid var(--_border);
    border-radius: calc(var(--_radius) + 4px);
    background: var(--_background);
  }

  .header {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    justify-content: space-between;
    gap: 0.25rem 1rem;
    margin-bottom: 0.5rem;
  }


  .readout {
    font-size: 0.95em;
    white-space: nowrap;
  }

  .readout strong {
    font-weight: 650;
  }

  .plot {
    border-radius: 6px;
    cursor: crosshair;
    touch-action: pan-y;
  }

  .plot svg {
    touch-action: pan-y;
  }

  .axis-label {
    fill: var(--_muted);
    font-size: 12px;
    font-style: italic;
    font-family: var(--_font);
  }

  .s1 {
    --_series: var(--_series-1);
  }
  .s2 {
    --_series: var(--_series-2);
  }
  .s3 {
    --_series: var(--_series-3);
  }
  .s4 {
    --_series: var(--_series-4);
  }
  .s5 {
    --_series: var(--_series-5);
  }

  .curve,
  .derivative {
    fill: none;
    stroke: var(--_series);
    stroke-linejoin: round;
    stroke-linecap: round;
  }

  /* A function's own curve is solid; colour tells the series apart (Okabe–Ito, safe for colour-blind readers). */
  .curve {
    stroke-width: 2.5;
  }

  /* Slopes (derivatives) are thin and broken, each series with its own pattern. */
  .derivative {
    stroke-width: 1.5;
    stroke-dasharray: 4 3;
    stroke-linecap: butt;
    opacity: 0.9;
  }
  .derivative.s2 {
    stroke-dasharray: 1.5 2.5;
  }
  .derivative.s3 {
    stroke-dasharray: 8 3 1.5 3;
  }
  .derivative.s4 {
    stroke-dasharray: 2 2;
  }
  .derivative.s5 {
    stroke-dasharray: 10 3;
  }

  .probe-line {
    stroke: var(--_muted);
    stroke-width: 1;
    stroke-dasharray: 2 3;
  }

  .probe-dot {
    fill: var(--_background);
    stroke: var(--_series);
    stroke-width: 2;
  }

  .marker {
    fill: var(--_series);
    stroke: var(--_background);
    stroke-width: 2;
  }

  .legend {
    list-style: none;
    margin: 0.75rem 0 0;
    padding: 0;
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(min(100%, 15rem), 1fr));
    gap: 0.5rem;
  }

  .legend li {
    container-type: inline-size;
    display: flex;
    flex-direction: column;
    gap: 0.3rem;
    padding: 0.55rem 0.75rem;
    border: 1px solid var(--_grid);
    border-radius: 6px;
    background: var(--_surface);
    font-size: 0.9em;
  }

  .legend .title {
    display: flex;
    align-items: center;
    gap: 0.5rem;
  }

  .legend .name {
    font-weight: 600;
  }

  .legend .range {
    margin-left: auto;
    color: var(--_muted);
    font-size: 0.9em;
    white-space: nowrap;
  }

  .swatch {
    flex: none;
    overflow: visible;
  }

  /*
   * Formulas get smaller in a narrow entry (cqi: a hundredth of the entry's width) rather
   * than overflow it; the long GELU one most.
   */
  .formula {
    align-self: flex-start;
    margin: 0.15rem 0;
    font-size: min(1.15em, 7cqi);
    math-style: normal;
  }

  .formula.long {
    font-size: min(1.15em, 5.8cqi);
  }

  .formula.wide {
    font-size: min(1.15em, 4.6cqi);
  }

  .values {
    display: flex;
    flex-wrap: wrap;
    gap: 0.15rem 1rem;
    font-size: 0.95em;
  }

  .values > span {
    display: inline-flex;
    align-items: center;
    gap: 0.35rem;
    white-space: nowrap;
  }

  .values .label {
    color: var(--_muted);
  }
`;
