// React, Vue and Svelte pass a new array on every render. An equal list must change
// nothing: no rebuild, no reset, no lost training.
import { expect, fixture, html } from '@open-wc/testing';
import '../../components/index.js';
import type { NnNetwork, NnNeuron, NnTrainer } from '../../components/index.js';

/** Counts the element's renders from now on. */
function countRenders(el: HTMLElement): () => number {
  const target = el as unknown as { render: () => unknown };
  const render = target.render.bind(el);
  let count = 0;
  target.render = () => {
    count++;
    return render();
  };
  return () => count;
}

describe('list properties compare by content', () => {
  it('<nn-trainer>: equal hiddenLayers, features, controls and show arrays keep the run going', async () => {
    const el = await fixture<NnTrainer>(html`<nn-trainer data="circle"></nn-trainer>`);
    el.hiddenLayers = [8, 8];
    el.features = ['x1', 'x2'];
    await el.updateComplete;
    for (let i = 0; i < 5; i++) el.stepEpoch();
    el.play();
    const network = el.network;
    // A framework's next render: the same values in new arrays.
    el.hiddenLayers = [8, 8];
    el.features = ['x1', 'x2'];
    el.controls = [...el.controls];
    el.show = [...el.show];
    el.classLabels = undefined;
    await el.updateComplete;
    expect(el.network, 'the same network').to.equal(network);
    expect(el.epoch).to.be.at.least(5);
    expect(el.playing, 'still playing').to.equal(true);
    el.pause();
    // A real change still rebuilds.
    el.hiddenLayers = [8, 4];
    await el.updateComplete;
    expect(el.network).to.not.equal(network);
    expect(el.epoch).to.equal(0);
  });

  it('<nn-network>: equal layers and inputs keep the reader\'s weights', async () => {
    const el = await fixture<NnNetwork>(html`<nn-network></nn-network>`);
    el.layers = [2, 3, 1];
    el.inputs = [0.5, -1];
    await el.updateComplete;
    const network = el.network!;
    network.weights[0] = 1.25;
    el.layers = [2, 3, 1];
    el.inputs = [0.5, -1];
    await el.updateComplete;
    expect(el.network).to.equal(network);
    expect(el.network!.weights[0]).to.equal(1.25);
    const renders = countRenders(el);
    el.layers = [2, 3, 1];
    el.labels = ['x', 'y'];
    await el.updateComplete;
    const afterLabels = renders();
    el.labels = ['x', 'y'];
    el.inputs = [0.5, -1];
    await el.updateComplete;
    expect(renders(), 'equal arrays do not render again').to.equal(afterLabels);
  });

  it('<nn-neuron>: equal inputs, weights and labels arrays do not even render again', async () => {
    const el = await fixture<NnNeuron>(html`<nn-neuron inputs="1, 0" weights="0.5, 0.5" labels="a, b"></nn-neuron>`);
    const renders = countRenders(el);
    el.inputs = [1, 0];
    el.weights = [0.5, 0.5];
    el.labels = ['a', 'b'];
    await el.updateComplete;
    expect(renders(), 'no render').to.equal(0);
    el.inputs = [1, 1];
    await el.updateComplete;
    expect(renders(), 'a real change renders').to.equal(1);
  });
});
