import { html } from 'lit';
import type { ParameterPlace } from '../../src/index.js';
import { format } from '../shared/strings.js';
import type { BackpropStrings } from './nn-backprop.strings.js';
import type { Walk } from './walk.js';

type Fmt = (value: number) => string;

/** A parameter's name as in the model JSON: weights[1][0][0], biases[0][1]. */
export const placeName = ([k, j, i]: ParameterPlace) => (i === undefined ? `biases[${k}][${j}]` : `weights[${k}][${j}][${i}]`);

/** Every weight and bias of a network's layers, in the model JSON's order. */
export function placesOf(layers: readonly number[]): ParameterPlace[] {
  const places: ParameterPlace[] = [];
  for (let k = 0; k < layers.length - 1; k++) {
    for (let j = 0; j < layers[k + 1]; j++) {
      for (let i = 0; i < layers[k]; i++) places.push([k, j, i]);
      places.push([k, j]);
    }
  }
  return places;
}

/** A layer's name for readers: input, hidden 1, …, output. */
export function layerName(words: BackpropStrings, l: number, count: number): string {
  return l === 0 ? words.inputLayer : l === count - 1 ? words.outputLayer : format(words.hiddenLayer, { index: l });
}

const list = (values: readonly number[], fmt: Fmt) => `(${values.map(fmt).join(', ')})`;

/** The sentence for the stage the walkthrough is at, with its numbers (read out politely). */
export function stageText(walk: Walk, words: BackpropStrings, fmt: Fmt): string {
  const { network, result, sample } = walk;
  const stage = walk.stages.list[walk.stage];
  const count = network.layers.length;
  if (stage.phase === 'forward') {
    const { layer, neuron } = stage;
    const { z, a } = result.nodes[layer];
    return format(words.forwardAt, { neuron, layer: layerName(words, layer, count), z: fmt(z[neuron]), a: fmt(a[neuron]), activation: network.activationOf(layer - 1).symbol });
  }
  if (stage.phase === 'loss') return format(words.lossAt, { loss: fmt(result.loss), target: list(sample.target, fmt) });
  if (stage.phase === 'update') return format(words.updateAt, { rate: fmt(sample.learningRate), loss: fmt(result.loss) });
  const { layer, neuron, from } = stage;
  const node = result.nodes[layer];
  if (from === undefined) return format(words.deltaAt, { neuron, layer: layerName(words, layer, count), da: fmt(node.da[neuron]), dz: fmt(node.dz[neuron]) });
  return format(words.edgeAt, {
    name: placeName([layer - 1, neuron, from]),
    dz: fmt(node.dz[neuron]),
    a: fmt(result.nodes[layer - 1].a[from]),
    gradient: fmt(result.weights[layer - 1][neuron][from]),
  });
}

/** The phase's name, for the progress line. */
export function phaseName(words: BackpropStrings, phase: string): string {
  return phase === 'forward' ? words.forward : phase === 'loss' ? words.loss : phase === 'backward' ? words.backward : words.updatePhase;
}

/**
 * Every neuron's numbers as a table: the diagram's text alternative (visually hidden unless
 * `show` lists table). A number the walkthrough has not reached yet reads "—".
 */
export function renderTable(walk: Walk, words: BackpropStrings, fmt: Fmt, visible: boolean) {
  const { result, stages, network } = walk;
  const count = network.layers.length;
  const cell = (reached: boolean, value: number | undefined) => (reached && value !== undefined ? fmt(value) : '—');
  // Hidden, the table sits in a one-pixel box: a table is never narrower than its content,
  // so on the table itself the hiding would widen the page.
  const table = html`<table class="numbers" part="table">
    <caption>${words.tableCaption}</caption>
    <thead><tr><th scope="col">${words.layer}</th><th scope="col">${words.neuron}</th><th scope="col">z</th><th scope="col">a</th><th scope="col">∂L/∂z</th><th scope="col">∂L/∂a</th></tr></thead>
    <tbody>
      ${result.nodes.map((node, l) =>
        node.a.map((a, j) => {
          const forward = walk.reached(stages.forward(l, j));
          const backward = walk.reached(stages.delta(l, j));
          return html`<tr>
            <th scope="row">${layerName(words, l, count)}</th><td>${j}</td>
            <td class="number">${cell(forward, node.z[j])}</td><td class="number">${cell(forward, a)}</td>
            <td class="number">${cell(backward, node.dz[j])}</td><td class="number">${cell(backward, node.da[j])}</td>
          </tr>`;
        }),
      )}
    </tbody>
  </table>`;
  return visible ? table : html`<div class="visually-hidden">${table}</div>`;
}
