import { type ReactiveController, type ReactiveControllerHost, html, nothing } from 'lit';
import type { TrainerWords } from './nn-trainer.settings.js';

/** What the share panel is told by its host. */
export interface ShareOptions {
  /** The HTML that restores the current run. */
  snippet(): string;
  words(): TrainerWords;
}

/**
 * The Share button and its panel: a read-only field holding a snippet of HTML that
 * restores the run (for this element only; the page's URL is never touched), and a Copy
 * button. Where the clipboard is refused, the field is selected for the reader to copy.
 */
export class SharePanel implements ReactiveController {
  /** True while the panel is open. */
  open = false;
  /** What the last Copy did, for readers (aria-live). */
  status = '';

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly options: ShareOptions,
  ) {
    host.addController(this);
  }

  hostUpdate(): void {}

  toggle(): void {
    this.open = !this.open;
    this.status = '';
    this.host.requestUpdate();
  }

  /** Copies the snippet to the clipboard, or selects it when the browser will not. */
  async copy(field: HTMLTextAreaElement | null): Promise<void> {
    const words = this.options.words();
    try {
      await navigator.clipboard.writeText(this.options.snippet());
      this.status = words.shareCopied;
    } catch {
      field?.select();
      this.status = words.shareSelect;
    }
    this.host.requestUpdate();
  }

  /** The toolbar's Share button. */
  renderButton() {
    const words = this.options.words();
    return html`<button class="share" aria-expanded=${this.open ? 'true' : 'false'} aria-controls="share" @click=${() => this.toggle()}>
      ${words.share}
    </button>`;
  }

  /** The panel under the toolbar, while open. */
  renderPanel(root: ParentNode) {
    if (!this.open) return nothing;
    const words = this.options.words();
    return html`<div class="share-panel" id="share" part="share">
      <label for="share-snippet">${words.shareLabel}</label>
      <textarea id="share-snippet" class="number" readonly rows="2" spellcheck="false" .value=${this.options.snippet()}></textarea>
      <button class="copy" @click=${() => this.copy(root.querySelector('#share-snippet'))}>${words.shareCopy}</button>
      <p class="share-status" aria-live="polite">${this.status}</p>
    </div>`;
  }
}
