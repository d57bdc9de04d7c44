// <nn-trainer> with several classes, per-data defaults, the confusion matrix, settings that
// survive a switch of data, a decision surface paler than its points, and wide layouts.
import { expect, fixture, html } from '@open-wc/testing';
import '../../components/nn-trainer/nn-trainer.js';
import '../../components/nn-network/nn-network.js';
import type { NnTrainer } from '../../components/nn-trainer/nn-trainer.js';
import type { NnNetwork } from '../../components/nn-network/nn-network.js';
import { nextFrame } from './helpers.js';

const shadow = (el: Element) => el.shadowRoot!;
const alertText = (el: Element) => shadow(el).querySelector('[role="alert"]')?.textContent?.trim() ?? '';

async function trainEpochs(el: NnTrainer, epochs: number): Promise<void> {
  for (let i = 0; i < epochs; i++) el.stepEpoch();
  await el.updateComplete;
}

describe('<nn-trainer> classes', () => {
  it('is accessible with three named classes and the confusion matrix', async () => {
    const el = await fixture<NnTrainer>(html`<nn-trainer data="gauss" classes="3" class-labels="cat, dog, bird" show="boundary, loss, confusion"></nn-trainer>`);
    await expect(el).to.be.accessible();
  });

  it('classes="3" trains three outputs with softmax and learns the gaussians', async () => {
    const el = await fixture<NnTrainer>(html`<nn-trainer data="gauss" classes="3"></nn-trainer>`);
    expect(el.network!.outputSize).to.equal(3);
    expect(el.network!.outputActivation.name).to.equal('softmax');
    expect(el.trainer!.loss.name).to.equal('cross-entropy');
    await trainEpochs(el, 60);
    expect(el.accuracy).to.be.at.least(0.9);
  });

  it('the legend names every class with its own colour, in the writer\'s words', async () => {
    const el = await fixture<NnTrainer>(html`<nn-trainer data="spiral" classes="3" class-labels="cat, dog, bird"></nn-trainer>`);
    const entries = [...shadow(el).querySelectorAll('.boundary-view .class')];
    expect(entries.map((entry) => entry.textContent!.trim())).to.deep.equal(['cat', 'dog', 'bird']);
    const colours = entries.map((entry) => getComputedStyle(entry.querySelector('.swatch')!).backgroundColor);
    expect(new Set(colours).size, 'three different colours').to.equal(3);
  });

  it('two classes keep their names too: class 0 and class 1 by default, or the labels', async () => {
    const el = await fixture<NnTrainer>(html`<nn-trainer data="circle"></nn-trainer>`);
    const names = () => [...shadow(el).querySelectorAll('.boundary-view .class')].map((entry) => entry.textContent!.trim());
    expect(names()).to.deep.equal(['class 0', 'class 1']);
    el.setAttribute('class-labels', 'outside, inside');
    await el.updateComplete;
    expect(names()).to.deep.equal(['outside', 'inside']);
  });

  it('an embedded and a following <nn-network> name the outputs by class', async () => {
    const root = await fixture(html`<div>
      <nn-trainer id="three" data="circle" classes="3" class-labels="near, middle, far"></nn-trainer>
      <nn-network for="three"></nn-network>
    </div>`);
    const trainer = root.querySelector('nn-trainer')! as NnTrainer;
    const follower = root.querySelector('nn-network')! as NnNetwork;
    await trainer.updateComplete;
    await follower.updateComplete;
    const outputNames = (network: Element) => shadow(network).textContent!;
    for (const network of [follower, shadow(trainer).querySelector('nn-network')!]) {
      for (const name of ['near', 'middle', 'far']) expect(outputNames(network), name).to.include(name);
    }
    expect(trainer.outputLabels).to.deep.equal(['near', 'middle', 'far']);
  });

  it('the confusion matrix counts the test data: rows sum to each class, the diagonal is the accuracy', async () => {
    const el = await fixture<NnTrainer>(html`<nn-trainer data="gauss" classes="4" show="confusion"></nn-trainer>`);
    await trainEpochs(el, 20);
    const rows = [...shadow(el).querySelectorAll('table.confusion tbody tr')];
    expect(rows.length).to.equal(4);
    const counts = rows.map((row) => [...row.querySelectorAll('td')].map((cell) => Number(cell.textContent)));
    const total = counts.flat().reduce((a, b) => a + b, 0);
    expect(total).to.equal(250);
    const diagonal = counts.reduce((sum, row, i) => sum + row[i], 0);
    expect(diagonal / total).to.be.closeTo(el.accuracy!, 1e-12);
    const headers = [...shadow(el).querySelectorAll('table.confusion thead th')].map((cell) => cell.textContent!.trim());
    expect(headers).to.deep.equal(['class 0', 'class 1', 'class 2', 'class 3']);
  });

  it('bad classes: a message naming the attribute; data that has two classes says which do more', async () => {
    const el = await fixture<NnTrainer>(html`<nn-trainer data="circle" classes="9"></nn-trainer>`);
    expect(alertText(el)).to.match(/classes/i).and.match(/2.*6/);
    el.setAttribute('classes', '3');
    el.setAttribute('data', 'xor');
    await el.updateComplete;
    expect(alertText(el)).to.match(/two classes; more classes apply to circle, gauss, spiral/);
    el.setAttribute('data', 'spiral');
    await el.updateComplete;
    expect(alertText(el)).to.equal('');
    expect(el.network!.outputSize).to.equal(3);
  });
});

