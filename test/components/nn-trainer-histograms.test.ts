// <nn-trainer show="histograms">: per layer, histograms of weights, activations and gradients
// counted by the core's Inspector, a caption saying what to look for, and a table that says
// it in text (ranges, gradient sizes, dead neurons).
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../components/nn-trainer/nn-trainer.js';
import type { NnTrainer } from '../../components/nn-trainer/nn-trainer.js';
import { Inspector } from '../../src/index.js';
import { nextFrame } from './helpers.js';
import { shownIn } from './nn-trainer-loading.js';

const shadow = (el: NnTrainer) => el.shadowRoot!;
const rowCells = (el: NnTrainer, index: number) =>
  [...shadow(el).querySelectorAll(`.histograms tbody tr:nth-child(${index}) td`)].map((td) => td.textContent!.replace(/\s+/g, ' ').trim());

describe('<nn-trainer> histograms', function () {
  this.timeout(60_000);

  it('is accessible, and not shown unless asked for', async () => {
    const plain = await fixture<NnTrainer>(html`<nn-trainer samples="60"></nn-trainer>`);
    expect(shadow(plain).querySelector('.histograms')).to.equal(null);
    const el = await fixture<NnTrainer>(html`<nn-trainer samples="60" show="loss, histograms"></nn-trainer>`);
    await shownIn(el, '.histograms');
    expect(shadow(el).querySelector('.histograms')).to.exist;
    await expect(el).to.be.accessible();
  });

  it('has a column per layer and a row each for weights, activations and gradients, with the caption saying what to look for', async () => {
    const el = await fixture<NnTrainer>(html`<nn-trainer samples="60" hidden-layers="4, 3" show="histograms"></nn-trainer>`);
    await shownIn(el, '.histograms');
    const heads = [...shadow(el).querySelectorAll('.histograms thead th')].map((th) => th.textContent!.trim());
    expect(heads).to.deep.equal(['Hidden layer 1', 'Hidden layer 2', 'Output layer']);
    const rows = [...shadow(el).querySelectorAll('.histograms tbody th')].map((th) => th.textContent!.trim());
    expect(rows.slice(0, 3)).to.deep.equal(['Weights', 'Activations', 'Gradients']);
    expect(shadow(el).querySelectorAll('.histograms svg.histogram')).to.have.length(9);
    const caption = shadow(el).querySelector('.histograms figcaption')!.textContent!;
    expect(caption).to.match(/dead/).and.to.match(/vanishing/).and.to.match(/exploding/);
  });

  it('shows the core\'s figures: the weights\' range, the gradient size, the dead neurons', async () => {
    const el = await fixture<NnTrainer>(html`<nn-trainer samples="80" hidden-layers="4" activation="relu" show="histograms" seed="2"></nn-trainer>`);
    await shownIn(el, '.histograms');
    // Kill hidden neuron 1: no input of the data can overcome this bias.
    el.network!.biases[1] = -1000;
    el.stepEpoch();
    await el.updateComplete;
    const expected = new Inspector(el.network!, el.trainer!.data, el.trainer!.loss).inspect();
    expect(rowCells(el, 5)).to.deep.equal(['1 of 4', '—']);
    const weights = Array.from(el.network!.weights.subarray(0, 8));
    const [low, high] = rowCells(el, 1)[0].split(' to ');
    expect(Number(low.replace('−', '-'))).to.be.closeTo(Math.min(...weights), 0.006);
    expect(Number(high.replace('−', '-'))).to.be.closeTo(Math.max(...weights), 0.006);
    expect(expected[0].dead).to.equal(1);
    // The gradient sizes are the core's, and the first layer's bars are drawn.
    const rms = [...shadow(el).querySelectorAll('.histograms td.rms')].map((td) => td.textContent);
    expect(rms).to.have.length(2);
    expect(shadow(el).querySelector('svg.histogram.weights path')!.getAttribute('d')).to.match(/^M0\.0,32V/);
  });

  it('is looked at again after training moves on, a few times a second at most while playing', async () => {
    const el = await fixture<NnTrainer>(html`<nn-trainer samples="200" show="histograms" speed="0.5"></nn-trainer>`);
    await shownIn(el, '.histograms');
    const weightsRange = () => rowCells(el, 1)[0];
    const before = weightsRange();
    el.stepEpoch();
    await el.updateComplete;
    expect(weightsRange()).not.to.equal(before); // paused: at once
    let inspections = 0;
    const original = Inspector.prototype.inspect;
    Inspector.prototype.inspect = function (this: Inspector) {
      inspections++;
      return original.call(this);
    };
    try {
      el.play();
      const start = performance.now();
      let frames = 0;
      while (performance.now() - start < 1000) {
        await nextFrame();
        frames++;
      }
      el.pause();
      await el.updateComplete;
      expect(frames).to.be.above(10);
      expect(inspections).to.be.at.least(2).and.at.most(7); // ~4 a second, and once more on pausing
    } finally {
      Inspector.prototype.inspect = original;
    }
  });

  it('its table scrolls by keyboard on a narrow page', async () => {
    const el = await fixture<NnTrainer>(html`<nn-trainer style="width: 360px" samples="60" hidden-layers="8,8,8,8,8" show="histograms"></nn-trainer>`);
    await shownIn(el, '.histograms');
    const scroller = shadow(el).querySelector<HTMLElement>('.histogram-scroll')!;
    expect(scroller.scrollWidth).to.be.above(scroller.clientWidth);
    expect(el.getBoundingClientRect().width).to.equal(360);
    scroller.focus();
    await sendKeys({ press: 'ArrowRight' });
    await sendKeys({ press: 'ArrowRight' });
    // Firefox scrolls smoothly, over several frames.
    await waitUntil(() => scroller.scrollLeft > 0, 'the arrow keys scroll the table sideways', { timeout: 3000 });
  });
});
