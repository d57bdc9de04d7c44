// <nn-trainer>'s ghosts: after Reset (or a setting that starts a new run), the last three
// runs' training-loss curves stay faint in the loss chart, numbered, and listed in words
// with what set them apart from the current run.
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../components/nn-trainer/nn-trainer.js';
import type { NnTrainer } from '../../components/nn-trainer/nn-trainer.js';
import { formatLoss } from '../../components/nn-trainer/loss-chart.js';
import { shownIn } from './nn-trainer-loading.js';

const shadow = (el: NnTrainer) => el.shadowRoot!;
const ghostPaths = (el: NnTrainer) => [...shadow(el).querySelectorAll('path.loss.ghost')];
const items = (el: NnTrainer) => [...shadow(el).querySelectorAll('ol.ghosts li')].map((li) => li.textContent!.trim());

async function epochs(el: NnTrainer, count: number): Promise<void> {
  for (let i = 0; i < count; i++) el.stepEpoch();
  await el.updateComplete;
}

/** The x coordinates of a path's points, in order. */
const xs = (path: Element) => [...path.getAttribute('d')!.matchAll(/[ML](-?[\d.]+),/g)].map((m) => Number(m[1]));

describe('<nn-trainer> ghosts of earlier runs', function () {
  this.timeout(60_000);

  it('keeps none before a run was reset', async () => {
    const el = await fixture<NnTrainer>(html`<nn-trainer show="loss" samples="80"></nn-trainer>`);
    await epochs(el, 3);
    expect(ghostPaths(el)).to.have.length(0);
    expect(shadow(el).querySelector('ol.ghosts')).to.equal(null);
  });

  it('after a change of learning rate and Reset, the old curve stays faint, labelled with its learning rate', async () => {
    const el = await fixture<NnTrainer>(html`<nn-trainer show="loss" samples="80" learning-rate="0.03"></nn-trainer>`);
    await epochs(el, 8);
    const oldLoss = el.trainLoss;
    el.learningRate = 0.3;
    await el.updateComplete;
    expect(ghostPaths(el)).to.have.length(0); // a live setting: the same run goes on
    el.reset();
    await shownIn(el, 'ol.ghosts');
    expect(el.epoch).to.equal(0);
    const [ghost] = ghostPaths(el);
    expect(ghost).to.exist;
    // Its eight epochs and the start, across the whole chart (the new run has none yet).
    const points = xs(ghost);
    expect(points).to.have.length(9);
    expect(Number(getComputedStyle(ghost).opacity)).to.be.below(1);
    expect(items(el)).to.deep.equal([`1. Learning rate 0.03: training loss ${formatLoss(oldLoss)} at epoch 8`]);
    expect(shadow(el).querySelector('text.ghost-number')!.textContent).to.equal('1');
  });

  it('keeps the last three, newest first, and says when a run had the same settings', async () => {
    const el = await fixture<NnTrainer>(html`<nn-trainer show="loss" samples="80"></nn-trainer>`);
    for (const seed of [1, 2, 3, 4]) {
      el.seed = seed;
      await el.updateComplete;
      await epochs(el, 2);
    }
    el.reset();
    await shownIn(el, 'ol.ghosts');
    // Runs with seeds 4 (reset: the same settings), 3 and 2; the first run (seed 1) has gone.
    const listed = items(el);
    expect(listed).to.have.length(3);
    expect(listed[0]).to.match(/^1\. the same settings:/);
    expect(listed[1]).to.match(/^2\. seed 3:/);
    expect(listed[2]).to.match(/^3\. seed 2:/);
    expect(ghostPaths(el)).to.have.length(3);
  });

  it('a ghost longer than the new run sets the chart\'s epochs, so both are drawn to one scale', async () => {
    const el = await fixture<NnTrainer>(html`<nn-trainer show="loss" samples="80" learning-rate="0.1"></nn-trainer>`);
    await epochs(el, 10);
    el.setAttribute('activation', 'relu');
    await el.updateComplete;
    await epochs(el, 5);
    await shownIn(el, 'ol.ghosts');
    const ghost = ghostPaths(el)[0];
    const current = shadow(el).querySelector('path.loss.train')!;
    // The current run's fifth epoch sits halfway along the ghost's ten.
    const ghostXs = xs(ghost);
    const currentXs = xs(current);
    expect(currentXs.at(-1)).to.be.closeTo((ghostXs[0] + ghostXs.at(-1)!) / 2, 0.2);
    expect(items(el)[0]).to.match(/^1\. Activation tanh:/);
    expect(shadow(el).querySelector('.ghosts-caption')!.textContent).to.match(/earlier runs/);
  });

  it('is accessible with ghosts, and Reset by keyboard keeps one', async () => {
    const el = await fixture<NnTrainer>(html`<nn-trainer show="loss" samples="80" controls="play,step,reset"></nn-trainer>`);
    shadow(el).querySelector<HTMLButtonElement>('button.step-epoch')!.focus();
    await sendKeys({ press: 'Enter' });
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(el.epoch).to.equal(2);
    shadow(el).querySelector<HTMLButtonElement>('button.reset')!.focus();
    await sendKeys({ press: 'Enter' });
    await shownIn(el, 'ol.ghosts');
    expect(items(el)).to.have.length(1);
    await expect(el).to.be.accessible();
  });

  it('a diverged run becomes a ghost drawn without a NaN', async () => {
    const el = await fixture<NnTrainer>(html`<nn-trainer show="loss" data="spiral" samples="80" learning-rate="1000"></nn-trainer>`);
    while (!el.trainer!.diverged && el.epoch < 100) el.stepEpoch();
    expect(el.trainer!.diverged).to.equal(true);
    el.reset();
    await el.updateComplete;
    const svg = shadow(el).querySelector('svg.loss-chart')!.outerHTML;
    expect(svg).not.to.contain('NaN');
    expect(svg).not.to.contain('Infinity');
    expect(ghostPaths(el)).to.have.length(1);
  });
});
