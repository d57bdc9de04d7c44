import { css, html } from 'lit';
import type { TrainerWords } from './nn-trainer.settings.js';

/** The panel's styles, added to the element's once this module has loaded. */
export const sharePanelStyles = css`
  .share-panel {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.35rem 0.5rem;
    margin-bottom: 0.75rem;
    padding: 0.5rem 0.75rem;
    border-radius: var(--_radius);
    background: var(--_surface);
  }

  .share-panel label {
    flex-basis: 100%;
    font-size: 0.85rem;
  }

  .share-panel textarea {
    flex: 1 1 16rem;
    min-width: 0;
    font-family: var(--_mono);
    font-size: 0.8rem;
    color: var(--_text);
    background: var(--_background);
    border: 1px solid var(--_border);
    border-radius: 4px;
    resize: vertical;
  }

  .share-status {
    flex-basis: 100%;
    margin: 0;
    min-height: 1.2em;
    color: var(--_muted);
    font-size: 0.8rem;
  }
`;

/** Characters that cannot stand as they are inside a double-quoted HTML attribute. */
const escapeAttribute = (text: string) => text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

/** The state (its [attribute, text] pairs) as a snippet of HTML a writer pastes into a page: `<nn-trainer data="spiral" seed="3"></nn-trainer>`. */
export function stateSnippet(pairs: readonly (readonly [attribute: string, text: string])[], tag = 'nn-trainer'): string {
  const attributes = pairs.map(([attribute, text]) => ` ${attribute}="${escapeAttribute(text)}"`);
  return `<${tag}${attributes.join('')}></${tag}>`;
}

/** Copies `text` to the clipboard, or selects it in `field` when the browser will not; says which. */
async function copy(text: string, field: HTMLTextAreaElement | null, words: TrainerWords, report: (status: string) => void): Promise<void> {
  try {
    await navigator.clipboard.writeText(text);
    report(words.shareCopied);
  } catch {
    field?.select();
    report(words.shareSelect);
  }
}

/** The share panel: a read-only field holding HTML that restores the run (the state's `pairs`), a Copy button, and what Copy did. */
export function renderSharePanel(
  share: { status: string; report(status: string): void },
  pairs: readonly (readonly [attribute: string, text: string])[],
  words: TrainerWords,
  root: ParentNode,
) {
  const snippet = stateSnippet(pairs, root instanceof ShadowRoot ? (root.host as HTMLElement).localName : 'nn-trainer');
  return html`<div class="share-panel" id="share" part="share">
    <label for="share-snippet">${words.shareLabel}</label>
    <textarea id="share-snippet" readonly rows="2" spellcheck="false" .value=${snippet}></textarea>
    <button class="copy" @click=${() => copy(snippet, root.querySelector('#share-snippet'), words, (status) => share.report(status))}>${words.shareCopy}</button>
    <p class="share-status" aria-live="polite">${share.status}</p>
  </div>`;
}
