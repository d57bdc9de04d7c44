import { css } from 'lit';

/**
 * Theme tokens. Every colour is a `--nn-*` custom property a page may set; the
 * defaults follow the page's `color-scheme` through light-dark(), so a page that
 * declares `color-scheme: light dark` gets dark widgets in dark mode. Positive and
 * negative use blue and orange (Okabe–Ito), which stay apart for colour-blind readers.
 */
export const themeStyles = css`
  :host {
    --_text: var(--nn-text, light-dark(#1b1f24, #e6e8eb));
    --_muted: var(--nn-muted, light-dark(#57606a, #a4adb7));
    --_background: var(--nn-background, light-dark(#ffffff, #15181c));
    --_surface: var(--nn-surface, light-dark(#f5f7f9, #1f2429));
    --_border: var(--nn-border, light-dark(#c9d1d9, #3d444d));
    --_grid: var(--nn-grid, light-dark(#e3e7eb, #2c3238));
    --_accent: var(--nn-accent, light-dark(#0060a8, #5cb3f0));
    --_positive: var(--nn-positive, light-dark(#0072b2, #56b4e9));
    --_negative: var(--nn-negative, light-dark(#c85200, #f0a04b));
    --_neutral: var(--nn-neutral, light-dark(#f2f2f2, #4a5058));
    --_focus: var(--nn-focus, light-dark(#0060a8, #8cc8ff));
    --_danger: var(--nn-danger, light-dark(#b42318, #ff8a80));
    --_series-1: var(--nn-series-1, light-dark(#0072b2, #56b4e9));
    --_series-2: var(--nn-series-2, light-dark(#c85200, #f0a04b));
    --_series-3: var(--nn-series-3, light-dark(#007a5e, #3fc1a0));
    --_series-4: var(--nn-series-4, light-dark(#a4487d, #e79cc6));
    --_series-5: var(--nn-series-5, light-dark(#6b5d00, #e8d44d));
    --_series-6: var(--nn-series-6, light-dark(#5c5c5c, #c4c4c4));
    --_font: var(--nn-font, system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif);
    --_mono: var(--nn-mono-font, ui-monospace, 'SFMono-Regular', Menlo, Consolas, monospace);
    --_radius: var(--nn-radius, 8px);

    display: block;
    box-sizing: border-box;
    /* Its own stacking context: a widget that redraws in every frame repaints itself alone,
       where Chromium would otherwise record the page's content for thousands of pixels
       around it again. Unlike paint containment it clips nothing (focus rings at its edges). */
    isolation: isolate;
    color: var(--_text);
    font-family: var(--_font);
    font-size: var(--nn-font-size, 1rem);
    line-height: 1.45;
    -webkit-tap-highlight-color: transparent;
  }

  :host([hidden]) {
    display: none;
  }

  *,
  *::before,
  *::after {
    box-sizing: inherit;
  }

  .problem {
    margin: 0 0 0.5rem;
    padding: 0.5rem 0.75rem;
    border-left: 4px solid var(--_danger);
    border-radius: 4px;
    background: var(--_surface);
    color: var(--_text);
    font-size: 0.9em;
  }

  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    margin: -1px;
    padding: 0;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
    border: 0;
  }

  :focus-visible {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
  }

  .positive {
    --_sign: var(--_positive);
  }

  .negative {
    --_sign: var(--_negative);
  }

  .number {
    font-family: var(--_mono);
    font-variant-numeric: tabular-nums;
  }

  @media (prefers-reduced-motion: reduce) {
    * {
      transition: none !important;
      animation: none !important;
    }
  }

  @media (forced-colors: active) {
    :host {
      --_positive: LinkText;
      --_negative: Highlight;
      --_focus: Highlight;
      --_border: CanvasText;
      --_grid: GrayText;
    }
  }
`;

/** Styles for native form controls, shared by every element that has them. */
export const controlStyles = css`
  button,
  input,
  select {
    font: inherit;
    color: inherit;
  }

  button,
  select,
  input[type='number'] {
    min-height: 2.25rem;
    padding: 0.25rem 0.6rem;
    border: 1px solid var(--_border);
    border-radius: 6px;
    background: var(--_background);
  }

  button {
    cursor: pointer;
  }

  button:hover:not(:disabled) {
    border-color: var(--_accent);
  }

  button:disabled {
    opacity: 0.55;
    cursor: not-allowed;
  }

  input[type='range'] {
    accent-color: var(--_accent);
    min-height: 1.5rem;
  }

  input[type='number'] {
    width: 6.5em;
    font-family: var(--_mono);
  }

  label {
    display: inline-flex;
    align-items: center;
    gap: 0.4rem;
  }
`;
