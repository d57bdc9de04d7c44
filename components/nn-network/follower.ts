import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { NETWORK_UPDATE, type NetworkSource, isNetworkSource } from '../shared/network-source.js';
import { ReferenceController } from '../shared/reference-controller.js';

/** What a NetworkFollower is told by its host; it reads nothing else of it. */
export interface FollowerOptions {
  /** Least time between two redraws while the followed network changes (asked again each time). */
  intervalMs(): number;
  /** The followed element changed (found, gone, replaced, or upgraded to a custom element). */
  onTarget(target: Element | null): void;
  /** The followed network changed: at most once per `intervalMs`, and not while the host is off screen. */
  onChange(time: number): void;
}

/**
 * Follows another element's live network: an element given directly (`follow(id, element)`,
 * e.g. a trainer showing its own network) or, without one, the element whose id is `id`
 * (resolved as `<label for>` is, by a ReferenceController). It listens to the element's
 * `nn-network-update` and reports changes at most every `intervalMs`, and not while the
 * host is off screen (the last change is reported when it scrolls into view), so a view
 * following a trainer costs little of each training frame. Updates that the host itself
 * sent (they bubble through a trainer that embeds it) are not changes of the followed network.
 */
export class NetworkFollower implements ReactiveController {
  private element: Element | null = null;
  private target: Element | null = null;
  private listening: Element | null = null;
  private readonly reference: ReferenceController<Element>;
  /** A change not reported yet; a report queued for the end of this task, or waiting for the interval. */
  private stale = false;
  private queued = false;
  private timer?: ReturnType<typeof setTimeout>;
  /** When the last change was reported. */
  private last = -Infinity;
  /** Whether any of the host is on screen. */
  private onScreen = true;
  private sight?: IntersectionObserver;
  private readonly listener = (event: Event) => {
    if (!event.composedPath().includes(this.host)) this.schedule();
  };

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly options: FollowerOptions,
  ) {
    this.reference = new ReferenceController<Element>(host, {
      events: [NETWORK_UPDATE],
      onEvent: (event) => this.listener(event),
      onTarget: () => this.retarget(),
    });
    host.addController(this);
  }

  /** Follows `element` when given, else the element with id `id` ('' for none). */
  follow(id: string | null | undefined, element: Element | null | undefined): void {
    this.element = element ?? null;
    this.reference.setId(this.element ? '' : id);
    this.listen();
    this.retarget();
  }

  /** The followed element, when there is one. */
  get followed(): Element | null {
    return this.target;
  }

  /** The followed element when it holds a network. */
  get source(): NetworkSource | undefined {
    return this.target && isNetworkSource(this.target) ? this.target : undefined;
  }

  hostConnected(): void {
    this.listen();
    this.sight = new IntersectionObserver((entries) => {
      this.onScreen = entries.at(-1)?.isIntersecting ?? true;
      if (this.onScreen && this.stale) this.schedule();
    });
    this.sight.observe(this.host);
  }

  hostDisconnected(): void {
    this.listening?.removeEventListener(NETWORK_UPDATE, this.listener);
    this.listening = null;
    this.sight?.disconnect();
    this.sight = undefined;
    clearTimeout(this.timer);
    this.timer = undefined;
  }

  /** Listens to the element given directly (the reference listens to one found by id) while the host is connected. */
  private listen(): void {
    const next = this.host.isConnected ? this.element : null;
    if (next === this.listening) return;
    this.listening?.removeEventListener(NETWORK_UPDATE, this.listener);
    next?.addEventListener(NETWORK_UPDATE, this.listener);
    this.listening = next;
  }

  private retarget(): void {
    const next = this.element ?? this.reference.target;
    if (next === this.target) return;
    this.target = next;
    this.options.onTarget(next);
    const tag = next?.localName ?? '';
    if (next && tag.includes('-') && !customElements.get(tag)) {
      void customElements.whenDefined(tag).then(() => {
        if (this.target === next) this.options.onTarget(next);
      });
    }
  }

  /** Reports a change at the end of this task (all of its updates at once), or once `intervalMs` have passed since the last. */
  private schedule(): void {
    this.stale = true;
    if (this.queued || this.timer !== undefined || !this.onScreen || !this.host.isConnected) return;
    this.queued = true;
    queueMicrotask(() => {
      this.queued = false;
      this.report();
    });
  }

  /** Reports the change, or waits out the interval first (a report under way goes on, on screen or not). */
  private report(): void {
    if (!this.stale || !this.host.isConnected) return;
    const now = performance.now();
    const wait = this.last + this.options.intervalMs() - now;
    if (wait > 0) {
      this.timer = setTimeout(() => {
        this.timer = undefined;
        this.report();
      }, wait);
      return;
    }
    this.last = now;
    this.stale = false;
    this.options.onChange(now);
  }
}
