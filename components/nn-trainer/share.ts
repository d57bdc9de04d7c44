import { type ReactiveControllerHost, html, nothing } from 'lit';
import { Lazy } from './lazy.js';
import type { TrainerValues, TrainerWords } from './nn-trainer.settings.js';
import { statePairs } from './state.js';

/** What the share panel is told by its host. */
export interface ShareOptions {
  /** The settings in force: the panel writes them as HTML that restores the run. */
  values(): TrainerValues;
  words(): TrainerWords;
}

/**
 * The Share button and its panel: a read-only field holding a snippet of HTML that
 * restores the run (for this element only; the page's URL is never touched), and a Copy
 * button. Where the clipboard is refused, the field is selected for the reader to copy.
 */
export class SharePanel {
  /** True while the panel is open. */
  open = false;
  /** What the last Copy did, for readers (aria-live). */
  status = '';
  private readonly panel: Lazy<typeof import('./share-panel.js')>;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly options: ShareOptions,
  ) {
    this.panel = new Lazy(host, () => import('./share-panel.js'), (module) => module.sharePanelStyles);
  }

  /** Says what the last Copy did. */
  report(status: string): void {
    this.status = status;
    this.host.requestUpdate();
  }

  toggle(): void {
    this.open = !this.open;
    this.status = '';
    this.host.requestUpdate();
  }

  /** The toolbar's Share button. */
  renderButton() {
    const words = this.options.words();
    return html`<button class="share" aria-expanded=${this.open ? 'true' : 'false'} aria-controls="share" @click=${() => this.toggle()}>
      ${words.share}
    </button>`;
  }

  /** The panel under the toolbar, while open (its code loads the first time it opens). */
  renderPanel(root: ParentNode) {
    const panel = this.open ? this.panel.get() : undefined;
    return panel ? panel.renderSharePanel(this, statePairs(this.options.values()), this.options.words(), root) : nothing;
  }
}
