// <nn-network activation="relu, relu, tanh">: one activation per hidden layer, read like the core.
import { expect, fixture, html } from '@open-wc/testing';
import { Network } from '../../src/index.js';
import '../../components/nn-network/nn-network.js';
import type { NnNetwork } from '../../components/nn-network/nn-network.js';

const $$ = (el: NnNetwork, selector: string) => [...el.shadowRoot!.querySelectorAll(selector)];
const alertText = (el: NnNetwork) => el.shadowRoot!.querySelector('[role="alert"]')?.textContent?.trim() ?? '';

describe('<nn-network> per-layer activation', () => {
  it('is accessible with a per-layer activation', async () => {
    const el = await fixture<NnNetwork>(html`<nn-network layers="2,4,3,3,1" activation="relu, gelu, tanh"></nn-network>`);
    await expect(el).to.be.accessible();
  });

  it('gives each hidden layer its own activation: the outputs and captions of the core network', async () => {
    const el = await fixture<NnNetwork>(html`<nn-network layers="2,4,3,3,1" activation="relu, gelu, tanh" seed="7" inputs="0.4, -1.2"></nn-network>`);
    const core = new Network({ layers: [2, 4, 3, 3, 1], activation: ['relu', 'gelu', 'tanh'], seed: 7 });
    expect(el.network!.hiddenActivations.map((a) => a.name)).to.deep.equal(['relu', 'gelu', 'tanh']);
    expect(Array.from(el.outputs)).to.deep.equal(Array.from(core.predict([0.4, -1.2])));
    expect($$(el, '.caption-sub').map((t) => t.textContent)).to.deep.equal(['2 values', '4 × relu', '3 × gelu', '3 × tanh', '1 × sigmoid']);
    expect(el.toJSON()!.activation).to.deep.equal(['relu', 'gelu', 'tanh']);
    // One name still means every hidden layer.
    el.setAttribute('activation', 'elu');
    await el.updateComplete;
    expect($$(el, '.caption-sub').map((t) => t.textContent)).to.deep.equal(['2 values', '4 × elu', '3 × elu', '3 × elu', '1 × sigmoid']);
  });

  it('a list of the wrong length, an unknown name or softmax gets a message; the last network stays', async () => {
    const el = await fixture<NnNetwork>(html`<nn-network layers="2,4,3,1" activation="relu, tanh"></nn-network>`);
    const outputs = Array.from(el.outputs);
    for (const [text, message] of [
      ['relu, tanh, relu', /activation.*lists 3 names.*2 hidden layers.*one name for all of them or 2/],
      ['relu, wiggly', /activation: Unknown activation "wiggly"/],
      ['relu, softmax', /output layer only/],
      ['relu,', /activation: Unknown activation ""/],
    ] as const) {
      el.setAttribute('activation', text);
      await el.updateComplete;
      expect(alertText(el), text).to.match(message);
      expect(Array.from(el.outputs), `${text} keeps the network`).to.deep.equal(outputs);
      expect(el.network!.hiddenActivations.map((a) => a.name)).to.deep.equal(['relu', 'tanh']);
    }
    el.setAttribute('activation', 'tanh , relu');
    await el.updateComplete;
    expect(alertText(el)).to.equal('');
    expect(el.network!.hiddenActivations.map((a) => a.name)).to.deep.equal(['tanh', 'relu']);
  });
});
