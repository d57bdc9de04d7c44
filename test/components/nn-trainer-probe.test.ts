// <nn-trainer>'s decision boundary read point by point (the output under the pointer, the
// loss of a data point there; by keyboard too), and shown discretized: flat regions, one
// per class.
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../components/nn-trainer/nn-trainer.js';
import type { NnTrainer } from '../../components/nn-trainer/nn-trainer.js';
import { applyFeatures, getLoss, parseFeatures } from '../../src/index.js';
import { formatNumber } from '../../components/shared/format.js';
import { nextFrame } from './helpers.js';

const shadow = (el: NnTrainer) => el.shadowRoot!;
const frame = (el: NnTrainer) => shadow(el).querySelector<HTMLElement>('.boundary-frame')!;
const readout = (el: NnTrainer) => shadow(el).querySelector('.probe-readout')!.textContent!.trim();

/** Share of sampled boundary pixels that have one of the `k` commonest colours. */
function commonShare(el: NnTrainer, k: number): number {
  const canvas = shadow(el).querySelector<HTMLCanvasElement>('canvas.boundary')!;
  const { data, width, height } = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height);
  const counts = new Map<string, number>();
  let total = 0;
  for (let y = 2; y < height; y += Math.floor(height / 40)) {
    for (let x = 2; x < width; x += Math.floor(width / 40)) {
      const i = (y * width + x) * 4;
      const key = `${data[i]},${data[i + 1]},${data[i + 2]}`;
      counts.set(key, (counts.get(key) ?? 0) + 1);
      total++;
    }
  }
  const top = [...counts.values()].sort((a, b) => b - a).slice(0, k);
  return top.reduce((a, b) => a + b, 0) / total;
}

/** Waits until the probe's reading has loaded (its code loads the first time the probe is used). */
async function reading(el: NnTrainer): Promise<void> {
  for (let i = 0; i < 200 && /arrow keys/.test(readout(el)); i++) {
    await new Promise((resolve) => setTimeout(resolve, 10));
    await el.updateComplete;
  }
}

async function painted(el: NnTrainer): Promise<void> {
  await el.updateComplete;
  await nextFrame();
  await nextFrame();
}

