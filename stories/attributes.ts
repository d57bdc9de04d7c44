import { type ElementPart, noChange, nothing } from 'lit';
import { Directive, type PartInfo, PartType, directive } from 'lit/directive.js';
// Written by `npm run analyze` (the storybook scripts run it first).
import manifest from '../custom-elements.json';

interface Declaration {
  tagName?: string;
  attributes?: { name: string }[];
}

/** Each element's attributes, as custom-elements.json lists them: the Controls panel's "attributes" rows. */
const ATTRIBUTES = new Map<string, readonly string[]>();
for (const module of manifest.modules) {
  for (const declaration of (module.declarations ?? []) as Declaration[]) {
    if (declaration.tagName) ATTRIBUTES.set(declaration.tagName, (declaration.attributes ?? []).map((a) => a.name));
  }
}

/** The attribute text for a control's value; null removes the attribute (the element's default). */
function attributeText(value: unknown): string | null {
  if (value === undefined || value === null || value === false || value === '') return null;
  if (value === true) return '';
  if (Array.isArray(value)) return value.join(', ');
  return String(value);
}

/**
 * Writes a story's args onto the element as the attributes a writer would type, for every
 * attribute the element's manifest entry lists, so each control in the Controls panel
 * changes the element: `html\`<nn-trainer ${attributes(args)}></nn-trainer>\``. The element
 * is updated in place, as when a page changes an attribute. Attributes written in the
 * template itself (`for="…"`) are left alone unless an arg sets them.
 */
class AttributesDirective extends Directive {
  private readonly written = new Set<string>();

  constructor(part: PartInfo) {
    super(part);
    if (part.type !== PartType.ELEMENT) throw new Error('attributes() belongs on an element: <nn-x ${attributes(args)}>.');
  }

  render(_args: object) {
    return nothing;
  }

  override update(part: ElementPart, [args]: [object]) {
    const element = part.element;
    const values = args as Record<string, unknown>;
    for (const name of ATTRIBUTES.get(element.localName) ?? []) {
      const text = attributeText(values[name]);
      if (text !== null) {
        if (element.getAttribute(name) !== text) element.setAttribute(name, text);
        this.written.add(name);
      } else if (this.written.delete(name)) {
        element.removeAttribute(name);
      }
    }
    return noChange;
  }
}

export const attributes = directive(AttributesDirective);
