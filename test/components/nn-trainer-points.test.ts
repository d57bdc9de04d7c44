// <nn-trainer controls="points">: points added by a click (Shift: the next class) or Enter at
// the keyboard probe, removed with Delete; the run carries on with the edited data.
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../components/nn-trainer/nn-trainer.js';
import type { NnTrainer } from '../../components/nn-trainer/nn-trainer.js';
import { formatNumber } from '../../components/shared/format.js';
import { nextFrame } from './helpers.js';
import { shownIn } from './nn-trainer-loading.js';

const shadow = (el: NnTrainer) => el.shadowRoot!;
const frame = (el: NnTrainer) => shadow(el).querySelector<HTMLElement>('.boundary-frame')!;
const announced = (el: NnTrainer) => shadow(el).querySelector('[aria-live="polite"].visually-hidden')!.textContent!.trim();

/** Clicks the picture at input coordinates (x, y); the circle's picture spans −6 to 6. */
function clickAt(el: NnTrainer, x: number, y: number, shiftKey = false): void {
  const canvas = shadow(el).querySelector('canvas.boundary')!;
  const outer = canvas.getBoundingClientRect();
  const border = canvas.clientLeft; // the picture is inside the canvas's border
  const box = { left: outer.left + border, top: outer.top + border, width: outer.width - 2 * border, height: outer.height - 2 * border };
  const clientX = box.left + ((x + 6) / 12) * box.width;
  const clientY = box.top + ((6 - y) / 12) * box.height;
  frame(el).dispatchEvent(new PointerEvent('pointermove', { clientX, clientY, bubbles: true }));
  frame(el).dispatchEvent(new MouseEvent('click', { clientX, clientY, shiftKey, bubbles: true }));
}

/** The last training row the trainer holds: its inputs and target. */
function lastRow(el: NnTrainer) {
  const { data } = el.trainer!;
  const row = data.count - 1;
  return { inputs: Array.from(data.inputs.subarray(row * 2, row * 2 + 2)), target: data.targets[row] };
}

describe('<nn-trainer> points added and removed by hand', function () {
  this.timeout(60_000);

  it('is accessible with the class switch shown', async () => {
    const el = await fixture<NnTrainer>(html`<nn-trainer samples="40" show="boundary" controls="play, reset, points"></nn-trainer>`);
    await shownIn(el, '#point-class');
    expect(shadow(el).querySelector('#point-class')).to.exist;
    await expect(el).to.be.accessible();
  });

  it('is not offered unless the writer lists it: a click adds nothing', async () => {
    const el = await fixture<NnTrainer>(html`<nn-trainer samples="40" show="boundary"></nn-trainer>`);
    expect(shadow(el).querySelector('.point-editor')).to.equal(null);
    clickAt(el, 1, 1);
    await el.updateComplete;
    expect(el.trainer!.data.count).to.equal(20);
  });

  it('a click adds a training point of the chosen class there; Shift-click one of the next class', async () => {
    const el = await fixture<NnTrainer>(html`<nn-trainer samples="40" show="boundary" controls="points" class-labels="inside, outside"></nn-trainer>`);
    await shownIn(el, '#point-class');
    const network = el.network;
    clickAt(el, 1.5, -3);
    await el.updateComplete;
    expect(el.trainer!.data.count).to.equal(21);
    let row = lastRow(el);
    expect(row.inputs[0]).to.be.closeTo(1.5, 0.06); // a click is read to the pixel
    expect(row.inputs[1]).to.be.closeTo(-3, 0.06);
    expect(row.target).to.equal(0);
    expect(announced(el)).to.equal(`Added a training point of inside at x₁ = ${formatNumber(row.inputs[0], 2)}, x₂ = ${formatNumber(row.inputs[1], 2)}; 21 training points.`);
    clickAt(el, -2, 2, true);
    await el.updateComplete;
    expect(lastRow(el).target).to.equal(1);
    const select = shadow(el).querySelector<HTMLSelectElement>('#point-class')!;
    expect(select.labels![0].textContent).to.equal('Click adds a point of');
    select.value = '1';
    select.dispatchEvent(new Event('change'));
    clickAt(el, 4, 4);
    await el.updateComplete;
    row = lastRow(el);
    expect(row.target).to.equal(1);
    expect(el.network).to.equal(network); // the same network trains on
  });

  it('the run carries on with the edited data: the epoch count stays, the next epoch uses every point', async () => {
    const el = await fixture<NnTrainer>(html`<nn-trainer samples="40" show="boundary, loss" controls="points"></nn-trainer>`);
    await shownIn(el, '#point-class');
    el.stepEpoch();
    el.stepEpoch();
    await el.updateComplete;
    const weights = Array.from(el.network!.weights);
    clickAt(el, 5, 5);
    await el.updateComplete;
    expect(el.epoch).to.equal(2);
    expect(Array.from(el.network!.weights)).to.deep.equal(weights);
    const steps = el.trainer!.steps;
    el.stepEpoch();
    await el.updateComplete;
    expect(el.epoch).to.equal(3);
    expect(el.trainer!.steps - steps).to.equal(Math.ceil(21 / 10));
    el.reset();
    await el.updateComplete;
    expect(el.trainer!.data.count).to.equal(20); // Reset restores the data the settings make
  });

  it('by keyboard: Enter adds at the probe, Shift+Enter the next class, Delete removes the point under it', async () => {
    const el = await fixture<NnTrainer>(html`<nn-trainer samples="40" show="boundary" controls="points"></nn-trainer>`);
    await shownIn(el, '#point-class');
    frame(el).focus();
    for (let i = 0; i < 10; i++) await sendKeys({ press: 'ArrowUp' }); // to (0, 3)
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(el.trainer!.data.count).to.equal(21);
    expect(lastRow(el).inputs[1]).to.be.closeTo(3, 1e-9);
    await sendKeys({ down: 'Shift' });
    await sendKeys({ press: 'Enter' });
    await sendKeys({ up: 'Shift' });
    await el.updateComplete;
    expect(el.trainer!.data.count).to.equal(22);
    expect(lastRow(el).target).to.equal(1);
    await sendKeys({ press: 'Delete' });
    await el.updateComplete;
    expect(el.trainer!.data.count).to.equal(21);
    expect(announced(el)).to.equal('Removed a training point; 21 training points left.');
  });

  it('Delete where no point is says so and removes nothing', async () => {
    const el = await fixture<NnTrainer>(html`<nn-trainer samples="2" train-split="0.5" show="boundary" controls="points"></nn-trainer>`);
    await shownIn(el, '#point-class');
    frame(el).focus();
    for (let i = 0; i < 6; i++) await sendKeys({ press: 'ArrowLeft' });
    await sendKeys({ press: 'Delete' });
    await el.updateComplete;
    expect(announced(el)).to.match(/^No point to remove here/);
    expect(el.trainer!.data.count).to.equal(1);
  });

  it('draws an added point on the picture', async () => {
    const el = await fixture<NnTrainer>(html`<nn-trainer samples="2" show="boundary" controls="points"></nn-trainer>`);
    await shownIn(el, '#point-class');
    await nextFrame();
    const canvas = shadow(el).querySelector<HTMLCanvasElement>('canvas.boundary')!;
    const pixel = () => Array.from(canvas.getContext('2d')!.getImageData(Math.round(canvas.width * (10.5 / 12)), Math.round(canvas.width * (1.5 / 12)), 1, 1).data);
    const before = pixel();
    clickAt(el, 4.5, 4.5);
    await el.updateComplete;
    await nextFrame();
    expect(pixel()).not.to.deep.equal(before);
  });
});
