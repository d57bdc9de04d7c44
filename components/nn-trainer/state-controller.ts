import type { ReactiveControllerHost } from 'lit';
import { Lazy } from './lazy.js';
import type { TRAINER_SETTINGS, TrainerValues } from './nn-trainer.settings.js';
import type { STATE_SETTINGS } from './state.js';

/** What restoring a state needs from the element: its settings table, the state's settings, and a build that throws on what the core refuses. */
export interface StateInput {
  readonly table: typeof TRAINER_SETTINGS;
  readonly names: typeof STATE_SETTINGS;
  build(values: TrainerValues): void;
}

/**
 * The `state` a writer or reader sets: kept until it is restored, and read by code loaded
 * the first time a state is set (most pages never set one). A state that cannot be restored
 * is kept and tried again on each update, so its message stays until it is fixed.
 */
export class StateSetter {
  /** State text set and not yet restored. */
  private wanted?: string;
  /** Set since the last update, even as the same text: it is read afresh. */
  private fresh = false;
  private readonly restorer: Lazy<typeof import('./state-restore.js')>;

  constructor(
    private readonly host: ReactiveControllerHost & object,
    private readonly input: StateInput,
  ) {
    this.restorer = new Lazy(host, () => import('./state-restore.js'));
  }

  /** Sets state text to restore (empty or null: none). */
  set(text: string | null | undefined): void {
    this.wanted = text == null || String(text).trim() === '' ? undefined : String(text);
    this.fresh = true;
    this.host.requestUpdate();
  }

  /** True when a state was set since the last update and must be read. */
  get pending(): boolean {
    return this.fresh;
  }

  /** The load of the reading code under way, when a state waits for it. */
  get loading(): Promise<unknown> | undefined {
    if (this.wanted == null) return undefined;
    this.restorer.get();
    return this.restorer.pending;
  }

  /**
   * Restores the state set, if any, onto the element: 'waiting' while its code loads, true
   * once restored (the settings assigned and the network built), false when there is none.
   * Throws an NnKitError for a bad or tampered state, which changes nothing.
   */
  restore(): boolean | 'waiting' {
    if (this.wanted == null) {
      this.fresh = false;
      return false;
    }
    const module = this.restorer.get();
    if (!module) return 'waiting';
    this.fresh = false;
    const { table, names, build } = this.input;
    module.restoreState(this.host, this.wanted, { table, names }, build);
    this.wanted = undefined;
    return true;
  }
}