describe('<nn-trainer> probe and discretized output', function () {
  this.timeout(60_000);

  it('is accessible with the probe showing', async () => {
    const el = await fixture<NnTrainer>(html`<nn-trainer samples="60" show="boundary"></nn-trainer>`);
    frame(el).focus();
    await el.updateComplete;
    await expect(el).to.be.accessible();
  });

  it('by keyboard: focus puts the probe at the centre, arrows move it, Escape hides it', async () => {
    const el = await fixture<NnTrainer>(html`<nn-trainer samples="60" show="boundary" seed="3"></nn-trainer>`);
    expect(readout(el)).to.match(/arrow keys/);
    frame(el).focus();
    await reading(el);
    const at = (x: number, y: number) => formatNumber(el.network!.predict([x, y])[0], 2);
    expect(readout(el).startsWith(`At x₁ = 0.00, x₂ = 0.00: output ${at(0, 0)}.`), readout(el)).to.equal(true);
    expect(shadow(el).querySelector('.probe-mark')).to.exist;
    await sendKeys({ press: 'ArrowRight' });
    await sendKeys({ press: 'ArrowUp' });
    await el.updateComplete;
    // The circle's picture spans −6 to 6: a key moves the probe a fortieth of it.
    expect(readout(el).startsWith(`At x₁ = 0.30, x₂ = 0.30: output ${at(0.3, 0.3)}.`), readout(el)).to.equal(true);
    await sendKeys({ down: 'Shift' });
    await sendKeys({ press: 'ArrowLeft' });
    await sendKeys({ up: 'Shift' });
    await el.updateComplete;
    expect(readout(el)).to.match(/^At x₁ = −1\.20, x₂ = 0\.30/);
    await sendKeys({ press: 'Escape' });
    await el.updateComplete;
    expect(shadow(el).querySelector('.probe-mark')).to.equal(null);
    expect(readout(el)).to.match(/arrow keys/);
  });

  it('under the pointer on a data point: its loss, as the core\'s loss gives it', async () => {
    const el = await fixture<NnTrainer>(html`<nn-trainer samples="40" show="boundary" seed="5"></nn-trainer>`);
    el.stepEpoch();
    await el.updateComplete;
    const session = el.trainer!;
    const canvas = shadow(el).querySelector<HTMLCanvasElement>('canvas.boundary')!;
    const box = canvas.getBoundingClientRect();
    // The first training point, where it is drawn.
    const [x, y] = [...(el.sampleInputs as number[])];
    const clientX = box.left + ((x + 6) / 12) * box.width;
    const clientY = box.top + ((6 - y) / 12) * box.height;
    frame(el).dispatchEvent(new PointerEvent('pointermove', { clientX, clientY, bubbles: true }));
    await reading(el);
    const output = el.network!.predict([x, y]);
    const target = new Float64Array([session.data.targets[0]]);
    const loss = getLoss('binary-cross-entropy').value(output, 0, target, 0, 1);
    const name = target[0] === 1 ? 'class 1' : 'class 0';
    expect(readout(el)).to.contain(`Training point of ${name} here: loss ${formatNumber(loss, 3)}.`);
    frame(el).dispatchEvent(new PointerEvent('pointerleave'));
    await el.updateComplete;
    expect(readout(el)).to.match(/arrow keys/);
  });

  it('reads the output through the features, and names the likeliest of several classes', async () => {
    const el = await fixture<NnTrainer>(html`<nn-trainer data="spiral" classes="3" class-labels="red, green, blue" samples="60" show="boundary"></nn-trainer>`);
    frame(el).focus();
    await reading(el);
    const [inputs] = applyFeatures([[0, 0]], parseFeatures(['x1', 'x2', 'sin-x1', 'sin-x2']));
    const output = Array.from(el.network!.predict(inputs));
    const best = output.indexOf(Math.max(...output));
    const said = `At x₁ = 0.00, x₂ = 0.00: most likely ${['red', 'green', 'blue'][best]} (${formatNumber(output[best], 2)}).`;
    expect(readout(el).startsWith(said), readout(el)).to.equal(true);
  });

  it('with data at the ends of the doubles, the probe and its mark stay finite numbers', async () => {
    const el = await fixture<NnTrainer>(html`<nn-trainer show="boundary" hidden-layers="2">
      <script type="application/json">{ "inputs": [[-1.6e308, 1e308], [1.6e308, -1e308], [1e307, 1e307], [-1e307, 0]], "targets": [[0], [1], [1], [0]] }</script>
    </nn-trainer>`);
    await new Promise((resolve) => setTimeout(resolve, 50));
    await el.updateComplete;
    frame(el).focus();
    for (const key of ['ArrowRight', 'ArrowUp', 'ArrowUp']) await sendKeys({ press: key });
    await reading(el);
    const mark = shadow(el).querySelector<HTMLElement>('.probe-mark')!;
    expect(mark.getAttribute('style')).not.to.match(/NaN|Infinity/);
    expect(readout(el)).to.match(/^At x₁ = /).and.not.to.match(/NaN|Infinity|undefined/);
  });

  it('discretize: the boundary becomes flat regions, two for one output', async () => {
    const el = await fixture<NnTrainer>(html`<nn-trainer samples="2" show="boundary" seed="2"></nn-trainer>`);
    for (let i = 0; i < 3; i++) el.stepEpoch();
    await painted(el);
    expect(commonShare(el, 2)).to.be.below(0.5); // shades
    el.discretize = true;
    await painted(el);
    expect(commonShare(el, 2)).to.be.above(0.85);
    el.removeAttribute('discretize');
    el.discretize = false;
    await painted(el);
    expect(commonShare(el, 2)).to.be.below(0.5);
  });

  it('discretize with three classes: three flat regions', async () => {
    const el = await fixture<NnTrainer>(html`<nn-trainer data="gauss" classes="3" samples="3" show="boundary" discretize></nn-trainer>`);
    for (let i = 0; i < 20; i++) el.stepEpoch();
    await painted(el);
    expect(commonShare(el, 3)).to.be.above(0.85);
  });

  it('the Discretize output box in the panel sets it, by keyboard, and says so', async () => {
    const el = await fixture<NnTrainer>(html`<nn-trainer samples="60" show="boundary"></nn-trainer>`);
    const box = shadow(el).querySelector<HTMLInputElement>('#discretize-control')!;
    expect(box.labels![0].textContent!.trim()).to.equal('Discretize output');
    expect(box.checked).to.equal(false);
    const changes: unknown[] = [];
    el.addEventListener('change', (event) => changes.push((event as CustomEvent).detail));
    box.focus();
    await sendKeys({ press: ' ' });
    await el.updateComplete;
    expect(el.discretize).to.equal(true);
    expect(changes).to.deep.equal([{ name: 'discretize', value: true }]);
    expect(el.epoch).to.equal(0); // the run is the same run
  });
});
