import { type PropertyValues, html, nothing, svg } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { type Activation, NnKitError, activations } from '../../src/index.js';
import { renderAxes } from '../shared/axes.js';
import { CardInsetController } from '../shared/card-inset.js';
import { chartStyles } from '../shared/chart-styles.js';
import { formatNumber, formatTick, plainNumber } from '../shared/format.js';
import { NEURON_UPDATE, isNeuronSource } from '../shared/neuron-source.js';
import { NnElement } from '../shared/nn-element.js';
import { checkSetting, propertiesOf, restoreDefaults } from '../shared/settings.js';
import { PLOT_SETTINGS } from './nn-activation-plot.settings.js';
import { ReferenceController } from '../shared/reference-controller.js';
import { WidthController } from '../shared/resize-controller.js';
import { checkScalarActivation } from '../shared/scalar-activation.js';
import { type LinearScale, linearScale } from '../shared/scale.js';
import { stepTo } from '../shared/steps.js';
import { format, localize } from '../shared/strings.js';
import { hintStyles } from '../shared/hint-styles.js';
import { themeStyles } from '../shared/theme.js';
import { shrinkToFit } from '../shared/shrink-to-fit.js';
import { checkScalarActivationList } from './activation-list.js';
import { type Samples, probeSteps, sampleActivation, toPath, xTickCount, yDomain } from './curves.js';
import { describeProbe, renderLegendItem, seriesClass } from './legend.js';
import { plotStyles } from './nn-activation-plot.styles.js';
import { PLOT_STRINGS, type PlotStrings } from './nn-activation-plot.strings.js';

export { PLOT_STRINGS, type PlotStrings } from './nn-activation-plot.strings.js';
export { PLOT_SETTINGS } from './nn-activation-plot.settings.js';

/** The narrowest x range plotted: absolute, and relative to the range's largest end (finer ones cannot be sampled or labelled). */
const MIN_SPAN = 1e-300;
const MIN_RELATIVE_SPAN = 1e-9;
const MARGIN = { top: 12, right: 14, bottom: 26 };
/** The card's default horizontal padding and border (see the styles), until measured. */
const CARD_INSET = 42;

/** The last good settings, drawn until a new valid set replaces them. */
interface PlotView {
  activations: readonly Activation[];
  xMin: number;
  xMax: number;
  height: number;
  derivative: boolean;
  value: number | undefined;
  words: PlotStrings;
}

/** Sampled curves for one width and view, kept while only the probe moves. */
interface Drawing {
  key: string;
  series: Samples[];
  x: LinearScale;
  y: LinearScale;
  width: number;
  ticks: { x: number; y: number };
}

/**
 * Plots activation functions from the core's registry: the curve (and its slope), the
 * formula, the output range, and a probe the reader moves by pointer, touch or keyboard
 * to read f(z) and f′(z). Several activations overlay with a legend: each curve is a
 * solid line in its own colour, each slope a thin broken line in its own pattern. Beside
 * bounded curves (sigmoid, tanh), unbounded ones (ReLU) are clipped at the top or bottom
 * so the bounded ones keep most of the height. With `for`, it follows an `<nn-neuron>`'s z live.
 *
 * @summary A plot of one or more activation functions with a movable probe.
 *
 * @csspart card - The card around everything (border, padding, background).
 * @csspart plot - The focusable plot area (role="slider": the probe).
 * @csspart legend - The list of activations with formula, range and probe values.
 * @csspart readout - The probe's current z.
 * @csspart error - The inline message shown for bad attributes.
 *
 * @cssproperty --nn-series-1 - Colour of the first activation (also --nn-series-2 … 5).
 * @cssproperty --nn-text - Text colour.
 * @cssproperty --nn-muted - Colour of axes, ticks and secondary text.
 * @cssproperty --nn-grid - Colour of gridlines.
 * @cssproperty --nn-border - Colour of the card's border.
 * @cssproperty --nn-background - Background of the card.
 * @cssproperty --nn-surface - Background of the legend entries.
 */
@customElement('nn-activation-plot')
export class NnActivationPlot extends NnElement {
  static override styles = [themeStyles, hintStyles, chartStyles, plotStyles];

  static override properties = propertiesOf(PLOT_SETTINGS);

  declare activation?: string;
  declare xMin: number;
  declare xMax: number;
  declare derivative: boolean;
  declare value?: number;
  declare htmlFor: string;
  declare height: number;
  /** The words readers see, over the English (PLOT_STRINGS): JSON text or an object. */
  declare strings?: string | Partial<PlotStrings>;

  /** Where the reader put the probe; null while it follows `value`. */
  @state() private probe: number | null = null;

  private view?: PlotView;
  private drawing?: Drawing;
  private dragging = false;
  /** The activations and width the legend's long formulas were last fitted to. */
  private fittedFor = '';
  private readonly size = new WidthController(this, 480);
  private readonly card = new CardInsetController(this, {
    width: () => this.size.width,
    card: () => this.renderRoot.querySelector('.card'),
    fallback: CARD_INSET,
  });
  private readonly source = new ReferenceController<Element>(this, {
    events: ['input', 'change', NEURON_UPDATE],
    onEvent: () => this.requestUpdate(),
  });

