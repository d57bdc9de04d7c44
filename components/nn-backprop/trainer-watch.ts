import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Trainer } from '../../src/index.js';
import { NETWORK_UPDATE } from '../shared/network-source.js';
import { ReferenceController } from '../shared/reference-controller.js';
import { isTrainerSource } from '../shared/trainer-source.js';

/** While the trainer trains, the walkthrough takes its weights at most this often. */
const EVERY_MS = 200;

/**
 * Follows an `<nn-trainer>` (`for="id"`): counts its network's updates (`nn-network-update`),
 * at most one every EVERY_MS, the last one always, so the walkthrough follows without
 * redrawing every frame.
 */
export class TrainerWatch implements ReactiveController {
  readonly reference: ReferenceController<Element>;
  /** Counts the updates taken. */
  version = 0;
  private last = -Infinity;
  private timer?: ReturnType<typeof setTimeout>;

  constructor(
    host: ReactiveControllerHost & HTMLElement,
    private readonly onUpdate: () => void,
  ) {
    host.addController(this);
    this.reference = new ReferenceController(host, { events: [NETWORK_UPDATE], onEvent: () => this.seen() });
  }

  /** The followed trainer's core Trainer, when it has one. */
  get trainer(): Trainer | undefined {
    const target = this.reference.target;
    return isTrainerSource(target) ? target.trainer : undefined;
  }

  hostDisconnected(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
  }

  private seen(): void {
    const wait = EVERY_MS - (performance.now() - this.last);
    if (wait <= 0) this.take();
    else this.timer ??= setTimeout(() => this.take(), wait);
  }

  private take(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.last = performance.now();
    this.version++;
    this.onUpdate();
  }
}
