import { LitElement, type PropertyDeclaration, type PropertyValues, ReactiveElement, defaultConverter, html, nothing, render } from 'lit';
import { state } from 'lit/decorators.js';
import { styleMap } from './style-map.js';

/** How far beyond the viewport, in viewport heights, an element counts as near enough to draw. */
const NEAR_VIEWPORTS = 5;

/**
 * The base of every nn-kit element: a typed `emit()`, and bad input handled the same
 * way everywhere: the element keeps its last good state, shows a short inline message
 * (role="alert") and logs one console warning; nothing is thrown out of it.
 *
 * An element first drawn far from the viewport draws a light placeholder of about its
 * size until it comes near (its attributes are still read, its properties and events
 * work): a page with dozens of elements does not draw them all before it can scroll.
 * An element in view, or on a server, draws at once.
 */
export abstract class NnElement<Events extends object = Record<string, unknown>> extends LitElement {
  /** What is wrong with the current attributes, or '' when all is well. */
  @state() protected problem = '';

  /** True while the element waits to come near the viewport before its first full drawing. */
  private deferred = false;
  /** The placeholder's height, fixed when the element is first drawn. */
  private placeholderPixels = 0;
  private sight?: IntersectionObserver;

  /**
   * Reads the properties into core objects. Throw (an NnKitError with a message for the
   * writer) on bad input; assign the element's state only once everything is valid.
   */
  protected abstract apply(changed: PropertyValues<this>): void;

  /** Text a framework set a property to, by attribute name, so messages can quote it. */
  private readonly propertyTexts = new Map<string, string>();

  /**
   * React 19, Vue and Svelte set properties rather than attributes, and pass the
   * attribute's text (`layers="2,3,1"`): a property with a converter reads such text as
   * its attribute would.
   */
  override requestUpdate(name?: PropertyKey, oldValue?: unknown, options?: PropertyDeclaration): void {
    super.requestUpdate(name, oldValue, options);
    const converter = options?.converter;
    if (name === undefined || typeof converter !== 'object' || converter === defaultConverter || !converter.fromAttribute) return;
    const attribute = typeof options?.attribute === 'string' ? options.attribute : String(name).toLowerCase();
    const properties = this as unknown as Record<PropertyKey, unknown>;
    const value = properties[name];
    if (typeof value !== 'string') {
      this.propertyTexts.delete(attribute);
      return;
    }
    const read = converter.fromAttribute(value, options?.type);
    if (typeof read === 'string') return;
    properties[name] = read;
    this.propertyTexts.set(attribute, value);
  }

  /** The writer's text for an attribute: the text its property was last set to, else the attribute. */
  protected writtenText(attribute: string): string | null {
    return this.propertyTexts.get(attribute) ?? this.getAttribute(attribute);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.sight?.disconnect();
    this.sight = undefined;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.deferred) this.watchForSight();
  }

  /** The placeholder's height in CSS pixels at a width: about the element's usual height. */
  protected placeholderHeight(_width: number): number {
    return 300;
  }

  protected override update(changed: PropertyValues<this>): void {
    if (!this.hasUpdated && !this.nearViewport()) {
      this.deferred = true;
      this.placeholderPixels = this.placeholderHeight(this.getBoundingClientRect().width);
      this.watchForSight();
    }
    if (!this.deferred) {
      super.update(changed);
      return;
    }
    // What LitElement.update does, with the placeholder in place of render().
    this.renderOptions.isConnected = this.isConnected;
    (ReactiveElement.prototype as unknown as { update(changed: PropertyValues): void }).update.call(this, changed);
    render(html`<div class="placeholder" style=${styleMap({ height: `${this.placeholderPixels}px` })}></div>`, this.renderRoot, this.renderOptions);
  }

  /**
   * Whether the element is within NEAR_VIEWPORTS viewport heights of the viewport. A server
   * has no viewport, and an element the server drew (its shadow root holds more than
   * styles) hydrates what is there: both count as near.
   */
  private nearViewport(): boolean {
    if (typeof IntersectionObserver !== 'function' || typeof innerHeight !== 'number') return true;
    if ([...this.renderRoot.childNodes].some((node) => node.nodeName !== 'STYLE')) return true;
    // A part of another kit element (the trainer's network) draws with it: its host has
    // already decided to draw, and a placeholder there would change size under the reader.
    const root = this.getRootNode();
    if (root instanceof ShadowRoot && root.host instanceof NnElement) return true;
    const box = this.getBoundingClientRect();
    if (box.width === 0 && box.height === 0) return false;
    const margin = innerHeight * NEAR_VIEWPORTS;
    return box.bottom >= -margin && box.top <= innerHeight + margin;
  }

  private watchForSight(): void {
    if (this.sight || typeof IntersectionObserver !== 'function') return;
    this.sight = new IntersectionObserver(
      (entries) => {
        if (!entries.some((entry) => entry.isIntersecting)) return;
        this.sight?.disconnect();
        this.sight = undefined;
        this.deferred = false;
        this.requestUpdate();
      },
      { rootMargin: `${NEAR_VIEWPORTS * 100}% 0px` },
    );
    this.sight.observe(this);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    this.attempt(() => this.apply(changed));
  }

  /** Runs `action`; on failure shows its message and keeps the last good state. */
  protected attempt(action: () => void): boolean {
    try {
      action();
      this.problem = '';
      return true;
    } catch (error) {
      this.report(error);
      return false;
    }
  }

  /** Shows an error's message inline, warning once per distinct message. */
  protected report(error: unknown): void {
    const message = error instanceof Error ? error.message : String(error);
    if (message !== this.problem) console.warn(`<${this.localName}>: ${message}`);
    this.problem = message;
  }

  /** The inline message, rendered as text (never as HTML). */
  protected renderProblem() {
    return this.problem ? html`<p class="problem" role="alert" part="error">${this.problem}</p>` : nothing;
  }

  /**
   * Dispatches a bubbling, composed event. `Events`, the element's event map, ties each
   * event's name to its detail's type, so a detail of the wrong shape does not compile.
   */
  protected emit<K extends keyof Events & string>(type: K, detail: Events[K]): boolean {
    return this.dispatchEvent(new CustomEvent<Events[K]>(type, { detail, bubbles: true, composed: true }));
  }
}
