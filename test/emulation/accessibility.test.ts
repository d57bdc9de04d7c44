// Accessibility across the kit: forced colours keep signs apart, focus is visible, and training
// is announced politely, not every frame. The demo article's axe check is test/layout/article.test.ts.
import { expect, fixture, html } from '@open-wc/testing';
import { emulateMedia, sendKeys } from '@web/test-runner-commands';
import '../../components/index.js';
import type { NnTrainer } from '../../components/nn-trainer/nn-trainer.js';

const nextFrame = () => new Promise((resolve) => requestAnimationFrame(resolve));

async function settle(root: Element): Promise<void> {
  const elements = [...root.querySelectorAll('nn-neuron, nn-activation-plot, nn-network, nn-trainer')];
  for (let i = 0; i < 3; i++) {
    await Promise.all(elements.map((el) => (el as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete));
    await nextFrame();
  }
}

describe('accessibility', () => {
  afterEach(async () => {
    await emulateMedia({ forcedColors: 'none' });
  });

  it('keeps positive and negative weights apart in forced colours, and stays axe-clean', async () => {
    await emulateMedia({ forcedColors: 'active' });
    const el = await fixture(html`<nn-neuron inputs="1, 1" weights="0.8, -0.8"></nn-neuron>`);
    await settle(el.parentElement!);
    const links = [...el.shadowRoot!.querySelectorAll<SVGElement>('.positive, .negative')].filter((node) => node.localName === 'line' || node.localName === 'path');
    const stroke = (selector: string) => getComputedStyle(links.find((node) => node.matches(selector))!).stroke;
    expect(stroke('.positive')).to.not.equal(stroke('.negative'));
    await expect(el).to.be.accessible();
  });

  it('shows a visible focus ring on a control reached with Tab', async () => {
    const holder = await fixture(html`<div><button>before</button><nn-trainer controls="play, reset"></nn-trainer></div>`);
    const trainer = holder.querySelector('nn-trainer')!;
    await trainer.updateComplete;
    holder.querySelector('button')!.focus();
    await sendKeys({ press: 'Tab' });
    const focused = trainer.shadowRoot!.activeElement as HTMLElement;
    expect(focused?.localName).to.equal('button');
    const style = getComputedStyle(focused);
    expect(style.outlineStyle).to.not.equal('none');
    expect(parseFloat(style.outlineWidth)).to.be.at.least(2);
  });

  it('announces training politely on events, not on every frame', async () => {
    // The status line (the probe has a live region of its own, for its readings).
    const el = await fixture<NnTrainer>(html`<nn-trainer></nn-trainer>`);
    const live = el.shadowRoot!.querySelector('p.visually-hidden[aria-live="polite"]')!;
    let changes = 0;
    const observer = new MutationObserver(() => changes++);
    observer.observe(live, { childList: true, characterData: true, subtree: true });
    el.play();
    for (let i = 0; i < 30; i++) await nextFrame();
    expect(el.epoch).to.be.greaterThan(3);
    expect(changes).to.be.at.most(1);
    el.pause();
    await el.updateComplete;
    observer.disconnect();
    expect(live.textContent).to.match(/Paused\. Epoch \d+: training loss/);
  });
});
