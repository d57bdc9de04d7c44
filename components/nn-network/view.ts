import { html, nothing } from 'lit';
import type { LayerTrace, Network } from '../../src/index.js';
import { format } from '../shared/strings.js';
import { type DiagramView, type NodeKey, type Target, drawsBiasRings, renderDiagram } from './diagram.js';
import { diagramColumnLimit, drawnNeurons, labelSpace, layoutNetwork } from './layout.js';
import { type NeuronNames, layerCaption } from './names.js';
import type { NetworkStrings } from './nn-network.strings.js';
import { type EditHandlers, type PanelView, renderEditor, renderInputs, renderOutputs, renderValueTable } from './panels.js';
import { renderTooltip } from './tooltip.js';

/** What one drawing of the element shows, besides the network and its pass. */
export interface ViewState {
  names: NeuronNames;
  words: NetworkStrings;
  /** The width the diagram may use. */
  width: number;
  lit: number;
  selected: NodeKey;
  selectedFrom: number;
  hovered?: Target;
}

/** Lays the network out at a width, with room for its longest input and output names. */
export function diagramView(network: Network, trace: readonly LayerTrace[], state: ViewState): DiagramView {
  const { names, selected } = state;
  const width = Math.max(200, state.width);
  const { layers } = network;
  const limit = diagramColumnLimit(layers);
  const longest = (layer: number) =>
    Math.max(1, ...drawnNeurons(layers[layer], limit).map((i) => (i === null ? 0 : [...names(layer, i)].length)));
  const labels = labelSpace(longest(0), longest(layers.length - 1), width);
  const layout = layoutNetwork(layers, width, labels, limit);
  // The roving tab stop: the selected neuron when drawn, else the first drawn one.
  const drawn = layout.columns[selected.layer]?.nodes.some((node) => node.index === selected.index);
  return { ...state, network, trace, layout, labels, focusKey: drawn ? selected : { layer: 0, index: 0 } };
}

/** The element's listeners: on the diagram's figure, and the "Run forward" button. */
export interface ViewListeners {
  keydown(event: KeyboardEvent): void;
  click(event: Event): void;
  focusin(event: FocusEvent): void;
  focusout(event: FocusEvent): void;
  pointerover(event: PointerEvent): void;
  pointerleave(): void;
  /** The drawing scrolled sideways: the tooltip follows its neuron or link. */
  scroll(): void;
  run(): void;
}

/** The diagram with its legend, the toolbar, the three panels and the value table. */
export function renderView(
  view: DiagramView,
  panel: PanelView,
  parts: { handlers: EditHandlers; listeners: ViewListeners; pickedInput: number; tip?: Target; announcement: string; live: boolean },
) {
  const { network, layout, words, selected, selectedFrom } = view;
  const { handlers, listeners } = parts;
  const { layers } = network;
  const softmax = network.outputActivation.name === 'softmax';
  const summary = format(words.diagramLabel, {
    layers: layers.map((size, l) => format(words.diagramLayer, { layer: layerCaption(l, layers.length, words), size })).join(', '),
  });
  return html`
    <!-- Listeners sit on the figure: Chromium makes an <svg> with key or focus listeners a tab stop. -->
    <figure
      class="diagram"
      part="diagram"
      @keydown=${listeners.keydown}
      @click=${listeners.click}
      @focusin=${listeners.focusin}
      @focusout=${listeners.focusout}
      @pointerover=${listeners.pointerover}
      @pointerleave=${listeners.pointerleave}
    >
      <!-- A network too deep for the width scrolls sideways; its neurons, focused by the keyboard, scroll into view. -->
      <div class="drawing ${layout.scrolls ? 'scrolls' : ''}" @scroll=${listeners.scroll}>
        <svg
          width=${layout.width}
          height=${layout.height}
          viewBox="0 0 ${layout.width} ${layout.height}"
          role="group"
          aria-label=${summary}
          aria-describedby="diagram-hint"
        >
          ${renderDiagram(view)}
        </svg>
      </div>
      ${renderTooltip(view, parts.tip)}
      <figcaption class="legend">
        <span><span class="swatch positive"></span>${words.positive}</span>
        <span><span class="swatch negative"></span>${words.negative}</span>
        <span><span class="swatch width"></span>${words.lineWidth}</span>
        ${drawsBiasRings(view) ? html`<span><span class="swatch ring"></span>${words.ring}</span>` : nothing}
        <span id="diagram-hint" class="hint">${words.keyHint}</span>
      </figcaption>
    </figure>
    <div class="toolbar">
      <button class="run" part="run" @click=${listeners.run}>${words.run}</button>
      <p class="status" role="status">${parts.announcement}</p>
    </div>
    <div class="panels ${parts.live ? 'live' : ''}">
      <div class="card" role="group" part="inputs" aria-labelledby="inputs-title">
        <p class="card-title" id="inputs-title">${words.inputsTitle}</p>
        ${renderInputs(panel, handlers, parts.pickedInput)}
      </div>
      <div class="card" role="group" part="editor" aria-labelledby="editor-title">
        <p class="card-title" id="editor-title">${words.editorTitle}</p>
        ${renderEditor(panel, handlers, selected, selectedFrom)}
      </div>
      <div class="card" role="group" part="outputs" aria-labelledby="outputs-title">
        <p class="card-title" id="outputs-title">${softmax ? words.probabilitiesTitle : words.outputsTitle}</p>
        ${renderOutputs(panel)}
      </div>
    </div>
    ${renderValueTable(panel)}
  `;
}
