// Media-feature emulation needs the DevTools protocol, so these run in Chromium only.
import { expect, fixture, html } from '@open-wc/testing';
import { emulateMedia } from '@web/test-runner-commands';
import '../../components/nn-trainer/nn-trainer.js';
import '../../components/nn-loss-surface/nn-loss-surface.js';
import type { NnTrainer } from '../../components/nn-trainer/nn-trainer.js';
import type { NnLossSurface } from '../../components/nn-loss-surface/nn-loss-surface.js';

describe('prefers-reduced-motion', () => {
  afterEach(async () => {
    await emulateMedia({ reducedMotion: 'no-preference' });
  });

  it('keeps <nn-trainer autoplay> paused until the reader presses Play', async () => {
    await emulateMedia({ reducedMotion: 'reduce' });
    const el = await fixture<NnTrainer>(html`<nn-trainer autoplay></nn-trainer>`);
    expect(el.playing).to.equal(false);
    el.play();
    expect(el.playing).to.equal(true);
    el.pause();
    await emulateMedia({ reducedMotion: 'no-preference' });
    const other = await fixture<NnTrainer>(html`<nn-trainer autoplay></nn-trainer>`);
    expect(other.playing).to.equal(true);
    other.pause();
  });

  it('keeps <nn-loss-surface autoplay> still until the reader presses Play', async () => {
    await emulateMedia({ reducedMotion: 'reduce' });
    const el = await fixture<NnLossSurface>(html`<nn-loss-surface autoplay></nn-loss-surface>`);
    expect(el.playing).to.equal(false);
    expect(el.path[0]).to.have.length(1);
    el.play();
    expect(el.playing).to.equal(true);
    el.pause();
    await emulateMedia({ reducedMotion: 'no-preference' });
    const other = await fixture<NnLossSurface>(html`<nn-loss-surface autoplay></nn-loss-surface>`);
    expect(other.playing).to.equal(true);
    other.pause();
  });
});
