// The built kit, dist/nn-kit.js, loaded the way a writer loads it: one module script in a
// plain page, with no dev-server transforms and no import map (so lit must be inside).
import { expect } from '@open-wc/testing';

const TAGS = ['nn-neuron', 'nn-activation-plot', 'nn-network', 'nn-trainer'];

function loadPage(body: string): Promise<Window> {
  return new Promise((resolve, reject) => {
    const frame = document.createElement('iframe');
    frame.style.width = '900px';
    frame.style.height = '700px';
    frame.srcdoc = `<!doctype html><html lang="en"><head><meta charset="utf-8">
      <script type="module" src="${new URL('/dist/nn-kit.js', location.href).href}"></script></head>
      <body>${body}</body></html>`;
    frame.addEventListener('load', () => resolve(frame.contentWindow!), { once: true });
    frame.addEventListener('error', reject, { once: true });
    document.body.append(frame);
  });
}

describe('dist/nn-kit.js', () => {
  it('is one self-contained module: no bare imports left to resolve', async () => {
    const source = await (await fetch('/dist/nn-kit.js')).text();
    expect(source.length).to.be.greaterThan(1000);
    expect(source).to.not.match(/\bfrom\s*["'](lit|@lit|lit-html|lit-element|d3-array)/);
    expect(source).to.not.match(/\bimport\s*\(?\s*["'][^./]/);
  });

  it('registers and renders every element from a single script tag', async () => {
    const view = await loadPage(TAGS.map((tag) => `<${tag}></${tag}>`).join('\n'));
    await Promise.all(TAGS.map((tag) => view.customElements.whenDefined(tag)));
    for (const tag of TAGS) {
      const element = view.document.querySelector(tag) as HTMLElement & { updateComplete: Promise<unknown> };
      await element.updateComplete;
      expect(element.shadowRoot, tag).to.exist;
      expect(element.shadowRoot!.querySelector('[role="alert"]'), `${tag} shows no error`).to.not.exist;
      expect(element.getBoundingClientRect().height, `${tag} has a height`).to.be.greaterThan(40);
    }
  });

  it('exports the core engine too', async () => {
    const kit = await import(/* @vite-ignore */ new URL('/dist/core.js', location.href).href);
    const network = new kit.Network({ layers: [2, 3, 1], seed: 1 });
    expect(network.predict([0.5, -0.5]).length).to.equal(1);
  });
});
