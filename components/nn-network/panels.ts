import { html, nothing } from 'lit';
import { styleMap } from '../shared/style-map.js';
import type { LayerTrace, Network } from '../../src/index.js';
import { signClass } from '../shared/colors.js';
import { formatNumber, percent } from '../shared/format.js';
import { format } from '../shared/strings.js';
import { type NodeKey, biasOf, weightOf } from './diagram.js';
import { type FieldSpec, renderField, renderPicker } from './fields.js';
import { COLUMN_LIMIT, diagramColumnLimit, drawnNeurons } from './layout.js';
import { type NeuronNames, layerCaption } from './names.js';
import type { NetworkStrings } from './nn-network.strings.js';

/** Most output rows listed; larger output layers list their top (softmax) or first values. */
const OUTPUT_ROWS = 10;
const INPUT_BOUND = 1;
const WEIGHT_BOUND = 3;

/** What the panels read. */
export interface PanelView {
  network: Network;
  trace: readonly LayerTrace[];
  names: NeuronNames;
  /** The words shown (the element's strings). */
  words: NetworkStrings;
}

export interface EditHandlers {
  onInput(index: number, value: number, commit: boolean): void;
  onWeight(k: number, to: number, from: number, value: number, commit: boolean): void;
  onBias(layer: number, index: number, value: number, commit: boolean): void;
  onSelect(key: NodeKey, from?: number): void;
  /** Picks which input the inputs panel edits when there are too many to list. */
  onPickInput(index: number): void;
  /** The reader left a field with no number in it: it shows its value again. */
  onCancel(): void;
}

function field(
  handlers: EditHandlers,
  spec: Omit<FieldSpec, 'onInput' | 'onCommit' | 'onCancel'>,
  apply: (value: number, commit: boolean) => void,
) {
  return renderField({
    ...spec,
    // While the reader types, their text is left alone (typedValue), even when it is not a number yet.
    onInput: (value) => {
      if (Number.isFinite(value)) apply(value, false);
    },
    onCommit: (value) => apply(value, true),
    onCancel: handlers.onCancel,
  });
}

/** The inputs: a slider and a number field each, or one picked input for long input layers. */
export function renderInputs(view: PanelView, handlers: EditHandlers, picked: number) {
  const values = view.trace[0].a;
  const one = (i: number, id: string) =>
    field(handlers, { id, label: view.names(0, i), value: values[i], bound: INPUT_BOUND, step: 0.01 }, (value, commit) =>
      handlers.onInput(i, value, commit),
    );
  if (values.length <= COLUMN_LIMIT) {
    return html`<div class="fields">${values.map((_, i) => one(i, `input-${i}`))}</div>`;
  }
  const index = Math.min(picked, values.length - 1);
  return html`<div class="fields">
    ${renderPicker({ id: 'input-pick', label: view.words.input, count: values.length, value: index, name: (i) => view.names(0, i), onPick: handlers.onPickInput })}
    ${one(index, 'input-picked')}
  </div>`;
}

/** Output values with labels; for softmax, class probabilities as bars with percentages. */
export function renderOutputs(view: PanelView) {
  const { network, trace, names, words } = view;
  const last = network.layers.length - 1;
  const outputs = trace[last].a;
  const softmax = network.outputActivation.name === 'softmax';
  let order = outputs.map((_, i) => i);
  if (softmax && outputs.length > OUTPUT_ROWS) order.sort((a, b) => outputs[b] - outputs[a]);
  order = order.slice(0, OUTPUT_ROWS);
  const guess = softmax ? outputs.indexOf(Math.max(...outputs)) : -1;
  const [low, high] = network.outputActivation.range;
  const positiveOnly = low >= 0;
  const scale = Number.isFinite(high) && Number.isFinite(low) ? Math.max(Math.abs(low), Math.abs(high)) : Math.max(1, ...outputs.map(Math.abs));
  const bar = (value: number) => {
    const size = Number.isNaN(value) ? 0 : Math.min(1, Math.abs(value) / scale);
    if (positiveOnly) return styleMap({ left: '0%', width: `${size * 100}%` });
    return styleMap({ left: value < 0 ? `${50 - size * 50}%` : '50%', width: `${size * 50}%` });
  };
  const more = outputs.length - order.length;
  return html`<ol class="bars ${positiveOnly ? '' : 'diverging'}">
      ${order.map(
        (i) => html`<li class="bar-row ${i === guess ? 'guess' : ''}">
          <span class="bar-label">${names(last, i)}</span>
          <span class="bar-track" aria-hidden="true"><span class="bar ${signClass(outputs[i])}" style=${bar(outputs[i])}></span></span>
          <span class="bar-value number">${softmax ? percent(outputs[i]) : formatNumber(outputs[i], 3)}</span>
        </li>`,
      )}
    </ol>
    ${more > 0 ? html`<p class="note">${format(softmax ? words.topOutputs : words.firstOutputs, { shown: order.length, count: outputs.length })}</p>` : nothing}`;
}

