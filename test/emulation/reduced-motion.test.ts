// Media-feature emulation needs the DevTools protocol, so these run in Chromium only.
import { expect, fixture, html } from '@open-wc/testing';
import { emulateMedia } from '@web/test-runner-commands';
import '../../components/nn-trainer/nn-trainer.js';
import '../../components/nn-loss-surface/nn-loss-surface.js';
import type { NnTrainer } from '../../components/nn-trainer/nn-trainer.js';
import type { NnLossSurface } from '../../components/nn-loss-surface/nn-loss-surface.js';
import '../../components/nn-backprop/nn-backprop.js';
import type { NnBackprop } from '../../components/nn-backprop/nn-backprop.js';
import '../../components/nn-rnn/nn-rnn.js';
import type { NnRnn } from '../../components/nn-rnn/nn-rnn.js';
import '../../components/nn-convolution/nn-convolution.js';
import type { NnConvolution } from '../../components/nn-convolution/nn-convolution.js';
import '../../components/nn-digits/nn-digits.js';
import type { NnDigits } from '../../components/nn-digits/nn-digits.js';

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

  it('keeps <nn-digits autoplay> untrained until the reader presses Train', async () => {
    await emulateMedia({ reducedMotion: 'reduce' });
    const el = await fixture<NnDigits>(html`<nn-digits autoplay src="/test/fixtures/digits-small.txt"></nn-digits>`);
    await el.ready;
    expect(el.playing).to.equal(false);
    expect(el.epoch).to.equal(0);
    el.play();
    expect(el.playing).to.equal(true);
    el.pause();
    await emulateMedia({ reducedMotion: 'no-preference' });
    const other = await fixture<NnDigits>(html`<nn-digits autoplay src="/test/fixtures/digits-small.txt"></nn-digits>`);
    await other.ready;
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

  it('keeps <nn-rnn autoplay> untrained until the reader presses Train', async () => {
    await emulateMedia({ reducedMotion: 'reduce' });
    const el = await fixture<NnRnn>(html`<nn-rnn autoplay></nn-rnn>`);
    expect(el.playing).to.equal(false);
    expect(el.epoch).to.equal(0);
    el.play();
    expect(el.playing).to.equal(true);
    el.pause();
    await emulateMedia({ reducedMotion: 'no-preference' });
    const other = await fixture<NnRnn>(html`<nn-rnn autoplay></nn-rnn>`);
    expect(other.playing).to.equal(true);
    other.pause();
  });

  it('keeps <nn-convolution mode="train" autoplay> untrained until the reader presses Train', async () => {
    // The digits load first: wait until the network is there.
    const ready = async (el: NnConvolution) => {
      for (let i = 0; i < 300 && el.filtersValues.length === 0; i++) await new Promise((resolve) => requestAnimationFrame(resolve));
      await el.updateComplete;
      expect(el.filtersValues).to.have.length(6);
    };
    await emulateMedia({ reducedMotion: 'reduce' });
    const el = await fixture<NnConvolution>(html`<nn-convolution mode="train" autoplay></nn-convolution>`);
    await ready(el);
    expect(el.playing).to.equal(false);
    expect(el.steps).to.equal(0);
    el.play();
    expect(el.playing).to.equal(true);
    el.pause();
    await emulateMedia({ reducedMotion: 'no-preference' });
    const other = await fixture<NnConvolution>(html`<nn-convolution mode="train" autoplay></nn-convolution>`);
    await ready(other);
    expect(other.playing).to.equal(true);
    other.pause();
  });

  it('moves <nn-backprop> from stage to stage without transitions', async () => {
    const duration = (el: NnBackprop) => getComputedStyle(el.shadowRoot!.querySelector('g.node.current circle')!).transitionDuration;
    const el = await fixture<NnBackprop>(html`<nn-backprop></nn-backprop>`);
    await el.updateComplete;
    expect(duration(el)).to.not.match(/^0s(, 0s)*$/);
    await emulateMedia({ reducedMotion: 'reduce' });
    el.step();
    await el.updateComplete;
    expect(duration(el)).to.match(/^0s(, 0s)*$/);
    expect(el.stage.index).to.equal(1);
  });
});
