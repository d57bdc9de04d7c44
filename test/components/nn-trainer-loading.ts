/** Waits (up to about two seconds) until `selector` is in an element's shadow root: for a view whose code loads on first use. */
export async function shownIn(el: HTMLElement & { updateComplete: Promise<unknown> }, selector: string): Promise<void> {
  for (let i = 0; i < 200 && !el.shadowRoot!.querySelector(selector); i++) {
    await new Promise((resolve) => setTimeout(resolve, 10));
    await el.updateComplete;
  }
}
