import { type TemplateResult, html, nothing } from 'lit';
import { formatNumber, percent } from '../shared/format.js';
import type { NetworkSource } from '../shared/network-source.js';
import { styleMap } from '../shared/style-map.js';
import { format } from '../shared/strings.js';
import type { PointEditor } from './point-editor.js';
import type { Probe } from './probe.js';
import type { Extent } from './grid.js';
import { type EpochRecord, formatLoss, renderLossChart } from './loss-chart.js';
import type { TrainerWords } from './nn-trainer.settings.js';
import type { Session } from './session.js';
import '../nn-network/nn-network.js';

/** What the toolbar shows and does. */
export interface ToolbarInput {
  readonly shown: ReadonlySet<string>;
  readonly playing: boolean;
  /** The run can go no further (its epochs are done, or it diverged). */
  readonly finished: boolean;
  readonly epoch: number;
  readonly last?: EpochRecord;
  readonly words: TrainerWords;
  readonly on: { play(): void; pause(): void; step(): void; stepEpoch(): void; reset(): void };
  /** The Share button, when shown. */
  readonly share: unknown;
}

/** The row of run buttons and the statistics. */
export function renderToolbar({ shown, playing, finished, epoch, last, words, on, share }: ToolbarInput) {
  return html`
    <div class="toolbar" part="toolbar">
      ${shown.has('play')
        ? html`<button class="play" ?disabled=${finished && !playing} @click=${() => (playing ? on.pause() : on.play())}>
            <span aria-hidden="true">${playing ? '❚❚' : '▶'}</span> ${playing ? words.pause : words.play}
          </button>`
        : nothing}
      ${shown.has('step')
        ? html`<button class="step" ?disabled=${finished} @click=${on.step}>${words.step}</button>
            <button class="step-epoch" ?disabled=${finished} @click=${on.stepEpoch}>${words.stepEpoch}</button>`
        : nothing}
      ${shown.has('reset') ? html`<button class="reset" @click=${on.reset}><span aria-hidden="true">↺</span> ${words.reset}</button>` : nothing}
      ${share}
      <dl class="stats">
        <div><dt>${words.epoch}</dt><dd class="number epoch">${epoch}</dd></div>
        <div><dt>${words.trainLoss}</dt><dd class="number train-loss">${formatLoss(last?.trainLoss ?? NaN)}</dd></div>
        <div><dt>${words.testLoss}</dt><dd class="number test-loss">${formatLoss(last?.testLoss ?? NaN)}</dd></div>
        ${last?.testAccuracy != null
          ? html`<div><dt>${words.testAccuracy}</dt><dd class="number accuracy">${percent(last.testAccuracy)}</dd></div>`
          : nothing}
      </dl>
    </div>
  `;
}

/** What the views show. */
export interface ViewsInput {
  readonly session: Session;
  /** The views to show (the `show` setting). */
  readonly views: readonly string[];
  /** The content width, in CSS pixels. */
  readonly width: number;
  readonly history: readonly EpochRecord[];
  readonly extent: Extent;
  /** The class names readers see. */
  readonly classNames: readonly string[];
  /** The test data's confusion matrix for the last recorded epoch, counted only when the view asks. */
  readonly confusion: () => number[][] | undefined;
  /** The 1-D curve's code, asked for when the curve is shown: undefined until it has loaded. */
  readonly curveView: () => typeof import('./curve-view.js') | undefined;
  /** The confusion matrix's code, asked for when the matrix is shown: undefined until it has loaded. */
  readonly confusionView: () => typeof import('./confusion-view.js') | undefined;
  readonly words: TrainerWords;
  /** The element whose network the embedded diagram follows. */
  readonly source: NetworkSource;
  /** Earlier runs, newest first, drawn faint in the loss chart. */
  readonly ghosts: readonly (readonly EpochRecord[])[];
  /** The earlier runs in words, under the chart. */
  readonly ghostList: unknown;
  /** Per layer: weights, activations and gradients, looked at only when the view is shown. */
  readonly histograms: () => unknown;
  /** The point probed on the boundary, and what the network says there. */
  readonly probe: Probe;
  /** The class switch for points added by hand, when offered. */
  readonly pointEditor: PointEditor;
}

