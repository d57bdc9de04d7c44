import { css } from 'lit';

export const surfaceStyles = css`
  :host {
    /* The shading: lowest loss to highest, and the contour lines. */
    --_low: var(--nn-surface-low, light-dark(#fbfcfd, #171b20));
    --_high: var(--nn-surface-high, light-dark(#95a1ad, #8793a0));
    --_contour: var(--nn-contour, light-dark(#4a525b, #e6e8eb));
  }

  .header math {
    font-size: 1.1em;
  }

  .hint {
    margin-left: auto;
  }

  /* On a narrow card the learning rate's label and slider share the width, and the slider gives way. */
  .rate {
    max-width: 100%;
    min-width: 0;
  }

  .rate input {
    width: 9rem;
    min-width: 0;
  }

  .rate output {
    min-width: 3.5em;
  }

  fieldset.optimizers {
    display: inline-flex;
    flex-wrap: wrap;
    gap: 0.25rem 0.75rem;
    margin: 0;
    padding: 0.15rem 0.6rem 0.3rem;
    border: 1px solid var(--_border);
    border-radius: 6px;
  }

  fieldset.optimizers legend {
    padding: 0 0.25rem;
    color: var(--_muted);
    font-size: 0.85em;
  }

  /* 16px, as layout() in nn-loss-surface.ts reckons it (a page's larger rem would wrap the panel). */
  .body {
    display: flex;
    flex-wrap: wrap;
    align-items: flex-start;
    gap: 16px;
  }

  .map-wrap {
    position: relative;
    flex: none;
    touch-action: none;
    cursor: crosshair;
  }

  .map-wrap.following {
    cursor: default;
    touch-action: auto;
  }

  canvas.heights {
    position: absolute;
    display: block;
  }

  svg.overlay {
    position: relative;
  }

  .grid line {
    stroke: var(--_contour);
    stroke-opacity: 0.12;
  }

  .axis-label {
    fill: var(--_muted);
    font-size: 12px;
    font-style: italic;
    paint-order: stroke;
    stroke: var(--_low);
    stroke-width: 3px;
  }

  .computing {
    position: absolute;
    inset: 40% 10% auto;
    margin: 0;
    color: var(--_muted);
    text-align: center;
  }

  /* Each run: a colour, a line style and a marker shape of its own (Okabe–Ito colours). */
  .run-0 {
    --_run: var(--_series-1);
    --_dash: none;
  }

  .run-1 {
    --_run: var(--_series-2);
    --_dash: 7 4;
  }

  .run-2 {
    --_run: var(--_series-3);
    --_dash: 2 3;
  }

  path.path,
  path.slice-curve {
    fill: none;
    stroke: var(--_run);
    stroke-width: 2.5;
    stroke-dasharray: var(--_dash);
    stroke-linejoin: round;
  }

  .dot {
    fill: var(--_run);
    stroke: none;
  }

  .point {
    fill: var(--_run);
    stroke: var(--_background);
    stroke-width: 2;
  }

  .point.now {
    fill: var(--_background);
    stroke: var(--_run);
  }

  .gradient line,
  .step line {
    stroke-width: 2.5;
  }

  .gradient line {
    stroke: var(--_text);
  }

  .gradient path {
    fill: var(--_text);
  }

  .step line {
    stroke: var(--_accent);
    stroke-dasharray: 5 3;
  }

  .step path {
    fill: var(--_accent);
  }

  circle.tiny {
    fill: none;
    stroke: var(--_accent);
    stroke-width: 1.5;
    stroke-dasharray: 2 2;
  }

  .start-handle {
    position: absolute;
    width: 28px;
    height: 28px;
    margin: -14px 0 0 -14px;
    padding: 0;
    border: 2px solid transparent;
    border-radius: 50%;
    background: transparent;
    cursor: grab;
  }

  .start-handle:hover {
    border-color: var(--_muted);
  }

  .side {
    flex: 1 1 240px;
    min-width: 0;
  }

  .legend {
    display: grid;
    gap: 0.3rem;
    margin: 0 0 0.75rem;
    padding: 0;
    list-style: none;
    font-size: 0.9em;
  }

  .legend li {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0 0.5rem;
  }

  .legend svg {
    flex: none;
    overflow: visible;
  }

  .legend line.swatch {
    stroke: var(--_run);
    stroke-width: 2.5;
    stroke-dasharray: var(--_dash);
  }

  .legend .status {
    color: var(--_muted);
  }

  .legend .diverged {
    color: var(--_danger);
    font-weight: 600;
  }

  .scale {
    display: inline-block;
    width: 5rem;
    height: 0.7rem;
    border: 1px solid var(--_border);
    background: linear-gradient(to right, var(--_low), var(--_high));
  }

  .slice .tangent {
    stroke: var(--_muted);
    stroke-width: 1.5;
    stroke-dasharray: 4 3;
  }

  .tangent-label {
    fill: var(--_muted);
    font-size: 11px;
  }

  .slice .axis-label {
    font-style: normal;
    stroke: none;
  }

  .side h3 {
    margin: 0.25rem 0 0.25rem;
    font-size: 0.85em;
    font-weight: 600;
    color: var(--_muted);
  }

  math.rule mtd {
    padding: 0.1rem 0.15rem;
  }

  math.rule mtd:first-child {
    text-align: right;
  }

  math.rule mtd:last-child {
    text-align: left;
  }

  circle.start {
    fill: none;
    stroke: var(--_text);
    stroke-width: 1.5;
    stroke-opacity: 0.6;
  }

  math.rule {
    margin: 0.25rem 0 0.5rem;
    font-size: 0.95em;
  }

  .message {
    margin: 0 0 0.5rem;
    padding: 0.4rem 0.75rem;
    border-left: 4px solid var(--_danger);
    border-radius: 4px;
    background: var(--_surface);
    font-size: 0.9em;
  }

  .message.note {
    border-left-color: var(--_accent);
  }

  .summary {
    margin: 0.5rem 0 0;
    color: var(--_muted);
    font-size: 0.85em;
  }
`;
