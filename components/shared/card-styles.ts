import { css } from 'lit';

/**
 * The card an element draws in. Its horizontal padding and border add up to 17 px, the
 * CARD_INSET an element leaves out of its width for a chart until the card is measured.
 */
export const cardStyles = css`
  .card {
    padding: 16px 16px 14px;
    border: 1px solid var(--_border);
    border-radius: calc(var(--_radius) + 4px);
    background: var(--_background);
  }
`;

/** A card's header: its title, then what follows on the same line, wrapping when narrow. */
export const cardHeaderStyles = css`
  .header {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    gap: 0.25rem 1rem;
    margin-bottom: 0.5rem;
  }

  .title {
    font-weight: 650;
  }
`;

/** A row of controls that wraps when narrow, and its Play button in the accent colour. */
export const toolbarStyles = css`
  .toolbar {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5rem 0.75rem;
    margin-bottom: 0.75rem;
  }

  .toolbar button.play {
    min-width: 5.5rem;
    background: var(--_accent);
    border-color: var(--_accent);
    color: var(--_background);
    font-weight: 600;
  }
`;

/** Figures in a row (a `<dl class="stats">`): each a small label over its number. */
export const statsStyles = css`
  .stats {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25rem 1.25rem;
    margin: 0 0 0 auto;
  }

  .stats div {
    display: flex;
    flex-direction: column;
  }

  .stats dt {
    color: var(--_muted);
    font-size: 0.75rem;
  }

  .stats dd {
    margin: 0;
    font-size: 1.05rem;
    font-variant-numeric: tabular-nums;
  }
`;
