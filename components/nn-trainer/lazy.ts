import type { CSSResult, ReactiveControllerHost } from 'lit';

/** Adds a lazily loaded view's styles to the element's shadow root, once. */
export function adoptStyles(host: ReactiveControllerHost, styles: CSSResult): void {
  const root = (host as Partial<HTMLElement>).shadowRoot;
  const sheet = styles.styleSheet;
  if (!root || !sheet || root.adoptedStyleSheets.includes(sheet)) return;
  root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
}

/**
 * A module an element needs only for a view or control a writer may not use (histograms,
 * points added by hand): loaded on first use, once per element, so the element's own code
 * stays small. A failed load is forgotten, so the next use tries again.
 */
export class Lazy<T> {
  private module?: T;
  private loading?: Promise<T>;

  constructor(
    protected readonly host: ReactiveControllerHost,
    private readonly load: () => Promise<T>,
    /** Its styles, added to the element's shadow root once it has loaded. */
    private readonly styles?: (module: T) => CSSResult,
  ) {}

  /** The module once loaded (the host is asked to update then); undefined until it is. */
  get(): T | undefined {
    if (!this.module) void this.ready().catch(() => undefined);
    return this.module;
  }

  /** The load under way, until the module has loaded; undefined when none is. */
  get pending(): Promise<T> | undefined {
    return this.module ? undefined : this.loading;
  }

  /** Resolves with the module, loading it if need be. */
  ready(): Promise<T> {
    this.loading ??= this.load().then(
      (module) => {
        this.module = module;
        if (this.styles) adoptStyles(this.host, this.styles(module));
        this.host.requestUpdate();
        return module;
      },
      (error: unknown) => {
        this.loading = undefined;
        throw error;
      },
    );
    return this.loading;
  }
}

/** A disclosure (`<details>`) whose content's code loads when the reader first opens it. */
export class LazyDisclosure<T> extends Lazy<T> {
  /** True while the reader has it open. */
  private opened = false;

  /** The reader opened or closed it. */
  toggle(open: boolean): void {
    if (open === this.opened) return;
    this.opened = open;
    this.host.requestUpdate();
  }

  /** Its content's code while it is shown (open by the reader, or `forced`, e.g. by the value), loading it; undefined otherwise and until loaded. */
  content(forced: boolean): T | undefined {
    return forced || this.opened ? this.get() : undefined;
  }
}
