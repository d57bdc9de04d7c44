import { type Setting, attributeOf } from '../shared/settings.js';
import { format } from '../shared/strings.js';
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

/** A ghost as the loss chart draws it: its losses and what set it apart from the current run. */
export interface DrawnGhost {
  readonly history: readonly EpochRecord[];
  /** "Learning rate 0.3": the ghost's own settings where they differ from the current run's. */
  readonly label: string;
}

/**
 * The last three runs' loss curves, kept when a new run starts (Reset, or a setting that
 * builds a new network), newest first. A run that never finished an epoch is not kept.
 */
export class Ghosts {
  list: readonly Ghost[] = [];
  /** The settings the current run started with. */
  private current?: TrainerValues;

  /** A new run starts with `values`: the run before it (its `history`) becomes a ghost. */
  begin(history: readonly EpochRecord[], values: TrainerValues): void {
    if (this.current && history.length >= 2) this.list = [{ history, values: this.current }, ...this.list].slice(0, MOST);
    this.current = values;
  }

  /** The ghosts, each labelled with how it differs from the current run. */
  drawn(words: TrainerWords): DrawnGhost[] {
    const current = this.current;
    if (!current) return [];
    return this.list.map((ghost) => ({ history: ghost.history, label: difference(ghost.values, current, words) }));
  }
}

/** A setting's value for readers: lists comma separated, an unset one as the words say. */
function shown(value: unknown, words: TrainerWords): string {
  if (value === undefined) return words.ghostInferred;
  if (Array.isArray(value)) return value.length === 0 ? 'none' : value.join(', ');
  return String(value);
}

/** "Learning rate 0.3, Seed 2": the settings of `ghost` that differ from `current`, by their labels. */
export function difference(ghost: TrainerValues, current: TrainerValues, words: TrainerWords): string {
  const table = TRAINER_SETTINGS as unknown as Record<string, Setting>;
  const a = ghost as unknown as Record<string, unknown>;
  const b = current as unknown as Record<string, unknown>;
  const changes = STATE_SETTINGS.filter((name) => JSON.stringify(a[name]) !== JSON.stringify(b[name])).map((name) => {
    const attribute = attributeOf(TRAINER_SETTINGS, name);
    const label = words[attribute] ?? table[name].label ?? attribute;
    return `${label} ${shown(a[name], words)}`;
  });
  return changes.length > 0 ? changes.join(', ') : words.ghostSame;
}

/** The ghosts in words, for the list under the chart: "1. Learning rate 0.3: training loss 0.251 at epoch 120". */
export function describeGhost(ghost: DrawnGhost, index: number, words: TrainerWords): string {
  const last = ghost.history.at(-1);
  return format(words.ghostItem, { number: index + 1, label: ghost.label, loss: formatLoss(last?.trainLoss ?? Number.NaN), epoch: last?.epoch ?? 0 });
}
