import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { type ModelJSON, Network } from '../../src/index.js';
import '../../components/nn-network/nn-network.js';
import type { ChangeDetail, ForwardDetail, NnNetwork } from '../../components/nn-network/nn-network.js';
import { captureConsole, drawingProblems } from '../shared/finite.js';

const modelUrl = new URL('../fixtures/nn-network-model.json', import.meta.url).href;
const smallModelUrl = new URL('../fixtures/nn-network-model-small.json', import.meta.url).href;
const brokenUrl = new URL('../fixtures/nn-network-broken.json', import.meta.url).href;
const missingUrl = new URL('../fixtures/nn-network-missing.json', import.meta.url).href;

const root = (el: NnNetwork) => el.shadowRoot!;
const $ = <T extends Element = HTMLElement>(el: NnNetwork, selector: string) => root(el).querySelector<T>(selector);
const $$ = (el: NnNetwork, selector: string) => [...root(el).querySelectorAll(selector)];
const alertText = (el: NnNetwork) => $(el, '[role="alert"]')?.textContent?.trim() ?? '';
const nodeKeys = (el: NnNetwork) => $$(el, '.node').map((n) => `${(n as SVGElement).dataset.layer}:${(n as SVGElement).dataset.index}`);
const captions = (el: NnNetwork) => $$(el, '.caption').map((t) => t.textContent);
const expectClose = (actual: ArrayLike<number>, expected: ArrayLike<number>) => {
  expect(actual.length).to.equal(expected.length);
  for (let i = 0; i < expected.length; i++) expect(actual[i]).to.be.closeTo(expected[i], 1e-12);
};
const fetchJSON = async (url: string) => (await (await fetch(url)).json()) as ModelJSON;

/** Selects the focused field's text, as Ctrl+A does. */
async function selectAll(): Promise<void> {
  await sendKeys({ down: 'Control' });
  await sendKeys({ press: 'KeyA' });
  await sendKeys({ up: 'Control' });
}

/** Makes matchMedia answer "reduce" for prefers-reduced-motion while `body` runs (works in every browser). */
async function withReducedMotion(body: () => Promise<void>): Promise<void> {
  const original = window.matchMedia;
  window.matchMedia = (query: string) =>
    query.includes('prefers-reduced-motion: reduce') ? ({ matches: true, media: query } as MediaQueryList) : original.call(window, query);
  try {
    await body();
  } finally {
    window.matchMedia = original;
  }
}

/** Collects the element's `change` events. */
function recordChanges(el: NnNetwork): CustomEvent<ChangeDetail>[] {
  const seen: CustomEvent<ChangeDetail>[] = [];
  el.addEventListener('change', (event) => seen.push(event as CustomEvent<ChangeDetail>));
  return seen;
}

/** Builds an element with a child <script type="application/json"> (lit cannot bind inside a script). */
async function withScript(json: string, attributes: Record<string, string> = {}): Promise<NnNetwork> {
  const holder = await fixture<HTMLDivElement>(html`<div></div>`);
  const el = document.createElement('nn-network');
  for (const [name, value] of Object.entries(attributes)) el.setAttribute(name, value);
  const script = document.createElement('script');
  script.type = 'application/json';
  script.textContent = json;
  el.append(script);
  const forward = oneEvent(el, 'nn-forward');
  holder.append(el);
  if (!json.startsWith('{ broken')) await forward;
  await el.updateComplete;
  return el;
}

class FakeSource extends HTMLElement {
  network?: Network;
}
if (!customElements.get('fake-network-source')) customElements.define('fake-network-source', FakeSource);

/** A button after the element, so a Tab out of it stays in the page (Firefox would move focus to its own UI, and later tests would lose keyboard focus). */
function keepFocusInPage(el: Element): void {
  const after = document.createElement('button');
  after.textContent = 'after';
  el.after(after);
}

/** An element in a 312px column, as on a 360px phone (article margins taken off), once it has been drawn at that width. */
async function onPhone(template: ReturnType<typeof html>): Promise<NnNetwork> {
  const holder = await fixture<HTMLDivElement>(html`<div style="width: 312px">${template}</div>`);
  const el = holder.querySelector('nn-network')!;
  await waitUntil(() => Number($(el, 'svg')?.getAttribute('width')) <= 280, 'drawn at phone width');
  await el.updateComplete;
  return el;
}

/** The boxes of a row of SVG texts, left to right. */
const textBoxes = (el: NnNetwork, selector: string) => $$(el, selector).map((t) => (t as SVGTextElement).getBBox());

