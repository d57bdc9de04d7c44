import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../components/nn-digits/nn-digits.js';
import type { NnDigits } from '../../components/nn-digits/nn-digits.js';

/** Files of the digits asset the page has fetched. */
const digitFiles = () =>
  performance
    .getEntriesByType('resource')
    .map((entry) => entry.name)
    .filter((name) => /\/data\/digits\//.test(name));

describe('<nn-digits> data', () => {
  it('is not downloaded by a page that loads the element but shows none; it is once one appears', async () => {
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(customElements.get('nn-digits')).to.exist;
    expect(digitFiles()).to.deep.equal([]);
    const el = await fixture<NnDigits>(html`<nn-digits show="probabilities"></nn-digits>`);
    await el.ready;
    expect(el.network).to.exist;
    const files = digitFiles().map((name) => new URL(name).pathname);
    expect(files).to.include('/data/digits/digits.ts');
    // The shipped weights only when asked for.
    expect(files).to.not.include('/data/digits/model.ts');
    const pretrained = await fixture<NnDigits>(html`<nn-digits model="pretrained" show="probabilities"></nn-digits>`);
    pretrained.scrollIntoView();
    await waitUntil(() => pretrained.network && pretrained.accuracy > 0.9, 'the pretrained network is built', { timeout: 15000 });
    expect(digitFiles().map((name) => new URL(name).pathname)).to.include('/data/digits/model.ts');
  });
});
