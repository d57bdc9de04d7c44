import { css, html } from 'lit';
import { type Setting, attributeOf } from '../shared/settings.js';
import { format } from '../shared/strings.js';
import type { Ghost } from './ghosts.js';
import type { TRAINER_SETTINGS, TrainerValues, TrainerWords } from './nn-trainer.settings.js';
import type { STATE_SETTINGS } from './state.js';

/** The list's styles, added to the element's once this module has loaded. */
export const ghostListStyles = css`
  .ghosts-caption,
  .ghosts {
    margin: 0.25rem 0 0;
    color: var(--_muted);
    font-size: 0.8rem;
  }

  .ghosts {
    padding-left: 0;
    list-style: none;
  }
`;

/** What the list reads of the element's own code, passed in by it (so this module loads none of that again). */
export interface GhostListContext {
  /** A loss as the chart writes it. */
  formatLoss(value: number): string;
  /** The element's settings table: the labels of the settings. */
  table: typeof TRAINER_SETTINGS;
  /** The settings a ghost may differ in: those a state holds. */
  names: typeof STATE_SETTINGS;
}

/** The ghosts in words under the chart: "1. Learning rate 0.3: training loss 0.251 at epoch 120". */
export function renderGhostList(ghosts: readonly Ghost[], current: TrainerValues, words: TrainerWords, context: GhostListContext) {
  return html`<p class="ghosts-caption">${words.ghostsCaption}</p>
    <ol class="ghosts">${ghosts.map((ghost, i) => html`<li>${describeGhost(ghost, i, current, words, context)}</li>`)}</ol>`;
}

/** A setting's value for readers: lists comma separated, an unset one as the words say. */
function shown(value: unknown, words: TrainerWords): string {
  if (value === undefined) return words.ghostInferred;
  if (Array.isArray(value)) return value.length === 0 ? 'none' : value.join(', ');
  return String(value);
}

/** "Learning rate 0.3, Seed 2": the settings of `ghost` that differ from `current`, by their labels. */
export function difference(ghost: TrainerValues, current: TrainerValues, words: TrainerWords, { table: settings, names }: GhostListContext): string {
  const table = settings as unknown as Record<string, Setting>;
  const a = ghost as unknown as Record<string, unknown>;
  const b = current as unknown as Record<string, unknown>;
  const changes = names.filter((name) => JSON.stringify(a[name]) !== JSON.stringify(b[name])).map((name) => {
    const attribute = attributeOf(settings, name);
    const label = words[attribute] ?? table[name].label ?? attribute;
    return `${label} ${shown(a[name], words)}`;
  });
  return changes.length > 0 ? changes.join(', ') : words.ghostSame;
}

/** One ghost in words, labelled with how it differs from the current run. */
function describeGhost(ghost: Ghost, index: number, current: TrainerValues, words: TrainerWords, context: GhostListContext): string {
  const last = ghost.history.at(-1);
  const label = difference(ghost.values, current, words, context);
  return format(words.ghostItem, { number: index + 1, label, loss: context.formatLoss(last?.trainLoss ?? Number.NaN), epoch: last?.epoch ?? 0 });
}
