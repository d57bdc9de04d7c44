import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys, sendMouse } from '@web/test-runner-commands';
import '../../components/nn-attention/nn-attention.js';
import type { NnAttention } from '../../components/nn-attention/nn-attention.js';
import { drawingProblems } from '../shared/finite.js';
import { captureWarnings, nextFrame } from './helpers.js';

const root = (el: Element) => el.shadowRoot!;
const alertText = (el: Element) => root(el).querySelector('[role="alert"]')?.textContent?.trim() ?? '';
const $ = <T extends Element = Element>(el: Element, selector: string) => root(el).querySelector<T>(selector);
const $$ = <T extends Element = Element>(el: Element, selector: string) => [...root(el).querySelectorAll<T>(selector)];
const DEFAULT_WORDS = 'the animal did not cross the street because it was too tired'.split(' ');

/** softmax(s / T) of a row, written here from the formula; `mask` marks entries forced to 0. */
function softmax(row: number[], temperature: number, mask: (j: number) => boolean = () => false): number[] {
  const kept = row.map((s, j) => (mask(j) ? -Infinity : s / temperature));
  const max = Math.max(...kept);
  const e = kept.map((s) => (s === -Infinity ? 0 : Math.exp(s - max)));
  const sum = e.reduce((a, b) => a + b, 0);
  return e.map((v) => v / sum);
}
const dot = (a: number[], b: number[]) => a.reduce((s, v, i) => s + v * b[i], 0);

/** The canvas pixel at the centre of cell (row i, column j) of an n × n heatmap. */
function cellPixel(el: Element, kind: 'scores' | 'weights', i: number, j: number, n: number): number[] {
  const canvas = $<HTMLCanvasElement>(el, `canvas.${kind}`)!;
  const x = Math.floor(((j + 0.5) / n) * canvas.width);
  const y = Math.floor(((i + 0.5) / n) * canvas.height);
  return [...canvas.getContext('2d')!.getImageData(x, y, 1, 1).data];
}
/** How far a pixel is from white: more weight, more colour (light scheme). */
const ink = ([r, g, b]: number[]) => 765 - r - g - b;

