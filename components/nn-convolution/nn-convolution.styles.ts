import { css } from 'lit';

/** `<nn-convolution>`'s own styles (the theme tokens and controls come from components/shared/theme.ts). */
export const convolutionStyles = css`
  .card {
    padding: 1rem;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_background);
  }

  .toolbar input[type='number'] {
    width: 4.8em;
  }

  /* On a narrow card a label and its field share the width, and the field gives way. */
  .toolbar label {
    max-width: 100%;
    min-width: 0;
  }

  .toolbar select {
    min-width: 0;
  }

  .play {
    border-color: var(--_accent);
    font-weight: 600;
  }

  .muted,
  .caption {
    color: var(--_muted);
    font-size: 0.85em;
  }

  .hint-row {
    margin: 0 0 0.4rem;
  }

  .stage,
  .digit-row {
    display: flex;
    flex-wrap: wrap;
    gap: 1rem 1.25rem;
    align-items: flex-start;
  }

  .panel {
    margin: 0;
    padding: 0;
    border: 0;
    min-width: 0;
  }

  figcaption,
  legend,
  .panel-title,
  caption,
  .size-title {
    font-size: 0.9em;
    font-weight: 600;
    margin-bottom: 0.3rem;
    text-align: start;
    padding: 0;
  }

  .picture-wrap {
    position: relative;
    line-height: 0;
  }

  svg.grid {
    display: block;
    max-width: 100%;
    height: auto;
    touch-action: none;
    shape-rendering: crispEdges;
  }

  svg.grid .paper {
    fill: var(--_background);
  }

  svg.grid .padding {
    fill: var(--_surface);
  }

  svg.grid .ink {
    fill: var(--_text);
  }

  svg.grid .positive {
    fill: var(--_positive);
  }

  svg.grid .negative {
    fill: var(--_negative);
  }

  svg.grid .lines {
    fill: none;
    stroke: var(--_grid);
    stroke-width: 1px;
    vector-effect: non-scaling-stroke;
  }

  svg.grid .window,
  svg.grid .selected {
    fill: none;
    stroke: var(--_accent);
    stroke-width: 3px;
    vector-effect: non-scaling-stroke;
  }

  .window-handle {
    position: absolute;
    min-height: 0;
    padding: 0;
    border: 0;
    border-radius: 2px;
    background: transparent;
    cursor: grab;
  }

  .kernel-grid {
    display: grid;
    gap: 3px;
  }

  .kernel-cell {
    width: 4.2em;
    min-height: 2rem;
    padding: 0.15rem 0.3rem;
    text-align: end;
    border: 1px solid var(--_border);
    border-radius: 4px;
    font-family: var(--_mono);
    font-size: 0.9em;
    background: color-mix(in srgb, var(--_sign, var(--_background)) var(--_shade, 0%), var(--_background));
  }

  input.kernel-cell[type='number'] {
    width: 4.6em;
    min-height: 2rem;
    padding: 0.15rem 0.3rem;
  }

  .worked {
    margin-top: 0.9rem;
  }

  .products-wrap {
    overflow-x: auto;
  }

  table {
    border-collapse: collapse;
  }

  .products td {
    padding: 0.2rem 0.45rem;
    border: 1px solid var(--_grid);
    text-align: end;
    font-size: 0.85em;
    white-space: nowrap;
  }

  .products td.off {
    color: var(--_muted);
    background: var(--_surface);
  }

  .factors {
    color: var(--_muted);
  }

  .product.positive,
  .product.negative {
    color: var(--_sign);
    font-weight: 600;
  }

  .equation {
    display: flex;
    flex-wrap: wrap;
    gap: 0.3rem 1.2rem;
    margin: 0.5rem 0 0;
  }

  .size {
    margin-top: 0.7rem;
  }

  .size ul {
    margin: 0.2rem 0 0;
    padding-left: 1.2rem;
  }

  .status {
    margin: 0.7rem 0 0;
    color: var(--_muted);
    font-size: 0.9em;
  }

  .message {
    margin: 0 0 0.5rem;
    color: var(--_muted);
  }

  .train-status {
    display: flex;
    flex-wrap: wrap;
    gap: 0.3rem 1.5rem;
    margin-bottom: 0.6rem;
  }

  .reading {
    flex: 1 1 10rem;
    min-width: 9rem;
  }

  .read-as {
    margin: 0 0 0.3rem;
    font-weight: 600;
  }

  .bars {
    margin: 0;
    padding: 0;
    list-style: none;
    max-width: 16rem;
  }

  .bars li {
    display: flex;
    align-items: center;
    gap: 0.4rem;
    font-size: 0.8em;
    line-height: 1.25;
  }

  .bar {
    display: inline-block;
    height: 0.6rem;
    min-width: 1px;
    background: var(--_muted);
  }

  .bar.top {
    background: var(--_accent);
  }

  .filters {
    margin-top: 0.9rem;
  }

  .filter-list {
    display: flex;
    flex-wrap: wrap;
    gap: 0.75rem;
    margin: 0;
    padding: 0;
    list-style: none;
  }

  .filter-list li {
    display: flex;
    flex-direction: column;
    gap: 0.3rem;
    align-items: center;
  }

  .confusion-wrap {
    margin-top: 0.9rem;
    overflow-x: auto;
  }

  .confusion {
    font-size: 0.8em;
  }

  .confusion .corner {
    white-space: nowrap;
    font-weight: normal;
  }

  .confusion th,
  .confusion td {
    min-width: 1.6rem;
    padding: 0.15rem 0.2rem;
    border: 1px solid var(--_grid);
    text-align: center;
  }

  .confusion td.right {
    background: color-mix(in srgb, var(--_positive) calc(var(--_share) * 0.45), var(--_background));
  }

  .confusion td.wrong {
    background: color-mix(in srgb, var(--_negative) calc(var(--_share) * 0.35 + 10%), var(--_background));
  }

  .confusion td.zero {
    color: var(--_muted);
  }

  @media (forced-colors: active) {
    svg.grid .ink,
    svg.grid .positive,
    svg.grid .negative {
      fill: CanvasText;
    }
  }
`;