describe('<nn-trainer> defaults per data set', () => {
  it('the spiral, with nothing else set, gets features and layers that learn it', async () => {
    const el = await fixture<NnTrainer>(html`<nn-trainer data="spiral"></nn-trainer>`);
    expect(el.activeFeatures).to.deep.equal(['x1', 'x2', 'sin-x1', 'sin-x2']);
    expect(el.network!.layers).to.deep.equal([4, 8, 8, 1]);
    await trainEpochs(el, 200);
    expect(el.accuracy).to.be.at.least(0.9);
  });

  it('the writer\'s own layers and features win over the data\'s suggestion', async () => {
    const el = await fixture<NnTrainer>(html`<nn-trainer data="spiral" hidden-layers="3" features="x1, x2"></nn-trainer>`);
    expect(el.network!.layers).to.deep.equal([2, 3, 1]);
  });

  for (const data of ['circle', 'xor', 'gauss', 'moons']) {
    it(`${data} learns to at least 90% test accuracy with the defaults`, async () => {
      const el = await fixture<NnTrainer>(html`<nn-trainer data=${data}></nn-trainer>`);
      await trainEpochs(el, 300);
      expect(el.accuracy).to.be.at.least(0.9);
    });
  }
});

describe('<nn-trainer> switching data keeps the writer\'s settings', () => {
  it('spiral → sine → spiral restores the features the sine could not use', async () => {
    const el = await fixture<NnTrainer>(html`<nn-trainer data="spiral" features="x1, x2, x1sq, sin-x2" controls="data, features"></nn-trainer>`);
    const select = shadow(el).querySelector<HTMLSelectElement>('#data-control')!;
    const choose = async (value: string) => {
      select.value = value;
      select.dispatchEvent(new Event('change'));
      await el.updateComplete;
    };
    await choose('sine');
    expect(el.activeFeatures).to.deep.equal(['x1', 'x1sq']);
    expect(alertText(el)).to.equal('');
    await choose('spiral');
    expect(el.activeFeatures).to.deep.equal(['x1', 'x2', 'x1sq', 'sin-x2']);
    expect(el.network!.layers).to.deep.equal([4, 8, 8, 1]);
  });
});

