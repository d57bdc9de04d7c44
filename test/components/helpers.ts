/** Replaces console.warn while `action` runs and returns what was warned. */
export async function captureWarnings(action: () => Promise<void>): Promise<string[]> {
  const original = console.warn;
  const warnings: string[] = [];
  console.warn = (...args: unknown[]) => warnings.push(args.join(' '));
  try {
    await action();
  } finally {
    console.warn = original;
  }
  return warnings;
}

export const nextFrame = () => new Promise((resolve) => requestAnimationFrame(resolve));

/**
 * Waits for an element's width measurement (a ResizeObserver, then a frame) and the render
 * it asks for: until the `width` attribute of its `selector` drawing stops changing.
 */
export async function settleWidth(el: HTMLElement & { updateComplete: Promise<unknown> }, selector: string): Promise<void> {
  const width = () => el.shadowRoot!.querySelector(selector)?.getAttribute('width');
  let last: string | null | undefined;
  for (let frame = 0; frame < 20; frame++) {
    await nextFrame();
    await el.updateComplete;
    if (frame >= 2 && width() === last) return;
    last = width();
  }
}
