// <nn-trainer>'s state and share control: a run written as text restores exactly, a bad or
// tampered state changes nothing and says why, and Share hands the reader HTML for this
// element only.
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../components/nn-trainer/nn-trainer.js';
import type { NnTrainer } from '../../components/nn-trainer/nn-trainer.js';
import { captureWarnings } from './helpers.js';
import { shownIn } from './nn-trainer-loading.js';

const shadow = (el: NnTrainer) => el.shadowRoot!;
const alertText = (el: NnTrainer) => shadow(el).querySelector('[role="alert"]')?.textContent?.trim() ?? '';
const PWN = 'window.__pwned=1';

async function epochs(el: NnTrainer, count: number): Promise<void> {
  for (let i = 0; i < count; i++) el.stepEpoch();
  await el.updateComplete;
}

describe('<nn-trainer> state and share', function () {
  this.timeout(60_000);

  it('is accessible with the share panel open', async () => {
    const el = await fixture<NnTrainer>(html`<nn-trainer samples="60" show="loss"></nn-trainer>`);
    shadow(el).querySelector<HTMLButtonElement>('button.share')!.click();
    await shownIn(el, '#share-snippet');
    await expect(el).to.be.accessible();
  });

  it('reads the state as the settings that differ from their defaults, and the seed', async () => {
    const el = await fixture<NnTrainer>(html`<nn-trainer show="loss"></nn-trainer>`);
    expect(el.state).to.equal('seed=1');
    el.setAttribute('data', 'spiral');
    el.setAttribute('noise', '10');
    el.setAttribute('hidden-layers', '6,3');
    el.setAttribute('learning-rate', '0.1');
    el.setAttribute('seed', '7');
    await el.updateComplete;
    expect(el.state).to.equal('data=spiral; noise=10; learning-rate=0.1; hidden-layers=6,3; seed=7');
  });

  it('restores a run exactly: the same epochs give the same losses and weights', async () => {
    const original = await fixture<NnTrainer>(
      html`<nn-trainer show="loss" data="xor" noise="15" samples="120" train-split="0.7" features="x1,x2,x1x2" batch-size="5"
        learning-rate="0.1" activation="relu" optimizer="adam" regularization="l2" regularization-rate="0.001" hidden-layers="5,3" seed="42"></nn-trainer>`,
    );
    await epochs(original, 6);
    const copy = await fixture<NnTrainer>(html`<nn-trainer show="loss"></nn-trainer>`);
    copy.state = original.state;
    await copy.updateComplete;
    expect(alertText(copy)).to.equal('');
    expect(copy.network!.layers).to.deep.equal([3, 5, 3, 1]);
    expect(copy.trainer!.optimizer.name).to.equal('adam');
    await epochs(copy, 6);
    expect(copy.epoch).to.equal(6);
    expect(copy.trainLoss).to.equal(original.trainLoss);
    expect(copy.testLoss).to.equal(original.testLoss);
    expect(Array.from(copy.network!.weights)).to.deep.equal(Array.from(original.network!.weights));
    expect(copy.state).to.equal(original.state);
  });

  it('as an attribute, wins over the attributes it covers and starts the run over', async () => {
    const el = await fixture<NnTrainer>(html`<nn-trainer show="loss" learning-rate="0.3" state="data=gauss; seed=5"></nn-trainer>`);
    expect(el.trainer!.learningRate).to.equal(0.03); // left out of the state: its default
    expect(el.data).to.equal('gauss');
    expect(el.seed).to.equal(5);
    await epochs(el, 2);
    el.setAttribute('state', 'data=gauss; seed=5');
    await el.updateComplete;
    expect(el.epoch).to.equal(0);
  });

  it('refuses bad or tampered text with a message, changes nothing, and runs no markup', async () => {
    const el = await fixture<NnTrainer>(html`<nn-trainer show="boundary,loss" data="xor" seed="3"></nn-trainer>`);
    const bad: [string, RegExp][] = [
      ['seed', /name=value/],
      [`data=<img src=x onerror="${PWN}">`, /data/],
      [`javascript:${PWN}`, /name=value/],
      ['src=https://example.com/data.json', /cannot hold "src"/],
      ['seed=1; seed=2', /twice/],
      ['learning-rate=-1', /learning-rate/],
      ['hidden-layers=2,4097', /hidden-layers|4096|64/],
      ['activation=__proto__', /activation|__proto__/],
      ['noise=NaN', /noise/],
      [`seed=${'9'.repeat(3000)}`, /at most 2000/],
    ];
    for (const [text, message] of bad) {
      const warnings = await captureWarnings(async () => {
        el.setAttribute('state', text);
        await el.updateComplete;
      });
      expect(alertText(el), text).to.match(message);
      expect(warnings.length, text).to.equal(1);
      expect(el.data, text).to.equal('xor');
      expect(el.seed, text).to.equal(3);
      expect(shadow(el).querySelector('img, script, iframe'), text).to.equal(null);
      expect((window as unknown as { __pwned?: number }).__pwned, text).to.equal(undefined);
    }
    // The message outlives a change of another attribute, and goes when the state is removed.
    el.setAttribute('state', 'nonsense');
    el.setAttribute('learning-rate', '0.1');
    await el.updateComplete;
    expect(alertText(el)).to.match(/name=value/);
    el.removeAttribute('state');
    await el.updateComplete;
    expect(alertText(el)).to.equal('');
    expect(el.state).to.equal('data=xor; learning-rate=0.1; seed=3');
  });

  it('Share shows HTML that restores the run, and copies it', async () => {
    const el = await fixture<NnTrainer>(html`<nn-trainer show="loss" data="moons" hidden-layers="none" seed="9"></nn-trainer>`);
    const share = shadow(el).querySelector<HTMLButtonElement>('button.share')!;
    expect(share.getAttribute('aria-expanded')).to.equal('false');
    share.click();
    await shownIn(el, '#share-snippet');
    expect(share.getAttribute('aria-expanded')).to.equal('true');
    const field = shadow(el).querySelector<HTMLTextAreaElement>('#share-snippet')!;
    expect(field.readOnly).to.equal(true);
    expect(field.labels![0].textContent).to.match(/restores this run/);
    expect(field.value).to.equal('<nn-trainer data="moons" hidden-layers="none" seed="9"></nn-trainer>');
    // The snippet, put in a page, builds the same network.
    const holder = await fixture<HTMLDivElement>(html`<div></div>`);
    holder.innerHTML = field.value;
    const copy = holder.firstElementChild as NnTrainer;
    await copy.updateComplete;
    expect(copy.state).to.equal(el.state);
    expect(Array.from(copy.network!.weights)).to.deep.equal(Array.from(el.network!.weights));

    let copied = '';
    const clipboard = Object.getOwnPropertyDescriptor(Navigator.prototype, 'clipboard');
    Object.defineProperty(navigator, 'clipboard', { configurable: true, value: { writeText: async (text: string) => void (copied = text) } });
    try {
      shadow(el).querySelector<HTMLButtonElement>('button.copy')!.click();
      await new Promise((resolve) => setTimeout(resolve, 0));
      await el.updateComplete;
      expect(copied).to.equal(field.value);
      expect(shadow(el).querySelector('.share-status')!.textContent).to.equal('Copied.');
      // A browser that refuses the clipboard: the text is selected for the reader to copy.
      Object.defineProperty(navigator, 'clipboard', { configurable: true, value: { writeText: () => Promise.reject(new Error('denied')) } });
      shadow(el).querySelector<HTMLButtonElement>('button.copy')!.click();
      await new Promise((resolve) => setTimeout(resolve, 0));
      await el.updateComplete;
      expect(shadow(el).querySelector('.share-status')!.textContent).to.match(/Ctrl\+C/);
      const selected = shadow(el).querySelector<HTMLTextAreaElement>('#share-snippet')!;
      expect(selected.selectionEnd - selected.selectionStart).to.equal(selected.value.length);
    } finally {
      delete (navigator as unknown as Record<string, unknown>).clipboard;
      if (clipboard) Object.defineProperty(Navigator.prototype, 'clipboard', clipboard);
    }
    expect(location.hash).to.equal('');
  });

  it('works by keyboard: Share opens the panel, Tab reaches the field and Copy', async () => {
    const el = await fixture<NnTrainer>(html`<nn-trainer show="loss" controls="share"></nn-trainer>`);
    shadow(el).querySelector<HTMLButtonElement>('button.share')!.focus();
    await sendKeys({ press: 'Enter' });
    await shownIn(el, '#share-snippet');
    expect(shadow(el).querySelector('#share-snippet')).to.exist;
    await sendKeys({ press: 'Tab' });
    expect(shadow(el).activeElement?.id).to.equal('share-snippet');
    await sendKeys({ press: 'Tab' });
    expect(shadow(el).activeElement?.className).to.equal('copy');
    shadow(el).querySelector<HTMLButtonElement>('button.share')!.focus();
    await sendKeys({ press: ' ' });
    await el.updateComplete;
    expect(shadow(el).querySelector('#share-snippet')).to.equal(null);
  });

  it('two trainers on a page keep their own states', async () => {
    const holder = await fixture<HTMLDivElement>(html`<div><nn-trainer show="loss" seed="2"></nn-trainer><nn-trainer show="loss" data="xor"></nn-trainer></div>`);
    const [a, b] = [...holder.querySelectorAll('nn-trainer')] as NnTrainer[];
    await a.updateComplete;
    await b.updateComplete;
    a.state = 'data=spiral; seed=4';
    await a.updateComplete;
    expect(a.state).to.equal('data=spiral; seed=4');
    expect(b.state).to.equal('data=xor; seed=1');
  });
});
