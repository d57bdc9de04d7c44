import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * Resolves `for="id"` to another element, as `<label for>` does: looked up in the
 * host's root (document or shadow root), and looked up again whenever the id changes,
 * an element with that id appears or goes, or the host moves. While resolved, it
 * listens to the target's `events` and calls `onEvent`.
 */
export class ReferenceController<T extends Element = Element> implements ReactiveController {
  /** The element `for` points at, when there is one. */
  target: T | null = null;
  private id = '';
  private observer?: MutationObserver;
  private readonly listener = (event: Event) => this.options.onEvent?.(event, this.target as T);

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly options: {
      events?: readonly string[];
      onEvent?: (event: Event, target: T) => void;
      onTarget?: (target: T | null) => void;
    } = {},
  ) {
    host.addController(this);
  }

  /** Points at a new id ('' or null for none). */
  setId(id: string | null | undefined): void {
    // A script may set `for` to a number or anything else: read it as text.
    const next = id == null ? '' : String(id).trim();
    if (next === this.id) return;
    this.id = next;
    if (this.host.isConnected) this.observe();
    this.resolve();
  }

  hostConnected(): void {
    this.observe();
    this.resolve();
  }

  hostDisconnected(): void {
    this.observer?.disconnect();
    this.observer = undefined;
    this.attach(null);
  }

  private observe(): void {
    this.observer?.disconnect();
    this.observer = undefined;
    if (!this.id) return;
    const root = this.host.getRootNode();
    if (!(root instanceof Document || root instanceof ShadowRoot)) return;
    this.observer = new MutationObserver(() => this.resolve());
    this.observer.observe(root, { childList: true, subtree: true, attributes: true, attributeFilter: ['id'] });
  }

  private resolve(): void {
    const root = this.host.getRootNode() as Document | ShadowRoot;
    const found = this.id && typeof root.getElementById === 'function' ? root.getElementById(this.id) : null;
    this.attach(found && found !== this.host ? (found as unknown as T) : null);
  }

  private attach(next: T | null): void {
    if (next === this.target) return;
    for (const type of this.options.events ?? []) {
      this.target?.removeEventListener(type, this.listener);
      next?.addEventListener(type, this.listener);
    }
    this.target = next;
    this.options.onTarget?.(next);
    this.host.requestUpdate();
  }
}
