import { css } from 'lit';

/** Styles for SVG charts drawn with renderAxes. */
export const chartStyles = css`
  svg {
    display: block;
    overflow: visible;
    touch-action: none;
    user-select: none;
  }

  .grid line {
    stroke: var(--_grid);
    stroke-width: 1;
  }

  .axis line {
    stroke: var(--_muted);
    stroke-width: 1;
  }

  .tick {
    fill: var(--_muted);
    font-size: 11px;
    font-family: var(--_mono);
  }

  .tick.x {
    text-anchor: middle;
  }

  .tick.y {
    text-anchor: end;
    dominant-baseline: middle;
  }
`;
