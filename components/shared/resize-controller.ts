import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * Tracks the host's content width with a ResizeObserver and asks for an update when it
 * changes. The update waits for the next animation frame, so a re-render that changes
 * the host's height never feeds back into the same observation (no "ResizeObserver
 * loop" errors).
 */
export class WidthController implements ReactiveController {
  /** The host's content width in CSS pixels (the fallback until measured). */
  width: number;
  private observer?: ResizeObserver;
  private frame = 0;
  private measured = 0;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    fallback = 480,
  ) {
    this.width = fallback;
    host.addController(this);
  }

  hostConnected(): void {
    this.observer = new ResizeObserver(([entry]) => {
      const width = Math.round(entry.contentRect.width);
      if (width <= 0 || width === this.width) return;
      this.measured = width;
      this.frame ||= requestAnimationFrame(() => {
        this.frame = 0;
        this.width = this.measured;
        this.host.requestUpdate();
      });
    });
    this.observer.observe(this.host);
  }

  hostDisconnected(): void {
    this.observer?.disconnect();
    this.observer = undefined;
    cancelAnimationFrame(this.frame);
    this.frame = 0;
  }
}
