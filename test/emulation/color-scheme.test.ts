// Media-feature emulation needs the DevTools protocol, so these run in Chromium only.
import { expect, fixture, html } from '@open-wc/testing';
import { emulateMedia } from '@web/test-runner-commands';
import '../../components/nn-trainer/nn-trainer.js';
import type { NnTrainer } from '../../components/nn-trainer/nn-trainer.js';
import '../../components/nn-loss-surface/nn-loss-surface.js';

const nextFrame = () => new Promise((resolve) => requestAnimationFrame(resolve));

/** Mean brightness (0 to 255) of one pixel of the decision boundary. */
function boundaryBrightness(el: NnTrainer): number {
  const canvas = el.shadowRoot!.querySelector<HTMLCanvasElement>('canvas.boundary')!;
  const [r, g, b] = canvas.getContext('2d')!.getImageData(1, 1, 1, 1).data;
  return (r + g + b) / 3;
}

describe('prefers-color-scheme', () => {
  afterEach(async () => {
    await emulateMedia({ colorScheme: 'light' });
  });

  it("repaints <nn-trainer> in dark when the reader's system switches scheme, without being asked", async () => {
    await emulateMedia({ colorScheme: 'light' });
    const el = await fixture<NnTrainer>(html`<nn-trainer style="color-scheme: light dark"></nn-trainer>`);
    expect(boundaryBrightness(el)).to.be.above(180);
    await emulateMedia({ colorScheme: 'dark' });
    for (let frame = 0; frame < 30 && boundaryBrightness(el) > 100; frame++) await nextFrame();
    expect(boundaryBrightness(el)).to.be.below(100);
  });

  it("repaints <nn-loss-surface>'s shading in dark when the scheme switches", async () => {
    await emulateMedia({ colorScheme: 'light' });
    const el = await fixture<HTMLElement>(html`<nn-loss-surface style="color-scheme: light dark"></nn-loss-surface>`);
    // Mean brightness of the map: the light shading runs from #95a1ad (160) to #fbfcfd, the
    // dark one from #171b20 to #8793a0 (147); contour lines are thin.
    const brightness = () => {
      const canvas = el.shadowRoot!.querySelector<HTMLCanvasElement>('canvas.heights')!;
      const data = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
      let sum = 0;
      let count = 0;
      for (let i = 0; i < data.length; i += 4) {
        if (data[i + 3] === 0) continue;
        sum += (data[i] + data[i + 1] + data[i + 2]) / 3;
        count++;
      }
      return count ? sum / count : Number.NaN;
    };
    for (let frame = 0; frame < 60 && !(brightness() > 150); frame++) await nextFrame();
    expect(brightness()).to.be.above(150);
    await emulateMedia({ colorScheme: 'dark' });
    for (let frame = 0; frame < 60 && !(brightness() < 150); frame++) await nextFrame();
    expect(brightness()).to.be.below(150);
  });
});