describe('<nn-attention>', () => {
  it('is accessible: explore, with a query picked, causal with two heads, and train mode', async () => {
    const el = await fixture<NnAttention>(html`<nn-attention></nn-attention>`);
    await expect(el).to.be.accessible();
    const picked = await fixture<NnAttention>(html`<nn-attention select="9" causal heads="2"></nn-attention>`);
    await expect(picked).to.be.accessible();
    const train = await fixture<NnAttention>(html`<nn-attention mode="train"></nn-attention>`);
    await expect(train).to.be.accessible();
  });

  it('by default attends over the default sentence: one button per word, rows of weights the softmax of QKᵀ/√dₖ', async () => {
    const el = await fixture<NnAttention>(html`<nn-attention></nn-attention>`);
    expect(alertText(el)).to.equal('');
    expect($(el, '.title')!.textContent).to.equal('Self-attention');
    expect($$(el, 'button.token').map((b) => b.textContent)).to.deep.equal(DEFAULT_WORDS);
    const n = DEFAULT_WORDS.length;
    const [q, k, v, s, w, out] = [el.queries, el.keys, el.values, el.scores, el.weights, el.output];
    for (const per of [q, k, v, s, w, out]) expect(per).to.have.length(1);
    expect(q[0]).to.have.length(n);
    expect(q[0][0]).to.have.length(8);
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < n; j++) expect(s[0][i][j]).to.be.closeTo(dot(q[0][i], k[0][j]) / Math.sqrt(8), 1e-12);
      const expected = softmax(s[0][i], 1);
      for (let j = 0; j < n; j++) expect(w[0][i][j]).to.be.closeTo(expected[j], 1e-12);
      for (let c = 0; c < 8; c++) expect(out[0][i][c]).to.be.closeTo(w[0][i].reduce((sum, wij, j) => sum + wij * v[0][j][c], 0), 1e-12);
    }
    // Nothing picked yet: the mix asks for a token.
    expect($(el, '.mix')!.textContent).to.include('Pick a query token');
    expect($$(el, 'canvas[role="img"]')).to.have.length(2);
    expect(drawingProblems(root(el))).to.deep.equal([]);
  });

  it('draws more weight in stronger colour, and lists every row in a table', async () => {
    const el = await fixture<NnAttention>(html`<nn-attention tokens="a b c d e"></nn-attention>`);
    await el.updateComplete;
    const w = el.weights[0];
    const n = 5;
    for (let i = 0; i < n; i++) {
      const order = w[i].map((_, j) => j).sort((a, b) => w[i][a] - w[i][b]);
      const [low, high] = [order[0], order[n - 1]];
      if (w[i][high] - w[i][low] > 0.05) expect(ink(cellPixel(el, 'weights', i, high, n))).to.be.above(ink(cellPixel(el, 'weights', i, low, n)));
    }
    const rows = $$(el, '[part="table"] tbody tr');
    expect(rows).to.have.length(n);
    rows.forEach((row, i) => {
      const most = w[i].indexOf(Math.max(...w[i]));
      expect(row.querySelector('td')!.textContent).to.equal(`${'abcde'[most]} (${most + 1})`);
    });
  });

  it('two heads split d-model; each head has its own numbers, and the head select switches the drawing', async () => {
    const el = await fixture<NnAttention>(html`<nn-attention tokens="one two three" heads="2" d-model="8"></nn-attention>`);
    expect(el.queries).to.have.length(2);
    expect(el.queries[1][0]).to.have.length(4);
    expect(el.weights[0]).to.not.deep.equal(el.weights[1]);
    const changed = oneEvent(el, 'change');
    const select = $<HTMLSelectElement>(el, '.head select')!;
    select.value = '1';
    select.dispatchEvent(new Event('change'));
    expect((await changed).detail).to.deep.equal({ name: 'head', value: 2 });
    await el.updateComplete;
    expect($(el, '.vectors caption')!.textContent).to.include('head 2');
  });

  it('the causal mask gives exactly zero weight to later tokens; temperature flattens or sharpens the rows', async () => {
    const el = await fixture<NnAttention>(html`<nn-attention tokens="a b c d" causal></nn-attention>`);
    const w = el.weights[0];
    for (let i = 0; i < 4; i++) {
      for (let j = i + 1; j < 4; j++) expect(w[i][j]).to.equal(0);
      const expected = softmax(el.scores[0][i], 1, (j) => j > i);
      for (let j = 0; j <= i; j++) expect(w[i][j]).to.be.closeTo(expected[j], 1e-12);
    }
    el.causal = false;
    el.temperature = 1e6;
    await el.updateComplete;
    for (const row of el.weights[0]) for (const x of row) expect(x).to.be.closeTo(0.25, 1e-5);
    el.temperature = 1;
    await el.updateComplete;
    const plain = el.weights[0];
    el.temperature = 0.01;
    await el.updateComplete;
    el.weights[0].forEach((row, i) => {
      const expected = softmax(el.scores[0][i], 0.01);
      row.forEach((x, j) => expect(x).to.be.closeTo(expected[j], 1e-12));
      expect(Math.max(...row), `row ${i} sharpens`).to.be.above(Math.max(...plain[i]));
      expect(row.every(Number.isFinite)).to.equal(true);
    });
    expect(drawingProblems(root(el))).to.deep.equal([]);
  });

  it('picks a query by click and by keyboard, shows its mix of values, and says so', async () => {
    const el = await fixture<NnAttention>(html`<nn-attention></nn-attention>`);
    const picked = oneEvent(el, 'change');
    $$<HTMLButtonElement>(el, 'button.token')[8].click();
    expect((await picked).detail).to.deep.equal({ name: 'select', value: 9 });
    await el.updateComplete;
    expect(el.select).to.equal(9);
    expect($(el, '.mix h3')!.textContent).to.include('“it” (token 9)');
    const row = el.weights[0][8];
    const most = row.indexOf(Math.max(...row));
    expect($(el, '.mix li .term')!.textContent).to.include(`“${DEFAULT_WORDS[most]}” (${most + 1})`);
    expect($(el, '.summary[aria-live="polite"]')!.textContent).to.include(`on “${DEFAULT_WORDS[most]}”`);
    expect($(el, 'button.token[aria-pressed="true"]')!.textContent).to.equal('it');
    $<HTMLButtonElement>(el, 'button.token[aria-pressed="true"]')!.focus();
    await sendKeys({ press: 'ArrowRight' });
    await el.updateComplete;
    expect(el.select).to.equal(10);
    expect(root(el).activeElement!.textContent).to.equal('was');
    await sendKeys({ press: 'Home' });
    await el.updateComplete;
    expect(el.select).to.equal(1);
    await sendKeys({ press: 'End' });
    await el.updateComplete;
    expect(el.select).to.equal(12);
    // A click on the heatmap's third row picks the third token.
    const canvas = $<HTMLCanvasElement>(el, 'canvas.weights')!;
    const box = canvas.getBoundingClientRect();
    await sendMouse({ type: 'click', position: [Math.round(box.left + box.width / 2), Math.round(box.top + (2.5 / 12) * box.height)] });
    await el.updateComplete;
    expect(el.select).to.equal(3);
  });

  it('reads the sentence the reader types, as text: HTML in a token is shown, never run', async () => {
    const el = await fixture<NnAttention>(html`<nn-attention></nn-attention>`);
    const input = $<HTMLInputElement>(el, '.text input')!;
    input.focus();
    input.select();
    const changed = oneEvent(el, 'change');
    await sendKeys({ type: '<img src=x onerror=alert(1)> hi hi' });
    expect((await changed).detail.name).to.equal('tokens');
    await el.updateComplete;
    expect($$(el, 'button.token').map((b) => b.textContent)).to.deep.equal(['<img', 'src=x', 'onerror=alert(1)>', 'hi', 'hi']);
    expect(root(el).querySelector('img')).to.equal(null);
    expect(alertText(el)).to.equal('');
    // Repeated tokens: the same word's key differs only through its position, and both rows are proper rows of weights.
    for (const row of el.weights[0]) expect(row.reduce((a, b) => a + b, 0)).to.be.closeTo(1, 1e-12);
  });

  it('handles empty text, one token and 200 tokens; refuses more than 256 with a message', async () => {
    const el = await fixture<NnAttention>(html`<nn-attention tokens="   "></nn-attention>`);
    expect(alertText(el)).to.equal('');
    expect($(el, '.empty')!.textContent).to.include('Type a sentence');
    expect(el.weights).to.deep.equal([]);
    expect(el.queries).to.deep.equal([]);
    el.tokens = 'alone';
    await el.updateComplete;
    expect(el.weights).to.deep.equal([[[1]]]);
    el.tokens = Array.from({ length: 200 }, (_, i) => `w${i % 37}`).join(' ');
    await el.updateComplete;
    expect(el.weights[0]).to.have.length(200);
    expect($$(el, '[part="table"] tbody tr')).to.have.length(200);
    expect($(el, '.vectors .note')!.textContent).to.include('12 of 200');
    expect(drawingProblems(root(el))).to.deep.equal([]);
    const warnings = await captureWarnings(async () => {
      el.tokens = Array.from({ length: 300 }, () => 'x').join(' ');
      await el.updateComplete;
    });
    expect(alertText(el)).to.include('300 tokens').and.include('256');
    expect(warnings).to.have.length(1);
    // The last good state stays.
    expect(el.weights[0]).to.have.length(200);
  });

  it('shows a message for bad attributes and keeps working', async () => {
    const el = await fixture<NnAttention>(html`<nn-attention d-model="6" heads="4"></nn-attention>`);
    expect(alertText(el)).to.include('multiple of heads');
    el.dModel = 8;
    await el.updateComplete;
    expect(alertText(el)).to.equal('');
    for (const [name, value, message] of [
      ['head', 3, 'head must be 1 to 2'],
      ['select', 99, 'select must be'],
      ['temperature', 0, 'temperature'],
      ['mode', 'dream', 'mode'],
      ['task', 'shuffle', 'task'],
    ] as const) {
      el.heads = 2;
      (el as unknown as Record<string, unknown>)[name] = value;
      await el.updateComplete;
      expect(alertText(el), name).to.include(message);
      el.removeAttribute(name);
      (el as unknown as Record<string, unknown>)[name] = undefined;
      await el.updateComplete;
      expect(alertText(el), `${name} removed`).to.equal('');
    }
  });

  it('takes weights from a child JSON script: "it" attends to "animal"; bad JSON shows a message', async () => {
    const one = (i: number) => Array.from({ length: 4 }, (_, c) => (c === i ? 1 : 0));
    const identity = [0, 1, 2, 3].map(one);
    const model = { positions: false, embeddings: { it: one(0), animal: one(1), the: one(2), street: one(3) }, wq: [[0, 8, 0, 0], one(1), one(2), one(3)], wk: identity, wv: identity, wo: identity };
    const el = await fixture<NnAttention>(html`<nn-attention d-model="4" tokens="the animal crossed the street because it" select="7"
      ><script type="application/json">${JSON.stringify(model)}</script></nn-attention
    >`);
    await el.updateComplete;
    expect(alertText(el)).to.equal('');
    const row = el.weights[0][6];
    expect(row.indexOf(Math.max(...row))).to.equal(1);
    expect(row[1]).to.be.above(0.9);
    expect($(el, '.mix li .term')!.textContent).to.include('“animal”');
    el.dModel = 8;
    await el.updateComplete;
    expect(alertText(el)).to.include('8');
    el.dModel = 4;
    el.querySelector('script')!.textContent = '{"wq": ';
    await nextFrame();
    await el.updateComplete;
    expect(alertText(el)).to.include('not valid JSON');
  });

  it('train mode: starts near uniform, learns reverse to ≥ 95 % held-out accuracy, and the weights show the reversal', async () => {
    const el = await fixture<NnAttention>(html`<nn-attention mode="train"></nn-attention>`);
    expect($(el, '.title')!.textContent).to.equal('Attention learns to reverse');
    expect(el.epoch).to.equal(0);
    expect(Number.isNaN(el.accuracy)).to.equal(true);
    expect($(el, '.status')!.textContent).to.include('near uniform');
    const n = 8;
    const separator = 4;
    for (let j = 0; j <= separator; j++) expect(el.weights[0][separator][j]).to.be.closeTo(1 / 5, 0.1);
    const epochs: number[] = [];
    el.addEventListener('nn-epoch', (event) => epochs.push((event as CustomEvent).detail.epoch));
    for (let i = 0; i < 1000 && !(el.accuracy >= 0.95); i++) el.step();
    await el.updateComplete;
    expect(el.accuracy).to.be.at.least(0.95);
    expect(epochs).to.deep.equal(Array.from({ length: el.epoch }, (_, i) => i + 1));
    expect($(el, '.status')!.textContent).to.include(`Epoch ${el.epoch}`).and.include('accuracy');
    // After the separator, position 4 + i reads letter L − 1 − i: the anti-diagonal.
    const letters = $$(el, 'button.token').map((b) => b.textContent);
    expect(letters[separator]).to.equal('→');
    for (let i = 0; i < 4; i++) {
      const row = el.weights[0][separator + i];
      expect(row.indexOf(Math.max(...row)), `row ${separator + i}`).to.equal(3 - i);
    }
    for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) expect(el.weights[0][i][j]).to.equal(0);
    el.reset();
    await el.updateComplete;
    expect(el.epoch).to.equal(0);
    expect($(el, '.status')!.textContent).to.include('near uniform');
  });

  it('train mode: Train plays in frames and fires nn-epoch; Pause stops with nn-stopped', async () => {
    const el = await fixture<NnAttention>(html`<nn-attention mode="train" task="sort"></nn-attention>`);
    expect($(el, '.title')!.textContent).to.equal('Attention learns to sort');
    const epoch = oneEvent(el, 'nn-epoch');
    $<HTMLButtonElement>(el, 'button.play')!.click();
    expect(el.playing).to.equal(true);
    const { detail } = await epoch;
    expect(detail.epoch).to.equal(1);
    expect(detail.loss).to.be.a('number').and.to.be.above(0);
    expect(detail.accuracy).to.be.within(0, 1);
    await el.updateComplete;
    expect($(el, 'button.play')!.textContent).to.equal('Pause');
    const stopped = oneEvent(el, 'nn-stopped');
    $<HTMLButtonElement>(el, 'button.play')!.click();
    expect((await stopped).detail.reason).to.equal('paused');
    expect(el.playing).to.equal(false);
  });
});
