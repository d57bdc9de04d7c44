import { css } from 'lit';
import { statsStyles, toolbarStyles } from '../shared/card-styles.js';
import { chartStyles } from '../shared/chart-styles.js';
import { controlStyles, themeStyles } from '../shared/theme.js';

export const trainerStyles = [
  themeStyles,
  controlStyles,
  chartStyles,
  toolbarStyles,
  statsStyles,
  css`
    :host {
      display: block;
      padding: 1rem;
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
      background: var(--_background);
      container-type: inline-size;
    }

    .views {
      display: flex;
      flex-wrap: wrap;
      gap: 1rem;
      align-items: flex-start;
    }

    figure {
      margin: 0;
    }

    /* A caption wraps to its picture's width rather than widening the figure past it. */
    .views figure {
      width: min-content;
    }

    figcaption {
      margin-top: 0.35rem;
      color: var(--_muted);
      font-size: 0.8rem;
    }

    canvas.boundary {
      display: block;
      border-radius: 6px;
      border: 1px solid var(--_border);
    }

    .loss {
      fill: none;
      stroke-width: 2;
    }

    .loss.train {
      stroke: var(--_series-1);
    }

    .loss.test {
      stroke: var(--_series-2);
      stroke-dasharray: 5 3;
    }

    .loss.ghost {
      stroke: var(--_muted);
      stroke-width: 1.5;
      opacity: 0.45;
    }

    .ghost-number {
      fill: var(--_muted);
      font-size: 10px;
      text-anchor: end;
    }

    .boundary-frame {
      position: relative;
      width: min-content;
      border-radius: 6px;
    }

    .boundary-frame:focus-visible {
      outline: 2px solid var(--_focus);
      outline-offset: 2px;
    }

    .probe-mark {
      position: absolute;
      width: 14px;
      height: 14px;
      margin: -7px 0 0 -7px;
      border: 2px solid var(--_text);
      border-radius: 50%;
      box-shadow: 0 0 0 1px var(--_background);
      pointer-events: none;
    }

    .probe-readout {
      min-height: 2.6em;
      margin: 0.35rem 0 0;
      font-size: 0.8rem;
    }

    .key {
      display: inline-block;
      width: 1.4em;
      height: 0;
      margin: 0 0.2em 0.2em 0.6em;
      border-top: 2px solid var(--_series-1);
      vertical-align: middle;
    }

    .key.test {
      border-top: 2px dashed var(--_series-2);
    }

    .loss-plot {
      position: relative;
    }

    .loss-empty {
      position: absolute;
      inset: 0 0 1.5rem 2.75rem;
      display: grid;
      place-items: center;
      margin: 0;
      padding: 0 1rem;
      color: var(--_muted);
      font-size: 0.85rem;
      text-align: center;
    }

    .classes {
      display: inline-flex;
      flex-wrap: wrap;
      gap: 0.2rem 0.8rem;
      margin-right: 0.5rem;
    }

    .class {
      white-space: nowrap;
    }

    .class .swatch {
      margin-right: 0.3em;
    }

    .swatch {
      display: inline-block;
      width: 0.8em;
      height: 0.8em;
      border-radius: 50%;
      background: var(--_sign);
      vertical-align: -0.05em;
    }

    .neurons {
      margin-top: 0.75rem;
    }

    .neuron-grid {
      display: flex;
      flex-wrap: wrap;
      gap: 0.75rem;
      margin-top: 0.35rem;
    }

    .neuron-layer {
      display: flex;
      flex-wrap: wrap;
      gap: 4px;
      padding: 4px;
      border: 1px solid var(--_border);
      border-radius: 6px;
    }

    canvas.neuron {
      width: 40px;
      height: 40px;
      border-radius: 3px;
    }

    /* The diagram shows the learning network; its inputs are the data, not the reader's. */
    nn-network::part(inputs),
    nn-network::part(run),
    nn-network::part(outputs) {
      display: none;
    }

    nn-network {
      border: none;
      padding: 0;
    }

    .diagram-note {
      margin: 0.75rem 0 0.25rem;
      color: var(--_muted);
      font-size: 0.8rem;
    }

    .settings {
      display: grid;
      grid-template-columns: repeat(auto-fill, minmax(11rem, 1fr));
      gap: 0.75rem 1rem;
      margin-top: 1rem;
      padding-top: 0.75rem;
      border-top: 1px solid var(--_border);
    }

    .field {
      display: flex;
      flex-direction: column;
      gap: 0.25rem;
      font-size: 0.9rem;
    }

    .field small {
      color: var(--_muted);
    }

    .field input[type='text'] {
      min-height: 2.25rem;
      padding: 0.25rem 0.6rem;
      border: 1px solid var(--_border);
      border-radius: 6px;
      background: var(--_background);
      font-family: var(--_mono);
    }

    fieldset.checks {
      grid-column: 1 / -1;
      flex-direction: row;
      flex-wrap: wrap;
      gap: 0.25rem 1rem;
      margin: 0;
      padding: 0.5rem 0.75rem;
      border: 1px solid var(--_border);
      border-radius: 6px;
    }

    .check {
      min-height: 1.75rem;
    }

    details.per-layer[open] {
      display: grid;
      grid-template-columns: auto 1fr;
      align-items: center;
      gap: 0.25rem 0.5rem;
    }

    details.per-layer summary {
      grid-column: 1 / -1;
      color: var(--_muted);
      cursor: pointer;
    }

    .status,
    .note {
      margin: 0 0 0.75rem;
      color: var(--_muted);
    }

    .status.diverged {
      padding: 0.5rem 0.75rem;
      border-left: 4px solid var(--_danger);
      background: var(--_surface);
      color: var(--_text);
    }
  `,
];
