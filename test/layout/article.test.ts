// The demo article (index.html, from source) as a reader gets it: in a frame 360 px wide (a
// phone) and 1,280 px wide, in the light and the dark scheme, scrolled from top to bottom so
// that every element draws itself. Every one of the ten elements draws with no inline message
// and no error, nothing widens the page past the screen, and axe finds no violation on the
// whole page (its landmarks, headings and text as well as the elements' shadow roots).
import { expect } from '@open-wc/testing';

const TAGS = ['nn-neuron', 'nn-activation-plot', 'nn-network', 'nn-trainer', 'nn-loss-surface', 'nn-backprop', 'nn-digits', 'nn-convolution', 'nn-rnn', 'nn-attention'];

type KitElement = HTMLElement & { updateComplete: Promise<unknown> };
interface AxeResult {
  violations: { id: string; help: string; nodes: { target: unknown[] }[] }[];
}
type FrameWindow = Window & typeof globalThis & { axe: { run(context: Node, options: object): Promise<AxeResult> } };

const frames = (view: Window, count: number) =>
  new Promise<void>((resolve) => {
    const tick = (left: number) => (left === 0 ? resolve() : view.requestAnimationFrame(() => tick(left - 1)));
    tick(count);
  });

/** The article in a frame `width` px wide; `dark` sets the page's colour scheme to dark, as a reader's dark system does. */
async function openArticle(width: number, dark: boolean): Promise<{ frame: HTMLIFrameElement; view: FrameWindow; errors: string[] }> {
  const frame = document.createElement('iframe');
  frame.style.cssText = `width:${width}px;height:800px;border:0;display:block`;
  const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
  frame.src = '/index.html';
  document.body.append(frame);
  await loaded;
  const view = frame.contentWindow as FrameWindow;
  // A phone's scrollbars take no room: widen the frame by a desktop scrollbar's width (Firefox's take 12 px), so the page has `width` px.
  frame.style.width = `${2 * width - view.document.documentElement.clientWidth}px`;
  const errors: string[] = [];
  view.addEventListener('error', (event) => errors.push(event.message));
  view.addEventListener('unhandledrejection', (event) => errors.push(String(event.reason)));
  if (dark) view.document.documentElement.style.colorScheme = 'dark';
  await Promise.all(TAGS.map((tag) => view.customElements.whenDefined(tag)));
  // Scroll down element by element, as a reader does: each draws itself when it comes near.
  for (const element of view.document.querySelectorAll<KitElement>(TAGS.join(','))) {
    element.scrollIntoView({ block: 'center' });
    for (let i = 0; i < 20 && element.shadowRoot?.querySelector('.placeholder'); i++) {
      await frames(view, 1);
      await element.updateComplete;
    }
  }
  const elements = [...view.document.querySelectorAll<KitElement>(TAGS.join(','))];
  await Promise.all(elements.map((element) => element.updateComplete));
  await frames(view, 3);
  return { frame, view, errors };
}

async function axe(view: FrameWindow): Promise<AxeResult> {
  if (!view.axe) {
    const script = view.document.createElement('script');
    const loaded = new Promise((resolve, reject) => {
      script.addEventListener('load', resolve, { once: true });
      script.addEventListener('error', reject, { once: true });
    });
    script.src = '/node_modules/axe-core/axe.min.js';
    view.document.head.append(script);
    await loaded;
  }
  return view.axe.run(view.document, { resultTypes: ['violations'] });
}

describe('the demo article', () => {
  for (const width of [360, 1280]) {
    for (const scheme of ['light', 'dark'] as const) {
      it(`at ${width} px in the ${scheme} scheme: every element drawn, nothing past the screen, axe-clean`, async function () {
        this.timeout(180_000);
        const { frame, view, errors } = await openArticle(width, scheme === 'dark');
        try {
          const doc = view.document;
          const elements = [...doc.querySelectorAll<KitElement>(TAGS.join(','))];
          expect(new Set(elements.map((element) => element.localName))).to.have.keys(TAGS);
          for (const element of elements) {
            const what = `<${element.localName} id="${element.id}">`;
            expect(element.shadowRoot!.querySelector('.placeholder'), `${what} is still a placeholder`).to.equal(null);
            expect(element.shadowRoot!.querySelector('[role="alert"]')?.textContent?.trim() ?? '', what).to.equal('');
          }
          // The page itself follows the scheme (article.css uses light-dark()).
          expect(view.getComputedStyle(doc.documentElement).backgroundColor).to.equal(scheme === 'dark' ? 'rgb(17, 20, 23)' : 'rgb(251, 251, 250)');
          expect(doc.documentElement.clientWidth, 'the page is as wide as the frame').to.equal(width);
          expect(doc.documentElement.scrollWidth, 'the page is no wider than the screen').to.be.at.most(width);
          expect(errors).to.deep.equal([]);
          const { violations } = await axe(view);
          const found = violations.map((v) => `${v.id} (${v.help}): ${v.nodes.map((node) => JSON.stringify(node.target)).join(', ')}`);
          expect(found).to.deep.equal([]);
        } finally {
          frame.remove();
        }
      });
    }
  }
});
