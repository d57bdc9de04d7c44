// The built kit (dist/nn-kit.js, made by `npm run build`) on a page served with a strict
// Content-Security-Policy: "script-src 'self'; style-src 'self'" (no 'unsafe-inline', no
// 'unsafe-eval'); web-test-runner.config.js adds the header to everything under /test/csp/.
// page.html loads watch.js first, which records every securitypolicyviolation event.
import { expect } from '@open-wc/testing';

type Kit = HTMLElement & { updateComplete: Promise<unknown> };
interface Violation {
  directive: string;
  blocked: string;
  sample: string;
  source: string;
}
type PageWindow = Window & typeof globalThis & { violations: Violation[] };

const TAGS = ['nn-neuron', 'nn-activation-plot', 'nn-network', 'nn-trainer', 'nn-loss-surface', 'nn-convolution', 'nn-backprop', 'nn-rnn', 'nn-attention', 'nn-digits'];

function openPage(): Promise<{ frame: HTMLIFrameElement; view: PageWindow }> {
  return new Promise((resolve, reject) => {
    const frame = document.createElement('iframe');
    frame.style.width = '1000px';
    frame.style.height = '900px';
    frame.src = '/test/csp/page.html';
    frame.addEventListener('load', () => resolve({ frame, view: frame.contentWindow as PageWindow }), { once: true });
    frame.addEventListener('error', reject, { once: true });
    document.body.append(frame);
  });
}

/** Lets queued violation reports (they are dispatched in a task) arrive. */
function reportsSettled(view: Window): Promise<void> {
  return new Promise((resolve) => view.requestAnimationFrame(() => view.setTimeout(resolve, 50)));
}

