import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * The horizontal padding plus border of an element, in CSS pixels: what a chart inside
 * the element's card must leave out of the host's width.
 */
export function horizontalInset(element: Element | null, fallback: number): number {
  if (!element) return fallback;
  const style = getComputedStyle(element);
  const sum = ['paddingLeft', 'paddingRight', 'borderLeftWidth', 'borderRightWidth']
    .map((name) => Number.parseFloat(style[name as 'paddingLeft']) || 0)
    .reduce((a, b) => a + b, 0);
  return Math.round(sum);
}

export interface CardInsetOptions {
  /** The host's width now (a WidthController's), to measure once per width. */
  width: () => number;
  /** The card to measure, once rendered. */
  card: () => Element | null;
  /** The styles' padding and border, used until the card is measured. */
  fallback: number;
}

/**
 * Measures an element's card (padding and border) after it is drawn, once per host width,
 * before the next render: a page that restyles ::part(card) still gets a drawing that fits.
 */
export class CardInsetController implements ReactiveController {
  /** The card's horizontal padding plus border, in CSS pixels. */
  inset: number;
  private measuredAt = -1;

  constructor(
    private readonly host: ReactiveControllerHost & { readonly hasUpdated: boolean },
    private readonly options: CardInsetOptions,
  ) {
    this.inset = options.fallback;
    host.addController(this);
  }

  hostUpdate(): void {
    const width = this.options.width();
    if (width === this.measuredAt || !this.host.hasUpdated) return;
    this.measuredAt = width;
    this.inset = horizontalInset(this.options.card(), this.inset);
  }
}
