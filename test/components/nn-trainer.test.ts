import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { Network, Random, Trainer, makeDataset, splitData } from '../../src/index.js';
import '../../components/nn-trainer/nn-trainer.js';
import type { EpochDetail, NnTrainer } from '../../components/nn-trainer/nn-trainer.js';
import { render } from 'lit';
import { type EpochRecord, formatLoss, renderLossChart, thinHistory } from '../../components/nn-trainer/loss-chart.js';

const nextFrame = () => new Promise((resolve) => requestAnimationFrame(resolve));
const button = (el: NnTrainer, name: string) => el.shadowRoot!.querySelector<HTMLButtonElement>(`button.${name}`);
const alertText = (el: NnTrainer) => el.shadowRoot!.querySelector('[role="alert"]')?.textContent?.trim() ?? '';

/** Mean of red, green and blue of one pixel of the decision-boundary canvas. */
function boundaryBrightness(el: NnTrainer, x = 1, y = 1): number {
  const canvas = el.shadowRoot!.querySelector<HTMLCanvasElement>('canvas.boundary')!;
  const [r, g, b] = canvas.getContext('2d')!.getImageData(x, y, 1, 1).data;
  return (r + g + b) / 3;
}

async function trainUntil(el: NnTrainer, done: () => boolean, maxEpochs: number): Promise<void> {
  while (!done() && el.epoch < maxEpochs) el.stepEpoch();
  await el.updateComplete;
}

