import { type ReactiveControllerHost, html, nothing } from 'lit';
import { applyFeatures } from '../../src/index.js';
import { formatNumber } from '../shared/format.js';
import { format } from '../shared/strings.js';
import { styleMap } from '../shared/style-map.js';
import type { Extent } from './grid.js';
import type { PointEditor } from './point-editor.js';
import type { TrainerWords } from './nn-trainer.settings.js';
import type { Session } from './session.js';

/** Arrow keys move the probe by this share of the picture (Shift: five times as far). */
const KEY_STEP = 1 / 40;
/** A data point counts as under the probe within this share of the picture. */
const NEAR = 1 / 40;

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

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly options: ProbeOptions,
  ) {}

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

  /** What the network says at the probe, in words (aria-live). */
  renderReadout() {
    return html`<p class="probe-readout" id="probe-readout" aria-live="polite">${this.describe()}</p>`;
  }

  /** "At x₁ = 1.20, x₂ = −0.40: output 0.73. A training point of class 1 is here: its loss is 0.31." */
  describe(): string {
    const session = this.options.run().session;
    const at = this.at;
    const words = this.options.words();
    if (!session || !at || session.dimensions !== 2) return words.probeHint;
    const inputs = session.features.length > 0 ? applyFeatures([[at.x, at.y]], session.features)[0] : [at.x, at.y];
    // Features of coordinates near the ends of the doubles can overflow: the network takes no such input.
    if (!inputs.every(Number.isFinite)) return format(words.probeOutput, { x: formatNumber(at.x, 2), y: formatNumber(at.y, 2), output: '—' });
    const output = session.network.predict(inputs);
    const where = { x: formatNumber(at.x, 2), y: formatNumber(at.y, 2) };
    const names = this.options.classNames(session.classes);
    const said =
      output.length > 1
        ? format(words.probeClass, { ...where, class: names[largest(output)], probability: formatNumber(output[largest(output)], 2) })
        : format(words.probeOutput, { ...where, output: formatNumber(output[0], 2) });
    const near = this.nearest(session);
    if (!near) return said;
    const { data, index, test } = near;
    const loss = session.trainer.evaluate({ inputs: [data.inputs[index]], targets: [data.targets[index]] }).loss;
    const point = (test ? session.testPoints : session.trainPoints)[index];
    const target = session.kind === 'classification' ? names[Math.round(point.target)] ?? String(point.target) : formatNumber(point.target, 2);
    return `${said} ${format(test ? words.probeTestPoint : words.probeTrainPoint, { target, loss: formatNumber(loss, 3) })}`;
  }

  /** The data point nearest the probe, if one is within NEAR of it. */
  private nearest(session: Session) {
    const edge = this.edge;
    const at = this.at!;
    let best: { data: Session['train']; index: number; test: boolean } | undefined;
    // In units of the half side, so the distances stay finite however large the data.
    let bestDistance = (2 * NEAR) ** 2;
    for (const test of [false, true]) {
      const points = test ? session.testPoints : session.trainPoints;
      points.forEach((point, index) => {
        const distance = (point.x / edge - at.x / edge) ** 2 + (point.y / edge - at.y / edge) ** 2;
        if (distance <= bestDistance) {
          bestDistance = distance;
          best = { data: test ? session.test : session.train, index, test };
        }
      });
    }
    return best;
  }
}

function largest(values: ArrayLike<number>): number {
  let best = 0;
  for (let i = 1; i < values.length; i++) if (values[i] > values[best]) best = i;
  return best;
}
