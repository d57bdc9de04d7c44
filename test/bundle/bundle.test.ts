// The built kit loaded the way a writer loads it: one module script in a plain page, with no
// dev-server transforms and no import map (so lit must come with the kit): dist/nn-kit.js, the
// loader that fetches each element from dist/kit/ when its tag appears, and dist/nn-kit.all.js,
// every element in one file.
import { expect } from '@open-wc/testing';

const TAGS = ['nn-neuron', 'nn-activation-plot', 'nn-network', 'nn-trainer', 'nn-loss-surface', 'nn-convolution', 'nn-backprop', 'nn-rnn', 'nn-attention', 'nn-digits'];

function loadPage(body: string, script = '/dist/nn-kit.js'): Promise<Window> {
  return new Promise((resolve, reject) => {
    const frame = document.createElement('iframe');
    frame.style.width = '900px';
    frame.style.height = '700px';
    frame.srcdoc = `<!doctype html><html lang="en"><head><meta charset="utf-8">
      <script type="module" src="${new URL(script, location.href).href}"></script></head>
      <body>${body}</body></html>`;
    frame.addEventListener('load', () => resolve(frame.contentWindow!), { once: true });
    frame.addEventListener('error', reject, { once: true });
    document.body.append(frame);
  });
}

describe('dist/nn-kit.js, the loader', () => {
  it('is a small module with no bare imports', async () => {
    const source = await (await fetch('/dist/nn-kit.js')).text();
    expect(source).to.not.match(/\bfrom\s*["'][^./]/);
    expect(source).to.not.match(/\bimport\s*\(?\s*["'][^./]/);
    expect(source).to.not.match(/LitElement|lit-html/, 'lit comes with the elements, not the loader');
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

  it('loads only the elements a page uses, and defines tags added later', async () => {
    const view = await loadPage('<nn-activation-plot></nn-activation-plot>');
    await view.customElements.whenDefined('nn-activation-plot');
    const loaded = () => view.performance.getEntriesByType('resource').map((entry) => entry.name.split('/').pop());
    expect(loaded()).to.include('nn-activation-plot.js');
    expect(loaded()).to.not.include('nn-trainer.js');
    expect(view.customElements.get('nn-trainer'), 'nn-trainer is not loaded').to.be.undefined;
    view.document.body.append(view.document.createElement('nn-trainer'));
    await view.customElements.whenDefined('nn-trainer');
    expect(loaded()).to.include('nn-trainer.js');
  });

  it('defines an element inside an open shadow root given to discover()', async () => {
    const loader = new URL('/dist/nn-kit.js', location.href).href;
    const view = (await loadPage(
      `<script type="module">import { discover } from '${loader}'; window.discover = discover;</script>`,
    )) as Window & { discover?: (root: ShadowRoot) => Promise<void> };
    // Module scripts run before the frame's load event, which loadPage awaits.
    const host = view.document.createElement('div');
    view.document.body.append(host);
    const root = host.attachShadow({ mode: 'open' });
    root.innerHTML = '<nn-neuron></nn-neuron>';
    expect(view.customElements.get('nn-neuron'), 'the loader does not see inside a shadow root attached later').to.be.undefined;
    await view.discover!(root);
    expect(view.customElements.get('nn-neuron')).to.exist;
  });

  it('dist/nn-kit.all.js is every element in one module that needs nothing outside itself', async () => {
    const source = await (await fetch('/dist/nn-kit.all.js')).text();
    expect(source).to.not.match(/\bfrom\s*["']/);
    expect(source).to.not.match(/\bimport\s*\(?\s*["']/);
    const view = await loadPage(TAGS.map((tag) => `<${tag}></${tag}>`).join('\n'), '/dist/nn-kit.all.js');
    await Promise.all(TAGS.map((tag) => view.customElements.whenDefined(tag)));
    expect(view.performance.getEntriesByType('resource').map((entry) => entry.name.split('/').pop())).to.not.include('nn-trainer.js');
  });

  it('exports the core engine too', async () => {
    const kit = await import(/* @vite-ignore */ new URL('/dist/core.js', location.href).href);
    const network = new kit.Network({ layers: [2, 3, 1], seed: 1 });
    expect(network.predict([0.5, -0.5]).length).to.equal(1);
  });
});

// The per-element entries, dist/elements/*.js, as a bundler sees them: lit is left to the page
// (the test server resolves it, as a bundler would), and each entry defines its own element and
// what it renders inside, not the rest of the kit.
describe('dist/elements/nn-neuron.js', () => {
  it('defines <nn-neuron> alone, and it renders', async () => {
    expect(customElements.get('nn-neuron'), 'nothing defined before the import').to.be.undefined;
    await import(/* @vite-ignore */ new URL('/dist/elements/nn-neuron.js', location.href).href);
    expect(customElements.get('nn-neuron')).to.exist;
    expect(customElements.get('nn-trainer'), 'a page that imports nn-neuron.js does not pay for nn-trainer').to.be.undefined;
    expect(customElements.get('nn-network'), 'nor for nn-network').to.be.undefined;
    const element = document.createElement('nn-neuron') as HTMLElement & { updateComplete: Promise<unknown>; output: number };
    element.setAttribute('inputs', '1, 0, 1');
    element.setAttribute('weights', '0.8, -0.4, 0.5');
    element.setAttribute('bias', '-0.5');
    document.body.append(element);
    await element.updateComplete;
    expect(element.shadowRoot!.querySelector('[role="alert"]')).to.not.exist;
    expect(element.output).to.be.closeTo(1 / (1 + Math.exp(-0.8)), 1e-12);
    expect(element.getBoundingClientRect().height).to.be.greaterThan(40);
    element.remove();
  });
});
