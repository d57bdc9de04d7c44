// Media-feature emulation needs the DevTools protocol, so these run in Chromium only.
import { expect, fixture, html } from '@open-wc/testing';
import { emulateMedia } from '@web/test-runner-commands';
import '../../components/nn-trainer/nn-trainer.js';
import type { NnTrainer } from '../../components/nn-trainer/nn-trainer.js';

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
});
