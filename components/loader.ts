/**
 * nn-kit's loader, `dist/nn-kit.js`: one small script tag for a whole page. It defines
 * each element when its tag first appears, in the document or in an open shadow root,
 * by loading that element's module from the `kit/` folder beside this file; a page that
 * uses only `<nn-neuron>` downloads only what `<nn-neuron>` needs.
 *
 * It keeps no state of its own: the browser's module cache makes a second load of the
 * same element free, and `customElements` says what is already defined.
 */

/** The tags the kit defines, each loaded from `kit/<tag>.js`. */
export const KIT_TAGS: readonly string[] = ['nn-neuron', 'nn-activation-plot', 'nn-network', 'nn-trainer', 'nn-loss-surface', 'nn-backprop', 'nn-convolution', 'nn-rnn', 'nn-attention', 'nn-digits'];

/** Loads and defines one element; resolves when it is defined. */
export async function load(tag: string): Promise<void> {
  if (customElements.get(tag)) return;
  if (!KIT_TAGS.includes(tag)) {
    console.warn(`<${tag}> is not an nn-kit element; the kit has ${KIT_TAGS.map((name) => `<${name}>`).join(', ')}.`);
    return;
  }
  // The kit's folder, beside this file (a bundler would rewrite `new URL(…, import.meta.url)`).
  const here = import.meta.url;
  await import(/* @vite-ignore */ new URL(`./kit/${tag}.js`, here).href);
}

/**
 * Defines every nn-kit element used in `root` (a document, a shadow root or an element,
 * with the open shadow roots inside it). Call it for a shadow root the loader cannot see,
 * such as a closed one or one attached after its host was added.
 */
export async function discover(root: Document | ShadowRoot | Element): Promise<void> {
  const tags = new Set<string>();
  const visit = (node: Document | ShadowRoot | Element) => {
    if (node instanceof Element && node.localName.startsWith('nn-')) tags.add(node.localName);
    for (const element of node.querySelectorAll('*')) {
      if (element.localName.startsWith('nn-')) tags.add(element.localName);
      if (element.shadowRoot) visit(element.shadowRoot);
    }
  };
  visit(root);
  await Promise.all([...tags].filter((tag) => !customElements.get(tag)).map(load));
}

/** Watches a document for nn-kit tags added later (by a script, a framework, a router). */
function watch(document: Document): void {
  new MutationObserver((records) => {
    for (const record of records) {
      for (const node of record.addedNodes) if (node instanceof Element) void discover(node);
    }
  }).observe(document.documentElement, { childList: true, subtree: true });
}

if (typeof document !== 'undefined') {
  void discover(document);
  watch(document);
}