  /** The z the probe is at: where the reader put it, else the marked value, else 0. */
  get probeZ(): number | undefined {
    const view = this.view;
    if (!view) return undefined;
    return this.probe ?? view.value ?? this.clamp(0);
  }

  constructor() {
    super();
    restoreDefaults(this, PLOT_SETTINGS);
  }

  protected apply(changed: PropertyValues<this>): void {
    restoreDefaults(this, PLOT_SETTINGS);
    if (changed.has('htmlFor')) this.source.setId(this.htmlFor);
    const target = this.source.target;
    const neuron = isNeuronSource(target) ? target : null;
    if (target && !neuron) {
      const tag = target.localName;
      if (!tag.includes('-') || customElements.get(tag)) {
        throw new NnKitError(`for="${this.htmlFor}" points at a <${tag}>; point it at the id of an <nn-neuron>.`);
      }
      // Not upgraded yet: draw the defaults now and follow it once it is defined.
      customElements.whenDefined(tag).then(() => this.requestUpdate());
    }
    const list =
      this.activation != null
        ? checkScalarActivationList(this.activation)
        : neuron
          ? this.followedActivation(neuron.activation)
          : [activations.sigmoid];
    const xMin = checkSetting<number>(PLOT_SETTINGS, 'xMin', this.xMin, this.writtenText('x-min'));
    const xMax = checkSetting<number>(PLOT_SETTINGS, 'xMax', this.xMax, this.writtenText('x-max'));
    if (xMin >= xMax) {
      throw new NnKitError(`x-min (${xMin}) must be less than x-max (${xMax}), e.g. x-min="-6" x-max="6".`);
    }
    if (xMax - xMin < Math.max(MIN_SPAN, MIN_RELATIVE_SPAN * Math.max(Math.abs(xMin), Math.abs(xMax)))) {
      throw new NnKitError(
        `x-min (${xMin}) and x-max (${xMax}) are too close to plot: they must differ by at least ${MIN_SPAN} and by a billionth of the larger one, e.g. x-min="-6" x-max="6".`,
      );
    }
    const height = checkSetting<number>(PLOT_SETTINGS, 'height', this.height, this.writtenText('height'));
    let value: number | undefined;
    if (neuron) value = Number.isFinite(neuron.z) ? neuron.z : undefined;
    else if (this.value != null) value = checkSetting<number>(PLOT_SETTINGS, 'value', this.value, this.writtenText('value'));
    const words = localize(PLOT_STRINGS, this.strings);
    if (value !== this.view?.value) this.probe = null;
    this.view = { activations: list, xMin, xMax, height, derivative: this.derivative, value, words };
  }

  /** The followed neuron's activation; while the neuron's own is bad, keep what is drawn. */
  private followedActivation(name: string): readonly Activation[] {
    try {
      return [checkScalarActivation(name)];
    } catch {
      return this.view?.activations ?? [activations.sigmoid];
    }
  }

  private clamp(z: number): number {
    const view = this.view;
    if (!view) return z;
    return Math.min(view.xMax, Math.max(view.xMin, z));
  }

  /** Samples the curves again only when the width or the settings change. */
  private draw(view: PlotView): Drawing {
    const width = Math.max(160, this.size.width - this.card.inset);
    const names = view.activations.map((a) => a.name).join();
    const key = `${width}|${view.height}|${view.xMin}|${view.xMax}|${view.derivative}|${names}`;
    if (this.drawing?.key === key) return this.drawing;
    const provisional = width - 60;
    const count = Math.min(1200, Math.max(60, Math.round(provisional / 2)));
    const series = view.activations.map((a) => sampleActivation(a, view.xMin, view.xMax, count));
    const y = linearScale(yDomain(series, view.derivative), [view.height - MARGIN.bottom, MARGIN.top]);
    const yTickCount = Math.max(3, Math.round(view.height / 48));
    const labelChars = Math.max(...y.ticks(yTickCount).map((t) => formatTick(t).length), 1);
    const left = 14 + labelChars * 7;
    const x = linearScale([view.xMin, view.xMax], [left, width - MARGIN.right]);
    this.drawing = { key, series, x, y, width, ticks: { x: xTickCount(x), y: yTickCount } };
    return this.drawing;
  }

