import { html, nothing } from 'lit';
import { formatNumber, formatTick } from '../shared/format.js';
import { format } from '../shared/strings.js';
import { styleMap } from '../shared/style-map.js';
import type { Exploration, Worked } from './explore.js';
import { type CellBox, extent, gridCells, gridSize, largest } from './grid.js';
import type { ConvolutionStrings } from './nn-convolution.strings.js';

export interface ExploreHandlers {
  /** The reader pointed at a cell of the padded image or of the feature map: move the window there. */
  pointImage(event: PointerEvent): void;
  pointMap(event: PointerEvent): void;
  pointerEnd(): void;
  windowKey(event: KeyboardEvent): void;
  kernelValue(index: number, value: number): void;
}

/** Short numbers for cells and sums: up to 3 decimals, no trailing zeros. */
export const short = (v: number) => (Number.isFinite(v) ? formatTick(Number(v.toFixed(3))) : formatNumber(v));

/** Where the window of output (row, column) lies on the padded image, in cells. */
export function windowBox(view: Exploration, row: number, column: number): CellBox {
  const { stride, kernelHeight, kernelWidth } = view.shape;
  return { top: row * stride, left: column * stride, height: kernelHeight, width: kernelWidth };
}

/** The picture of one grid, labelled for screen readers, taking pointer input. */
function picture(label: string, kind: string, grid: ReturnType<typeof gridCells>, size: { width: number; height: number }, viewBox: string, on?: { down(e: PointerEvent): void; end(): void }) {
  return html`<svg class="grid ${kind}" role="img" aria-label=${label} width=${size.width} height=${size.height} viewBox=${viewBox}
    @pointerdown=${on?.down} @pointermove=${on?.down} @pointerup=${on?.end} @pointercancel=${on?.end}>${grid}</svg>`;
}

/** The image with its padding and the window, the kernel, the feature map and the pooled map. */
export function renderStage(view: Exploration, at: Worked, words: ConvolutionStrings, cell: number, editable: boolean, on: ExploreHandlers) {
  const { picture: image, shape, settings } = view;
  const { padding } = settings;
  const box = windowBox(view, at.row, at.column);
  const imageSize = gridSize({ rows: image.height, columns: image.width, padding, cell });
  const [low, high] = extent(image.pixels);
  const imageLabel = format(words.imageLabel, {
    rows: image.height,
    columns: image.width,
    min: short(low),
    max: short(high),
    padding,
    top: box.top - padding + 1,
    bottom: box.top - padding + box.height,
    left: box.left - padding + 1,
    right: box.left - padding + box.width,
  });
  const signedImage = low < 0;
  const mapCell = Math.max(8, Math.min(cell, Math.floor((cell * 10) / Math.max(shape.outHeight, shape.outWidth))));
  const mapSize = gridSize({ rows: shape.outHeight, columns: shape.outWidth, cell: mapCell });
  const [mapLow, mapHigh] = extent(view.activated);
  const mapLabel = format(words.mapLabel, {
    rows: shape.outHeight,
    columns: shape.outWidth,
    activation: view.activation.label,
    min: short(mapLow),
    max: short(mapHigh),
    row: at.row + 1,
    column: at.column + 1,
    value: short(at.value),
  });
  const side = shape.kernelHeight;
  const kernelScale = largest(settings.kernel);
  return html`<div class="stage">
    <figure class="panel">
      <figcaption>${words.image} <span class="muted">${image.height} × ${image.width}</span></figcaption>
      <div class="picture-wrap" part="image">
        ${picture(imageLabel, 'image', gridCells({ values: image.pixels, rows: image.height, columns: image.width, signed: signedImage, padding, cell, boxes: [{ ...box, kind: 'window' }] }), imageSize, `0 0 ${image.width + 2 * padding} ${image.height + 2 * padding}`, { down: on.pointImage, end: on.pointerEnd })}
        <button class="window-handle" part="window" style=${styleMap({ left: `${box.left * cell}px`, top: `${box.top * cell}px`, width: `${box.width * cell}px`, height: `${box.height * cell}px` })}
          aria-label=${format(words.windowLabel, { row: at.row + 1, column: at.column + 1, rows: shape.outHeight, columns: shape.outWidth })}
          @keydown=${on.windowKey}></button>
      </div>
    </figure>
    <fieldset class="panel kernel" part="kernel">
      <legend>${words.kernelTitle} <span class="muted">${side} × ${side}</span></legend>
      <div class="kernel-grid" style=${styleMap({ 'grid-template-columns': `repeat(${side}, auto)` })}>
        ${Array.from(settings.kernel, (v, i) => {
          const label = format(words.kernelCell, { row: Math.floor(i / side) + 1, column: (i % side) + 1 });
          const tone = v > 0 ? 'positive' : v < 0 ? 'negative' : '';
          const shade = styleMap({ '--_shade': `${Math.round((Math.abs(v) / kernelScale) * 45)}%` });
          return editable
            ? html`<input class="kernel-cell ${tone}" type="number" step="any" aria-label=${label} .value=${String(v)} style=${shade}
                @change=${(event: Event) => on.kernelValue(i, (event.target as HTMLInputElement).valueAsNumber)} />`
            : html`<span class="kernel-cell number ${tone}" role="img" aria-label=${`${label}: ${short(v)}`} style=${shade}>${short(v)}</span>`;
        })}
      </div>
    </fieldset>
    <figure class="panel">
      <figcaption>${words.featureMap} <span class="muted">${shape.outHeight} × ${shape.outWidth}</span></figcaption>
      <div part="map">${picture(mapLabel, 'map', gridCells({ values: view.activated, rows: shape.outHeight, columns: shape.outWidth, signed: true, cell: mapCell, boxes: [{ top: at.row, left: at.column, height: 1, width: 1, kind: 'selected' }] }), mapSize, `0 0 ${shape.outWidth} ${shape.outHeight}`, { down: on.pointMap, end: on.pointerEnd })}</div>
    </figure>
    ${view.pool && view.pooled && settings.show.has('pool') ? renderPooled(view, words, mapCell, at) : nothing}
  </div>`;
}