describe('<nn-trainer> pictures', () => {
  it('the decision surface stays paler than the points after training, in light and dark', async () => {
    for (const scheme of ['light', 'dark']) {
      const root = await fixture(html`<div style=${`color-scheme: ${scheme}`}><nn-trainer data="gauss" show="boundary"></nn-trainer></div>`);
      const el = root.querySelector('nn-trainer')! as NnTrainer;
      await trainEpochs(el, 100);
      await nextFrame();
      const canvas = shadow(el).querySelector<HTMLCanvasElement>('canvas.boundary')!;
      const pixels = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
      // A corner far from every point is the surest region; a point is the class colour itself.
      const corner = [pixels[4 * (2 * canvas.width + 2)], pixels[4 * (2 * canvas.width + 2) + 1], pixels[4 * (2 * canvas.width + 2) + 2]];
      const positive = getComputedStyle(shadow(el).querySelector('.class:last-child .swatch')!).backgroundColor.match(/\d+/g)!.map(Number);
      const negative = getComputedStyle(shadow(el).querySelector('.class:first-child .swatch')!).backgroundColor.match(/\d+/g)!.map(Number);
      const saturation = ([r, g, b]: number[]) => Math.max(r, g, b) - Math.min(r, g, b);
      const point = Math.min(saturation(positive), saturation(negative));
      expect(saturation(corner), `${scheme}: the region is paler than the points`).to.be.below(point * 0.6);
      if (scheme === 'dark') {
        // With every weight and bias 0 the network is undecided everywhere: the surface is the neutral colour.
        el.network!.weights.fill(0);
        el.network!.biases.fill(0);
        el.requestUpdate();
        await el.updateComplete;
        const middle = canvas.getContext('2d')!.getImageData(2, 2, 1, 1).data;
        expect((middle[0] + middle[1] + middle[2]) / 3, 'the undecided band is not near-black').to.be.above(60);
      }
    }
  });

  it('data near the largest double still gets a painted decision surface, not a black square', async () => {
    const el = await fixture<NnTrainer>(html`<nn-trainer show="boundary"><script type="application/json">
      {"inputs": [[1e308, -1e308], [1e308, 1e308], [-1e308, 0], [0, 1e308]], "targets": [[0], [1], [0], [1]]}
    </script></nn-trainer>`);
    await nextFrame();
    await el.updateComplete;
    const canvas = shadow(el).querySelector<HTMLCanvasElement>('canvas.boundary')!;
    const { data } = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height);
    let black = 0;
    for (let i = 0; i < data.length; i += 4) if (data[i] + data[i + 1] + data[i + 2] < 30) black++;
    expect(black / (data.length / 4), 'share of black pixels').to.be.below(0.1);
  });

  it('at 1,264 px the boundary and the loss chart share a row and grow, and the empty chart says what will appear', async () => {
    const root = await fixture(html`<div style="width: 1264px"><nn-trainer data="circle"></nn-trainer></div>`);
    const el = root.querySelector('nn-trainer')! as NnTrainer;
    for (let i = 0; i < 3; i++) await nextFrame();
    await el.updateComplete;
    const boundary = shadow(el).querySelector('canvas.boundary')!.getBoundingClientRect();
    const loss = shadow(el).querySelector('.loss-view')!.getBoundingClientRect();
    const box = el.getBoundingClientRect();
    expect(loss.top).to.equal(boundary.top);
    expect(boundary.width, 'the boundary grows past the old 340 px').to.be.above(400);
    expect(loss.right, 'the chart reaches across the row').to.be.above(box.right - 80);
    expect(loss.right).to.be.at.most(box.right);
    expect(shadow(el).querySelector('.loss-empty')?.textContent).to.match(/Press Play/);
    el.stepEpoch();
    el.stepEpoch();
    await el.updateComplete;
    expect(shadow(el).querySelector('.loss-empty')).to.equal(null);
  });
});

describe('<nn-trainer> points', () => {
  it('test squares and training circles have edges of opposite lightness, in the light and the dark scheme', async () => {
    const { drawPoints } = await import('../../components/nn-trainer/points.js');
    const point = { x: 0, y: 0, target: 1 };
    const session = { kind: 'classification', classes: 2, testPoints: [point], trainPoints: [point] } as unknown as Parameters<typeof drawPoints>[1];
    const lightness = (style: string) => (Number(/\d+/.exec(style)![0]) > 128 ? 1 : 0);
    for (const neutral of [{ r: 242, g: 242, b: 242 }, { r: 74, g: 80, b: 88 }]) {
      const diverging = new Uint8ClampedArray(256 * 4).fill(128);
      const palette = { diverging, background: diverging, neutral, classes: [] } as unknown as Parameters<typeof drawPoints>[3];
      const strokes: string[] = [];
      const context = new OffscreenCanvas(100, 100).getContext('2d')!;
      const stroke = context.stroke.bind(context);
      context.stroke = () => {
        strokes.push(String(context.strokeStyle));
        stroke();
      };
      drawPoints(context, session, [-6, 6], palette, 100);
      expect(strokes.length, 'a square, then a circle').to.equal(2);
      expect(lightness(strokes[0]), `square and circle edges differ on neutral ${neutral.r}`).to.not.equal(lightness(strokes[1]));
    }
  });
});
