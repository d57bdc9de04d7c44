// Frameworks (React 19, Vue, Svelte) set properties, not attributes, and often pass the
// attribute's text: each element reads that text as its attribute would.
import { expect, fixture, html } from '@open-wc/testing';
import '../../components/index.js';
import type { NnNetwork, NnNeuron, NnTrainer } from '../../components/index.js';

const alertText = (el: Element) => el.shadowRoot!.querySelector('[role="alert"]')?.textContent ?? '';

describe('properties set to an attribute text', () => {
  it('<nn-network>: layers and inputs given as text are read as lists', async () => {
    const el = await fixture<NnNetwork>(html`<nn-network></nn-network>`);
    (el as unknown as Record<string, unknown>).layers = '2, 3, 1';
    (el as unknown as Record<string, unknown>).inputs = '0.5, −1';
    await el.updateComplete;
    expect(el.layers).to.deep.equal([2, 3, 1]);
    expect(el.inputs).to.deep.equal([0.5, -1]);
    expect(alertText(el)).to.equal('');
    expect(el.outputs).to.have.length(1);
  });

  it('<nn-neuron>: numbers and lists given as text are read as numbers', async () => {
    const el = await fixture<NnNeuron>(html`<nn-neuron></nn-neuron>`);
    Object.assign(el, { inputs: '1, 0, 1', weights: '0.8, -0.4, 0.5', bias: '-0.5', labels: 'Sunny,,Free time', activation: 'sigmoid' });
    await el.updateComplete;
    expect(el.bias).to.equal(-0.5);
    expect(el.labels).to.deep.equal(['Sunny', '', 'Free time']);
    expect(el.z).to.be.closeTo(0.8, 1e-12);
    expect(alertText(el)).to.equal('');
  });

  it('<nn-trainer>: hidden layers and controls given as text are read as lists', async () => {
    const el = await fixture<NnTrainer>(html`<nn-trainer></nn-trainer>`);
    Object.assign(el, { hiddenLayers: '3, 2', controls: 'play, step', learningRate: '0.1' });
    await el.updateComplete;
    expect(el.hiddenLayers).to.deep.equal([3, 2]);
    expect(el.controls).to.deep.equal(['play', 'step']);
    expect(el.learningRate).to.equal(0.1);
    expect(el.network!.layers).to.deep.equal([2, 3, 2, 1]);
    expect(el.shadowRoot!.querySelector('button.reset')).to.equal(null);
    expect(alertText(el)).to.equal('');
  });

  it('a bad text still gets the inline message, and a good one recovers', async () => {
    const el = await fixture<NnNetwork>(html`<nn-network></nn-network>`);
    (el as unknown as Record<string, unknown>).layers = '2, two, 1';
    await el.updateComplete;
    expect(alertText(el)).to.contain('two');
    (el as unknown as Record<string, unknown>).layers = '2,1';
    await el.updateComplete;
    expect(alertText(el)).to.equal('');
    expect(el.network!.layers).to.deep.equal([2, 1]);
  });
});
