/**
 * Shrinks each element (a long MathML formula, a table of numbers) that is wider than its parent's content
 * box so that it fits; it gets its stylesheet's size back whenever there is room. MathML
 * does not wrap, and browsers set the same formula at different widths, so this measures.
 */
export function shrinkToFit(elements: Iterable<Element>): void {
  for (const element of elements) {
    const { style } = element as HTMLElement;
    const parent = element.parentElement;
    style.removeProperty('font-size');
    if (!parent) continue;
    const box = getComputedStyle(parent);
    const room = parent.clientWidth - Number.parseFloat(box.paddingLeft) - Number.parseFloat(box.paddingRight);
    // Parts that do not scale with the font (a table's padding) can leave it a little
    // wide after one try, so shrink again, at most twice more.
    for (let attempt = 0; attempt < 3; attempt++) {
      const width = element.getBoundingClientRect().width;
      if (width <= room || room <= 0) break;
      const size = Number.parseFloat(getComputedStyle(element).fontSize);
      style.setProperty('font-size', `${Math.floor(((size * room) / width) * 10) / 10}px`);
    }
  }
}
