import { css } from 'lit';

/**
 * A probe's hint, in two versions: the arrow keys are named only where there is a pointer
 * that hovers and is fine (a mouse or trackpad, so a keyboard is likely); touch gets its own.
 */
export const hintStyles = css`
  .hint {
    color: var(--_muted);
    font-size: 0.85em;
  }

  .hint.keys {
    display: none;
  }

  @media (hover: hover) and (pointer: fine) {
    .hint.keys {
      display: inline;
    }

    .hint.touch {
      display: none;
    }
  }
`;
