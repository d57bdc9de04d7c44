import { type ReactiveControllerHost, nothing } from 'lit';
import { Lazy } from './lazy.js';
import { type EpochRecord, formatLoss } from './loss-chart.js';
import { TRAINER_SETTINGS, type TrainerValues, type TrainerWords } from './nn-trainer.settings.js';
import { STATE_SETTINGS } from './state.js';

/** Earlier runs kept as ghosts. */
const MOST = 3;

/** An earlier run: its losses, and the settings it started with. */
export interface Ghost {
  readonly history: readonly EpochRecord[];
  readonly values: TrainerValues;
}

/**
 * The last three runs' loss curves, kept when a new run starts (Reset, or a setting that
 * builds a new network), newest first. A run that never finished an epoch is not kept.
 */
export class Ghosts {
  list: readonly Ghost[] = [];
  /** The settings the current run started with. */
  private current?: TrainerValues;
  /** The list in words under the chart: its code loads once there is a ghost. */
  private readonly words: Lazy<typeof import('./ghost-list.js')>;

  constructor(host: ReactiveControllerHost) {
    this.words = new Lazy(host, () => import('./ghost-list.js'), (module) => module.ghostListStyles);
  }

  /** A new run starts with `values`: the run before it (its `history`) becomes a ghost. */
  begin(history: readonly EpochRecord[], values: TrainerValues): void {
    if (this.current && history.length >= 2) this.list = [{ history, values: this.current }, ...this.list].slice(0, MOST);
    this.current = values;
  }

  /** The ghosts' training losses, newest first, for the loss chart. */
  histories(): (readonly EpochRecord[])[] {
    return this.list.map((ghost) => ghost.history);
  }

  /** The ghosts in words, each with how it differs from the current run (once its code has loaded). */
  renderList(words: TrainerWords) {
    const module = this.list.length > 0 && this.current ? this.words.get() : undefined;
    return module && this.current ? module.renderGhostList(this.list, this.current, words, { formatLoss, table: TRAINER_SETTINGS, names: STATE_SETTINGS }) : nothing;
  }
}