function renderPooled(view: Exploration, words: ConvolutionStrings, cell: number, at: Worked) {
  const pool = view.pool!;
  const pooled = view.pooled!;
  const [low, high] = extent(pooled);
  const row = Math.floor(at.row / pool.stride);
  const column = Math.floor(at.column / pool.stride);
  const boxes = row < pool.outHeight && column < pool.outWidth ? [{ top: row, left: column, height: 1, width: 1, kind: 'selected' }] : [];
  const label = format(words.pooledLabel, { rows: pool.outHeight, columns: pool.outWidth, min: short(low), max: short(high) });
  const size = gridSize({ rows: pool.outHeight, columns: pool.outWidth, cell: Math.max(cell, 12) });
  return html`<figure class="panel">
    <figcaption>${format(words.pooled, { pool: words[view.settings.pool as 'max' | 'average'], size: pool.size })} <span class="muted">${pool.outHeight} × ${pool.outWidth}</span></figcaption>
    <div part="pooled">${picture(label, 'pooled', gridCells({ values: pooled, rows: pool.outHeight, columns: pool.outWidth, signed: true, cell, scale: largest(view.activated), boxes }), size, `0 0 ${pool.outWidth} ${pool.outHeight}`)}</div>
  </figure>`;
}

/** The window's arithmetic in one sentence, for the live summary. */
export function workedSentence(view: Exploration, at: Worked, words: ConvolutionStrings): string {
  return format(words.worked, { row: at.row + 1, column: at.column + 1, sum: short(at.sum), bias: short(view.settings.bias), z: short(at.z), activation: view.activation.label, value: short(at.value) });
}

/** The window's products in a table, then sum + bias → activation → output pixel. */
export function renderWorked(view: Exploration, at: Worked, words: ConvolutionStrings) {
  const { kernelHeight: kh, kernelWidth: kw, stride, padding } = view.shape;
  const { kernel, bias } = view.settings;
  const image = view.picture;
  const rows = Array.from({ length: kh }, (_, ky) =>
    Array.from({ length: kw }, (_, kx) => {
      const i = ky * kw + kx;
      const y = at.row * stride - padding + ky;
      const x = at.column * stride - padding + kx;
      const pixel = at.inside[i] ? image.pixels[y * image.width + x] : 0;
      return { weight: kernel[i], pixel, product: at.products[i], inside: at.inside[i] === 1 };
    }),
  );
  return html`<div class="worked" part="products">
    <p class="panel-title" id="products-title">${format(words.productsTitle, { row: at.row + 1, column: at.column + 1 })}<span class="muted"> · ${words.productsCaption}</span></p>
    <div class="products-wrap" role="region" tabindex="0" aria-labelledby="products-title"><table class="products" aria-labelledby="products-title">
      <tbody>
        ${rows.map((row) => html`<tr>${row.map((c) => html`<td class="number ${c.inside ? '' : 'off'}"><span class="factors">${short(c.weight)} × ${short(c.pixel)}</span> <span class="product ${c.product > 0 ? 'positive' : c.product < 0 ? 'negative' : ''}">${short(c.product)}</span></td>`)}</tr>`)}
      </tbody>
    </table></div>
    <p class="equation number" aria-hidden="true">
      <span><span class="muted">${words.sum}</span> ${short(at.sum)}</span>
      <span><span class="muted">${words.plusBias}</span> ${short(bias)} = ${short(at.z)}</span>
      <span><span class="muted">${format(words.activated, { activation: view.activation.symbol })}</span>(${short(at.z)}) = <strong>${short(at.value)}</strong></span>
    </p>
  </div>`;
}

/** ⌊(n + 2p − k)/s⌋ + 1 with the numbers, for rows and for columns. */
export function renderSize(view: Exploration, words: ConvolutionStrings) {
  const { height, width, kernelHeight, kernelWidth, stride, padding, outHeight, outWidth } = view.shape;
  const line = (name: string, n: number, k: number, out: number) =>
    html`<li><span class="muted">${name}</span> <span class="number">⌊(${n} + 2·${padding} − ${k}) / ${stride}⌋ + 1 = <strong>${out}</strong></span></li>`;
  return html`<div class="size" part="size">
    <span class="size-title">${words.sizeTitle}</span>
    <ul>${line(words.sizeRows, height, kernelHeight, outHeight)}${line(words.sizeColumns, width, kernelWidth, outWidth)}</ul>
  </div>`;
}

