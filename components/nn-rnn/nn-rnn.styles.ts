import { css, unsafeCSS } from 'lit';
import { STATE_SHADES } from './unrolled-view.js';

/** One fill per shade of the hidden-state strip: the theme's negative through neutral to positive. */
export const shadeStyles = unsafeCSS(Array.from({ length: 2 * STATE_SHADES + 1 }, (_, i) => {
  const level = i - STATE_SHADES;
  const end = level < 0 ? 'var(--_negative)' : 'var(--_positive)';
  return `.unrolled-svg .s${level} { fill: color-mix(in srgb, ${end} ${Math.round((Math.abs(level) / STATE_SHADES) * 100)}%, var(--_neutral)); }`;
}).join('\n'));

export const rnnStyles = css`
  :host {
    /* The shared weights: one colour each, at every step. */
    --_wx: var(--nn-series-1, light-dark(#0072b2, #56b4e9));
    --_wh: var(--nn-series-2, light-dark(#c85200, #f0a04b));
    --_wy: var(--nn-series-3, light-dark(#007a5e, #3fc1a0));
  }

  .header {
    display: flex;
    flex-direction: column;
    gap: 0.2rem;
    margin-bottom: 0.6rem;
  }

  .title {
    font-weight: 650;
  }

  .about,
  .note,
  .score {
    color: var(--_muted);
    font-size: 0.9em;
  }

  .score {
    margin: 0 0 0.5rem;
    font-variant-numeric: tabular-nums;
  }

  .time input {
    width: 10rem;
  }

  output.number {
    min-width: 2.5em;
    font-family: var(--_mono);
  }

  .message {
    margin: 0 0 0.75rem;
    padding: 0.5rem 0.75rem;
    border-left: 4px solid var(--_danger);
    border-radius: 4px;
    background: var(--_surface);
  }

  .unrolled-scroll {
    overflow-x: auto;
    margin-bottom: 0.5rem;
  }

  .unrolled-scroll:focus-visible,
  .math-scroll:focus-visible {
    outline: 2px solid var(--_focus);
    outline-offset: 2px;
  }

  .legend-weights {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.25rem 0.75rem;
    margin-bottom: 0.25rem;
    color: var(--_muted);
    font-size: 0.85em;
  }

  .weight {
    font-family: var(--_mono);
    font-weight: 650;
    border-bottom: 3px solid;
  }

  .weight.wx {
    border-color: var(--_wx);
  }

  .weight.wh {
    border-color: var(--_wh);
  }

  .weight.wy {
    border-color: var(--_wy);
  }

  .unrolled-svg text {
    fill: var(--_text);
    text-anchor: middle;
    font-size: 13px;
  }

  .unrolled-svg .column {
    fill: transparent;
  }

  .unrolled-svg .picked .column {
    fill: var(--_surface);
    stroke: var(--_accent);
    stroke-width: 1.5;
  }

  .unrolled-svg .step {
    cursor: pointer;
  }

  .unrolled-svg .prediction {
    font-weight: 650;
    font-size: 15px;
  }

  .unrolled-svg .prediction.wrong .mark {
    fill: var(--_danger);
  }

  .unrolled-svg .prediction.right .mark {
    fill: var(--_wy);
  }

  .unrolled-svg .probability,
  .unrolled-svg .target,
  .unrolled-svg .time {
    fill: var(--_muted);
    font-size: 11px;
  }

  .unrolled-svg .input {
    font-family: var(--_mono);
    font-size: 15px;
  }

  .unrolled-svg .cell {
    fill: var(--_background);
    stroke: var(--_text);
    stroke-width: 1.25;
  }

  .unrolled-svg line {
    stroke-width: 2.25;
  }

  .unrolled-svg line.wx {
    stroke: var(--_wx);
  }

  .unrolled-svg line.wh {
    stroke: var(--_wh);
  }

  .unrolled-svg line.wy {
    stroke: var(--_wy);
  }

  .arrow-head {
    fill: var(--_muted);
  }

  .panels {
    display: flex;
    flex-direction: column;
    gap: 16px;
    margin-top: 0.5rem;
  }

  .panels.wide {
    flex-direction: row;
    align-items: flex-start;
  }

  .panels > div {
    flex: 1 1 0;
    min-width: 0;
  }

  .panel-title {
    margin: 0 0 0.35rem;
    font-size: 0.95em;
    font-weight: 600;
  }

  .formula .note {
    margin: 0 0 0.35rem;
  }

  .math-scroll {
    overflow-x: auto;
    padding: 0.25rem 0;
  }

  math {
    font-family: math, 'STIX Two Math', 'Cambria Math', 'Latin Modern Math', 'DejaVu Math TeX Gyre', serif;
  }

  .key {
    margin: 0 0 0.35rem;
    color: var(--_muted);
    font-size: 0.85em;
  }

  .math-scroll math {
    margin: 0.35rem 0;
    font-size: 0.95em;
  }

  .gradients .bar {
    fill: var(--_accent);
    opacity: 0.55;
  }

  .gradients .bar.picked {
    opacity: 1;
  }

  .gradients .axis-name {
    fill: var(--_muted);
    font-size: 11px;
    text-anchor: middle;
  }

  .sampler {
    margin-top: 1rem;
  }

  /* On a narrow card the temperature's label and slider share the width, and the slider gives way. */
  .sampler .toolbar label {
    max-width: 100%;
    min-width: 0;
  }

  .temperature input {
    width: 8rem;
    min-width: 0;
  }

  .sample-text {
    display: block;
    min-height: 3em;
    padding: 0.5rem 0.75rem;
    border-radius: 6px;
    background: var(--_surface);
    font-family: var(--_mono);
    white-space: pre-wrap;
    overflow-wrap: anywhere;
  }
`;
