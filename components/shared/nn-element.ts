import { LitElement, type PropertyDeclaration, type PropertyValues, defaultConverter, html, nothing } from 'lit';
import { state } from 'lit/decorators.js';

/**
 * The base of every nn-kit element: a typed `emit()`, and bad input handled the same
 * way everywhere: the element keeps its last good state, shows a short inline message
 * (role="alert") and logs one console warning; nothing is thrown out of it.
 */
export abstract class NnElement extends LitElement {
  /** What is wrong with the current attributes, or '' when all is well. */
  @state() protected problem = '';

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

  /** Dispatches a bubbling, composed event with a typed detail. */
  protected emit<T>(type: string, detail: T): boolean {
    return this.dispatchEvent(new CustomEvent<T>(type, { detail, bubbles: true, composed: true }));
  }
}
