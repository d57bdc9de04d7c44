import { type ReactiveControllerHost, html, nothing } from 'lit';
import { styleMap } from '../shared/style-map.js';
import type { Extent } from './grid.js';
import { Lazy } from './lazy.js';
import type { PointEditor } from './point-editor.js';
import type { TrainerWords } from './nn-trainer.settings.js';
import type { Session } from './session.js';

/** Arrow keys move the probe by this share of the picture (Shift: five times as far). */
const KEY_STEP = 1 / 40;

/** What the probe is told by its host. */
export interface ProbeOptions {
  run(): { readonly session?: Session };
  extent(): Extent;
  words(): TrainerWords;
  /** Names of the classes readers see. */
  classNames(count: number): string[];
  /** Adds and removes points, when the writer offers it. */
  editor?: PointEditor;
}

/**
 * The point under the pointer (or moved by the arrow keys) on the decision boundary, and
 * what the network says there: its output, and the loss of a data point found there. The
 * numbers come from the core: the network's prediction and the trainer's loss.
 */
export class Probe {
  /** Where the probe is, in input space; undefined while it is off the picture. */
  at?: { x: number; y: number };

  /** What the network says there: its code, loaded once the probe is first used. */
  private readonly reading: Lazy<typeof import('./probe-reading.js')>;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly options: ProbeOptions,
  ) {
    this.reading = new Lazy(host, () => import('./probe-reading.js'));
  }

  /** Half the picture's side: the extent is −edge to edge (computed so that even ±1e308 stays finite). */
  private get edge(): number {
    return this.options.extent()[1];
  }

  private move(x: number, y: number): void {
    const edge = this.edge;
    this.at = { x: Math.min(edge, Math.max(-edge, x)), y: Math.min(edge, Math.max(-edge, y)) };
    this.host.requestUpdate();
  }

  private hide = (): void => {
    this.at = undefined;
    this.host.requestUpdate();
  };

  private onPointer = (event: PointerEvent): void => {
    const frame = event.currentTarget as HTMLElement;
    // The picture itself, inside its border.
    const canvas = frame.querySelector('canvas') ?? frame;
    const box = canvas.getBoundingClientRect();
    const border = canvas.clientLeft;
    box.x += border;
    box.y += border;
    box.width -= 2 * border;
    box.height -= 2 * border;
    if (box.width === 0 || box.height === 0) return;
    const edge = this.edge;
    this.move((2 * ((event.clientX - box.left) / box.width) - 1) * edge, (1 - 2 * ((event.clientY - box.top) / box.height)) * edge);
  };

  /** A click adds a point, where editing is on (Shift: of the next class). */
  private onClick = (event: MouseEvent): void => {
    const editor = this.options.editor;
    if (!editor?.active) return;
    this.onPointer(event as PointerEvent);
    if (this.at) editor.add(this.at.x, this.at.y, event.shiftKey);
  };

  private onFocus = (): void => {
    if (!this.at) this.move(0, 0);
  };

  private onKey = (event: KeyboardEvent): void => {
    const moves: Record<string, [number, number]> = { ArrowLeft: [-1, 0], ArrowRight: [1, 0], ArrowUp: [0, 1], ArrowDown: [0, -1] };
    const move = moves[event.key];
    if (event.key === 'Escape') return this.hide();
    const editor = this.options.editor;
    if (editor?.active && this.at && ['Enter', 'Delete', 'Backspace'].includes(event.key)) {
      event.preventDefault();
      if (event.key === 'Enter') editor.add(this.at.x, this.at.y, event.shiftKey);
      else editor.remove(this.at.x, this.at.y);
      return;
    }
    if (!move) return;
    event.preventDefault();
    const step = this.edge * (2 * KEY_STEP * (event.shiftKey ? 5 : 1));
    const { x, y } = this.at ?? { x: 0, y: 0 };
    this.move(x + move[0] * step, y + move[1] * step);
  };

  /** The frame around the boundary canvas: takes the pointer and the keys, and marks the probe. */
  renderFrame(canvas: unknown, label: string) {
    const edge = this.edge;
    const at = this.at;
    const mark = at && {
      left: `${(50 + (at.x / edge) * 50).toFixed(2)}%`,
      top: `${(50 - (at.y / edge) * 50).toFixed(2)}%`,
    };
    return html`<div class="boundary-frame" tabindex="0" role="group" aria-label=${label} aria-describedby="probe-readout"
      @pointermove=${this.onPointer} @pointerdown=${this.onPointer} @pointerleave=${this.hide} @click=${this.onClick}
      @focus=${this.onFocus} @blur=${this.hide} @keydown=${this.onKey}>
      ${canvas}
      ${mark ? html`<span class="probe-mark" aria-hidden="true" style=${styleMap(mark)}></span>` : nothing}
    </div>`;
  }

  /** What the network says at the probe, in words (aria-live); its code loads the first time the probe is used. */
  renderReadout() {
    const session = this.options.run().session;
    const words = this.options.words();
    const reading = this.at && session ? this.reading.get() : undefined;
    const text = reading && this.at && session ? reading.describe(session, this.at, this.edge, words, this.options.classNames) : words.probeHint;
    return html`<p class="probe-readout" id="probe-readout" aria-live="polite">${text}</p>`;
  }
}
