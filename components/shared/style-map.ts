import { type AttributePart, noChange } from 'lit';
import { Directive, type PartInfo, PartType, directive } from 'lit/directive.js';

/** Property names (camelCase or dashed) to values; null or undefined removes one. */
export type StyleInfo = Readonly<Record<string, string | number | null | undefined>>;

/** `backgroundColor` → `background-color`, `webkitMask` → `-webkit-mask`; dashed names stay. */
const dashed = (name: string) =>
  name.includes('-') ? name : name.replace(/(?:^(webkit|moz|ms|o)|)(?=[A-Z])/g, '-$&').toLowerCase();

/**
 * lit's styleMap, safe under a strict Content-Security-Policy. lit's own directive writes
 * its first value as a `style="…"` attribute, which `style-src` without 'unsafe-inline'
 * blocks (the element then stays unstyled until a later render). This one always sets
 * properties through the CSSOM (`element.style`), which CSP allows. On the server, where
 * there is no CSSOM, it renders the attribute text, as lit's does.
 */
class CssomStyleDirective extends Directive {
  private previous = new Set<string>();

  constructor(info: PartInfo) {
    super(info);
    if (info.type !== PartType.ATTRIBUTE || info.name !== 'style' || (info.strings?.length ?? 0) > 2) {
      throw new Error('styleMap() must be the whole value of a style attribute.');
    }
  }

  render(styles: StyleInfo): string {
    return Object.entries(styles)
      .filter(([, value]) => value != null)
      .map(([name, value]) => `${dashed(name)}:${value};`)
      .join('');
  }

  override update(part: AttributePart, [styles]: [StyleInfo]) {
    const { style } = part.element as HTMLElement;
    for (const name of this.previous) {
      if (styles[name] == null) {
        this.previous.delete(name);
        style.removeProperty(dashed(name));
      }
    }
    for (const [name, value] of Object.entries(styles)) {
      if (value == null) continue;
      this.previous.add(name);
      const text = String(value);
      const important = text.endsWith(' !important');
      style.setProperty(dashed(name), important ? text.slice(0, -11) : text, important ? 'important' : '');
    }
    return noChange;
  }
}

/** Sets inline styles through the CSSOM: `style=${styleMap({ width: '10px' })}`. */
export const styleMap = directive(CssomStyleDirective);