  protected override render() {
    const view = this.view;
    if (!view) return html`<div class="card" part="card">${this.renderProblem()}</div>`;
    const drawing = this.draw(view);
    const z = this.probeZ ?? 0;
    const names = view.activations.map((a) => a.label).join(', ');
    return html`<div class="card" part="card">
      ${this.renderProblem()}
      <div class="header">
        <span class="hint touch" aria-hidden="true">${view.words.hintTouch}</span>
        <span class="hint keys" aria-hidden="true">${view.words.hintKeys}</span>
        <span class="readout number" part="readout">z = <strong>${formatNumber(z, 2)}</strong></span>
      </div>
      <div
        class="plot"
        part="plot"
        tabindex="0"
        role="slider"
        aria-label=${format(view.words.probeLabel, { activations: names })}
        aria-valuemin=${plainNumber(view.xMin)}
        aria-valuemax=${plainNumber(view.xMax)}
        aria-valuenow=${plainNumber(this.clamp(z))}
        aria-valuetext=${describeProbe(view.activations, z, view.derivative, view.words)}
        @keydown=${this.onKeyDown}
        @pointerdown=${this.onPointer}
        @pointermove=${this.onPointer}
        @pointerup=${this.onPointerEnd}
        @pointercancel=${this.onPointerEnd}
      >
        ${this.renderChart(view, drawing, z)}
      </div>
      <ul class="legend" part="legend">
        ${view.activations.map((activation, index) => renderLegendItem({ activation, index, z, derivative: view.derivative, words: view.words }))}
      </ul>
    </div>`;
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    const fitKey = `${this.activation}|${this.size.width}`;
    if (fitKey === this.fittedFor) return;
    this.fittedFor = fitKey;
    shrinkToFit(this.renderRoot.querySelectorAll('.legend math.long, .legend math.wide'));
  }

  private renderChart(view: PlotView, { series, x, y, width, ticks }: Drawing, z: number) {
    const [left, right] = x.range;
    const [bottom, top] = y.range;
    const inside = (value: number | undefined): value is number =>
      value != null && value >= view.xMin && value <= view.xMax;
    const marked = view.value;
    return svg`
      <svg width=${width} height=${view.height} viewBox="0 0 ${width} ${view.height}" aria-hidden="true">
        ${renderAxes(x, y, ticks)}
        <text class="axis-label" x=${right} y=${bottom - 6} text-anchor="end">z</text>
        <text class="axis-label" x=${left + 6} y=${top + 4} dominant-baseline="hanging">f(z)</text>
        ${series.map(
          (s, i) => svg`
            ${view.derivative ? svg`<path class="derivative ${seriesClass(i)}" data-activation=${s.activation.name} d=${toPath(s.z, s.df, x, y)}></path>` : nothing}
            <path class="curve ${seriesClass(i)}" data-activation=${s.activation.name} d=${toPath(s.z, s.f, x, y)}></path>
          `,
        )}
        ${
          inside(z)
            ? svg`<line class="probe-line" x1=${x(z)} x2=${x(z)} y1=${top} y2=${bottom}></line>
              ${view.activations.map((a, i) => this.dot('probe-dot', a, i, z, x, y, 4.5))}`
            : nothing
        }
        ${inside(marked) ? view.activations.map((a, i) => this.dot('marker', a, i, marked, x, y, 5)) : nothing}
      </svg>
    `;
  }

  /** A point on a curve; none where f(z) is not finite or lies outside the y range (a clipped curve). */
  private dot(kind: string, a: Activation, index: number, z: number, x: LinearScale, y: LinearScale, r: number) {
    const value = a.f(z);
    const [low, high] = y.domain;
    if (!(value >= Math.min(low, high) && value <= Math.max(low, high))) return nothing;
    return svg`<circle class="${kind} ${seriesClass(index)}" data-activation=${a.name} cx=${x(z)} cy=${y(value)} r=${r}></circle>`;
  }

  private onKeyDown(event: KeyboardEvent): void {
    const view = this.view;
    if (!view) return;
    const { small, big } = probeSteps(view.xMin, view.xMax);
    const z = this.clamp(this.probeZ ?? 0);
    const step = event.shiftKey ? big : small;
    let next: number;
    switch (event.key) {
      case 'ArrowRight':
      case 'ArrowUp':
        next = stepTo(z, step, 1);
        break;
      case 'ArrowLeft':
      case 'ArrowDown':
        next = stepTo(z, step, -1);
        break;
      case 'PageUp':
        next = stepTo(z, big, 1);
        break;
      case 'PageDown':
        next = stepTo(z, big, -1);
        break;
      case 'Home':
        next = view.xMin;
        break;
      case 'End':
        next = view.xMax;
        break;
      default:
        return;
    }
    event.preventDefault();
    this.probe = this.clamp(next);
  }

  private onPointer(event: PointerEvent): void {
    if (!this.drawing) return;
    if (event.type === 'pointerdown') {
      this.dragging = true;
      (event.currentTarget as Element).setPointerCapture?.(event.pointerId);
    } else if (!this.dragging && event.pointerType !== 'mouse') {
      return;
    }
    const chart = this.renderRoot.querySelector('.plot svg');
    if (!chart) return;
    const px = event.clientX - chart.getBoundingClientRect().left;
    this.probe = this.clamp(this.drawing.x.invert(px));
  }

  private onPointerEnd(): void {
    this.dragging = false;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'nn-activation-plot': NnActivationPlot;
  }
}
