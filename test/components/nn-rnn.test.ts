import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../components/nn-rnn/nn-rnn.js';
import { RNN_SETTINGS } from '../../components/nn-rnn/nn-rnn.js';
import type { NnRnn } from '../../components/nn-rnn/nn-rnn.js';
import { SEQUENCE_DEFAULTS } from '../../src/index.js';
import { captureConsole, drawingProblems } from '../shared/finite.js';
import { captureWarnings, nextFrame, settleWidth } from './helpers.js';

const root = (el: Element) => el.shadowRoot!;
const alertText = (el: Element) => root(el).querySelector('[role="alert"]')?.textContent?.trim() ?? '';
const $ = <T extends Element = Element>(el: Element, selector: string) => root(el).querySelector<T>(selector);
const $$ = <T extends Element = Element>(el: Element, selector: string) => [...root(el).querySelectorAll<T>(selector)];
const settle = (el: NnRnn) => settleWidth(el, 'svg.unrolled-svg');
const toNumber = (text: string | null | undefined) => Number((text ?? '').trim().replace(/\u2212/g, '-'));

/** h_t recomputed here from `parameters` and one-hot inputs: tanh(W_x·x_t + W_h·h_{t−1} + b). */
function recompute(el: NnRnn, tokens: string[]): number[][] {
  const { Wx, Wh, b } = el.parameters;
  const vocabulary = tokens;
  let h = b.map(() => 0);
  return el.sequence.map((token) => {
    const column = vocabulary.indexOf(token);
    h = b.map((bias, j) => Math.tanh(Wx[j][column] + Wh[j].reduce((sum, w, k) => sum + w * h[k], 0) + bias));
    return h;
  });
}