/** The boundary or curve, the loss chart, the neuron maps, the confusion matrix and the network diagram. */
export function renderViews(input: ViewsInput) {
  const { session, views, history, words } = input;
  const { side, first, lossWidth, lossHeight } = viewSizes(input.width, session.dimensions);
  const pixels = Math.round(side * Math.min(2, globalThis.devicePixelRatio || 1));
  const hiddenCount = session.network.neuronOffset[session.network.depth] - session.network.neuronOffset[1];
  const accuracy = history.at(-1)?.testAccuracy;
  const points = { train: session.trainPoints.length, test: session.testPoints.length };
  const curve = views.includes('boundary') && session.dimensions === 1 ? input.curveView() : undefined;
  const confusion = views.includes('confusion') && session.kind === 'classification' ? input.confusionView() : undefined;
  const boundaryLabel =
    accuracy != null ? format(words.boundaryLabelAccuracy, { ...points, accuracy: percent(accuracy) }) : format(words.boundaryLabel, points);
  return html`
    <div class="views">
      ${views.includes('boundary') && session.dimensions === 2
        ? html`<figure class="boundary-view">
            ${input.probe.renderFrame(
              html`<canvas class="boundary" part="boundary" width=${pixels} height=${pixels}
                style=${styleMap({ width: `${side}px`, height: `${side}px` })} role="img" aria-label=${boundaryLabel}></canvas>`,
              words.probeLabel,
            )}
            ${input.probe.renderReadout()}
            ${input.pointEditor.render()}
            <figcaption>${legend(session, input.classNames, words)}</figcaption>
          </figure>`
        : nothing}
      ${curve
        ? html`<figure class="curve">${curve.renderCurveView(session, input.extent, first, side, words.curveLabel)}
            <figcaption>${words.curveCaption}</figcaption></figure>`
        : nothing}
      ${views.includes('boundary') && session.dimensions > 2
        ? html`<p class="note">${format(words.manyInputs, { count: session.dimensions })}</p>`
        : nothing}
      ${views.includes('loss')
        ? html`<figure class="loss-view" part="loss">
            <div class="loss-plot">
              ${renderLossChart(history, lossWidth, lossHeight, words, input.ghosts)}
              ${history.length < 2 ? html`<p class="loss-empty">${words.lossEmpty}</p>` : nothing}
            </div>
            <figcaption>${parts(words.lossCaption, { train: html`<span class="key train"></span>`, test: html`<span class="key test"></span>` })}</figcaption>
            ${input.ghostList}
          </figure>`
        : nothing}
    </div>
    ${views.includes('neurons') && session.dimensions === 2 && hiddenCount > 0 && hiddenCount <= 64
      ? html`<figure class="neurons">
          <figcaption>${words.neuronsCaption}</figcaption>
          <div class="neuron-grid">
            ${session.network.layers.slice(1, -1).map(
              (size, layer) => html`<div class="neuron-layer" role="group" aria-label=${format(words.hiddenLayer, { layer: layer + 1 })}>
                ${Array.from({ length: size }, (_, j) => html`<canvas class="neuron" width="48" height="48" role="img"
                  aria-label=${format(words.neuron, { neuron: j + 1, layer: layer + 1 })}></canvas>`)}
              </div>`,
            )}
          </div>
        </figure>`
      : nothing}
    ${views.includes('histograms') ? input.histograms() : nothing}
    ${confusion
      ? html`<figure class="confusion-view" part="confusion">
          ${confusion.renderConfusion(input.confusion() ?? [], input.classNames, words.confusionCaption)}
        </figure>`
      : nothing}
    ${views.includes('network')
      ? html`<p class="diagram-note">${sampleNote(session, words)}</p>
          <nn-network part="network" class="network" .source=${input.source} .inputs=${session.sample.inputs}></nn-network>`
      : nothing}
  `;
}

/** Fills `{name}` placeholders with templates (swatches, keys), keeping the words around them as text. */
function parts(template: string, values: Readonly<Record<string, TemplateResult>>) {
  return template.split(/(\{\w+\})/).map((piece) => {
    const name = /^\{(\w+)\}$/.exec(piece)?.[1];
    return name && name in values ? values[name] : piece;
  });
}

/** Which sample the diagram's values belong to. */
function sampleNote(session: Session, words: TrainerWords): string {
  const { columns } = session.sample;
  if (columns.length > 2) return words.sampleNoteFirst;
  const names = ['x₁', 'x₂'];
  return format(words.sampleNote, { values: columns.map((value, i) => `${names[i]} = ${formatNumber(value, 2)}`).join(', ') });
}

function legend(session: Session, names: readonly string[], words: TrainerWords) {
  if (session.kind === 'regression') {
    return parts(words.outputKey, { low: html`<span class="swatch negative"></span>`, high: html`<span class="swatch positive"></span>` });
  }
  return html`<span class="classes">${names.map(
    (name, i) => html`<span class="class"><span class="swatch" style=${styleMap({ background: classColour(session, i) })}></span>${name}</span>`,
  )}</span> ${words.pointsKey}`;
}

/** A class's colour as CSS: the two sides of the diverging scale, or one series colour per class. */
function classColour(session: Session, index: number): string {
  if (session.classes === 2) return index === 0 ? 'var(--_negative)' : 'var(--_positive)';
  return `var(--_series-${(index % 6) + 1})`;
}

/** Room between the views, in CSS pixels. */
const VIEW_GAP = 16;

/**
 * Sizes of the views for a content width: on a wide element the square boundary (or the
 * wider 1-D curve) and the loss chart share the row, both growing with it; on a narrow
 * one each takes a row of its own. A canvas's 1 px border is counted, so the two always fit.
 */
function viewSizes(width: number, dimensions: number) {
  const wide = width >= 640;
  const side = wide ? Math.round(Math.min(480, Math.max(240, (width - VIEW_GAP) * 0.45))) : Math.max(180, Math.min(340, width - 2));
  const first = dimensions === 1 ? Math.min(width - 2, Math.round(side * 1.3)) : side;
  const room = width - (first + 2) - VIEW_GAP - 1;
  const beside = room >= 240;
  const lossWidth = beside ? Math.min(720, room) : Math.min(width, 480);
  const lossHeight = beside ? Math.max(180, Math.round(side * 0.6)) : 180;
  return { side, first, lossWidth, lossHeight };
}