describe('<nn-trainer>', () => {
  it('is accessible', async () => {
    const el = await fixture<NnTrainer>(html`<nn-trainer></nn-trainer>`);
    await expect(el).to.be.accessible();
  });

  it('starts with Playground defaults: circle, 50% training data, hidden 4,2, tanh, paused', async () => {
    const el = await fixture<NnTrainer>(html`<nn-trainer></nn-trainer>`);
    expect(el.network!.layers).to.deep.equal([2, 4, 2, 1]);
    expect(el.network!.activation.name).to.equal('tanh');
    expect(el.network!.outputActivation.name).to.equal('sigmoid');
    expect(el.trainer!.data.count).to.equal(250);
    expect(el.trainer!.learningRate).to.equal(0.03);
    expect(el.trainer!.batchSize).to.equal(10);
    expect(el.trainer!.loss.name).to.equal('binary-cross-entropy');
    expect(el.playing).to.equal(false);
    expect(el.epoch).to.equal(0);
    expect(button(el, 'play')!.textContent).to.contain('Play');
    expect(el.shadowRoot!.querySelector('canvas.boundary')).to.exist;
    expect(el.shadowRoot!.querySelector('svg.loss-chart')).to.exist;
  });

  it('trains exactly as the core does for the same seed', async () => {
    const el = await fixture<NnTrainer>(html`<nn-trainer seed="5" hidden-layers="3" learning-rate="0.1"></nn-trainer>`);
    const data = makeDataset('circle', { samples: 500, noise: 0, seed: 5 });
    const { train } = splitData(data, 0.5, new Random(6));
    const net = new Network({ layers: [2, 3, 1], activation: 'tanh', outputActivation: 'sigmoid', seed: 5 });
    const trainer = new Trainer(net, train, { learningRate: 0.1, batchSize: 10, seed: 5 });
    for (let i = 0; i < 3; i++) {
      trainer.epoch();
      el.stepEpoch();
    }
    expect(Array.from(el.network!.weights)).to.deep.equal(Array.from(net.weights));
    expect(el.trainLoss).to.equal(trainer.evaluate().loss);
  });

  it('gives identical losses in two trainers with the same seed, and different ones with another seed', async () => {
    const root = await fixture(html`<div>
      <nn-trainer seed="3" data="xor"></nn-trainer><nn-trainer seed="3" data="xor"></nn-trainer><nn-trainer seed="4" data="xor"></nn-trainer>
    </div>`);
    const [a, b, c] = [...root.querySelectorAll('nn-trainer')];
    const losses = (el: NnTrainer) => {
      const seen: number[] = [];
      for (let i = 0; i < 5; i++) {
        el.stepEpoch();
        seen.push(el.trainLoss, el.testLoss);
      }
      return seen;
    };
    const [la, lb, lc] = [losses(a), losses(b), losses(c)];
    expect(la).to.deep.equal(lb);
    expect(la).not.to.deep.equal(lc);
  });

  it('reset starts the same run again', async () => {
    const el = await fixture<NnTrainer>(html`<nn-trainer seed="9"></nn-trainer>`);
    const first: number[] = [];
    for (let i = 0; i < 4; i++) {
      el.stepEpoch();
      first.push(el.trainLoss);
    }
    el.reset();
    await el.updateComplete;
    expect(el.epoch).to.equal(0);
    const again: number[] = [];
    for (let i = 0; i < 4; i++) {
      el.stepEpoch();
      again.push(el.trainLoss);
    }
    expect(again).to.deep.equal(first);
  });

  it('learns the circle: at least 95% test accuracy within 300 epochs (hidden 4,2, tanh, lr 0.03)', async () => {
    const el = await fixture<NnTrainer>(html`<nn-trainer data="circle"></nn-trainer>`);
    await trainUntil(el, () => (el.accuracy ?? 0) >= 0.95, 300);
    expect(el.accuracy).to.be.at.least(0.95);
    expect(el.shadowRoot!.querySelector('.accuracy')!.textContent).to.equal(`${(el.accuracy! * 100).toFixed(1)}%`);
  });

  it('fires nn-epoch with the numbers it shows', async () => {
    const el = await fixture<NnTrainer>(html`<nn-trainer></nn-trainer>`);
    setTimeout(() => el.stepEpoch());
    const { detail } = (await oneEvent(el, 'nn-epoch')) as CustomEvent<EpochDetail>;
    expect(detail.epoch).to.equal(1);
    expect(detail.trainLoss).to.equal(el.trainLoss);
    expect(detail.testLoss).to.equal(el.testLoss);
    expect(detail.accuracy).to.equal(el.accuracy);
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('.epoch')!.textContent).to.equal('1');
  });

  it('plays in animation frames and stops after `epochs`', async () => {
    const el = await fixture<NnTrainer>(html`<nn-trainer epochs="3" speed="1"></nn-trainer>`);
    el.play();
    const { detail } = (await oneEvent(el, 'nn-stopped')) as CustomEvent<{ epoch: number; reason: string }>;
    expect(detail).to.deep.equal({ epoch: 3, reason: 'epochs' });
    expect(el.playing).to.equal(false);
  });

  it('a large network evaluates each epoch over several frames while playing, with the numbers of one go', async () => {
    const hidden = Array(20).fill(64).join(', ');
    const root = await fixture(html`<div>
      <nn-trainer data="spiral" hidden-layers=${hidden} epochs="2" speed="1" show="loss"></nn-trainer>
      <nn-trainer data="spiral" hidden-layers=${hidden} epochs="2" show="loss"></nn-trainer>
    </div>`);
    const [played, stepped] = [...root.querySelectorAll('nn-trainer')];
    const records: EpochDetail[] = [];
    played.addEventListener('nn-epoch', (event) => records.push((event as CustomEvent<EpochDetail>).detail));
    let framesBehind = 0;
    const stopped = oneEvent(played, 'nn-stopped');
    played.play();
    const watch = () => {
      // An epoch whose evaluation is under way is not counted, nor shown, yet.
      if (played.epoch < played.trainer!.epochs) framesBehind++;
      if (played.playing) requestAnimationFrame(watch);
    };
    requestAnimationFrame(watch);
    await stopped;
    expect(framesBehind, 'frames with an epoch being evaluated').to.be.above(0);
    const expected: EpochDetail[] = [];
    stepped.addEventListener('nn-epoch', (event) => expected.push((event as CustomEvent<EpochDetail>).detail));
    stepped.stepEpoch();
    stepped.stepEpoch();
    expect(records).to.deep.equal(expected);
    expect(played.epoch).to.equal(2);
  });

  it('Reset while an epoch is being evaluated records that epoch first', async () => {
    const el = await fixture<NnTrainer>(html`<nn-trainer data="spiral" hidden-layers=${Array(20).fill(64).join(', ')} speed="1" show="loss"></nn-trainer>`);
    const epochs: number[] = [];
    el.addEventListener('nn-epoch', (event) => epochs.push((event as CustomEvent<EpochDetail>).detail.epoch));
    el.play();
    await waitUntil(() => el.playing && el.epoch < el.trainer!.epochs, 'an epoch being evaluated', { timeout: 20000 });
    const finished = el.trainer!.epochs;
    el.reset();
    expect(epochs.at(-1), 'the epoch finished before Reset').to.equal(finished);
    await el.updateComplete;
    expect(el.epoch).to.equal(0);
  });

  it('shows only the controls a writer lists', async () => {
    const el = await fixture<NnTrainer>(html`<nn-trainer controls="play,reset"></nn-trainer>`);
    expect(button(el, 'play')).to.exist;
    expect(button(el, 'reset')).to.exist;
    expect(button(el, 'step')).to.not.exist;
    expect(el.shadowRoot!.querySelector('.settings')).to.not.exist;
    el.controls = ['learning-rate'];
    await el.updateComplete;
    expect(button(el, 'play')).to.not.exist;
    expect(el.shadowRoot!.querySelector('select#learning-rate-control')).to.exist;
    expect(el.shadowRoot!.querySelector('#activation-control')).to.not.exist;
  });

  it('is operated by keyboard: play and pause, step, reset', async () => {
    const el = await fixture<NnTrainer>(html`<nn-trainer></nn-trainer>`);
    button(el, 'play')!.focus();
    await sendKeys({ press: 'Enter' });
    expect(el.playing).to.equal(true);
    await oneEvent(el, 'nn-epoch');
    await sendKeys({ press: ' ' });
    expect(el.playing).to.equal(false);
    const steps = el.trainer!.steps;
    button(el, 'step')!.focus();
    await sendKeys({ press: 'Enter' });
    expect(el.trainer!.steps).to.equal(steps + 1);
    button(el, 'reset')!.focus();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(el.trainer!.steps).to.equal(0);
    expect(el.epoch).to.equal(0);
  });

  it('changes the batch size from its slider by keyboard, at once and with a change event', async () => {
    const el = await fixture<NnTrainer>(html`<nn-trainer></nn-trainer>`);
    const slider = el.shadowRoot!.querySelector<HTMLInputElement>('#batch-size-control')!;
    slider.focus();
    setTimeout(() => sendKeys({ press: 'ArrowRight' }));
    const { detail } = (await oneEvent(el, 'change')) as CustomEvent<{ name: string; value: unknown }>;
    expect(detail).to.deep.equal({ name: 'batchSize', value: 11 });
    await el.updateComplete;
    expect(el.batchSize).to.equal(11);
    expect(el.trainer!.batchSize).to.equal(11);
  });

  it('applies a new learning rate at once but rebuilds when the architecture changes', async () => {
    const el = await fixture<NnTrainer>(html`<nn-trainer></nn-trainer>`);
    el.stepEpoch();
    const trainer = el.trainer;
    el.learningRate = 0.3;
    await el.updateComplete;
    expect(el.trainer).to.equal(trainer);
    expect(el.trainer!.learningRate).to.equal(0.3);
    expect(el.epoch).to.equal(1);
    el.hiddenLayers = [6];
    await el.updateComplete;
    expect(el.network!.layers).to.deep.equal([2, 6, 1]);
    expect(el.epoch).to.equal(0);
  });

  it('catches a diverging run, says so, and never trains on garbage', async () => {
    const el = await fixture<NnTrainer>(html`<nn-trainer data="plane" learning-rate="10" hidden-layers="8,8" activation="relu"></nn-trainer>`);
    const diverged = oneEvent(el, 'nn-diverged');
    el.play();
    await diverged;
    await el.updateComplete;
    expect(el.playing).to.equal(false);
    expect(alertText(el)).to.match(/diverged/i);
    expect(alertText(el)).to.match(/smaller learning rate/i);
    expect(Array.from(el.network!.weights).every(Number.isFinite)).to.equal(true);
    expect(button(el, 'play')!.disabled).to.equal(true);
  });

  it('does not train while off screen, and resumes when scrolled into view', async () => {
    const root = await fixture(html`<div><div style="height: 4000px"></div><nn-trainer></nn-trainer></div>`);
    const el = root.querySelector('nn-trainer')!;
    el.play();
    for (let i = 0; i < 10; i++) await nextFrame();
    expect(el.epoch).to.equal(0);
    expect(el.playing).to.equal(true);
    el.scrollIntoView();
    await oneEvent(el, 'nn-epoch');
    expect(el.epoch).to.be.greaterThan(0);
    el.pause();
  });

  it('trains on data from a child script', async () => {
    const el = await fixture<NnTrainer>(html`<nn-trainer hidden-layers="3">
      <script type="application/json">
        { "inputs": [[-2, -2], [-1, -2], [2, 2], [1, 2], [-2, -1], [2, 1]], "targets": [[0], [0], [1], [1], [0], [1]] }
      </script>
    </nn-trainer>`);
    expect(el.network!.layers).to.deep.equal([2, 3, 1]);
    expect(el.trainer!.data.count).to.equal(3);
    expect(el.shadowRoot!.querySelector('#data-control')).to.not.exist;
  });

  it('draws the test squares first and the training circles over them, so no test point hides a training point', async () => {
    const prototype = OffscreenCanvasRenderingContext2D.prototype;
    const { rect, arc } = prototype;
    const shapes: string[] = [];
    prototype.rect = function (...args) {
      shapes.push('square');
      return rect.apply(this, args);
    };
    prototype.arc = function (...args) {
      shapes.push('circle');
      return arc.apply(this, args);
    };
    try {
      const el = await fixture<NnTrainer>(html`<nn-trainer data="plane" samples="40"></nn-trainer>`);
      await nextFrame();
      await nextFrame();
      expect(el.trainer!.data.count, 'half the points train').to.equal(20);
    } finally {
      prototype.rect = rect;
      prototype.arc = arc;
    }
    expect(shapes.filter((s) => s === 'square')).to.have.length(20);
    expect(shapes.filter((s) => s === 'circle')).to.have.length(20);
    expect(shapes.lastIndexOf('square'), 'every square before every circle').to.be.lessThan(shapes.indexOf('circle'));
  });

  it('draws the 1-D training points over the test points too', async () => {
    const el = await fixture<NnTrainer>(html`<nn-trainer data="sine"></nn-trainer>`);
    const points = [...el.shadowRoot!.querySelectorAll('svg.curve-view .point')];
    // Each kind of point is one path, a square or circle per point.
    expect(points.reduce((drawn, p) => drawn + (p.getAttribute('d')?.match(/M/g)?.length ?? 0), 0)).to.be.greaterThan(10);
    const lastTest = points.map((p) => p.classList.contains('test')).lastIndexOf(true);
    const firstTrain = points.findIndex((p) => p.classList.contains('train'));
    expect(lastTest, 'every test square before every training circle').to.be.lessThan(firstTrain);
  });

  it('trains on CSV data from src', async () => {
    const url = new URL('../fixtures/two-blobs.csv', import.meta.url).href;
    const el = await fixture<NnTrainer>(html`<nn-trainer src=${url} hidden-layers="2"></nn-trainer>`);
    await new Promise<void>((resolve) => {
      const check = () => (el.network?.layers[0] === 2 && el.trainer!.data.count === 6 ? resolve() : requestAnimationFrame(check));
      check();
    });
    await trainUntil(el, () => (el.accuracy ?? 0) === 1, 300);
    expect(el.accuracy).to.equal(1);
  });

  it('says what is wrong with bad input, keeps the last good network, and recovers', async () => {
    const el = await fixture<NnTrainer>(html`<nn-trainer></nn-trainer>`);
    const cases: [string, string, RegExp][] = [
      ['data', 'nope', /Unknown dataset "nope".*circle/],
      ['hidden-layers', '4,x', /hidden-layers/],
      ['hidden-layers', '0', /hidden-layers/],
      ['learning-rate', '-1', /learning-rate/],
      ['activation', 'softmax', /whole output layer/],
      ['features', 'x3', /Unknown feature "x3"/],
      ['controls', 'play,fly', /controls "fly"/],
      ['samples', '1e9', /samples/],
    ];
    for (const [attribute, value, message] of cases) {
      const good = el.network;
      el.setAttribute(attribute, value);
      await el.updateComplete;
      expect(alertText(el), `${attribute}="${value}"`).to.match(message);
      expect(el.network).to.equal(good);
      el.removeAttribute(attribute);
      await el.updateComplete;
    }
    const good = el.network;
    el.setAttribute('data', 'xor');
    await el.updateComplete;
    expect(alertText(el)).to.equal('');
    expect(el.network).to.not.equal(good);
  });

  it('reports data that cannot be trained on', async () => {
    const el = await fixture<NnTrainer>(html`<nn-trainer>
      <script type="application/json">{ "inputs": [[1, 2], [3]], "targets": [[0], [1]] }</script>
    </nn-trainer>`);
    expect(alertText(el)).to.match(/row 2/);
    const missing = await fixture<NnTrainer>(html`<nn-trainer src="/no-such-file.json"></nn-trainer>`);
    await new Promise<void>((resolve) => {
      const check = () => (alertText(missing) ? resolve() : requestAnimationFrame(check));
      check();
    });
    expect(alertText(missing)).to.match(/Could not load.*404/);
  });

  it('exports a model the core loads back exactly', async () => {
    const el = await fixture<NnTrainer>(html`<nn-trainer></nn-trainer>`);
    el.stepEpoch();
    const copy = Network.fromJSON(JSON.parse(JSON.stringify(el.exportModel())));
    expect(Array.from(copy.predict([1, -2]))).to.deep.equal(Array.from(el.network!.predict([1, -2])));
  });

  it('draws a fitted curve for 1-D regression', async () => {
    const el = await fixture<NnTrainer>(html`<nn-trainer data="sine" hidden-layers="8"></nn-trainer>`);
    expect(el.network!.layers).to.deep.equal([1, 8, 1]);
    expect(el.network!.outputActivation.name).to.equal('linear');
    expect(el.trainer!.loss.name).to.equal('mse');
    const path = el.shadowRoot!.querySelector('svg.curve-view path.fit')!;
    const before = path.getAttribute('d');
    el.stepEpoch();
    await el.updateComplete;
    expect(path.getAttribute('d')).to.not.equal(before);
    expect(el.shadowRoot!.querySelector('.accuracy')).to.not.exist;
  });

  it('keeps its own diagram and a linked <nn-network for> live as it learns', async () => {
    const root = await fixture(html`<div>
      <nn-trainer id="linked-trainer" seed="2"></nn-trainer>
      <nn-network for="linked-trainer" inputs="0.5, -0.5"></nn-network>
    </div>`);
    const el = root.querySelector('nn-trainer')!;
    const follower = root.querySelector('nn-network')!;
    const embedded = el.shadowRoot!.querySelector('nn-network')!;
    await follower.updateComplete;
    expect(follower.network).to.equal(el.network);
    const embeddedBefore = Array.from(embedded.outputs);
    for (let i = 0; i < 5; i++) el.stepEpoch();
    await el.updateComplete;
    // A follower redraws at most four times a second: allow it up to a second of frames.
    const expected = Array.from(el.network!.predict([0.5, -0.5]));
    for (let frame = 0; frame < 60 && Array.from(follower.outputs).join() !== expected.join(); frame++) await nextFrame();
    await Promise.all([follower.updateComplete, embedded.updateComplete]);
    expect(Array.from(follower.outputs)).to.deep.equal(expected);
    expect(Array.from(embedded.outputs)).to.not.deep.equal(embeddedBefore);
  });

  it('names a linked <nn-network for> inputs by its features and shows a training sample; a reader edit gives way when the features change', async () => {
    const root = await fixture(html`<div>
      <nn-trainer id="featured-trainer" features="x1,x2,x1sq"></nn-trainer>
      <nn-network for="featured-trainer"></nn-network>
    </div>`);
    const el = root.querySelector('nn-trainer')!;
    const follower = root.querySelector('nn-network')!;
    await follower.updateComplete;
    const labels = () => [...follower.shadowRoot!.querySelectorAll('label[for^="input-"]')].map((label) => label.textContent!.trim());
    expect(labels()).to.deep.equal([...el.inputLabels!]);
    expect(labels()).to.have.length(3);
    expect(Array.from(follower.outputs)).to.deep.equal(Array.from(el.network!.predict(el.sampleInputs!)));

    const field = follower.shadowRoot!.querySelector<HTMLInputElement>('#input-0-number')!;
    field.value = '0.25';
    field.dispatchEvent(new Event('change'));
    await follower.updateComplete;
    expect(follower.inputs![0]).to.equal(0.25);

    el.features = ['x1', 'x2'];
    await el.updateComplete;
    for (let frame = 0; frame < 60 && follower.network?.inputSize !== 2; frame++) await nextFrame();
    await follower.updateComplete;
    expect(follower.network!.inputSize).to.equal(2);
    expect(alertText(follower as unknown as NnTrainer)).to.equal('');
    expect(labels()).to.have.length(2);
    expect(Array.from(follower.outputs)).to.deep.equal(Array.from(el.network!.predict(el.sampleInputs!)));
  });

  it('stops stepping at the epoch limit instead of looping for ever', async () => {
    const el = await fixture<NnTrainer>(html`<nn-trainer epochs="1"></nn-trainer>`);
    el.stepEpoch();
    expect(el.epoch).to.equal(1);
    const steps = el.trainer!.steps;
    el.stepEpoch();
    el.step();
    expect(el.epoch).to.equal(1);
    expect(el.trainer!.steps).to.equal(steps);
  });

  it('reads epochs="none" as no limit', async () => {
    const el = await fixture<NnTrainer>(html`<nn-trainer epochs="2"></nn-trainer>`);
    el.setAttribute('epochs', 'none');
    await el.updateComplete;
    expect(alertText(el)).to.equal('');
    expect(el.epochs).to.equal(undefined);
    for (let i = 0; i < 3; i++) el.stepEpoch();
    expect(el.epoch).to.equal(3);
  });

  it('puts the loss chart beside the boundary or curve when there is room, and never overflows a phone', async () => {
    for (const dataset of ['sine', 'reg-gauss', 'circle']) {
      const root = await fixture(html`<div style="width: 900px"><nn-trainer data=${dataset}></nn-trainer></div>`);
      const el = root.querySelector('nn-trainer')!;
      for (let i = 0; i < 3; i++) await nextFrame();
      await el.updateComplete;
      const [first, loss] = [...el.shadowRoot!.querySelectorAll('.views > figure')].map((figure) => figure.getBoundingClientRect());
      expect(loss.top, dataset).to.equal(first.top);
      expect(loss.right, dataset).to.be.at.most(el.getBoundingClientRect().right);
    }
    const phone = await fixture(html`<div style="width: 360px"><nn-trainer data="sine"></nn-trainer></div>`);
    const el = phone.querySelector('nn-trainer')!;
    for (let i = 0; i < 3; i++) await nextFrame();
    await el.updateComplete;
    const box = el.getBoundingClientRect();
    for (const figure of el.shadowRoot!.querySelectorAll('.views > figure')) {
      expect(figure.getBoundingClientRect().right).to.be.at.most(box.right);
    }
  });

  it('writes a huge loss as a power of ten, not dozens of digits', async () => {
    expect(formatLoss(5.8500499364731545e268)).to.equal('5.9 × 10²⁶⁸');
    expect(formatLoss(-12345)).to.equal('−1.2 × 10⁴');
    expect(formatLoss(0.12345)).to.equal('0.123');
    expect(formatLoss(Number.NaN)).to.equal('—');
    const el = await fixture<NnTrainer>(html`<nn-trainer data="plane" learning-rate="10" hidden-layers="8,8" activation="relu"></nn-trainer>`);
    while (!el.trainer!.diverged && el.epoch < 100) el.stepEpoch();
    await el.updateComplete;
    expect(el.trainer!.diverged).to.equal(true);
    expect(el.trainLoss).to.be.above(1e4);
    const shown = el.shadowRoot!.querySelector('.train-loss')!.textContent!;
    expect(shown).to.equal(formatLoss(el.trainLoss));
    expect(shown.length).to.be.below(16);
  });

  it('keeps a long run light to draw and whole: at most 400 records spread over all its epochs, and a line through them', async () => {
    let history: EpochRecord[] = [];
    for (let epoch = 1; epoch <= 5000; epoch++) {
      history = thinHistory([...history, { epoch, trainLoss: 1 / epoch, testLoss: epoch === 4990 ? Number.NaN : 1.2 / epoch }]);
      expect(history.length).to.be.at.most(400);
    }
    expect(history[0].epoch).to.equal(1);
    expect(history.at(-1)!.epoch).to.equal(5000);
    expect(history.every((record, i) => i === 0 || record.epoch > history[i - 1].epoch)).to.equal(true);
    // The early epochs stay drawn: no stretch of the run without a record wider than 2 % of it.
    const widest = Math.max(...history.slice(1).map((record, i) => record.epoch - history[i].epoch));
    expect(widest, 'the widest gap between records, in epochs').to.be.at.most(100);
    const container = document.createElement('div');
    render(html`${renderLossChart(history, 720, 160, { lossChartLabel: '{epochs}', lossChartEmpty: '' })}`, container);
    const points = (d: string) => [...d.matchAll(/([ML])(-?[\d.]+),(-?[\d.]+)/g)].map(([, command, px, py]) => ({ command, x: Number(px), y: Number(py) }));
    const train = points(container.querySelector('path.loss.train')!.getAttribute('d')!);
    const test = points(container.querySelector('path.loss.test')!.getAttribute('d')!);
    expect(train.length).to.equal(history.length);
    expect(train.at(-1)!.x, 'the line ends at the latest epoch').to.equal(720 - 12);
    expect(test.filter((p) => p.command === 'M').length, 'the gap a NaN leaves').to.equal(history.some((r) => Number.isNaN(r.testLoss)) ? 2 : 1);
  });

  it("shows a real training sample's values in the diagram, consistent with the features", async () => {
    const el = await fixture<NnTrainer>(html`<nn-trainer features="x1,x2,x1sq,sin-x2"></nn-trainer>`);
    const embedded = el.shadowRoot!.querySelector('nn-network')!;
    const [x1, x2, x1sq, sinx2] = embedded.inputs!;
    expect(x1sq).to.be.closeTo(x1 * x1, 1e-12);
    expect(sinx2).to.be.closeTo(Math.sin(x2), 1e-12);
    expect(embedded.inputs).to.deep.equal(Array.from(el.trainer!.data.inputs.subarray(0, 4)));
    expect(el.shadowRoot!.querySelector('.diagram-note')!.textContent).to.contain('training point');
  });

  it('drops the x₂ features when the reader picks data with one input', async () => {
    const el = await fixture<NnTrainer>(html`<nn-trainer features="x1,x2,x1sq"></nn-trainer>`);
    const changes: unknown[] = [];
    el.addEventListener('change', (event) => changes.push((event as CustomEvent).detail));
    const select = el.shadowRoot!.querySelector<HTMLSelectElement>('#data-control')!;
    select.value = 'sine';
    select.dispatchEvent(new Event('change'));
    await el.updateComplete;
    expect(alertText(el)).to.equal('');
    expect(el.network!.layers[0]).to.equal(2);
    expect(el.activeFeatures).to.deep.equal(['x1', 'x1sq']);
    expect(changes).to.deep.equal([
      { name: 'data', value: 'sine' },
      { name: 'features', value: ['x1', 'x1sq'] },
    ]);
  });

  it('repaints its canvases in the new colours when the page switches to dark', async () => {
    const root = await fixture<HTMLDivElement>(html`<div style="color-scheme: light"><nn-trainer></nn-trainer></div>`);
    const el = root.querySelector('nn-trainer')!;
    expect(boundaryBrightness(el)).to.be.above(180);
    root.style.colorScheme = 'dark';
    el.step();
    await el.updateComplete;
    expect(boundaryBrightness(el)).to.be.below(100);
  });

  it('follows a switch to dark while playing, within a second', async () => {
    const root = await fixture<HTMLDivElement>(html`<div style="color-scheme: light"><nn-trainer></nn-trainer></div>`);
    const el = root.querySelector('nn-trainer')!;
    el.play();
    await nextFrame();
    expect(boundaryBrightness(el)).to.be.above(180);
    root.style.colorScheme = 'dark';
    const start = performance.now();
    while (boundaryBrightness(el) > 100 && performance.now() - start < 1000) await nextFrame();
    el.pause();
    expect(boundaryBrightness(el)).to.be.below(100);
  });

  it('names the play button by its action only, with the icon hidden from screen readers', async () => {
    const el = await fixture<NnTrainer>(html`<nn-trainer></nn-trainer>`);
    const spoken = (name: string) => {
      const clone = button(el, name)!.cloneNode(true) as HTMLElement;
      clone.querySelectorAll('[aria-hidden="true"]').forEach((node) => node.remove());
      return clone.textContent!.trim();
    };
    expect(button(el, 'play')!.hasAttribute('aria-pressed')).to.equal(false);
    expect(spoken('play')).to.equal('Play');
    expect(spoken('reset')).to.equal('Reset');
    el.play();
    await el.updateComplete;
    expect(spoken('play')).to.equal('Pause');
    el.pause();
  });

  it('renders labels and data values as text, never as markup', async () => {
    const el = await fixture<NnTrainer>(html`<nn-trainer data="<img src=x onerror=alert(1)>"></nn-trainer>`);
    expect(alertText(el)).to.contain('<img src=x');
    expect(el.shadowRoot!.querySelector('img')).to.not.exist;
  });
});