describe('<nn-rnn>', () => {
  it('is accessible: parity, text with a sample, a GRU unrolled wider than the page, and diverged', async () => {
    const el = await fixture<NnRnn>(html`<nn-rnn></nn-rnn>`);
    await settle(el);
    await expect(el).to.be.accessible();
    const text = await fixture<NnRnn>(html`<nn-rnn text="hello world"></nn-rnn>`);
    await settle(text);
    $<HTMLButtonElement>(text, 'button.sample')!.click();
    await text.updateComplete;
    await expect(text).to.be.accessible();
    const long = await fixture<NnRnn>(html`<div style="width: 360px"><nn-rnn cell="gru" unroll="32"></nn-rnn></div>`);
    const gru = long.querySelector('nn-rnn')!;
    await settle(gru);
    await expect(gru).to.be.accessible();
    const wild = await fixture<NnRnn>(html`<nn-rnn learning-rate="10" optimizer="sgd" clip="0" task="count"></nn-rnn>`);
    // Below three tall cards: brought into view, so it draws in full rather than a placeholder.
    wild.scrollIntoView();
    await settle(wild);
    for (let i = 0; i < 400 && !wild.diverged; i++) wild.step();
    await wild.updateComplete;
    expect(wild.diverged).to.equal(true);
    expect($(wild, '.message.diverged')!.textContent).to.match(/^Training diverged at epoch \d+: the loss stayed above 4 times/);
    expect($<HTMLButtonElement>(wild, 'button.play')!.disabled).to.equal(true);
    await expect(wild).to.be.accessible();
  });

  it('the settings table’s defaults are the core’s', () => {
    const { hiddenSize, cell, unroll, learningRate, optimizer, clip, seed } = RNN_SETTINGS;
    expect([hiddenSize.default, cell.default, unroll.default, learningRate.default, optimizer.default, clip.default, seed.default]).to.deep.equal([
      SEQUENCE_DEFAULTS.hidden,
      SEQUENCE_DEFAULTS.cell,
      SEQUENCE_DEFAULTS.unroll,
      SEQUENCE_DEFAULTS.learningRate,
      SEQUENCE_DEFAULTS.optimizer,
      SEQUENCE_DEFAULTS.clip,
      SEQUENCE_DEFAULTS.seed,
    ]);
  });

  it('defaults: parity of 8 bits, a plain cell of 8 units, every part shown, and the numbers are the network’s', async () => {
    const el = await fixture<NnRnn>(html`<nn-rnn></nn-rnn>`);
    await settle(el);
    expect(alertText(el)).to.equal('');
    expect(el.sequence).to.have.length(8);
    expect(el.sequence.every((bit) => bit === '0' || bit === '1')).to.equal(true);
    expect(el.hiddenStates).to.have.length(8);
    expect(el.hiddenStates.every((row) => row.length === 8)).to.equal(true);
    expect(el.outputs.every((row) => row.length === 2 && Math.abs(row[0] + row[1] - 1) < 1e-12)).to.equal(true);
    // A script can recompute every h_t from the parameters: they are the ones the element used.
    const again = recompute(el, ['0', '1']);
    el.hiddenStates.forEach((row, t) => row.forEach((v, j) => expect(v).to.be.closeTo(again[t][j], 1e-12)));
    const { Wx, Wh, b, Wy, by } = el.parameters;
    expect([Wx.length, Wx[0].length, Wh.length, Wh[0].length, b.length, Wy.length, Wy[0].length, by.length]).to.deep.equal([8, 2, 8, 8, 8, 2, 8, 2]);
    expect(el.gradientNorms).to.have.length(8);
    expect(el.epoch).to.equal(0);
    expect(el.accuracy).to.be.within(0, 1);
    expect($$(el, '.toolbar button').map((b) => b.textContent!.trim())).to.deep.equal(['Train', 'Step', 'Reset', 'Write text'].slice(0, 3));
    // One column per step, each with its cell, a strip of 8 hidden values, W_x and W_y arrows; W_h between steps.
    expect($$(el, 'svg.unrolled-svg g.step')).to.have.length(8);
    expect($$(el, 'svg.unrolled-svg rect.state')).to.have.length(64);
    expect($$(el, 'svg.unrolled-svg line.wx')).to.have.length(8);
    expect($$(el, 'svg.unrolled-svg line.wh')).to.have.length(7);
    expect($$(el, 'svg.unrolled-svg line.wy')).to.have.length(8);
    // The shared weights look the same at every step.
    const colours = new Set($$(el, 'svg.unrolled-svg line.wh').map((line) => getComputedStyle(line).stroke));
    expect(colours.size).to.equal(1);
    expect($$(el, '.gradients rect.bar')).to.have.length(8);
    expect($$(el, '.visually-hidden table tbody tr')).to.have.length(8);
    expect(drawingProblems(root(el))).to.deep.equal([]);
  });

  it('writes step t out with its numbers: the vectors add up to the pre-activation whose tanh is h_t', async () => {
    const el = await fixture<NnRnn>(html`<nn-rnn hidden-size="3"></nn-rnn>`);
    await settle(el);
    const slider = $<HTMLInputElement>(el, '.time input')!;
    slider.value = '3';
    slider.dispatchEvent(new Event('input'));
    await el.updateComplete;
    expect($(el, '.formula .panel-title')!.textContent).to.contain('Step 3');
    const lines = $$(el, '.formula math');
    expect(lines[0].textContent!.replace(/\s/g, '')).to.equal('h3=tanh(Wx·x3+Wh·h2+b)');
    const vectors = [...lines[1].querySelectorAll('mtable')].map((table) => [...table.querySelectorAll('mn')].map((mn) => toNumber(mn.textContent)));
    expect(vectors).to.have.length(4);
    const [fromInput, fromState, bias, h] = vectors;
    // Recomputed here from the parameters and h_2: W_x·x_3, W_h·h_2 and b, then tanh of their sum.
    const { Wx, Wh, b } = el.parameters;
    const column = ['0', '1'].indexOf(el.sequence[2]);
    const h2 = el.hiddenStates[1];
    for (let j = 0; j < 3; j++) {
      expect(fromInput[j]).to.be.closeTo(Wx[j][column], 0.006);
      expect(fromState[j]).to.be.closeTo(Wh[j].reduce((s, w, k) => s + w * h2[k], 0), 0.006);
      expect(bias[j]).to.be.closeTo(b[j], 0.006);
      expect(h[j]).to.be.closeTo(el.hiddenStates[2][j], 0.006);
    }
    expect($(el, 'svg.unrolled-svg g.step.picked text.time')!.textContent).to.equal('3');
  });

  it('trains with Train and Pause, fires nn-epoch and nn-stopped, and reaches 95 % on parity', async () => {
    const el = await fixture<NnRnn>(html`<nn-rnn></nn-rnn>`);
    await settle(el);
    const play = $<HTMLButtonElement>(el, 'button.play')!;
    const epoch = oneEvent(el, 'nn-epoch');
    play.click();
    expect(el.playing).to.equal(true);
    const { detail } = await epoch;
    expect(detail.epoch).to.equal(1);
    expect(detail.accuracy).to.equal(el.accuracy);
    const deadline = performance.now() + 15_000;
    while (el.accuracy < 0.95 && performance.now() < deadline) await nextFrame();
    expect(el.accuracy).to.be.at.least(0.95);
    await el.updateComplete;
    expect($(el, 'button.play')!.textContent!.trim()).to.equal('Pause');
    const stopped = oneEvent(el, 'nn-stopped');
    $<HTMLButtonElement>(el, 'button.play')!.click();
    expect((await stopped).detail.reason).to.equal('paused');
    await el.updateComplete;
    expect($(el, '.score')!.textContent).to.contain(`Epoch ${el.epoch}`);
    expect($(el, '.score')!.textContent).to.contain('%');
    const reached = el.epoch;
    $<HTMLButtonElement>(el, 'button.reset')!.click();
    await el.updateComplete;
    expect(el.epoch).to.equal(0);
    expect(reached).to.be.above(0);
  });

  it('is keyboard operable: Step by Enter, time by arrow keys, the cell by its menu, with change events', async () => {
    const el = await fixture<NnRnn>(html`<nn-rnn></nn-rnn>`);
    await settle(el);
    const before = el.parameters.Wh[0][0];
    $<HTMLButtonElement>(el, 'button.step')!.focus();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(el.parameters.Wh[0][0]).not.to.equal(before);
    $<HTMLInputElement>(el, '.time input')!.focus();
    await sendKeys({ press: 'ArrowRight' });
    await sendKeys({ press: 'ArrowRight' });
    await el.updateComplete;
    expect($(el, '.time output')!.textContent).to.equal('3');
    expect($(el, '.formula .panel-title')!.textContent).to.contain('Step 3');
    const select = $<HTMLSelectElement>(el, '.cell select')!;
    const change = oneEvent(el, 'change');
    select.value = 'gru';
    select.dispatchEvent(new Event('change'));
    expect((await change).detail).to.deep.equal({ name: 'cell', value: 'gru' });
    await el.updateComplete;
    expect(el.cell).to.equal('gru');
    expect(el.parameters.Wx).to.have.length(24);
    expect($(el, '.formula math')!.textContent).to.contain('σ');
  });

  it('charts ‖∂L/∂h_t‖ per step as drawn bars, says how much it shrinks, and redraws for a GRU', async () => {
    const el = await fixture<NnRnn>(html`<nn-rnn unroll="24"></nn-rnn>`);
    await settle(el);
    const norms = el.gradientNorms;
    expect(norms).to.have.length(24);
    // Taller bars for larger norms, step by step (a log scale keeps the order).
    const heights = $$<SVGRectElement>(el, '.gradients rect.bar').map((bar) => Number(bar.getAttribute('height')));
    for (let t = 1; t < 24; t++) expect(Math.sign(heights[t] - heights[t - 1]), `step ${t + 1}`).to.equal(Math.sign(norms[t] - norms[t - 1]));
    const ratio = norms[23] / norms[0];
    expect(ratio).to.be.above(2);
    expect($(el, '.gradients svg')!.getAttribute('aria-label')).to.match(/shrinks .* times/);
    el.cell = 'gru';
    await el.updateComplete;
    expect(el.gradientNorms).not.to.deep.equal(norms);
    expect($$(el, '.gradients rect.bar')).to.have.length(24);
  });

  it('learns a text and writes text at a temperature, shown as text (HTML stays text)', async () => {
    const el = await fixture<NnRnn>(html`<nn-rnn text="<b>hi</b> <b>hi</b> " unroll="10"></nn-rnn>`);
    await settle(el);
    expect(el.sequence.join('')).to.equal('<b>hi</b> ');
    expect($(el, 'b')).to.equal(null);
    for (let i = 0; i < 800; i++) el.step();
    await el.updateComplete;
    expect(el.accuracy).to.be.above(0.8);
    const sampled = oneEvent(el, 'nn-sample');
    $<HTMLButtonElement>(el, 'button.sample')!.click();
    const { detail } = await sampled;
    expect(detail.temperature).to.equal(0.7);
    expect([...detail.text].length).to.equal(120);
    await el.updateComplete;
    expect($(el, '.sample-text')!.textContent).to.equal(detail.text);
    expect($(el, '.sample-text b')).to.equal(null);
    expect(el.sample(5)).to.have.length(5);
  });

  it('unusual text: astral characters, combining marks and right-to-left text are whole characters', async () => {
    const el = await fixture<NnRnn>(html`<nn-rnn text="שלום 👍🏽 e\u0301 𝒳 שלום" unroll="6"></nn-rnn>`);
    await settle(el);
    expect(alertText(el)).to.equal('');
    expect(el.sequence).to.deep.equal(['ש', 'ל', 'ו', 'ם', ' ', '👍🏽']);
    expect($$(el, 'svg.unrolled-svg text.input').map((t) => t.textContent)).to.deep.equal(['ש', 'ל', 'ו', 'ם', '␣', '👍🏽']);
    expect(drawingProblems(root(el))).to.deep.equal([]);
  });

  it('bad input: an inline message, the last good network kept, never a throw', async () => {
    const el = await fixture<NnRnn>(html`<nn-rnn text="abcabc"></nn-rnn>`);
    await settle(el);
    const kept = el.sequence;
    const cases: [string, string, RegExp][] = [
      ['text', '', /empty/],
      ['text', 'x', /one character/],
      ['text', 'ab'.repeat(10_001), /at most 20000/],
      ['hidden-size', '0', /hidden-size/],
      ['unroll', '100', /unroll/],
      ['cell', 'lstm', /cell/],
      ['task', 'sort', /task/],
      ['learning-rate', 'fast', /learning-rate/],
      ['temperature', '0', /temperature/],
    ];
    for (const [name, value, message] of cases) {
      const { errors } = await captureConsole(async () => {
        const warnings = await captureWarnings(async () => {
          el.setAttribute(name, value);
          await el.updateComplete;
        });
        expect(warnings, `${name}="${value.slice(0, 20)}"`).to.have.length(1);
      });
      expect(errors).to.deep.equal([]);
      expect(alertText(el), `${name}="${value.slice(0, 20)}"`).to.match(message);
      expect(el.sequence).to.deep.equal(kept);
      el.removeAttribute(name);
      if (name === 'text') el.setAttribute('text', 'abcabc');
      await el.updateComplete;
      expect(alertText(el)).to.equal('');
    }
    el.setAttribute('text', 'a'.repeat(5000) + 'b');
    await el.updateComplete;
    expect(alertText(el)).to.equal('');
    expect(el.sequence).to.have.length(8);
  });

  it('a text shorter than the unroll, and a two-character text, are learnt over their own length', async () => {
    const el = await fixture<NnRnn>(html`<nn-rnn text="ab"></nn-rnn>`);
    await settle(el);
    expect(alertText(el)).to.equal('');
    expect(el.sequence).to.deep.equal(['a']);
    expect($$(el, 'svg.unrolled-svg g.step')).to.have.length(1);
    expect($<HTMLInputElement>(el, '.time input')!.disabled).to.equal(true);
  });

  it('controls and show: "none" leaves the drawing alone; autoplay trains at once', async () => {
    const el = await fixture<NnRnn>(html`<nn-rnn controls="none" show="none" autoplay></nn-rnn>`);
    await settle(el);
    expect($$(el, 'button')).to.have.length(0);
    expect($(el, '.formula')).to.equal(null);
    expect($(el, '.gradients')).to.equal(null);
    expect($$(el, 'rect.state')).to.have.length(0);
    expect(el.playing).to.equal(true);
    el.pause();
  });
});
