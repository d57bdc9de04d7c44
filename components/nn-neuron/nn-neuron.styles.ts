import { css } from 'lit';

export const neuronStyles = css`
  :host {
    container-type: inline-size;
  }

  /* The card's horizontal padding and border add up to CARD_INSET (nn-neuron.ts). */
  .card {
    padding: 16px 20px 20px;
    border: 1px solid var(--_border);
    border-radius: calc(var(--_radius) + 4px);
    background: var(--_background);
  }

  /* Headline: the output, its value and the decision. */
  .headline {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.4rem 0.75rem;
    margin-bottom: 0.25rem;
  }

  .output-label {
    font-weight: 650;
    font-size: 1.05em;
  }

  .output {
    font-size: 1.15em;
    font-weight: 600;
  }

  .decision {
    display: inline-flex;
    align-items: center;
    gap: 0.45rem;
    padding: 0.1rem 0.6rem;
    border: 1.5px solid var(--_sign);
    border-radius: 999px;
    background: color-mix(in srgb, var(--_sign) 12%, transparent);
    font-weight: 650;
  }

  .decision.yes {
    --_sign: var(--_positive);
  }

  .decision.no {
    --_sign: var(--_negative);
  }

  .decision.unknown {
    --_sign: var(--_muted);
    border-style: dashed;
  }

  .decision .rule {
    color: var(--_muted);
    font-weight: 400;
    font-size: 0.85em;
  }

  /* Diagram. */
  .diagram {
    display: block;
    overflow: visible;
    margin: 0.25rem auto 0.75rem;
  }

  .link {
    stroke: var(--_sign);
    stroke-linecap: round;
    transition: stroke-width 0.15s;
  }

  .link.idle {
    opacity: 0.35;
  }

  .link.out,
  .arrow {
    stroke: var(--_muted);
    stroke-width: 2;
    fill: none;
    stroke-linecap: round;
    stroke-linejoin: round;
  }

  .weight text {
    fill: var(--_sign);
    font: 600 12px var(--_mono);
    text-anchor: middle;
    dominant-baseline: central;
  }

  .weight rect {
    fill: var(--_background);
    stroke: color-mix(in srgb, var(--_sign) 45%, transparent);
    stroke-width: 1;
  }

  .input-node circle,
  .neuron circle,
  .output-node circle {
    fill: var(--_surface);
    stroke: var(--_muted);
    stroke-width: 1.5;
  }

  .narrow .input-node .label {
    font-size: 11.5px;
  }

  .input-node.on circle {
    fill: var(--_accent);
    stroke: var(--_accent);
  }

  .input-node.on .value {
    fill: var(--_background);
  }

  .input-node .label {
    fill: var(--_text);
    font-size: 13px;
    text-anchor: end;
    dominant-baseline: central;
  }

  /* Node values take their font-size from the diagram, which shrinks long numbers to fit. */
  .value,
  .bias-label,
  .z-label {
    fill: var(--_text);
    font-family: var(--_mono);
    text-anchor: middle;
    dominant-baseline: central;
  }

  .bias-label,
  .z-label {
    font-size: 12px;
  }

  .bias-label,
  .z-label {
    fill: var(--_muted);
  }

  .neuron circle {
    stroke: var(--_text);
    stroke-width: 2;
  }

  .divider {
    stroke: var(--_border);
  }

  .glyph {
    fill: var(--_text);
    text-anchor: middle;
    dominant-baseline: central;
  }

  .output-node circle {
    stroke: var(--_accent);
    stroke-width: 2.5;
  }

  .output-node .value {
    font-weight: 600;
  }

  .output-node.yes circle {
    stroke: var(--_positive);
  }

  .output-node.no circle {
    stroke: var(--_negative);
  }

  .output-node.unknown circle {
    stroke: var(--_muted);
    stroke-dasharray: 4 3;
  }

  .output-node .decision {
    fill: var(--_text);
    font-weight: 650;
    font-size: 13px;
    text-anchor: middle;
    dominant-baseline: central;
  }

  /* Controls and computation. */
  .panels {
    display: grid;
    gap: 1rem;
  }

  @container (min-width: 760px) {
    .panels {
      grid-template-columns: minmax(0, 1.3fr) minmax(0, 1fr);
      align-items: start;
    }
  }

  .controls {
    display: grid;
    grid-template-columns: minmax(4.5rem, max-content) minmax(6rem, 1fr) minmax(9rem, 1.4fr);
    gap: 0.55rem 0.75rem;
    align-content: start;
  }

  .controls.range {
    grid-template-columns: max-content minmax(8rem, 1fr) minmax(8rem, 1fr);
  }

  .row {
    display: grid;
    grid-column: 1 / -1;
    grid-template-columns: subgrid;
    align-items: center;
  }

  .row.head {
    color: var(--_muted);
    font-size: 0.8em;
    letter-spacing: 0.04em;
    text-transform: uppercase;
    padding-bottom: 0.3rem;
    border-bottom: 1px solid var(--_grid);
  }

  .row.bias {
    padding-top: 0.55rem;
    border-top: 1px solid var(--_grid);
  }

  .cell.wide {
    grid-column: 2 / -1;
  }

  .name {
    font-weight: 600;
    overflow-wrap: anywhere;
  }

  .caption {
    display: none;
    color: var(--_muted);
    font-size: 0.8em;
  }

  .fixed {
    display: inline-block;
    padding: 0.2rem 0;
  }

  .pair {
    display: flex;
    align-items: center;
    gap: 0.5rem;
  }

  .pair input[type='range'] {
    flex: 1;
    min-width: 3.5rem;
    margin: 0;
  }

  /* Room for the longest number (five characters, "−0.75", at least) beside the browser's spin buttons. */
  .pair input[type='number'] {
    flex: none;
    width: calc(var(--_field-chars, 5) * 1ch + 2.25rem);
    padding-inline: 0.45rem;
  }

  @container (max-width: 560px) {
    .controls,
    .controls.range {
      grid-template-columns: minmax(0, 1fr);
      gap: 0.6rem;
    }

    .row,
    .row.bias {
      grid-template-columns: 4rem minmax(0, 1fr);
      gap: 0.3rem 0.75rem;
      padding: 0.55rem 0.75rem;
      border: 1px solid var(--_grid);
      border-radius: 8px;
      background: var(--_surface);
    }

    .row.head {
      display: none;
    }

    .name {
      grid-column: 1 / -1;
    }

    .row.bias .name {
      grid-column: auto;
    }

    .cell {
      display: grid;
      grid-column: 1 / -1;
      grid-template-columns: subgrid;
      align-items: center;
    }

    .cell.wide {
      grid-column: 2;
    }

    .caption {
      display: block;
    }

    /* A narrow row gives up the spin buttons (↑ and ↓ still step), never the digits. */
    .pair input[type='range'] {
      min-width: 2.5rem;
    }

    .pair input[type='number'] {
      flex: 0 1 auto;
      min-width: calc(var(--_field-chars, 5) * 1ch + 1.1rem);
      appearance: textfield;
      -moz-appearance: textfield;
    }

    .pair input[type='number']::-webkit-inner-spin-button,
    .pair input[type='number']::-webkit-outer-spin-button {
      appearance: none;
      margin: 0;
    }
  }

  .switch {
    display: inline-flex;
    align-items: center;
    gap: 0.6rem;
    min-height: 2.25rem;
    cursor: pointer;
  }

  .switch input {
    appearance: none;
    position: relative;
    flex: none;
    width: 2.75rem;
    height: 1.5rem;
    margin: 0;
    border-radius: 999px;
    background: var(--_muted);
    cursor: pointer;
    transition: background-color 0.15s;
  }

  .switch input::before {
    content: '';
    position: absolute;
    top: 3px;
    left: 3px;
    width: calc(1.5rem - 6px);
    height: calc(1.5rem - 6px);
    border-radius: 50%;
    background: var(--_background);
    transition: transform 0.15s;
  }

  .switch input:checked {
    background: var(--_accent);
  }

  .switch input:checked::before {
    transform: translateX(1.25rem);
  }

  @media (forced-colors: active) {
    .weight rect {
      fill: Canvas;
      stroke: CanvasText;
    }

    .switch input {
      border: 1px solid CanvasText;
    }

    .switch input::before {
      background: CanvasText;
    }

    .switch input:checked::before {
      background: Highlight;
    }
  }

  .math {
    container-type: inline-size;
    display: flex;
    flex-direction: column;
    gap: 0.75rem;
    padding: 0.75rem 1rem;
    border: 1px solid var(--_grid);
    border-radius: 8px;
    background: var(--_surface);
    min-width: 0;
  }

  .breakdown {
    width: 100%;
    border-collapse: collapse;
    font-size: 0.92em;
  }

  .breakdown caption {
    padding-bottom: 0.35rem;
    text-align: left;
    font-family: var(--_font);
    font-weight: 650;
  }

  .breakdown th,
  .breakdown td {
    padding: 0.2rem 0.35rem;
  }

  .breakdown th {
    font-family: var(--_font);
    font-weight: 400;
    text-align: left;
    /* Names wrap between words, never inside one ("Hou-rs of slee-p"). */
    overflow-wrap: normal;
  }

  .breakdown thead th {
    color: var(--_muted);
    font-size: 0.9em;
    border-bottom: 1px solid var(--_border);
  }

  .breakdown .num {
    text-align: right;
    white-space: nowrap;
  }

  /* On a phone, a tighter panel and cells leave the names room to keep their words whole. */
  @container (max-width: 560px) {
    .math {
      padding-inline: 0.75rem;
    }
  }

  /* (This one asks about the .math panel, the cells' nearest container.) */
  @container (max-width: 300px) {
    .breakdown th,
    .breakdown td {
      padding-inline: 0.15rem;
    }
  }

  .breakdown .op {
    width: 1ch;
    padding-inline: 0;
    color: var(--_muted);
    text-align: center;
  }

  .breakdown tfoot tr.sum > * {
    border-top: 1px solid var(--_border);
  }

  .breakdown tfoot th {
    text-align: right;
    color: var(--_muted);
  }

  .breakdown tr.z > *,
  .breakdown tr.out > * {
    color: var(--_text);
    font-weight: 650;
  }

  .breakdown tr.out > * {
    border-top: 1px solid var(--_border);
  }

  .formulas {
    display: flex;
    flex-direction: column;
    gap: 0.35rem;
    overflow-x: auto;
  }

  .continued {
    padding-left: 1.1em;
  }

  /*
   * Formulas get smaller in a narrow panel (cqi: a hundredth of the .math panel's width)
   * rather than overflow it; the long GELU one most.
   */
  .formula {
    font-size: min(1.1em, 7cqi);
    math-style: normal;
  }

  .formula.long {
    font-size: min(1.1em, 5.8cqi);
  }

  .formula.wide {
    font-size: min(1.1em, 4.6cqi);
  }

  /* The sign's colour, mixed a little towards the text so it reads at 4.5:1 on the panel in either scheme. */
  .formula .live {
    font-weight: 600;
  }

  .formula .live.positive,
  .formula .live.negative {
    color: color-mix(in srgb, var(--_sign) 78%, var(--_text));
  }

  nn-activation-plot.plot {
    margin-top: 1rem;
    padding-top: 1rem;
    border-top: 1px solid var(--_grid);
  }

  nn-activation-plot.plot::part(card) {
    padding: 0;
    border: 0;
    border-radius: 0;
    background: none;
  }
`;
