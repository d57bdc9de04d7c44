// The built kit must lay out exactly like its source. Each element is rendered three ways,
// from source (components/index.ts), from dist/nn-kit.js (the loader), dist/nn-kit.all.js and
// dist/elements/index.js,
// in frames 360, 600 and 1,000 px wide; the element's box and the box of every named part
// (`part="…"`) in its shadow root must match to the pixel, and nothing drawn may reach past
// the element's right edge (unless a box that scrolls holds it).
import { expect } from '@open-wc/testing';

const BUILDS = {
  source: '/components/index.ts',
  'dist/nn-kit.js': '/dist/nn-kit.js',
  'dist/nn-kit.all.js': '/dist/nn-kit.all.js',
  'dist/elements/index.js': '/dist/elements/index.js',
} as const;
type Build = keyof typeof BUILDS;

const WIDTHS = [320, 360, 600, 1000];

/** One representative configuration per element, each with its side panels and charts. */
const EXAMPLES: Record<string, string> = {
  'nn-neuron': `<nn-neuron labels="Sunny, Cold, Free time" inputs="1, 0, 1" weights="0.8, -0.4, 0.5"
    bias="-0.5" activation="sigmoid" input-type="binary" output-label="Go for a walk?" threshold="0.5"></nn-neuron>`,
  'nn-neuron with plot': `<nn-neuron inputs="0.5, -1" weights="1, 2" show-plot></nn-neuron>`,
  'nn-activation-plot': `<nn-activation-plot activation="sigmoid, tanh, relu" derivative></nn-activation-plot>`,
  'nn-network': `<nn-network layers="3, 4, 4, 2" output-activation="softmax"></nn-network>`,
  'nn-trainer': `<nn-trainer data="spiral"></nn-trainer>`,
  'nn-loss-surface': `<nn-loss-surface surface="ravine" optimizer="sgd, momentum"></nn-loss-surface>`,
  'nn-backprop': `<nn-backprop></nn-backprop>`,
  'nn-convolution': `<nn-convolution></nn-convolution>`,
  'nn-rnn': `<nn-rnn></nn-rnn>`,
  'nn-attention': `<nn-attention></nn-attention>`,
};

interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}
type Layout = Record<string, Box>;

/** Renders every example in one frame of `width` px, loading the kit from `build`. */
async function renderAll(build: Build, width: number): Promise<Record<string, Layout>> {
  const frame = document.createElement('iframe');
  // Tall enough that every example is in view: one far below would draw a placeholder first.
  frame.style.cssText = `width:${width}px;height:30000px;border:0;display:block`;
  const sections = Object.entries(EXAMPLES).map(([name, html]) => `<section data-example="${name}">${html}</section>`);
  frame.srcdoc = `<!doctype html><html lang="en"><head><meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <style>body{margin:8px;font:16px/1.5 system-ui,sans-serif}</style>
    <script type="module" src="${new URL(BUILDS[build], location.href).href}"></script></head>
    <body>${sections.join('\n')}</body></html>`;
  const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
  document.body.append(frame);
  await loaded;
  const view = frame.contentWindow! as Window & typeof globalThis;
  const elements = [...view.document.querySelectorAll('section')].map(
    (section) => [section.dataset.example!, section.firstElementChild as HTMLElement & { updateComplete: Promise<unknown> }] as const,
  );
  await Promise.all(elements.map(([, element]) => view.customElements.whenDefined(element.localName)));
  const measureAll = () => Object.fromEntries(elements.map(([name, element]) => [name, measure(element)]));
  // Width measurements (ResizeObserver, then a frame) ask for further renders; wait until
  // the layout has been the same for three frames in a row.
  let last = '';
  let same = 0;
  for (let count = 0; count < 60 && same < 3; count++) {
    await new Promise((resolve) => view.requestAnimationFrame(resolve));
    await Promise.all(elements.map(([, element]) => element.updateComplete));
    const now = JSON.stringify(measureAll());
    same = now === last ? same + 1 : 0;
    last = now;
  }
  const layouts = measureAll();
  frame.remove();
  return layouts;
}

/** True when an ancestor of `node` (inside its shadow root) clips or scrolls it, within `right`. */
function clippedWithin(node: Element, right: number): boolean {
  for (let parent = node.parentElement; parent; parent = parent.parentElement) {
    const style = getComputedStyle(parent);
    if (style.overflowX !== 'visible' || style.position === 'absolute' && style.clip !== 'auto') return parent.getBoundingClientRect().right <= right;
  }
  return false;
}

function measure(element: HTMLElement): Layout {
  const origin = element.getBoundingClientRect();
  const box = (rect: DOMRect): Box => ({
    x: Math.round(rect.x - origin.x),
    y: Math.round(rect.y - origin.y),
    width: Math.round(rect.width),
    height: Math.round(rect.height),
  });
  const layout: Layout = { element: box(origin) };
  // How far anything drawn reaches past the element's right edge, outside a box that scrolls
  // or clips it: on a narrow screen that would widen the page.
  let reach = 0;
  for (const node of element.shadowRoot!.querySelectorAll('*')) {
    const rect = node.getBoundingClientRect();
    if (rect.width === 0 || rect.right <= origin.right + 1 || clippedWithin(node, origin.right + 1)) continue;
    reach = Math.max(reach, Math.round(rect.right - origin.right));
  }
  layout['reach past the right edge'] = { x: reach, y: 0, width: 0, height: 0 };
  for (const part of element.shadowRoot!.querySelectorAll<HTMLElement>('[part]')) {
    const rect = part.getBoundingClientRect();
    if (rect.width === 0 && rect.height === 0) continue;
    layout[`part ${part.getAttribute('part')}`] = box(rect);
  }
  return layout;
}

describe('built files lay out like the source', () => {
  for (const width of WIDTHS) {
    it(`every element at ${width} px`, async () => {
      const source = await renderAll('source', width);
      for (const [name, layout] of Object.entries(source)) {
        expect(Object.keys(layout).length, `${name} renders parts to compare`).to.be.greaterThan(2);
        expect(layout['reach past the right edge'].x, `${name} draws nothing past its right edge`).to.equal(0);
      }
      for (const build of ['dist/nn-kit.js', 'dist/nn-kit.all.js', 'dist/elements/index.js'] as const) {
        const built = await renderAll(build, width);
        for (const name of Object.keys(EXAMPLES)) {
          expect(built[name], `${name} from ${build}, against source`).to.deep.equal(source[name]);
        }
      }
    });
  }
});
