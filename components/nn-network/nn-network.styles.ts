import { css } from 'lit';

export const networkStyles = css`
  :host {
    position: relative;
    padding: 1rem;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_background);
  }

  .waiting {
    margin: 0 0 0.5rem;
    color: var(--_muted);
    font-size: 0.9em;
  }

  .muted {
    color: var(--_muted);
    font-weight: 400;
  }

  /* ---- diagram ---- */

  .diagram {
    position: relative;
    margin: 0;
  }

  .drawing.scrolls {
    overflow-x: auto;
    overflow-y: hidden;
    overscroll-behavior-x: contain;
  }

  svg {
    display: block;
    overflow: visible;
    user-select: none;
    -webkit-user-select: none;
  }

  .caption {
    fill: var(--_text);
    font-size: 13px;
    font-weight: 650;
    text-anchor: middle;
    transition: fill 200ms;
  }

  .caption.active {
    fill: var(--_accent);
  }

  .caption-sub {
    fill: var(--_muted);
    font-size: 11px;
    text-anchor: middle;
  }

  /* Narrow drawings: smaller captions, so neighbouring columns' captions never touch. */
  .captions.compact .caption {
    font-size: 11px;
  }

  .captions.compact .caption-sub {
    font-size: 10px;
  }

  .link {
    fill: none;
    stroke: var(--_sign);
    stroke-opacity: 0.55;
    stroke-linecap: round;
    pointer-events: none;
    transition: stroke-opacity 250ms;
  }

  .link.pending {
    stroke-opacity: 0.08;
  }

  .link.active {
    stroke-opacity: 0.95;
  }

  .halo {
    stroke: var(--_accent);
    stroke-opacity: 0.3;
    stroke-linecap: round;
    pointer-events: none;
  }

  .hit {
    stroke: transparent;
    stroke-width: 9;
    pointer-events: stroke;
    cursor: pointer;
  }

  .node {
    cursor: pointer;
    outline: none;
  }

  .node .base {
    fill: var(--_background);
  }

  .node .body {
    fill: var(--_sign);
    stroke: var(--_sign);
    stroke-width: 1.5;
  }

  .running .node .body {
    transition: fill-opacity 250ms, stroke 250ms;
  }

  .node.pending .body {
    stroke: var(--_border);
  }

  .node .bias {
    fill: none;
    stroke: var(--_sign);
    stroke-opacity: 0.8;
  }

  .node .focus {
    fill: none;
    stroke: none;
    stroke-width: 2;
  }

  .node.selected .focus {
    stroke: var(--_accent);
    stroke-dasharray: 4 3;
  }

  .node:focus-visible .focus {
    stroke: var(--_focus);
    stroke-width: 3;
    stroke-dasharray: none;
  }

  .value {
    fill: var(--_text);
    font-family: var(--_mono);
    font-weight: 600;
    text-anchor: middle;
    pointer-events: none;
    transition: opacity 200ms;
  }

  .value.pending {
    opacity: 0;
  }

  .gap {
    paint-order: stroke;
    stroke: var(--_background);
    stroke-width: 4px;
    stroke-linejoin: round;
    fill: var(--_muted);
    font-size: 11px;
    text-anchor: middle;
    dominant-baseline: middle;
  }

  .label {
    fill: var(--_text);
    font-size: 11px;
    dominant-baseline: middle;
  }

  .label.start {
    text-anchor: end;
  }

  .label.end {
    text-anchor: start;
  }

  .tooltip {
    position: absolute;
    z-index: 1;
    transform: translateY(-50%);
    padding: 0.35rem 0.6rem;
    border: 1px solid var(--_border);
    border-radius: 6px;
    background: var(--_surface);
    box-shadow: 0 4px 14px rgb(0 0 0 / 0.14);
    font-size: 0.8rem;
    line-height: 1.5;
    /* As wide as its text, never wider than the diagram (it is placed inside it after each render). */
    width: max-content;
    max-width: 100%;
    box-sizing: border-box;
    pointer-events: none;
  }

  .tooltip.flip {
    transform: translate(-100%, -50%);
  }

  .tooltip.stacked {
    transform: none;
  }

  .legend {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.2rem 1rem;
    margin-top: 0.5rem;
    color: var(--_muted);
    font-size: 0.8rem;
  }

  .swatch {
    display: inline-block;
    width: 1.1rem;
    height: 3px;
    margin-right: 0.35rem;
    vertical-align: middle;
    border-radius: 2px;
    background: var(--_sign, var(--_muted));
  }

  .swatch.width {
    height: 1px;
    box-shadow: 0 2px 0 1px var(--_muted);
  }

  .swatch.ring {
    width: 0.8rem;
    height: 0.8rem;
    border: 2px solid var(--_muted);
    border-radius: 50%;
    background: none;
  }

  /* Keyboard help only where there is a fine pointer that hovers (a keyboard is likely); screen readers get it through aria-describedby. */
  .hint {
    display: none;
    flex-basis: 100%;
  }

  @media (hover: hover) and (pointer: fine) {
    .hint {
      display: inline;
    }
  }

  /* ---- controls and panels ---- */

  .toolbar {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5rem 1rem;
    margin: 0.75rem 0;
  }

  .run {
    border-color: var(--_accent);
    background: var(--_accent);
    color: var(--_background);
    font-weight: 600;
  }

  .run:hover:not(:disabled) {
    filter: brightness(1.1);
  }

  .status {
    margin: 0;
    font-size: 0.95rem;
  }

  .panels {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(min(100%, 16rem), 1fr));
    gap: 0.75rem;
  }

  .card {
    min-width: 0;
    padding: 0.75rem;
    border: 1px solid var(--_border);
    border-radius: calc(var(--_radius) - 2px);
    background: var(--_surface);
  }

  /* A label, not a heading: the element cannot know the page's outline of headings. */
  .card-title {
    margin: 0 0 0.5rem;
    color: var(--_muted);
    font-size: 0.75rem;
    font-weight: 650;
    letter-spacing: 0.06em;
    text-transform: uppercase;
  }

  .fields {
    display: grid;
    grid-template-columns: minmax(2rem, max-content) minmax(3.5rem, 1fr) auto;
    align-items: center;
    gap: 0.35rem 0.5rem;
  }

  .field {
    display: contents;
  }

  .field-label {
    display: block;
    overflow: hidden;
    font-size: 0.9rem;
    text-overflow: ellipsis;
    white-space: nowrap;
  }

  .fields input[type='range'] {
    width: 100%;
    min-width: 0;
    margin: 0;
  }

  .fields input[type='number'] {
    width: 6.2em;
    padding-inline: 0.45rem;
    appearance: textfield;
    -moz-appearance: textfield;
  }

  .fields input[type='number']::-webkit-inner-spin-button,
  .fields input[type='number']::-webkit-outer-spin-button {
    appearance: none;
    margin: 0;
  }

  .picker {
    display: flex;
    grid-column: 1 / -1;
    align-items: center;
    gap: 0.5rem;
    font-size: 0.9rem;
  }

  /* "(1–784)" stays in one piece when the label wraps. */
  .picker label .muted {
    white-space: nowrap;
  }

  .picker select {
    min-width: 0;
    flex: 1;
  }

  .editor-title {
    margin: 0 0 0.4rem;
  }

  .facts {
    display: grid;
    grid-template-columns: 1fr auto;
    gap: 0.1rem 0.75rem;
    margin: 0 0 0.5rem;
    font-size: 0.9rem;
  }

  .facts div {
    display: contents;
  }

  .facts dt {
    color: var(--_muted);
  }

  .facts dd {
    margin: 0;
    text-align: right;
  }

  .bars {
    display: grid;
    gap: 0.4rem;
    margin: 0;
    padding: 0;
    list-style: none;
  }

  .bar-row {
    display: grid;
    grid-template-columns: minmax(2.5rem, 32%) 1fr 4.2em;
    align-items: center;
    gap: 0.6rem;
  }

  .bar-label {
    overflow: hidden;
    font-size: 0.9rem;
    text-overflow: ellipsis;
    white-space: nowrap;
  }

  .bar-track {
    position: relative;
    height: 0.7rem;
    overflow: hidden;
    border-radius: 999px;
    background: var(--_grid);
  }

  .diverging .bar-track::after {
    position: absolute;
    top: 0;
    bottom: 0;
    left: 50%;
    width: 1px;
    background: var(--_muted);
    content: '';
  }

  .bar {
    position: absolute;
    top: 0;
    bottom: 0;
    border-radius: 999px;
    background: var(--_sign);
    transition: width 200ms, left 200ms;
  }

  /* A followed network changes a few times a second: a bar that glided each time would be redrawn every frame. */
  .live .bar {
    transition: none;
  }

  .bar-value {
    font-size: 0.85rem;
    text-align: right;
  }

  .guess .bar-label,
  .guess .bar-value {
    font-weight: 700;
  }

  .note {
    margin: 0.4rem 0 0;
    color: var(--_muted);
    font-size: 0.8rem;
  }
`;
