import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { prefersReducedMotion } from '../shared/training-loop.js';

/**
 * "Run forward": lights a network's layers one by one, `stepMs` apart, telling the host
 * how many are lit (Infinity when idle). Instant when the reader prefers reduced motion;
 * stopped when the host leaves the page.
 */
export class ForwardRun implements ReactiveController {
  private timer?: ReturnType<typeof setTimeout>;
  private lit = Infinity;

  constructor(
    host: ReactiveControllerHost,
    private readonly options: { stepMs: number; onLit(lit: number): void },
  ) {
    host.addController(this);
  }

  /** Starts a run over `layerCount` layers (the input layer lit first). */
  play(layerCount: number): void {
    this.stop();
    if (prefersReducedMotion()) return;
    this.show(1);
    const step = () => {
      if (this.lit + 1 > layerCount) {
        this.timer = undefined;
        this.show(Infinity);
        return;
      }
      this.show(this.lit + 1);
      this.timer = setTimeout(step, this.options.stepMs);
    };
    this.timer = setTimeout(step, this.options.stepMs);
  }

  stop(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
    this.show(Infinity);
  }

  hostDisconnected(): void {
    this.stop();
  }

  private show(lit: number): void {
    this.lit = lit;
    this.options.onLit(lit);
  }
}
