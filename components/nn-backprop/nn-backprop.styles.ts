import { css } from 'lit';

export const backpropStyles = css`
  .progress,
  .key,
  .note,
  .waiting,
  .paired {
    color: var(--_muted);
    font-size: 0.875em;
  }

  .note,
  .key {
    margin: 0 0 0.5rem;
  }

  .toolbar button.step {
    min-width: 5rem;
    background: var(--_accent);
    border-color: var(--_accent);
    color: var(--_background);
    font-weight: 600;
  }

  .toolbar button[aria-disabled='true'] {
    opacity: 0.55;
    cursor: not-allowed;
  }

  .diagram-wrap {
    overflow: hidden;
  }

  svg.diagram {
    display: block;
    font-size: 11px;
  }

  .edge line {
    stroke: var(--_sign);
    stroke-width: 1.5;
    opacity: 0.7;
    transition: stroke-width 0.2s, opacity 0.2s;
  }

  .edge.selected line {
    stroke-width: 3.5;
    stroke-dasharray: 6 3;
    opacity: 1;
  }

  .edge.current line {
    stroke: var(--_accent);
    stroke-width: 5;
    opacity: 1;
  }

  .edge-label {
    fill: var(--_text);
    paint-order: stroke;
    stroke: var(--_background);
    stroke-width: 4px;
    stroke-linejoin: round;
  }

  .node circle {
    fill: var(--_background);
    stroke: var(--_border);
    stroke-width: 2;
    transition: stroke 0.2s, stroke-width 0.2s;
  }

  .node.reached circle {
    fill: var(--_surface);
    stroke: var(--_text);
  }

  .node.selected circle {
    stroke-dasharray: 5 3;
    stroke-width: 3;
  }

  .node.current circle {
    stroke: var(--_accent);
    stroke-width: 4;
  }

  .node text,
  .target,
  .loss text {
    fill: var(--_text);
  }

  .node .delta {
    fill: var(--_accent);
    font-weight: 600;
  }

  .loss text {
    font-size: 13px;
    font-weight: 650;
    fill: var(--_muted);
  }

  .loss.reached text {
    fill: var(--_text);
  }

  .loss.current text {
    fill: var(--_accent);
  }

  .stage {
    min-height: 2.9em;
    margin: 0.5rem 0;
    padding: 0.5rem 0.75rem;
    border-left: 4px solid var(--_accent);
    border-radius: 4px;
    background: var(--_surface);
  }

  .chain-panel h3 {
    margin: 0.75rem 0 0.25rem;
    font-size: 0.95em;
    font-weight: 600;
  }

  .chain-panel {
    overflow-x: auto;
  }

  math.chain {
    font-size: 1.05em;
  }

  .waiting,
  .paired {
    margin: 0.25rem 0;
  }

  dl.nudge-result {
    display: grid;
    gap: 0.25rem;
    margin: 0.5rem 0 0;
    padding: 0.5rem 0.75rem;
    border: 1px solid var(--_border);
    border-radius: 6px;
  }

  dl.nudge-result div {
    display: flex;
    flex-wrap: wrap;
    gap: 0 0.75rem;
    justify-content: space-between;
  }

  dl.nudge-result dt {
    color: var(--_muted);
  }

  dl.nudge-result dd {
    margin: 0;
  }

  .table-wrap {
    overflow-x: auto;
  }

  table.numbers {
    margin-top: 0.75rem;
    border-collapse: collapse;
    font-size: 0.875em;
  }

  table.numbers caption {
    text-align: left;
    color: var(--_muted);
  }

  table.numbers th,
  table.numbers td {
    padding: 0.2rem 0.5rem;
    border-bottom: 1px solid var(--_grid);
    text-align: right;
  }

  table.numbers th[scope='row'] {
    text-align: left;
    font-weight: 500;
  }
`;
