import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { childJsonText, fetchText } from './data-source.js';

/** Where a source's text came from: a URL (`src`), or the host's child `<script type="application/json">`. */
export type SourceOrigin = { kind: 'url'; url: string } | { kind: 'script' };

/** What a SourceController is told by its host; it reads nothing else of it. */
export interface SourceOptions<T> {
  /** The URL to load, or '' for none: then the child script is read instead. Read by sync(). */
  url(): string;
  /** Reads the text; throws (an NnKitError) with a message naming `origin` when it is not usable. */
  parse(text: string, origin: SourceOrigin): T;
  /** Names the file in a failed download's message: `Could not load ${what}"url": …` ('' by default). */
  what?: string;
  /** A URL began to load (the last value is stale from now on). */
  onLoading?(url: string): void;
  /** The source's value; undefined when there is none (no URL and no child script). */
  onResult(value: T | undefined, origin?: SourceOrigin): void;
  /** The source could not be read or parsed: a message for the writer. */
  onError(message: string, origin: SourceOrigin): void;
}

/**
 * Reads an element's data or model from `src` or, without one, from its first child
 * `<script type="application/json">` (watched, so editing it is read again). A new URL
 * aborts the download before it; downloads are read as they arrive and cancelled past
 * MAX_SOURCE_BYTES (fetchText); a download cut short by the host leaving the page starts
 * again when it comes back. Results and failures go to the host's callbacks, never thrown.
 *
 * The host calls sync() in willUpdate: it starts a load when the URL changed.
 */
export class SourceController<T> implements ReactiveController {
  /** True from the start of a download until its result or failure. */
  loading = false;
  /** The URL last synced ('' for the child script), or undefined before the first sync(). */
  private url?: string;
  private request?: AbortController;
  /** A download the host's disconnection cut short: restarted on reconnection. */
  private interrupted = false;
  /** The child script's text last read (undefined: none), so unrelated mutations read nothing again. */
  private scriptText?: string;
  private observer?: MutationObserver;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly options: SourceOptions<T>,
  ) {
    host.addController(this);
  }

  /** Reads the URL again and, when it changed, aborts the last download and starts over. */
  sync(): void {
    const url = String(this.options.url() ?? '').trim();
    if (url === this.url) return;
    this.url = url;
    this.abort();
    if (url) {
      this.load(url);
    } else {
      this.setLoading(false);
      this.scriptText = undefined;
      this.readScript(true);
    }
  }

  hostConnected(): void {
    this.observer = new MutationObserver(() => this.readScript(false));
    this.observer.observe(this.host, { childList: true, subtree: true, characterData: true });
    if (this.url === '') this.readScript(false);
    if (this.interrupted && this.url) this.load(this.url);
  }

  hostDisconnected(): void {
    this.observer?.disconnect();
    this.observer = undefined;
    if (this.request) {
      this.abort();
      this.interrupted = true;
    }
  }

  private abort(): void {
    this.request?.abort();
    this.request = undefined;
    this.interrupted = false;
  }

  private setLoading(loading: boolean): void {
    if (loading === this.loading) return;
    this.loading = loading;
    this.host.requestUpdate();
  }

  private async load(url: string): Promise<void> {
    this.abort();
    this.setLoading(true);
    this.options.onLoading?.(url);
    if (!this.host.isConnected) {
      // Loaded once the host is on a page.
      this.interrupted = true;
      return;
    }
    const request = (this.request = new AbortController());
    const origin: SourceOrigin = { kind: 'url', url };
    let value: T;
    try {
      value = this.options.parse(await fetchText(url, request.signal, this.options.what ?? ''), origin);
    } catch (error) {
      if (request.signal.aborted) return;
      this.request = undefined;
      this.setLoading(false);
      this.options.onError(error instanceof Error ? error.message : String(error), origin);
      return;
    }
    if (request.signal.aborted) return;
    this.request = undefined;
    this.setLoading(false);
    this.options.onResult(value, origin);
  }

  /**
   * Reads the child script while there is no URL; `always` reads it even when its text is
   * unchanged. A host that is not on a page (or on a server) is read when it is connected.
   */
  private readScript(always: boolean): void {
    if (this.url !== '') return;
    const text = this.host.isConnected ? (childJsonText(this.host) ?? undefined) : undefined;
    if (text === this.scriptText && !always) return;
    this.scriptText = text;
    if (text === undefined) {
      this.options.onResult(undefined);
      return;
    }
    const origin: SourceOrigin = { kind: 'script' };
    let value: T;
    try {
      value = this.options.parse(text, origin);
    } catch (error) {
      this.options.onError(error instanceof Error ? error.message : String(error), origin);
      return;
    }
    this.options.onResult(value, origin);
  }
}