describe('<nn-network>', () => {
  it('is accessible', async () => {
    const el = await fixture<NnNetwork>(html`<nn-network layers="3,4,4,2"></nn-network>`);
    await expect(el).to.be.accessible();
  });

  it('is accessible with softmax outputs, labels and a collapsed layer', async () => {
    const el = await fixture<NnNetwork>(
      html`<nn-network layers="20,3" output-activation="softmax" labels="a,b" output-labels="cat,dog,bird"></nn-network>`,
    );
    await expect(el).to.be.accessible();
  });

  it('draws the layers as captioned columns and outputs what the core predicts for seed 1 and the default inputs', async () => {
    const el = await fixture<NnNetwork>(html`<nn-network layers="3,4,4,2"></nn-network>`);
    expect(captions(el)).to.deep.equal(['Input', 'Hidden 1', 'Hidden 2', 'Output']);
    expect(nodeKeys(el)).to.have.length(13);
    expect($$(el, 'line.link')).to.have.length(3 * 4 + 4 * 4 + 4 * 2);
    // Documented default inputs: evenly spaced from 1 down to −1.
    const inputs = [1, 0, -1];
    expect(el.inputs).to.equal(undefined);
    expect($$(el, '.panels input[type="number"][id^="input-"]').map((i) => Number((i as HTMLInputElement).value))).to.deep.equal(inputs);
    const core = new Network({ layers: [3, 4, 4, 2], activation: 'tanh', outputActivation: 'sigmoid', seed: 1 });
    expectClose(el.outputs, core.predict(inputs));
    expect(el.network!.activation.name).to.equal('tanh');
    expect(el.toJSON()).to.deep.equal(core.toJSON());
  });

  it('defaults to a 3,4,2 network with one input at 0.5 when a single input is asked for', async () => {
    const el = await fixture<NnNetwork>(html`<nn-network></nn-network>`);
    expect(el.network!.layers).to.deep.equal([3, 4, 2]);
    const one = await fixture<NnNetwork>(html`<nn-network layers="1,2,1"></nn-network>`);
    const core = new Network({ layers: [1, 2, 1], seed: 1 });
    expectClose(one.outputs, core.predict([0.5]));
  });

  it('reads activation, output-activation, seed and inputs like the core', async () => {
    const el = await fixture<NnNetwork>(
      html`<nn-network layers="2,5,3,1" activation="relu" output-activation="linear" seed="42" inputs="0.3, −1.5"></nn-network>`,
    );
    const core = new Network({ layers: [2, 5, 3, 1], activation: 'relu', outputActivation: 'linear', seed: 42 });
    expectClose(el.outputs, core.predict([0.3, -1.5]));
    expect(captions(el)).to.deep.equal(['Input', 'Hidden 1', 'Hidden 2', 'Output']);
    expect($$(el, '.caption-sub').map((t) => t.textContent)).to.deep.equal(['2 values', '5 × relu', '3 × relu', '1 × linear']);
    // A non-softmax output shows its value with its label.
    const row = $(el, '.bar-row')!;
    expect(row.querySelector('.bar-label')!.textContent).to.equal('y₁');
    expect(row.querySelector('.bar-value')!.textContent!.replace('−', '-')).to.equal(core.predict([0.3, -1.5])[0].toFixed(3));
  });

  it('shows softmax outputs as class probabilities that sum to 1, with percentages', async () => {
    const el = await fixture<NnNetwork>(
      html`<nn-network layers="3,4,3" output-activation="softmax" seed="3" inputs="0.2,0.9,-0.4" output-labels="cat,dog,bird"></nn-network>`,
    );
    const core = new Network({ layers: [3, 4, 3], outputActivation: 'softmax', seed: 3 });
    const expected = core.predict([0.2, 0.9, -0.4]);
    const sum = Array.from(el.outputs).reduce((a, b) => a + b, 0);
    expect(sum).to.be.closeTo(1, 1e-12);
    expect($(el, '#outputs-title')!.textContent).to.equal('Class probabilities');
    const rows = $$(el, '.bar-row');
    expect(rows.map((r) => r.querySelector('.bar-label')!.textContent)).to.deep.equal(['cat', 'dog', 'bird']);
    expect(rows.map((r) => r.querySelector('.bar-value')!.textContent)).to.deep.equal(
      Array.from(expected, (p) => `${(p * 100).toFixed(1)}%`),
    );
    const best = expected.indexOf(Math.max(...expected));
    expect(rows[best].classList.contains('guess')).to.equal(true);
    // Bars are as long as the probabilities.
    rows.forEach((r, i) => expect(parseFloat((r.querySelector('.bar') as HTMLElement).style.width)).to.be.closeTo(expected[i] * 100, 1e-3));
  });

  it('fires nn-forward with the inputs and outputs of each pass', async () => {
    const el = await fixture<NnNetwork>(html`<nn-network layers="2,2,1"></nn-network>`);
    const forward = oneEvent(el, 'nn-forward');
    el.inputs = [0.25, -0.75];
    const { detail } = (await forward) as CustomEvent<ForwardDetail>;
    expect(detail.inputs).to.deep.equal([0.25, -0.75]);
    expectClose(detail.outputs, new Network({ layers: [2, 2, 1], seed: 1 }).predict([0.25, -0.75]));
  });

  it('is one tab stop: Tab reaches the selected neuron, the next Tab leaves the diagram', async () => {
    const holder = await fixture<HTMLDivElement>(html`<div><button>before</button><nn-network layers="2,3,1"></nn-network></div>`);
    const el = holder.querySelector('nn-network')!;
    await el.updateComplete;
    holder.querySelector('button')!.focus();
    await sendKeys({ press: 'Tab' });
    const first = root(el).activeElement as SVGElement;
    expect(first.classList.contains('node')).to.equal(true);
    expect(`${first.dataset.layer}:${first.dataset.index}`).to.equal('1:0');
    await sendKeys({ press: 'Tab' });
    expect(root(el).activeElement!.localName).to.equal('button');
    expect(root(el).activeElement!.textContent).to.contain('Run forward');
  });

  it('moves between neurons with arrow keys and edits the selected weight by keyboard, firing one change', async () => {
    const el = await fixture<NnNetwork>(html`<nn-network layers="2,3,1" inputs="0.5,-1"></nn-network>`);
    keepFocusInPage(el);
    const before = el.toJSON()!;
    const changes = recordChanges(el);
    const stops = $$(el, '.node[tabindex="0"]');
    expect(stops, 'the diagram is one tab stop').to.have.length(1);
    (stops[0] as SVGElement).focus();
    await sendKeys({ press: 'ArrowDown' }); // h₂
    await el.updateComplete;
    await sendKeys({ press: 'ArrowLeft' }); // x₁
    await el.updateComplete;
    await sendKeys({ press: 'ArrowDown' }); // x₂
    await el.updateComplete;
    await sendKeys({ press: 'ArrowRight' }); // h₂, coming from x₂
    await el.updateComplete;
    const focused = root(el).activeElement as SVGElement;
    expect(`${focused.dataset.layer}:${focused.dataset.index}`).to.equal('1:1');
    expect($(el, '.editor-title')!.textContent).to.contain('h₂');
    expect(($(el, '#weight-from') as HTMLSelectElement).value).to.equal('1');
    await sendKeys({ press: 'Enter' });
    expect(root(el).activeElement?.id).to.equal('weight-number');
    await selectAll();
    await sendKeys({ type: '1.5' });
    await sendKeys({ press: 'Tab' });
    await el.updateComplete;
    expect(changes).to.have.length(1);
    expect(changes[0].detail).to.deep.equal({ kind: 'weight', layer: 0, from: 1, to: 1, value: 1.5 });
    expect(changes[0].bubbles && changes[0].composed).to.equal(true);
    const expected = structuredClone(before);
    expected.weights[0][1][1] = 1.5;
    expectClose(el.outputs, Network.fromJSON(expected).predict([0.5, -1]));
    expect(el.toJSON()!.weights[0][1][1]).to.equal(1.5);
  });

  it('edits a weight with the slider by keyboard: one change per key press, with the new outputs', async () => {
    const el = await fixture<NnNetwork>(html`<nn-network layers="2,2,1" inputs="1,1"></nn-network>`);
    keepFocusInPage(el);
    const changes = recordChanges(el);
    const updates: Event[] = [];
    el.addEventListener('nn-network-update', (e) => updates.push(e));
    const outputBefore = el.outputs[0];
    const slider = $(el, '#weight-range') as HTMLInputElement;
    slider.focus();
    await sendKeys({ press: 'ArrowRight' });
    await el.updateComplete;
    expect(changes).to.have.length(1);
    const value = Number(slider.value);
    expect(changes[0].detail).to.include({ kind: 'weight', layer: 0, from: 0, to: 0, value });
    expect(el.network!.weights[0]).to.equal(value);
    expect(el.outputs[0]).to.not.equal(outputBefore);
    expect(updates.length).to.be.greaterThan(0);
  });

  it('keeps an empty label slot in place: that input gets its default name', async () => {
    const el = await fixture<NnNetwork>(html`<nn-network layers="3,2,2" labels="Sunny,,Free time" output-labels=",dog"></nn-network>`);
    const label = (id: string) => $(el, `label[for="${id}"]`)!.textContent!.trim();
    expect([0, 1, 2].map((i) => label(`input-${i}-number`))).to.deep.equal(['Sunny', 'x₂', 'Free time']);
    expect(el.outputLabels).to.deep.equal(['', 'dog']);
  });

  it('edits an input with its labelled number field and fires one change with a detail', async () => {
    const el = await fixture<NnNetwork>(html`<nn-network layers="2,3,1" labels="Sunny,Cold"></nn-network>`);
    keepFocusInPage(el);
    const changes = recordChanges(el);
    const field = $(el, '#input-1-number') as HTMLInputElement;
    expect($(el, 'label[for="input-1-number"]')!.textContent).to.equal('Cold');
    field.focus();
    await selectAll();
    await sendKeys({ type: '0.25' });
    await sendKeys({ press: 'Enter' });
    await sendKeys({ press: 'Tab' });
    await el.updateComplete;
    expect(changes).to.have.length(1);
    expect(changes[0].detail).to.deep.equal({ kind: 'input', index: 1, value: 0.25, inputs: [1, 0.25] });
    expect(el.inputs).to.deep.equal([1, 0.25]);
    expectClose(el.outputs, new Network({ layers: [2, 3, 1], seed: 1 }).predict([1, 0.25]));
    expect($(el, '[role="status"]')!.textContent).to.contain('Output: y₁');
    // Emptying a field and leaving it changes nothing and shows the value again.
    field.focus();
    await selectAll();
    await sendKeys({ press: 'Backspace' });
    expect(field.value, 'the reader’s empty field is left alone while they type').to.equal('');
    // Leaving the field: the browser's change (sent here, as Firefox sends no focus events
    // while its test window is in the background).
    field.dispatchEvent(new Event('change'));
    await waitUntil(() => field.value === '0.25', 'the field shows its value again');
    expect(changes).to.have.length(1);
    expect(el.inputs).to.deep.equal([1, 0.25]);
  });

  it('edits a bias in the selected neuron panel', async () => {
    const el = await fixture<NnNetwork>(html`<nn-network layers="2,2,1"></nn-network>`);
    const changes = recordChanges(el);
    ($(el, '#bias-range') as HTMLInputElement).focus();
    await sendKeys({ press: 'ArrowLeft' });
    await el.updateComplete;
    expect(changes).to.have.length(1);
    expect(changes[0].detail).to.deep.include({ kind: 'bias', layer: 1, neuron: 0 });
    expect(el.network!.biases[0]).to.equal(changes[0].detail.value);
    expect(el.network!.biases[0]).to.be.below(0);
    const json = new Network({ layers: [2, 2, 1], seed: 1 }).toJSON();
    json.biases[0][0] = changes[0].detail.value;
    expectClose(el.outputs, Network.fromJSON(json).predict([1, -1]));
    expect($$(el, 'circle.bias'), 'the bias ring appears').to.have.length(1);
  });

  it('lists "ring = bias" in the legend only while a bias ring is drawn', async () => {
    const el = await fixture<NnNetwork>(html`<nn-network layers="2,2,1"></nn-network>`);
    const legend = () => $(el, '.legend')!.textContent!;
    expect($$(el, 'circle.bias'), 'fresh biases are 0: no rings').to.have.length(0);
    expect(legend()).to.not.include('ring = bias');
    ($(el, '#bias-range') as HTMLInputElement).focus();
    await sendKeys({ press: 'ArrowLeft' });
    await el.updateComplete;
    expect($$(el, 'circle.bias')).to.have.length(1);
    expect(legend()).to.include('ring = bias');
  });

  it('selects a link by click and shows hover details of neurons and links', async () => {
    const el = await fixture<NnNetwork>(html`<nn-network layers="2,2,1" labels="a,b"></nn-network>`);
    const hit = $(el, 'line.hit[data-k="1"][data-from="1"][data-to="0"]') as unknown as SVGLineElement;
    hit.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
    await el.updateComplete;
    expect($(el, '.editor-title')!.textContent).to.contain('y₁');
    expect(($(el, '#weight-from') as HTMLSelectElement).value).to.equal('1');
    expect(Number(($(el, '#weight-number') as HTMLInputElement).value)).to.be.closeTo(el.network!.weights[el.network!.weightIndex(1, 0, 1)], 1e-4);
    hit.dispatchEvent(new PointerEvent('pointerover', { bubbles: true, composed: true }));
    await el.updateComplete;
    const w = el.network!.weights[el.network!.weightIndex(1, 0, 1)];
    const linkTip = $(el, '.tooltip')!.textContent!.replace('−', '-');
    expect(linkTip).to.include(w.toFixed(3));
    expect(linkTip).to.include('h₂ → y₁');
    const node = $(el, '.node[data-layer="1"][data-index="0"]')!;
    node.dispatchEvent(new PointerEvent('pointerover', { bubbles: true, composed: true }));
    await el.updateComplete;
    const tip = $(el, '.tooltip')!.textContent!;
    expect(tip).to.include('h₁');
    expect(tip).to.include('z');
  });

  it('shows a neuron\'s z, activation and bias, from the core, on hover and on keyboard focus', async () => {
    const el = await fixture<NnNetwork>(html`<nn-network></nn-network>`);
    const net = new Network({ layers: [2, 2, 1], seed: 4 });
    net.biases.set([0.25, -0.5, 0.75]);
    el.network = net;
    await el.updateComplete;
    const trace = net.trace([1, -1]);
    const shown = (value: number) => value.toFixed(3).replace('-', '−');
    const tip = () => $(el, '.tooltip')?.innerText.replace(/\s+/g, ' ').trim() ?? '';
    $(el, '.node[data-layer="2"][data-index="0"]')!.dispatchEvent(new PointerEvent('pointerover', { bubbles: true, composed: true }));
    await el.updateComplete;
    expect(tip()).to.equal(`y₁ Output z ${shown(trace[2].z[0])} · a ${shown(trace[2].a[0])} · b ${shown(0.75)}`);
    $(el, 'figure')!.dispatchEvent(new PointerEvent('pointerleave'));
    await el.updateComplete;
    expect(tip(), 'gone when the pointer leaves').to.equal('');
    ($(el, '.node[tabindex="0"]') as SVGElement).focus();
    await sendKeys({ press: 'ArrowDown' }); // h₂
    await el.updateComplete;
    expect(tip()).to.equal(`h₂ Hidden 1 z ${shown(trace[1].z[1])} · a ${shown(trace[1].a[1])} · b ${shown(-0.5)}`);
  });

  it('loads a model from a child script and follows edits of it', async () => {
    const first = new Network({ layers: [2, 3, 2], activation: 'relu', outputActivation: 'softmax', seed: 5 });
    const el = await withScript(JSON.stringify(first.toJSON()), { inputs: '0.4,-0.2' });
    expect(el.network!.layers).to.deep.equal([2, 3, 2]);
    expectClose(el.outputs, first.predict([0.4, -0.2]));
    const second = new Network({ layers: [2, 3, 2], activation: 'tanh', outputActivation: 'softmax', seed: 6 });
    const forward = oneEvent(el, 'nn-forward');
    el.querySelector('script')!.textContent = JSON.stringify(second.toJSON());
    await forward;
    expectClose(el.outputs, second.predict([0.4, -0.2]));
  });

  it('shows a message for a malformed child script, keeps the drawing, and recovers', async () => {
    const good = new Network({ layers: [2, 2, 1], seed: 2 });
    const el = await withScript(JSON.stringify(good.toJSON()));
    const drawn = nodeKeys(el);
    const outputs = el.outputs;
    el.querySelector('script')!.textContent = '{ "format": "nn-kit.model", ';
    await waitUntil(() => alertText(el) !== '', 'a message appears');
    expect(alertText(el)).to.contain('not valid JSON');
    expect(nodeKeys(el)).to.deep.equal(drawn);
    expectClose(el.outputs, outputs);
    el.querySelector('script')!.textContent = JSON.stringify({ ...good.toJSON(), weights: [] });
    await waitUntil(() => alertText(el).includes('"weights"'), 'a model that does not fit is reported');
    const forward = oneEvent(el, 'nn-forward');
    el.querySelector('script')!.textContent = JSON.stringify(new Network({ layers: [3, 1], seed: 3 }).toJSON());
    await forward;
    await el.updateComplete;
    expect(alertText(el)).to.equal('');
    expect(el.network!.layers).to.deep.equal([3, 1]);
  });

  it('loads a model from src, relative to the test file', async () => {
    const el = await fixture<NnNetwork>(html`<nn-network src=${modelUrl}></nn-network>`);
    if (!el.outputs.length) await oneEvent(el, 'nn-forward');
    await el.updateComplete;
    const json = await fetchJSON(modelUrl);
    expect(el.toJSON()).to.deep.equal(json);
    expectClose(el.outputs, Network.fromJSON(json).predict([1, -1]));
    expect(nodeKeys(el)).to.have.length(json.layers.reduce((a, b) => a + b, 0));
  });

  it('handles a src that fails (404, bad JSON) with a message and no unhandled rejection, keeping the last drawing', async () => {
    const rejections: PromiseRejectionEvent[] = [];
    const onRejection = (event: PromiseRejectionEvent) => rejections.push(event);
    window.addEventListener('unhandledrejection', onRejection);
    try {
      const el = await fixture<NnNetwork>(html`<nn-network src=${smallModelUrl}></nn-network>`);
      if (!el.outputs.length) await oneEvent(el, 'nn-forward');
      await el.updateComplete;
      const drawn = nodeKeys(el);
      const outputs = el.outputs;
      el.src = missingUrl;
      await waitUntil(() => alertText(el) !== '', 'a message for the 404');
      expect(alertText(el)).to.contain('Could not load the model').and.to.contain('404');
      expect(nodeKeys(el)).to.deep.equal(drawn);
      expectClose(el.outputs, outputs);
      el.src = brokenUrl;
      await waitUntil(() => alertText(el).includes('not valid JSON'), 'a message for bad JSON');
      expect(nodeKeys(el)).to.deep.equal(drawn);
      el.src = 'http://[bad-url';
      await waitUntil(() => alertText(el).includes('bad-url'), 'a message for a URL fetch rejects');
      const replaced = oneEvent(el, 'nn-network-update');
      el.src = modelUrl;
      await replaced;
      await el.updateComplete;
      expect(alertText(el)).to.equal('');
      expect(el.network!.layers).to.deep.equal((await fetchJSON(modelUrl)).layers);
      expect(rejections).to.have.length(0);
    } finally {
      window.removeEventListener('unhandledrejection', onRejection);
    }
  });

  it('lets only the latest src win when it changes quickly', async () => {
    const el = await fixture<NnNetwork>(html`<nn-network></nn-network>`);
    el.src = modelUrl;
    await el.updateComplete;
    const replaced = oneEvent(el, 'nn-network-update');
    el.src = smallModelUrl;
    await replaced;
    await fetchJSON(modelUrl); // let any stale response have arrived
    await el.updateComplete;
    expect(el.toJSON()).to.deep.equal(await fetchJSON(smallModelUrl));
  });

  it('reports a model that does not match layers, and recovers when they agree', async () => {
    const el = await fixture<NnNetwork>(html`<nn-network layers="3,3,3" src=${modelUrl}></nn-network>`);
    await waitUntil(() => alertText(el) !== '', 'a mismatch message');
    expect(alertText(el)).to.contain('do not match layers="3,3,3"');
    expect(nodeKeys(el)).to.have.length(0);
    const replaced = oneEvent(el, 'nn-network-update');
    el.layers = [2, 3, 3];
    await replaced;
    await el.updateComplete;
    expect(alertText(el)).to.equal('');
    expect(el.toJSON()).to.deep.equal(await fetchJSON(modelUrl));
  });

  it('draws a 784-128-10 network collapsed, with a bounded number of nodes and links, quickly', async () => {
    const holder = await fixture<HTMLDivElement>(html`<div></div>`);
    const start = performance.now();
    const el = document.createElement('nn-network');
    el.setAttribute('layers', '784,128,10');
    el.setAttribute('output-activation', 'softmax');
    holder.append(el);
    await el.updateComplete;
    const elapsed = performance.now() - start;
    expect(nodeKeys(el)).to.have.length(11 + 11 + 10);
    expect($$(el, 'line.link')).to.have.length(11 * 11 + 11 * 10);
    expect($$(el, 'svg line').length).to.be.below(1000);
    expect($$(el, '.gap').map((g) => g.textContent)).to.deep.equal(['… 773 more', '… 117 more']);
    expect(nodeKeys(el).slice(0, 12)).to.deep.equal([0, 1, 2, 3, 4, 5, 779, 780, 781, 782, 783].map((i) => `0:${i}`).concat('1:0'));
    expect(elapsed, `rendered in ${elapsed.toFixed(0)} ms`).to.be.below(400);
    const core = new Network({ layers: [784, 128, 10], outputActivation: 'softmax', seed: 1 });
    const inputs = Array.from({ length: 784 }, (_, i) => Math.round((1 - (2 * i) / 783) * 100) / 100);
    expectClose(el.outputs, core.predict(inputs));
    // A long input layer is edited through one picked input, not 784 fields.
    expect($$(el, '.panels input[type="number"]').length).to.be.below(10);
    expect($$(el, 'option').length, 'no 784-option selects').to.equal(0);
    expect($(el, '#input-pick')).to.exist;
  });

  it('collapses the columns of a deep, wide network further, so it draws a thousand links at most, every layer still named and reachable', async () => {
    const layers = [7, ...Array<number>(30).fill(64), 1];
    const el = await fixture<NnNetwork>(html`<nn-network layers=${layers.join(',')}></nn-network>`);
    // Six rows a column (seven would draw 1,092 links): three neurons, "… 59 more", two; 5 × 5 links between columns, 5 × 1 to the output.
    expect($$(el, 'line.link')).to.have.length(30 * 25 + 5);
    // Each collapsed column has its mark: the count left out, or where even "+59" would crowd its neighbours, "⋮" under a caption that gives the layer's size.
    const marks = $$(el, '.gap').map((g) => g.textContent!);
    expect(marks).to.have.length(31);
    marks.forEach((mark, i) => expect(mark === '⋮' || mark.replace(/\D/g, '') === (i === 0 ? '2' : '59'), mark).to.equal(true));
    expect($$(el, '.caption-sub').slice(1, -1).every((sub) => sub.textContent!.startsWith('64'))).to.equal(true);
    expect(nodeKeys(el).filter((key) => key.startsWith('1:'))).to.deep.equal(['1:0', '1:1', '1:2', '1:62', '1:63']);
    // The table for screen readers holds the same neurons as the drawing, and a row for each column's gap saying how many it leaves out.
    const rows = $$(el, '.visually-hidden tbody tr');
    expect(rows).to.have.length(nodeKeys(el).length + marks.length);
    const firstHidden = rows.filter((row) => row.querySelector('td')!.textContent === 'Hidden 1').map((row) => row.children[1].textContent!);
    expect(firstHidden).to.have.length(6);
    expect(firstHidden[3]).to.match(/^59 more neurons/);
    // Captions too many to fit side by side are thinned, never drawn over each other; the first and last stay.
    const captions = ($$(el, 'text.caption') as SVGTextElement[]).map((text) => text.getBBox());
    expect(captions.length).to.be.within(2, layers.length);
    captions.slice(1).forEach((box, i) => expect(box.x, `caption ${i + 1}`).to.be.at.least(captions[i].x + captions[i].width));
    expect(($$(el, 'text.caption')[0] as SVGTextElement).textContent).to.match(/^In/);
    expect(($$(el, 'text.caption').at(-1) as SVGTextElement).textContent).to.match(/^Out/);
    // The keyboard walks down a collapsed column from its first neurons to its last.
    const stop = $$(el, '.node[tabindex="0"]')[0] as SVGElement;
    expect(`${stop.dataset.layer}:${stop.dataset.index}`, 'the tab stop: the first hidden neuron').to.equal('1:0');
    stop.focus();
    for (const key of ['ArrowDown', 'ArrowDown', 'ArrowDown']) {
      await sendKeys({ press: key });
      await el.updateComplete;
    }
    const focused = root(el).activeElement as SVGElement;
    expect(`${focused.dataset.layer}:${focused.dataset.index}`).to.equal('1:62');
    // A network that fits the budget keeps six neurons, the gap and five.
    const wide = await fixture<NnNetwork>(html`<nn-network layers="7,64,64,64,64,64,64,1"></nn-network>`);
    expect(nodeKeys(wide).filter((key) => key.startsWith('1:'))).to.have.length(11);
    await expect(el).to.be.accessible();
  });

  it('keeps a hit area on every link as the layers and the width change', async () => {
    const holder = await fixture<HTMLDivElement>(html`<div style="width: 600px"><nn-network layers="2,3,1"></nn-network></div>`);
    const el = holder.querySelector('nn-network')!;
    const hitsMatchLinks = () => {
      const links = $$(el, 'line.link').map((l) => ['x1', 'y1', 'x2', 'y2'].map((a) => l.getAttribute(a)).join());
      const hits = $$(el, 'line.hit').map((l) => ['x1', 'y1', 'x2', 'y2'].map((a) => l.getAttribute(a)).join());
      expect(hits).to.deep.equal(links);
    };
    hitsMatchLinks();
    el.setAttribute('layers', '3,4,2');
    await el.updateComplete;
    expect($$(el, 'line.hit')).to.have.length(3 * 4 + 4 * 2);
    hitsMatchLinks();
    const wideX2 = $$(el, 'line.link')[0].getAttribute('x2');
    holder.style.width = '360px';
    await waitUntil(() => $$(el, 'line.link')[0].getAttribute('x2') !== wideX2, 'the diagram is laid out again at 360 px');
    await el.updateComplete;
    hitsMatchLinks();
  });

  it('shows a message for bad attributes, keeps the last drawing, and recovers', async () => {
    const el = await fixture<NnNetwork>(html`<nn-network layers="2,3,1"></nn-network>`);
    const drawn = nodeKeys(el);
    const outputs = el.outputs;
    const cases: [string, string, string][] = [
      ['layers', '2,x,1', 'item 2 ("x") is not a whole number of at least 1. Use numbers separated by commas, e.g. "3,4,2"'],
      ['layers', '2,0,1', 'at least 1'],
      ['layers', '5000,2', '4096'],
      ['layers', '2', 'at least two'],
      ['inputs', '1,2,3', 'inputs must list 2 numbers'],
      ['inputs', '1,abc', '("abc")'],
      ['activation', 'wiggly', 'activation: Unknown activation "wiggly"'],
      ['activation', 'softmax', 'output layer only'],
      ['output-activation', 'nope', 'output-activation'],
      ['seed', 'soon', 'seed must be a number; got "soon"'],
    ];
    for (const [name, value, message] of cases) {
      el.setAttribute(name, value);
      await el.updateComplete;
      expect(alertText(el), `${name}="${value}"`).to.contain(message);
      expect(nodeKeys(el), `${name}="${value}" keeps the drawing`).to.deep.equal(drawn);
      expectClose(el.outputs, outputs);
      el.removeAttribute(name);
      if (name === 'layers') el.setAttribute('layers', '2,3,1');
      await el.updateComplete;
      expect(alertText(el), `recovers from ${name}="${value}"`).to.equal('');
    }
    el.setAttribute('layers', '2,2');
    await el.updateComplete;
    expect(nodeKeys(el)).to.have.length(4);
  });

  it('follows the live network of a for= source that arrives later, redrawing on nn-network-update', async () => {
    const holder = await fixture<HTMLDivElement>(html`<div><nn-network for="live-source" inputs="0.5,0.5"></nn-network></div>`);
    const el = holder.querySelector('nn-network')!;
    await el.updateComplete;
    expect(nodeKeys(el)).to.have.length(0);
    expect($(el, '.waiting')!.textContent).to.contain('live-source');
    const source = document.createElement('fake-network-source') as FakeSource;
    source.network = new Network({ layers: [2, 4, 1], activation: 'relu', seed: 11 });
    source.id = 'live-source';
    let forward = oneEvent(el, 'nn-forward');
    holder.append(source);
    await forward;
    expect(el.network).to.equal(source.network);
    expectClose(el.outputs, source.network.predict([0.5, 0.5]));
    // The source trains: weights change in place, then it announces it.
    const relayed = oneEvent(el, 'nn-network-update');
    source.network.weights.fill(0.3);
    forward = oneEvent(el, 'nn-forward');
    for (let i = 0; i < 5; i++) source.dispatchEvent(new CustomEvent('nn-network-update', { detail: { network: source.network } }));
    await forward;
    await relayed;
    const expected = new Network({ layers: [2, 4, 1], activation: 'relu', seed: 11 });
    expected.weights.fill(0.3);
    expectClose(el.outputs, expected.predict([0.5, 0.5]));
    // A new network object (a reset) is picked up too.
    source.network = new Network({ layers: [2, 2, 2], seed: 4 });
    forward = oneEvent(el, 'nn-forward');
    source.dispatchEvent(new CustomEvent('nn-network-update', { detail: { network: source.network } }));
    await forward;
    expect(nodeKeys(el)).to.have.length(6);
  });

  it('redraws for a training source without fading, so no redraw animates frames after it; a run forward fades its neurons in', async () => {
    const holder = await fixture<HTMLDivElement>(html`<div><nn-network for="fading-source" inputs="0.5,0.5"></nn-network></div>`);
    const el = holder.querySelector('nn-network')!;
    const source = document.createElement('fake-network-source') as FakeSource;
    source.network = new Network({ layers: [2, 4, 1], seed: 3 });
    source.id = 'fading-source';
    let forward = oneEvent(el, 'nn-forward');
    holder.append(source);
    await forward;
    await el.updateComplete;
    const fills = () => $$(el, 'circle.body').map((body) => body.getAttribute('fill-opacity')).join();
    const before = fills();
    getComputedStyle($(el, 'circle.body')!).fillOpacity; // drawn once, as a reader sees it between redraws
    // The source trains: every neuron's activation changes, and with it its fill.
    source.network.weights.fill(0.9);
    source.network.biases.fill(0.5);
    forward = oneEvent(el, 'nn-forward');
    source.dispatchEvent(new CustomEvent('nn-network-update', { detail: { network: source.network } }));
    await forward;
    await el.updateComplete;
    expect(fills(), 'the redraw changed the fills').not.to.equal(before);
    getComputedStyle($(el, 'circle.body')!).fillOpacity; // the style change is applied
    expect(root(el).getAnimations(), 'animations started by a redraw').to.have.length(0);
    ($(el, 'button.run') as HTMLButtonElement).click();
    await el.updateComplete;
    getComputedStyle($(el, 'circle.body')!).fillOpacity;
    expect(root(el).getAnimations().length, 'a run forward fades the layers it has not reached').to.be.greaterThan(0);
  });

  it('shows a network set by script through the network property', async () => {
    const el = await fixture<NnNetwork>(html`<nn-network layers="2,2,1"></nn-network>`);
    const net = new Network({ layers: [4, 3, 2], activation: 'elu', outputActivation: 'softmax', seed: 8 });
    const update = oneEvent(el, 'nn-network-update');
    el.network = net;
    expect(el.network).to.equal(net);
    const { detail } = await update;
    expect(detail.network).to.equal(net);
    expect(nodeKeys(el)).to.have.length(9);
    expect(el.toJSON()).to.deep.equal(net.toJSON());
    expectClose(el.outputs, net.predict([1, 1 / 3, -1 / 3, -1].map((v) => Math.round(v * 100) / 100)));
  });

  it('renders labels as text, never as HTML', async () => {
    const el = await fixture<NnNetwork>(
      html`<nn-network layers="1,1" labels="<img src=x onerror=window.__nnPwned=1>" output-labels="<b>bold</b>"></nn-network>`,
    );
    expect(root(el).querySelector('img')).to.equal(null);
    expect(root(el).querySelector('b')).to.equal(null);
    expect($(el, 'label[for="input-0-number"]')!.textContent).to.equal('<img src=x onerror=window.__nnPwned=1>');
    expect($(el, '.bar-label')!.textContent).to.equal('<b>bold</b>');
    expect((window as unknown as { __nnPwned?: number }).__nnPwned).to.equal(undefined);
  });

  it('runs forward layer by layer, and at once when the reader prefers reduced motion', async () => {
    const el = await fixture<NnNetwork>(html`<nn-network layers="2,3,3,2"></nn-network>`);
    const run = $(el, 'button.run') as HTMLButtonElement;
    let forward = oneEvent(el, 'nn-forward');
    run.click();
    await el.updateComplete;
    expect($$(el, '.node.pending').length, 'later layers wait their turn').to.equal(3 + 3 + 2);
    expect($$(el, 'line.link.pending').length).to.be.greaterThan(0);
    await forward;
    await el.updateComplete;
    expect($$(el, '.node.pending')).to.have.length(0);
    expect($(el, '[role="status"]')!.textContent).to.contain('Outputs:');

    await withReducedMotion(async () => {
      forward = oneEvent(el, 'nn-forward');
      run.click();
      await el.updateComplete;
      expect($$(el, '.node.pending')).to.have.length(0);
      await forward;
    });
  });

  it('keeps neighbouring column captions apart on a phone, with shorter captions for deep networks', async () => {
    const apart = (el: NnNetwork) => {
      const width = Number($(el, 'svg')!.getAttribute('width'));
      for (const selector of ['.caption', '.caption-sub']) {
        const boxes = textBoxes(el, selector);
        boxes.forEach((box, i) => {
          expect(box.x, `${selector} ${i} starts inside`).to.be.at.least(0);
          expect(box.x + box.width, `${selector} ${i} ends inside`).to.be.at.most(width);
          if (i > 0) expect(box.x - (boxes[i - 1].x + boxes[i - 1].width), `${selector} ${i - 1} and ${i} do not touch`).to.be.at.least(3);
        });
      }
    };
    const el = await onPhone(html`<nn-network layers="3,4,4,2"></nn-network>`);
    apart(el);
    expect(captions(el), 'full captions while they fit').to.deep.equal(['Input', 'Hidden 1', 'Hidden 2', 'Output']);
    const deep = await onPhone(html`<nn-network layers="2,8,8,8,8,1"></nn-network>`);
    apart(deep);
    expect(captions(deep)).to.deep.equal(['In', 'H1', 'H2', 'H3', 'H4', 'Out']);
    // A wide drawing keeps the full captions.
    const wide = await fixture<NnNetwork>(html`<nn-network layers="2,8,8,8,8,1" style="width: 900px"></nn-network>`);
    await waitUntil(() => Number($(wide, 'svg')!.getAttribute('width')) > 800, 'drawn wide');
    await wide.updateComplete;
    expect(captions(wide)).to.deep.equal(['Input', 'Hidden 1', 'Hidden 2', 'Hidden 3', 'Hidden 4', 'Output']);
  });

  it('keeps the "… N more" marks of neighbouring collapsed columns apart on a phone', async () => {
    const el = await onPhone(html`<nn-network layers="784,128,64,10"></nn-network>`);
    const boxes = textBoxes(el, '.gap');
    expect(boxes).to.have.length(3);
    boxes.forEach((box, i) => {
      if (i > 0) expect(box.x - (boxes[i - 1].x + boxes[i - 1].width), `marks ${i} and ${i + 1}`).to.be.at.least(3);
    });
    expect($$(el, '.gap').map((g) => g.textContent)).to.deep.equal(['+773', '+117', '+53']);
    // With room, the full words.
    const roomy = await onPhone(html`<nn-network layers="784,128,10"></nn-network>`);
    expect($$(roomy, '.gap').map((g) => g.textContent)).to.deep.equal(['… 773 more', '… 117 more']);
  });

  it('draws a network too deep for a phone wider, to scroll sideways: neurons never overlap; the keyboard scrolls the neuron it reaches into view, its tooltip beside it', async () => {
    const layers = [2, ...new Array<number>(30).fill(64), 1].join(', ');
    const holder = await fixture<HTMLDivElement>(html`<div style="width: 312px"><nn-network layers=${layers}></nn-network></div>`);
    const el = holder.querySelector('nn-network')!;
    await waitUntil(() => $(el, '.drawing.scrolls'), 'drawn to scroll');
    await el.updateComplete;
    const drawing = $(el, '.drawing')!;
    expect(el.getBoundingClientRect().width, 'the element stays in its column').to.be.at.most(312);
    expect(drawing.scrollWidth).to.be.greaterThan(2 * drawing.clientWidth);
    // The first neuron of each column, left to right, bias ring included: clear of the next, strokes (up to 3.5 px) too.
    const firsts = $$(el, '.node[data-index="0"]').map((node) => {
      const boxes = [...node.querySelectorAll('circle.base, circle.bias')].map((circle) => circle.getBoundingClientRect());
      return { left: Math.min(...boxes.map((box) => box.left)), right: Math.max(...boxes.map((box) => box.right)) };
    });
    expect(firsts).to.have.length(32);
    firsts.forEach((box, i) => {
      if (i > 0) expect(box.left - firsts[i - 1].right, `columns ${i} and ${i + 1} apart`).to.be.above(3.5);
    });
    await expect(el).to.be.accessible();
    $<HTMLElement>(el, '.node[data-layer="0"][data-index="0"]')!.focus();
    for (let layer = 1; layer < 32; layer++) await sendKeys({ press: 'ArrowRight' });
    await el.updateComplete;
    const output = $(el, '.node[data-layer="31"]')!;
    expect(root(el).activeElement, 'the output neuron has the focus').to.equal(output);
    const seen = drawing.getBoundingClientRect();
    const spot = output.getBoundingClientRect();
    expect(drawing.scrollLeft, 'scrolled').to.be.greaterThan(0);
    expect(spot.left >= seen.left && spot.right <= seen.right, 'the output neuron in view').to.equal(true);
    await new Promise(requestAnimationFrame);
    const tip = $(el, '.tooltip')!.getBoundingClientRect();
    const frame = $(el, 'figure')!.getBoundingClientRect();
    expect(tip.left, 'its tooltip not past the left edge').to.be.at.least(frame.left - 0.5);
    expect(tip.right, 'nor the right').to.be.at.most(frame.right + 0.5);
    // Scrolled back part of the way, the neuron the pointer is over has its tooltip beside it.
    drawing.scrollLeft = 300;
    await new Promise(requestAnimationFrame);
    // The leftmost column in view: where a tooltip placed without the scroll would miss it most.
    const shown = drawing.getBoundingClientRect();
    const leftmost = $$(el, '.node[data-index="0"]').find((node) => node.querySelector('circle.base')!.getBoundingClientRect().left >= shown.left + 4)!;
    leftmost.dispatchEvent(new PointerEvent('pointerover', { bubbles: true, composed: true }));
    await el.updateComplete;
    const near = leftmost.querySelector('circle.base')!.getBoundingClientRect();
    const hoverTip = $(el, '.tooltip')!.getBoundingClientRect();
    // Beside it (right or left), or above or below it, across its centre.
    const centre = (near.left + near.right) / 2;
    const beside = Math.abs(hoverTip.left - near.right) < 12 || Math.abs(hoverTip.right - near.left) < 12;
    const over = hoverTip.left <= centre && centre <= hoverTip.right && (hoverTip.bottom <= near.top || hoverTip.top >= near.bottom);
    expect(beside || over, 'the hovered neuron\'s tooltip beside, above or below it').to.equal(true);
  });

  it('keeps the tooltip inside the diagram on a phone, off the neuron it describes', async () => {
    const el = await onPhone(html`<nn-network layers="3,4,4,2"></nn-network>`);
    const node = $(el, '.node[data-layer="1"][data-index="1"]')!;
    node.dispatchEvent(new PointerEvent('pointerover', { bubbles: true, composed: true }));
    await el.updateComplete;
    const tip = $(el, '.tooltip')!.getBoundingClientRect();
    const frame = $(el, 'figure')!.getBoundingClientRect();
    expect(tip.left, 'not past the left edge').to.be.at.least(frame.left - 0.5);
    expect(tip.right, 'not past the right edge').to.be.at.most(frame.right + 0.5);
    const circle = node.querySelector('circle.base')!.getBoundingClientRect();
    const covers = tip.left < circle.right && tip.right > circle.left && tip.top < circle.bottom && tip.bottom > circle.top;
    expect(covers, 'the hovered neuron stays visible').to.equal(false);
  });

  it('fits every value inside its neuron, also where neurons are small', async () => {
    const phone = await onPhone(html`<nn-network layers="3,4,4,2"></nn-network>`);
    const big = await fixture<NnNetwork>(html`<nn-network layers="784,128,10"></nn-network>`);
    for (const el of [phone, big]) {
      const r = Number($(el, 'circle.base')!.getAttribute('r'));
      const values = $$(el, 'text.value') as SVGTextElement[];
      expect(values.length).to.be.greaterThan(0);
      for (const value of values) expect(value.getComputedTextLength(), `"${value.textContent}" in r=${r}`).to.be.at.most(2 * r - 3);
    }
  });

  describe('writes the values inside neurons at 11px or more, abbreviating or leaving them out where neurons are small', () => {
    /** Each value's font size as drawn on screen (its font-size times the drawing's scale), and whether it fits its circle. */
    const drawnValues = (el: NnNetwork) => {
      const svg = $(el, 'svg')!;
      const scale = svg.getBoundingClientRect().width / Number(svg.getAttribute('width'));
      const r = Number($(el, 'circle.base')!.getAttribute('r'));
      return ($$(el, 'text.value') as SVGTextElement[]).map((text) => {
        const font = Number.parseFloat(getComputedStyle(text).fontSize);
        return { text: text.textContent!, size: font * scale, fits: text.getComputedTextLength() <= 2 * Math.sqrt(r ** 2 - (font / 2) ** 2) - 2 };
      });
    };
    const cases: [string, () => Promise<NnNetwork>, boolean][] = [
      ['by default', () => fixture<NnNetwork>(html`<nn-network></nn-network>`), true],
      ['for the article\'s classifier', () => fixture<NnNetwork>(html`<nn-network layers="3,4,4,3" activation="relu" output-activation="softmax" inputs="0.9, 0.1, 0"></nn-network>`), true],
      ['on a phone', () => onPhone(html`<nn-network></nn-network>`), true],
      ['on a phone, four layers', () => onPhone(html`<nn-network layers="3,4,4,2"></nn-network>`), false],
      ['on a phone, six layers', () => onPhone(html`<nn-network layers="2,8,8,8,8,1"></nn-network>`), false],
      ['for 784-128-10', () => fixture<NnNetwork>(html`<nn-network layers="784,128,10"></nn-network>`), false],
    ];
    for (const [name, make, every] of cases) {
      it(name, async () => {
        const el = await make();
        const values = drawnValues(el);
        if (every) expect(values.length, 'every neuron shows its value').to.equal($$(el, '.node').length);
        for (const value of values) {
          expect(value.size, `"${value.text}"`).to.be.at.least(11);
          expect(value.fits, `"${value.text}" fits its circle`).to.equal(true);
        }
      });
    }
  });

  it('stays clear of the page\'s headings: its panels are labelled groups, axe-clean under a lone <h1>', async () => {
    const page = await fixture<HTMLElement>(html`<main><h1>An article</h1><nn-network></nn-network></main>`);
    const el = page.querySelector('nn-network')!;
    expect($$(el, 'h1, h2, h3, h4, h5, h6, [role="heading"]')).to.have.length(0);
    for (const part of ['inputs', 'editor', 'outputs']) {
      const group = $(el, `[part="${part}"]`)!;
      const label = root(el).getElementById(group.getAttribute('aria-labelledby')!);
      expect(label?.textContent?.trim(), part).to.not.equal('');
    }
    await expect(page).to.be.accessible();
  });

  it('shows a message naming inputs when they overflow the network, and draws only finite numbers', async () => {
    const el = await fixture<NnNetwork>(html`<nn-network layers="3,4,4,3" activation="relu" output-activation="softmax" seed="4"></nn-network>`);
    const outputs = [...el.outputs];
    const { warnings, errors } = await captureConsole(async () => {
      el.setAttribute('inputs', '1.7e308, -1.7e308, 1.7e308');
      await el.updateComplete;
    });
    expect(errors).to.deep.equal([]);
    expect(warnings).to.have.length(1);
    expect(alertText(el)).to.match(/^inputs are too large for this network/);
    expect(alertText(el)).to.contain('e.g. inputs="1, 0, -1"');
    expect([...el.outputs], 'keeps the last good pass').to.deep.equal(outputs);
    expect(drawingProblems(root(el))).to.deep.equal([]);
    expect($(el, '[part="outputs"]')!.textContent).to.not.contain('—');
    await expect(el).to.be.accessible();
    el.setAttribute('inputs', '1e300, 0, 0');
    await el.updateComplete;
    // Large but finite values are drawn (softmax of huge sums is still a distribution).
    if (!alertText(el)) expect(el.outputs.reduce((a, b) => a + b, 0)).to.be.closeTo(1, 1e-9);
    expect(drawingProblems(root(el))).to.deep.equal([]);
    el.removeAttribute('inputs');
    await el.updateComplete;
    expect(alertText(el)).to.equal('');
  });

  it('shows its keyboard help only where there is a fine pointer that hovers, and always to screen readers', async () => {
    const el = await fixture<NnNetwork>(html`<nn-network></nn-network>`);
    const hint = $(el, '#diagram-hint')!;
    expect($(el, 'svg')!.getAttribute('aria-describedby')).to.equal('diagram-hint');
    const fine = matchMedia('(hover: hover) and (pointer: fine)').matches;
    expect(getComputedStyle(hint).display !== 'none').to.equal(fine);
    const rules = el.shadowRoot!.adoptedStyleSheets.flatMap((sheet) => [...sheet.cssRules]);
    const media = rules.filter((rule): rule is CSSMediaRule => rule instanceof CSSMediaRule && /hover:\s*hover/.test(rule.conditionText) && /pointer:\s*fine/.test(rule.conditionText));
    expect(media.some((rule) => /\.hint/.test(rule.cssText)), 'shown by a hover and fine-pointer rule').to.equal(true);
  });

  it('keeps every neuron\'s value readable (4.5:1) on its fill, in light and dark schemes', async () => {
    const rgb = (color: string) => color.match(/[\d.]+/g)!.slice(0, 3).map(Number);
    const luminance = (c: number[]) => {
      const [r, g, b] = c.map((v) => (v / 255 <= 0.04045 ? v / 255 / 12.92 : ((v / 255 + 0.055) / 1.055) ** 2.4));
      return 0.2126 * r + 0.7152 * g + 0.0722 * b;
    };
    for (const scheme of ['light', 'dark']) {
      const el = await fixture<NnNetwork>(html`<nn-network layers="2,1" style="color-scheme: ${scheme}"></nn-network>`);
      // Inputs 1 and −1: the strongest fills of both signs.
      for (const index of [0, 1]) {
        const node = $(el, `.node[data-layer="0"][data-index="${index}"]`)!;
        const body = node.querySelector('circle.body')!;
        const alpha = Number(body.getAttribute('fill-opacity'));
        const fill = rgb(getComputedStyle(body).fill);
        const base = rgb(getComputedStyle(node.querySelector('circle.base')!).fill);
        const behind = fill.map((c, i) => alpha * c + (1 - alpha) * base[i]);
        const text = rgb(getComputedStyle($(el, 'text.value')!).fill);
        const [high, low] = [luminance(text), luminance(behind)].sort((a, b) => b - a);
        expect((high + 0.05) / (low + 0.05), `${scheme}, input ${index + 1}`).to.be.at.least(4.5);
      }
    }
  });

  it('keeps a picker\'s range, e.g. "(1–784)", on one line', async () => {
    const el = await onPhone(html`<nn-network layers="784,128,10"></nn-network>`);
    const range = $(el, 'label[for="weight-from"] .muted')!;
    expect(range.textContent).to.equal('(1–784)');
    // The label is a flex container, so its items are boxes: one line is about 1.5em tall, two about 3em.
    const lineHeight = range.getBoundingClientRect().height / parseFloat(getComputedStyle(range).fontSize);
    expect(lineHeight, 'one line').to.be.below(2);
  });

  it('resizes with its container', async () => {
    const holder = await fixture<HTMLDivElement>(html`<div style="width: 700px"><nn-network layers="2,3,1"></nn-network></div>`);
    const el = holder.querySelector('nn-network')!;
    await el.updateComplete;
    const svg = () => $(el, 'svg')!;
    const wide = Number(svg().getAttribute('width'));
    holder.style.width = '360px';
    await waitUntil(() => Number(svg().getAttribute('width')) < wide, 'the drawing narrows');
    expect(Number(svg().getAttribute('width'))).to.be.at.most(360);
  });
});
