// <nn-neuron> loads <nn-activation-plot> only when `show-plot` asks for it: this file imports
// the neuron alone, so the plot's module is not on the page until then.
import { expect, fixture, html } from '@open-wc/testing';
import '../../components/nn-neuron/nn-neuron.js';
import type { NnNeuron } from '../../components/nn-neuron/nn-neuron.js';
import type { NnActivationPlot } from '../../components/nn-activation-plot/nn-activation-plot.js';

/** Modules of the plot's folder the page has fetched. */
const plotRequests = () =>
  performance.getEntriesByType('resource').filter((entry) => entry.name.includes('/components/nn-activation-plot/'));

describe('<nn-neuron> show-plot', () => {
  it('does not load the plot for a neuron without show-plot', async () => {
    const el = await fixture<NnNeuron>(html`<nn-neuron></nn-neuron>`);
    el.bias = 0.4;
    await el.updateComplete;
    expect(customElements.get('nn-activation-plot')).to.equal(undefined);
    expect(plotRequests()).to.deep.equal([]);
    expect(el.shadowRoot!.querySelector('nn-activation-plot')).to.equal(null);
  });

  it('loads and draws the plot when show-plot is set later, and the plot follows the neuron', async () => {
    const el = await fixture<NnNeuron>(html`<nn-neuron activation="tanh"></nn-neuron>`);
    expect(customElements.get('nn-activation-plot')).to.equal(undefined);
    el.setAttribute('show-plot', '');
    await el.updateComplete;
    const Plot = customElements.get('nn-activation-plot');
    expect(Plot, 'the plot is defined once updateComplete resolves').to.be.a('function');
    expect(plotRequests().length).to.be.greaterThan(0);
    const plot = el.shadowRoot!.querySelector<NnActivationPlot>('nn-activation-plot')!;
    expect(plot).to.be.an.instanceOf(Plot!);
    expect(plot.activation).to.equal('tanh');
    expect(plot.value).to.be.closeTo(el.z, 1e-12);
    expect(plot.xMin).to.equal(-6);
    expect(plot.shadowRoot!.querySelectorAll('circle.marker')).to.have.length(1);
    expect(plot.shadowRoot!.querySelector('[role="alert"]')).to.equal(null);
    el.bias = 2;
    await el.updateComplete;
    await plot.updateComplete;
    expect(plot.value).to.be.closeTo(el.z, 1e-12);
    el.activation = 'relu';
    await el.updateComplete;
    await plot.updateComplete;
    expect(plot.activation).to.equal('relu');
    expect(plot.shadowRoot!.querySelector('path.curve')!.getAttribute('data-activation')).to.equal('relu');
  });

  it('removes the plot when show-plot is removed, and shows it again at once', async () => {
    const el = await fixture<NnNeuron>(html`<nn-neuron show-plot></nn-neuron>`);
    expect(el.shadowRoot!.querySelector('nn-activation-plot')!.shadowRoot!.querySelector('path.curve')).to.exist;
    el.showPlot = false;
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('nn-activation-plot')).to.equal(null);
    el.showPlot = true;
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector<NnActivationPlot>('nn-activation-plot')!.value).to.be.closeTo(el.z, 1e-12);
  });
});
