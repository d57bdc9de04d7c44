import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * Calls `changed` when the reader's colour scheme flips between light and dark, while the
 * host is connected: colours a canvas read from CSS must then be read again.
 */
export class ColorSchemeController implements ReactiveController {
  private readonly query = globalThis.matchMedia?.('(prefers-color-scheme: dark)');

  constructor(
    host: ReactiveControllerHost,
    private readonly changed: () => void,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    this.query?.addEventListener?.('change', this.changed);
  }

  hostDisconnected(): void {
    this.query?.removeEventListener?.('change', this.changed);
  }
}
