import { css, html } from 'lit';
import { DRAWING_SIZE, inkStrokes } from '../../src/index.js';
import { type Rgb, resolveColor } from './colors.js';

/** The words a drawing pad shows, from its element's strings table. */
export interface DrawingPadWords {
  /** The pad's accessible name (it is an image of what is drawn). */
  readonly label: string;
  readonly clear: string;
  readonly undo: string;
}

/** Most drawings kept for undo. */
const HISTORY = 50;

/**
 * A 28 × 28 drawing pad, shared by elements that read handwriting: draw with a mouse, a
 * pen or a finger (pointer events, with touch scrolling off over the pad); Clear and
 * Undo buttons. Strokes are inked by the core (inkStrokes) at the pad's own resolution,
 * and the canvas shows exactly those 784 pixels, so the reader sees what a network is
 * given. The element owns the image: it hands the pad the current one (`show`) and hears
 * every change through `onChange` (`final` once a stroke ends, or on clear and undo).
 */
export class DrawingPad {
  /** The pad's pixels, 784 values in [0, 1], row-major, top row first. */
  readonly image = new Float64Array(DRAWING_SIZE * DRAWING_SIZE);
  private readonly history: Float64Array[] = [];
  /** The drawing before the current stroke, and the stroke's points in pad pixels. */
  private before?: Float64Array;
  private stroke: number[] = [];
  private pointer?: number;
  /** The canvas the current stroke is drawn on. */
  private surface?: Element;
  private ink?: Rgb;

  constructor(private readonly onChange: (image: Float64Array, final: boolean) => void) {}

  /** True while a stroke is being drawn. */
  get drawing(): boolean {
    return this.pointer !== undefined;
  }

  /** True when there is something to undo. */
  get canUndo(): boolean {
    return this.history.length > 0;
  }

  /** Puts an image on the pad (from a script or a sample); with `remember`, Undo brings back the one before. */
  show(image: ArrayLike<number>, remember: boolean): void {
    if (remember) this.remember();
    this.image.set(image);
  }

  /** Wipes the pad (Undo brings the drawing back). */
  clear(): void {
    if (this.image.every((v) => v === 0)) return;
    this.remember();
    this.image.fill(0);
    this.onChange(this.image, true);
  }

  /** Brings back the drawing before the last stroke, sample or clear. */
  undo(): void {
    const previous = this.history.pop();
    if (!previous) return;
    this.image.set(previous);
    this.onChange(this.image, true);
  }

  /** Forget the resolved ink colour (the colour scheme changed). */
  forgetColors(): void {
    this.ink = undefined;
  }

  private remember(): void {
    this.history.push(this.image.slice());
    if (this.history.length > HISTORY) this.history.shift();
  }

  /** The pad: a canvas of the 28 × 28 pixels (part "pad"), and Clear and Undo. */
  renderPad(words: DrawingPadWords, options: { disabled?: boolean } = {}) {
    return html`<div class="drawing-pad">
      <canvas
        part="pad"
        class="pad-canvas"
        width=${DRAWING_SIZE}
        height=${DRAWING_SIZE}
        role="img"
        aria-label=${words.label}
        @pointerdown=${this.onPointerDown}
        @pointermove=${this.onPointerMove}
        @pointerup=${this.onPointerUp}
        @pointercancel=${this.onPointerUp}
        @lostpointercapture=${this.onPointerUp}
      ></canvas>
      <div class="pad-buttons">
        <button type="button" class="pad-clear" ?disabled=${options.disabled} @click=${() => this.clear()}>${words.clear}</button>
        <button type="button" class="pad-undo" ?disabled=${options.disabled || !this.canUndo} @click=${() => this.undo()}>${words.undo}</button>
      </div>
    </div>`;
  }

  /** Paints the image into the pad's canvas (call after each render). */
  paint(root: ShadowRoot): void {
    const canvas = root.querySelector<HTMLCanvasElement>('canvas.pad-canvas');
    const context = canvas?.getContext('2d');
    if (!context) return;
    this.ink ??= resolveColor(root, 'var(--_text)');
    const { r, g, b } = this.ink;
    const pixels = context.createImageData(DRAWING_SIZE, DRAWING_SIZE);
    for (let i = 0; i < this.image.length; i++) {
      const ink = this.image[i];
      pixels.data[4 * i] = r;
      pixels.data[4 * i + 1] = g;
      pixels.data[4 * i + 2] = b;
      pixels.data[4 * i + 3] = Math.round(255 * (ink > 0 ? Math.min(1, ink) : 0));
    }
    context.putImageData(pixels, 0, 0);
  }

  /** Where a pointer is, in pad pixels. */
  private point(event: PointerEvent): [number, number] {
    const box = (this.surface ?? (event.currentTarget as Element)).getBoundingClientRect();
    return [((event.clientX - box.left) * DRAWING_SIZE) / Math.max(1, box.width), ((event.clientY - box.top) * DRAWING_SIZE) / Math.max(1, box.height)];
  }

  private readonly onPointerDown = (event: PointerEvent) => {
    if (this.pointer !== undefined || (event.pointerType === 'mouse' && event.button !== 0)) return;
    event.preventDefault();
    this.pointer = event.pointerId;
    this.surface = event.currentTarget as Element;
    this.surface.setPointerCapture?.(event.pointerId);
    this.before = this.image.slice();
    this.stroke = [...this.point(event)];
    this.inkStroke(false);
  };

  private readonly onPointerMove = (event: PointerEvent) => {
    if (event.pointerId !== this.pointer) return;
    event.preventDefault();
    const events = event.getCoalescedEvents?.() ?? [];
    for (const each of events.length ? events : [event]) this.stroke.push(...this.point(each));
    this.inkStroke(false);
  };

  private readonly onPointerUp = (event: PointerEvent) => {
    if (event.pointerId !== this.pointer) return;
    this.pointer = undefined;
    if (this.before) {
      this.history.push(this.before);
      if (this.history.length > HISTORY) this.history.shift();
    }
    this.inkStroke(true);
    this.before = undefined;
    this.surface = undefined;
    this.stroke = [];
  };

  /** The drawing before the stroke, with the stroke inked over it. */
  private inkStroke(final: boolean): void {
    if (!this.before) return;
    this.image.set(this.before);
    inkStrokes([this.stroke], this.image);
    this.onChange(this.image, final);
  }
}

/** The pad's styles: a square canvas showing its 28 × 28 pixels as they are, on the theme's surface. */
export const drawingPadStyles = css`
  .drawing-pad {
    display: flex;
    flex-direction: column;
    gap: 0.5rem;
    width: min(100%, 224px);
  }
  .pad-canvas {
    display: block;
    width: 100%;
    aspect-ratio: 1;
    image-rendering: pixelated;
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: 4px;
    touch-action: none;
    cursor: crosshair;
  }
  .pad-buttons {
    display: flex;
    gap: 0.5rem;
  }
`;
