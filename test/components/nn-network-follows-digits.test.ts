// <nn-network for="digits-id"> follows an <nn-digits>: it shows the digits' network, and the
// 64 pixels of whatever the reader draws (or picks) travel forward through it to the same ten
// probabilities the digits element shows.
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import '../../components/nn-digits/nn-digits.js';
import '../../components/nn-network/nn-network.js';
import type { NnDigits } from '../../components/nn-digits/nn-digits.js';
import type { NnNetwork } from '../../components/nn-network/nn-network.js';
import { nextFrame } from './helpers.js';

type Forward = CustomEvent<{ inputs: number[]; outputs: number[] }>;

/** The digits and a network view following them, both in view, the digits loaded. */
async function pair(): Promise<{ digits: NnDigits; view: NnNetwork }> {
  const holder = await fixture<HTMLDivElement>(html`<div>
    <nn-digits id="follow-digits" show="input, probabilities"></nn-digits>
    <nn-network for="follow-digits"></nn-network>
  </div>`);
  const digits = holder.querySelector('nn-digits')!;
  const view = holder.querySelector('nn-network')!;
  await digits.ready;
  await digits.updateComplete;
  // The view reports the digits' network once it is on screen.
  view.scrollIntoView();
  for (let i = 0; i < 30 && !view.network; i++) {
    await nextFrame();
    await view.updateComplete;
  }
  return { digits, view };
}

const close = (actual: readonly number[], expected: readonly number[]) => {
  expect(actual).to.have.length(expected.length);
  actual.forEach((value, i) => expect(value, `element ${i}`).to.be.closeTo(expected[i], 1e-12));
};

describe('<nn-network for> an <nn-digits>', () => {
  it('shows the digits’ own network, its ten outputs named by digit', async () => {
    const { digits, view } = await pair();
    expect(view.network).to.equal(digits.network);
    expect(view.network!.layers).to.deep.equal([64, 64, 10]);
    const text = view.shadowRoot!.textContent!;
    expect(text).to.contain('64 values');
    expect(text).to.contain('10 × softmax');
  });

  it('carries a picked handwritten 7 forward to the probabilities the digits element shows', async () => {
    const { digits, view } = await pair();
    digits.scrollIntoView();
    const seven = [...digits.shadowRoot!.querySelectorAll<HTMLButtonElement>('.samples button')].find((b) => b.textContent!.trim() === '7')!;
    const forward = oneEvent(view, 'nn-forward') as Promise<Forward>;
    seven.click();
    const { detail } = await forward;
    expect(digits.sampleInputs.some((v) => v > 0)).to.equal(true);
    close(detail.inputs, digits.sampleInputs);
    close(detail.outputs, digits.probabilities);
  });

  it('follows each image a script sets', async () => {
    const { digits, view } = await pair();
    // A drawing is centred before it is shrunk: a vertical stroke and a horizontal one differ wherever they are.
    const vertical = Array.from({ length: 784 }, (_, i) => (i % 28 === 14 && i > 4 * 28 && i < 24 * 28 ? 1 : 0));
    const horizontal = Array.from({ length: 784 }, (_, i) => (Math.floor(i / 28) === 14 && i % 28 > 4 && i % 28 < 24 ? 1 : 0));
    let forward = oneEvent(view, 'nn-forward') as Promise<Forward>;
    digits.image = vertical;
    const first = (await forward).detail;
    close(first.inputs, digits.sampleInputs);
    forward = oneEvent(view, 'nn-forward') as Promise<Forward>;
    digits.image = horizontal;
    const second = (await forward).detail;
    close(second.inputs, digits.sampleInputs);
    expect(second.inputs).to.not.deep.equal(first.inputs);
  });
});
