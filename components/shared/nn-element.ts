import { LitElement, type PropertyValues, html, nothing } from 'lit';
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
