// Elements far below the viewport wait to draw until the reader nears them; those in
// view draw at once. Their properties and events work either way.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../components/nn-network/nn-network.js';
import type { NnNetwork } from '../../components/nn-network/nn-network.js';
import '../../components/nn-trainer/nn-trainer.js';
import type { NnTrainer } from '../../components/nn-trainer/nn-trainer.js';

const drawn = (el: HTMLElement, selector: string) => el.shadowRoot!.querySelector(selector) !== null;

describe('elements off screen', function () {
  this.timeout(30_000);

  it('a trainer and a network far below the viewport draw a placeholder of their size, then draw in full when scrolled near', async () => {
    const page = await fixture<HTMLDivElement>(html`<div>
      <nn-trainer id="near" samples="60"></nn-trainer>
      <div class="spacer" style="height: ${innerHeight * 20}px"></div>
      <nn-trainer id="far" samples="60"></nn-trainer>
      <nn-network for="far"></nn-network>
    </div>`);
    const [near, far] = page.querySelectorAll<NnTrainer>('nn-trainer');
    const network = page.querySelector<NnNetwork>('nn-network')!;
    await Promise.all([near.updateComplete, far.updateComplete, network.updateComplete]);

    expect(drawn(near, 'button.play'), 'the trainer in view draws at once').to.equal(true);
    for (const [el, part] of [[far, 'button.play'], [network, 'svg']] as const) {
      expect(drawn(el, part), `${el.localName} far below waits`).to.equal(false);
      expect(el.getBoundingClientRect().height, `${el.localName} keeps its room`).to.be.above(200);
    }
    // What a script reads is there already: the network is built and followed.
    expect(far.network!.layers).to.have.length.above(2);
    expect(far.epoch).to.equal(0);
    far.stepEpoch();
    expect(far.epoch).to.equal(1);
    expect(network.network).to.equal(far.network);

    far.scrollIntoView();
    await waitUntil(() => drawn(far, 'button.play') && drawn(network, 'svg'), 'drawn when scrolled near');
    await far.updateComplete;
    expect(far.shadowRoot!.querySelector('.epoch')!.textContent).to.equal('1');
    expect(far.shadowRoot!.querySelector('.placeholder')).to.equal(null);
    await expect(far).to.be.accessible();
    scrollTo(0, 0);
  });

  it('a trainer near enough to draw draws its network too, though the network itself lies beyond the limit', async () => {
    const page = await fixture<HTMLDivElement>(html`<div style="width: 360px">
      <div class="spacer" style="height: ${innerHeight * 6 - 300}px"></div>
      <nn-trainer samples="60"></nn-trainer>
    </div>`);
    const trainer = page.querySelector<NnTrainer>('nn-trainer')!;
    await trainer.updateComplete;
    expect(drawn(trainer, 'button.play'), 'the trainer draws').to.equal(true);
    const network = trainer.shadowRoot!.querySelector<NnNetwork>('nn-network')!;
    await network.updateComplete;
    expect(network.getBoundingClientRect().top, 'its network starts beyond five screens below the viewport').to.be.above(innerHeight * 6);
    expect(drawn(network, 'svg'), 'its network is drawn, not a placeholder').to.equal(true);
    expect(network.shadowRoot!.querySelector('.placeholder')).to.equal(null);
  });
});
