import { noChange } from 'lit';
import { Directive, type ElementPart, directive } from 'lit/directive.js';

/**
 * The value of a text field a reader types into: written to the field on every render,
 * except while the field has focus and holds text the reader is still editing (typed since
 * it was last committed by `change`, i.e. Enter or leaving the field). A re-render while
 * the reader types (a playing element renders several times a second) keeps their text;
 * once committed, or when the field is not being edited, the field shows the value given,
 * so a change made by script shows at once.
 *
 * Use as an element binding: `<input ${typedValue(text)} />`.
 */
class TypedValue extends Directive {
  /** True from the reader's first keystroke until the field's `change` (or its blur). */
  private editing = false;
  private watched?: HTMLInputElement;

  render(_value: string) {
    return noChange;
  }

  override update(part: ElementPart, [value]: [string]) {
    const field = part.element as HTMLInputElement;
    if (this.watched !== field) this.watch(field);
    if (this.editing && field.matches(':focus')) return noChange;
    this.editing = false;
    if (field.value !== value) field.value = value;
    return noChange;
  }

  private watch(field: HTMLInputElement): void {
    this.watched = field;
    const editing = (event: Event) => (this.editing = event.type === 'input');
    for (const type of ['input', 'change', 'blur']) field.addEventListener(type, editing);
  }
}

/** Binds a text field's value without overwriting what the reader is typing (see `TypedValue`). */
export const typedValue = directive(TypedValue);