describe('strict Content-Security-Policy (built kit)', () => {
  let frame: HTMLIFrameElement;
  let view: PageWindow;
  let doc: Document;
  const $ = <T extends Element = Kit>(selector: string) => doc.querySelector(selector) as unknown as T;

  before(async function () {
    this.timeout(20000);
    ({ frame, view } = await openPage());
    doc = view.document;
    await Promise.all(TAGS.map((tag) => view.customElements.whenDefined(tag)));
    for (const element of doc.querySelectorAll<Kit>(TAGS.join(','))) await element.updateComplete;
  });

  after(() => frame.remove());

  it('is served with the policy, and the recorder is running', async () => {
    const response = await fetch('/test/csp/page.html');
    expect(response.headers.get('content-security-policy')).to.equal("script-src 'self'; style-src 'self'");
    expect(view.violations).to.be.an('array');
  });

  it('renders every element with its styles and no error', () => {
    for (const element of doc.querySelectorAll<Kit>(TAGS.join(','))) {
      const label = `<${element.localName}${element.id ? ` id="${element.id}"` : ''}>`;
      const root = element.shadowRoot;
      expect(root, `${label} has a shadow root`).to.exist;
      expect(root!.querySelector('*'), `${label} rendered content`).to.exist;
      expect(root!.querySelector('[role="alert"]'), `${label} shows no error`).to.not.exist;
      expect(root!.adoptedStyleSheets.length, `${label} adopted its stylesheets`).to.be.greaterThan(0);
      expect(element.getBoundingClientRect().height, `${label} has a height`).to.be.greaterThan(40);
    }
    const style = (tag: string, selector: string) => view.getComputedStyle($(tag).shadowRoot!.querySelector(selector)!);
    expect(style('nn-neuron', '.card').borderTopStyle, 'the neuron card has its border').to.equal('solid');
    expect(style('nn-neuron', '.card').paddingLeft).to.equal('20px');
    expect(style('nn-activation-plot', '.card').borderTopStyle, 'the plot card has its border').to.equal('solid');
    expect(style('#classifier', '.panels').display, "the network's panels are a grid").to.equal('grid');
    expect(style('nn-trainer', '.toolbar').display, "the trainer's toolbar is a flex row").to.equal('flex');
  });

  it('applies styleMap styles through the CSSOM', () => {
    const canvas = $('nn-trainer').shadowRoot!.querySelector<HTMLCanvasElement>('canvas.boundary')!;
    expect(canvas.style.width, 'the boundary canvas is sized by styleMap').to.match(/^\d+(\.\d+)?px$/);
    expect(canvas.getBoundingClientRect().width).to.equal(Number.parseFloat(canvas.style.width));
    const bars = [...$('#classifier').shadowRoot!.querySelectorAll<HTMLElement>('.bar')];
    expect(bars.length, 'one probability bar per class').to.equal(3);
    for (const bar of bars) expect(bar.style.width).to.match(/%$/);
    const surface = $('#descent').shadowRoot!;
    const map = surface.querySelector<HTMLCanvasElement>('canvas.heights')!;
    expect(map.style.width, 'the loss map is sized by styleMap').to.match(/^\d+(\.\d+)?px$/);
    expect(map.getBoundingClientRect().width).to.equal(Number.parseFloat(map.style.width));
    expect(surface.querySelector<HTMLElement>('button.start-handle')!.style.left, 'the start handle is placed by styleMap').to.match(/px$/);
    expect(surface.querySelector('.header math mi')?.textContent, 'the formula is MathML').to.equal('L');
  });

  it('sizes from the very first render (not only once a later render repeats the styles)', async () => {
    const network = doc.createElement('nn-network') as Kit;
    network.setAttribute('layers', '2, 2');
    network.setAttribute('output-activation', 'softmax');
    network.setAttribute('inputs', '1, -1');
    // At the top, in view: an element far below the viewport draws a placeholder until the reader comes near.
    doc.body.prepend(network);
    await network.updateComplete;
    const bars = [...network.shadowRoot!.querySelectorAll<HTMLElement>('.bar')];
    expect(bars.length).to.equal(2);
    for (const bar of bars) {
      expect(bar.style.width, 'set on the first render').to.match(/%$/);
    }
    network.remove();
  });

  it('works when the reader uses it: a neuron slider, a trainer step and a forward run', async function () {
    this.timeout(10000);
    // The neuron: drag "Sunny" to 0.5 → z = 0.8·0.5 − 0.4·0 − 0.5 = −0.1.
    const neuron = $<Kit & { z: number }>('#walk');
    const slider = neuron.shadowRoot!.querySelector<HTMLInputElement>('input[type="range"]')!;
    slider.value = '0.5';
    slider.dispatchEvent(new view.Event('input', { bubbles: true, composed: true }));
    await neuron.updateComplete;
    expect(neuron.z).to.be.closeTo(0.8 * 0.5 - 0.4 * 0 - 0.5, 1e-12);
    const plot = $<Kit & { probeZ: number }>('nn-activation-plot');
    await plot.updateComplete;
    expect(plot.probeZ, 'the plot follows the neuron').to.be.closeTo(-0.1, 1e-12);

    // The trainer: one mini-batch, and the network that follows it redraws.
    const trainer = $<Kit & { trainer: { steps: number } }>('nn-trainer');
    const follower = $<Kit & { network: unknown }>('#follower');
    trainer.shadowRoot!.querySelector<HTMLButtonElement>('button.step')!.click();
    await trainer.updateComplete;
    expect(trainer.trainer.steps).to.equal(1);
    expect(follower.network, 'the follower shows the trainer’s network').to.equal((trainer as unknown as { network: unknown }).network);

    // The network: "Run forward" lights the layers one by one, then reports the pass.
    const network = $('#classifier');
    const forward = new Promise<CustomEvent>((resolve) => network.addEventListener('nn-forward', resolve as EventListener, { once: true }));
    network.shadowRoot!.querySelector<HTMLButtonElement>('button.run')!.click();
    const { detail } = await forward;
    expect(detail.inputs).to.deep.equal([0.9, 0.1, 0]);
    expect(detail.outputs.reduce((a: number, b: number) => a + b, 0), 'softmax outputs add up to 1').to.be.closeTo(1, 1e-9);

    await reportsSettled(view);
    for (const element of doc.querySelectorAll<Kit>(TAGS.join(','))) {
      expect(element.shadowRoot!.querySelector('[role="alert"]'), `<${element.localName}> shows no error`).to.not.exist;
    }
  });

  it('loads the handwritten digits and the weights trained ahead with import(), and trains on them: <nn-digits model="pretrained">', async function () {
    this.timeout(30000);
    const digits = $<Kit & { ready: Promise<void>; network?: { layers: number[] }; epoch: number; play(): void; image: number[]; prediction?: number }>('#digits');
    await digits.ready;
    expect(digits.network?.layers, 'the digits and the shipped weights loaded, and a network was built from them').to.deep.equal([64, 256, 10]);
    // It trains only while on screen.
    digits.scrollIntoView();
    const stopped = new Promise((resolve) => digits.addEventListener('nn-stopped', resolve, { once: true }));
    digits.play();
    await stopped;
    expect(digits.epoch).to.equal(1);
    digits.image = Array.from({ length: 784 }, (_, i) => (i % 28 === 14 && i > 4 * 28 && i < 24 * 28 ? 1 : 0));
    await digits.updateComplete;
    expect(digits.prediction, 'a stroke is read as a digit').to.be.a('number');
    const pad = digits.shadowRoot!.querySelector<HTMLCanvasElement>('canvas.pad-canvas')!;
    expect(pad.getBoundingClientRect().width, 'the pad is sized by its stylesheet').to.be.greaterThan(100);
  });

  it('reports no CSP violations', async () => {
    await reportsSettled(view);
    expect(view.violations).to.deep.equal([]);
  });
});
