import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** Milliseconds of training per animation frame: leaves room for drawing at 60 fps. */
export const FRAME_BUDGET_MS = 6;

/**
 * How much of a frame may be gone when a loop's turn comes after another widget's loop has
 * worked in it, and the loop still works: past this, it sits the frame out (never two in a
 * row), so several widgets playing at once share the frames rather than each taking its
 * whole budget in every one. A widget playing alone never sits out.
 */
export const CROWDED_FRAME_MS = 11;

/** The event a loop sends its document when it has worked in a frame; its detail is the frame's start time. */
export const FRAME_WORKED_EVENT = 'nn-frame-worked';

/**
 * Runs `onFrame` once per animation frame while playing, and only while the host is
 * on screen and the tab is visible: off-screen widgets cost nothing. The work done in a
 * frame is the caller's, bounded by the budget it is given.
 */
export class TrainingLoop implements ReactiveController {
  /** True between play() and pause(), whether or not frames are running right now. */
  playing = false;
  private visible = true;
  /** False until the IntersectionObserver's first report says otherwise. */
  private onScreen = false;
  private frame = 0;
  private intersection?: IntersectionObserver;
  private readonly onVisibility = () => {
    this.visible = this.host.ownerDocument.visibilityState !== 'hidden';
    this.schedule();
  };
  /** True when the last frame was sat out: the next one runs whatever it holds. */
  private satOut = false;
  /** The start time of the last frame in which a loop (this one's included) worked, as heard from the document. */
  private workedFrame = Number.NaN;
  private readonly onFrameWorked = (event: Event) => {
    this.workedFrame = (event as CustomEvent<number>).detail;
  };
  private readonly tick = (frameStart: number) => {
    this.frame = 0;
    if (!this.running) return;
    // Every callback of a frame gets the same start time, so a loop can tell that another worked in this one before it.
    const crowded = this.workedFrame === frameStart && performance.now() - frameStart > CROWDED_FRAME_MS;
    this.satOut = !this.satOut && crowded;
    if (!this.satOut) {
      this.onFrame(FRAME_BUDGET_MS);
      this.host.ownerDocument.dispatchEvent(new CustomEvent(FRAME_WORKED_EVENT, { detail: frameStart }));
    }
    this.schedule();
  };

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly onFrame: (budgetMs: number) => void,
  ) {
    host.addController(this);
  }

  /** True when frames are actually being run. */
  get running(): boolean {
    return this.playing && this.visible && this.onScreen && this.host.isConnected;
  }

  play(): void {
    this.playing = true;
    this.schedule();
  }

  pause(): void {
    this.playing = false;
    this.cancel();
  }

  hostConnected(): void {
    const document = this.host.ownerDocument;
    document.addEventListener('visibilitychange', this.onVisibility);
    document.addEventListener(FRAME_WORKED_EVENT, this.onFrameWorked);
    this.visible = document.visibilityState !== 'hidden';
    this.intersection = new IntersectionObserver((entries) => {
      this.onScreen = entries.at(-1)?.isIntersecting ?? true;
      this.schedule();
    });
    this.intersection.observe(this.host);
    this.schedule();
  }

  hostDisconnected(): void {
    this.host.ownerDocument.removeEventListener('visibilitychange', this.onVisibility);
    this.host.ownerDocument.removeEventListener(FRAME_WORKED_EVENT, this.onFrameWorked);
    this.intersection?.disconnect();
    this.intersection = undefined;
    this.cancel();
  }

  private schedule(): void {
    if (this.running && !this.frame) this.frame = requestAnimationFrame(this.tick);
    else if (!this.running) this.cancel();
  }

  private cancel(): void {
    if (this.frame) cancelAnimationFrame(this.frame);
    this.frame = 0;
  }
}

/** True when the reader asked the system for less motion. */
export function prefersReducedMotion(): boolean {
  return typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches;
}
