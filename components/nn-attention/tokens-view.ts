import { html } from 'lit';
import { format } from '../shared/strings.js';
import type { AttentionStrings } from './nn-attention.strings.js';

/** A token as shown: at most 24 characters (the rest as "…"). Lit writes it as text, never as HTML. */
export const shortToken = (token: string): string => ([...token].length > 24 ? `${[...token].slice(0, 23).join('')}…` : token);

/** The position a key moves the selection to, from `current` among `count` tokens; undefined for other keys. */
export function keyTarget(key: string, current: number, count: number): number | undefined {
  const from = current < 0 ? 0 : current;
  switch (key) {
    case 'ArrowRight':
    case 'ArrowDown':
      return Math.min(count - 1, current < 0 ? 0 : from + 1);
    case 'ArrowLeft':
    case 'ArrowUp':
      return Math.max(0, from - 1);
    case 'Home':
      return 0;
    case 'End':
      return count - 1;
    default:
      return undefined;
  }
}

/**
 * The tokens as a row of toggle buttons (one tab stop: the selected one, or the first):
 * click one, or use the arrow keys, Home and End, to pick the query token.
 */
export function renderTokens(tokens: readonly string[], selected: number, words: AttentionStrings, pick: (index: number, focus: boolean) => void) {
  const stop = selected >= 0 ? selected : 0;
  const onKey = (event: KeyboardEvent) => {
    const target = keyTarget(event.key, selected, tokens.length);
    if (target === undefined) return;
    event.preventDefault();
    pick(target, true);
  };
  return html`<div class="tokens" part="tokens" role="group" aria-label=${words.tokensLabel} @keydown=${onKey}>
    ${tokens.map(
      (token, i) => html`<button
        class="token"
        data-index=${i}
        tabindex=${i === stop ? '0' : '-1'}
        aria-pressed=${i === selected ? 'true' : 'false'}
        aria-label=${format(words.tokenLabel, { token: shortToken(token), position: i + 1 })}
        @click=${() => pick(i, false)}
      >${shortToken(token)}</button>`,
    )}
  </div>`;
}