/** A short sentence with the network's answer, for the polite live region. */
export function describeOutputs(view: Pick<PanelView, 'network' | 'trace' | 'names' | 'words'>): string {
  const { network, trace, names, words } = view;
  const last = network.layers.length - 1;
  const outputs = trace[last].a;
  if (network.outputActivation.name === 'softmax') {
    const guess = outputs.indexOf(Math.max(...outputs));
    return format(words.guess, { name: names(last, guess), percent: percent(outputs[guess]) });
  }
  const listed = outputs.slice(0, OUTPUT_ROWS).map((value, i) => `${names(last, i)} ${formatNumber(value, 3)}`);
  return format(outputs.length === 1 ? words.outputOne : words.outputMany, { values: listed.join(', ') });
}

/** The selected neuron's numbers, and editors for its bias and incoming weights. */
export function renderEditor(view: PanelView, handlers: EditHandlers, selected: NodeKey, from: number) {
  const { network, trace, names, words } = view;
  const { layer, index } = selected;
  const count = network.layers.length;
  const size = network.layers[layer];
  const neuronPicker =
    size > COLUMN_LIMIT
      ? renderPicker({ id: 'neuron-pick', label: words.neuron, count: size, value: index, name: (i) => names(layer, i), onPick: (i) => handlers.onSelect({ layer, index: i }, from) })
      : nothing;
  const heading = html`<p class="editor-title"><strong>${names(layer, index)}</strong> <span class="muted">· ${layerCaption(layer, count, words)}</span></p>`;
  if (layer === 0) {
    return html`${heading}${neuronPicker}
      <div class="fields">
        ${field(handlers, { id: 'selected-input', label: words.value, value: trace[0].a[index], bound: INPUT_BOUND, step: 0.01 }, (value, commit) =>
          handlers.onInput(index, value, commit),
        )}
      </div>`;
  }
  const k = layer - 1;
  const activation = network.activationOf(k);
  const fromName = names(layer - 1, from);
  const name = names(layer, index);
  const formula = activation.name === 'softmax' ? 'softmax(z)' : `${activation.name}(z)`;
  return html`${heading}${neuronPicker}
    <dl class="facts">
      <div><dt>z = Σ w·a + b</dt><dd class="number">${formatNumber(trace[layer].z[index], 3)}</dd></div>
      <div><dt>a = ${formula}</dt><dd class="number">${formatNumber(trace[layer].a[index], 3)}</dd></div>
    </dl>
    <div class="fields">
      ${field(handlers, { id: 'bias', label: words.bias, detail: format(words.biasDetail, { name }), value: biasOf(network, layer, index), bound: WEIGHT_BOUND, step: 0.01 }, (value, commit) =>
        handlers.onBias(layer, index, value, commit),
      )}
      ${renderPicker({ id: 'weight-from', label: words.weightFrom, count: network.layers[k], value: from, name: (i) => names(k, i), onPick: (i) => handlers.onSelect(selected, i) })}
      ${field(handlers, { id: 'weight', label: words.weight, detail: format(words.weightDetail, { from: fromName, to: name }), value: weightOf(network, k, index, from), bound: WEIGHT_BOUND, step: 0.01 }, (value, commit) =>
        handlers.onWeight(k, index, from, value, commit),
      )}
    </div>`;
}

/**
 * The drawn neurons' numbers in a table, for screen readers (visually hidden); the
 * neurons a collapsed column leaves out are read through the panels' pickers.
 */
export function renderValueTable(view: Pick<PanelView, 'network' | 'trace' | 'names' | 'words'>) {
  const { network, trace, names, words } = view;
  const count = network.layers.length;
  // The same neurons as the drawing: a deep, wide network's columns collapse further.
  const limit = diagramColumnLimit(network.layers);
  // The wrapper hides it: a table ignores height: 1px.
  return html`<div class="visually-hidden"><table>
    <caption>${words.tableCaption}</caption>
    <thead><tr><th scope="col">${words.tableLayer}</th><th scope="col">${words.tableNeuron}</th><th scope="col">${words.tableSum}</th><th scope="col">${words.tableActivation}</th><th scope="col">${words.tableBias}</th></tr></thead>
    <tbody>
      ${trace.map((layer, l) =>
        drawnNeurons(layer.a.length, limit).map((i) =>
          i === null
            ? html`<tr>
                <td>${layerCaption(l, count, words)}</td>
                <td colspan="4">${format(words.tableMore, { count: layer.a.length - limit + 1, panel: l === 0 ? words.inputsTitle : words.editorTitle })}</td>
              </tr>`
            : html`<tr>
                <td>${layerCaption(l, count, words)}</td>
                <th scope="row">${names(l, i)}</th>
                <td>${l === 0 ? '—' : formatNumber(layer.z[i], 3)}</td>
                <td>${formatNumber(layer.a[i], 3)}</td>
                <td>${l === 0 ? '—' : formatNumber(biasOf(network, l, i), 3)}</td>
              </tr>`,
        ),
      )}
    </tbody>
  </table></div>`;
}
