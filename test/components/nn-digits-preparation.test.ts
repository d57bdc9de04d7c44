import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import '../../components/nn-digits/nn-digits.js';
import type { NnDigits } from '../../components/nn-digits/nn-digits.js';
import { DigitsPreparation, prepareDigits } from '../../components/nn-digits/preparation.js';
import { DigitsSession, MEASURED_ROWS, defaultSessionOptions } from '../../components/nn-digits/session.js';
import { loadDigits } from '../../components/shared/digits-data.js';

const root = (el: Element) => el.shadowRoot!;
const $ = <T extends Element = Element>(el: Element, selector: string) => root(el).querySelector<T>(selector);
const text = (el: Element, selector: string) => $(el, selector)?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

/** The element's default settings, as a session takes them. */
const defaults = defaultSessionOptions();

/** What a run left after `epochs`: its records and its weights. */
function outcome(session: DigitsSession) {
  return { history: session.history, weights: Array.from(session.network.weights), biases: Array.from(session.network.biases), copies: session.copies };
}

describe('<nn-digits> preparing its training set', () => {
  it('the same seed gives the same run however the copies were sliced: one go, one digit a slice, or slices of 3 ms', async () => {
    const set = await loadDigits();
    const epochs = 2;
    const oneGo = new DigitsSession({ ...defaults, digits: prepareDigits(set) });
    while (!oneGo.done(epochs)) oneGo.advance(1000, epochs);

    const sliced = new DigitsSession({ ...defaults, digits: new DigitsPreparation(set) });
    const untrained = Array.from(sliced.network.weights);
    expect(sliced.preparing).to.equal(true);
    let slices = 0;
    while (sliced.preparing) {
      sliced.advance(0, epochs);
      slices++;
    }
    // One digit's copies a slice (1,797 of them), then slices that build the trainer and measure its
    // training data before the first step, MEASURED_ROWS digits each; no step was taken meanwhile.
    expect(slices).to.equal(set.count + Math.ceil(sliced.train!.inputs.length / MEASURED_ROWS));
    expect(sliced.trainer.steps).to.equal(0);
    expect(Array.from(sliced.network.weights)).to.deep.equal(untrained);
    while (!sliced.done(epochs)) sliced.advance(1000, epochs);
    expect(outcome(sliced)).to.deep.equal(outcome(oneGo));
    expect(oneGo.last.epoch).to.equal(epochs);
    expect(oneGo.copies).to.be.greaterThan(set.count);

    // Settings given while preparing apply to the run, as they would have at once.
    const settingsGiven = { ...defaults, learningRate: 0.01, batchSize: 8, optimizer: 'momentum' };
    const atOnce = new DigitsSession({ ...settingsGiven, digits: prepareDigits(set) });
    const later = new DigitsSession({ ...defaults, digits: new DigitsPreparation(set) });
    later.trainer.learningRate = 0.01;
    later.trainer.batchSize = 8;
    later.trainer.setOptimizer('momentum');
    for (const session of [atOnce, later]) while (!session.done(1)) session.advance(3, 1);
    expect(outcome(later)).to.deep.equal(outcome(atOnce));
  });

  it('draws and reads the pad at once, before the training set is prepared; training starts once it is', async () => {
    const el = await fixture<NnDigits>(html`<nn-digits autoplay epochs="1"></nn-digits>`);
    el.scrollIntoView();
    await el.ready;
    // The element is drawn: the pad, the held-out samples, and a note that the training digits are being prepared.
    expect($(el, 'canvas')).to.not.equal(null);
    expect(text(el, '.confusion .note')).to.match(/^Preparing 1438 handwritten digits to learn from and their distorted copies \(\d+(\.\d+)? ?%\); 359 held out\.$/);
    expect(el.epoch).to.equal(0);
    // A held-out sample read by the untrained network: ten probabilities and a guess.
    $<HTMLButtonElement>(el, 'button[aria-label="Draw a held-out handwritten 3"]')!.click();
    await el.updateComplete;
    expect(text(el, '.confusion .note')).to.match(/^Preparing /);
    expect(el.prediction).to.be.a('number');
    expect(el.probabilities.reduce((a, b) => a + b, 0)).to.be.closeTo(1, 1e-9);
    expect(text(el, '.guess')).to.match(/^It reads a \d/);
    // Autoplay waits for the training set, then trains its epoch.
    const epoch = oneEvent(el, 'nn-epoch');
    expect((await epoch).detail.epoch).to.equal(1);
    await el.updateComplete;
    expect($(el, '.confusion table')).to.not.equal(null);
  });

  it('Reset builds a new run at once and makes it ready to train in idle time, without Train', async () => {
    const el = await fixture<NnDigits>(html`<nn-digits model="pretrained" show="confusion"></nn-digits>`);
    el.scrollIntoView();
    await el.ready;
    const status = () => text(el, '.status');
    await waitUntil(() => status().startsWith('Trained ahead'), 'prepared in idle time', { timeout: 20000 });
    const before = el.network;
    el.reset();
    await el.updateComplete;
    expect(el.network).to.not.equal(before);
    expect(status()).to.match(/^Preparing /);
    await waitUntil(() => status().startsWith('Trained ahead'), 'prepared again in idle time', { timeout: 20000 });
    expect(el.playing).to.equal(false);
    expect(el.epoch).to.equal(0);
  });
});
