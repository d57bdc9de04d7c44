import { html } from 'lit';
import { format } from '../shared/strings.js';
import { type PanelInput, type Row, renderSelect } from './controls.js';

// One activation select per hidden layer: loaded when the reader first opens "Per layer" (or
// when the writer gave one name per layer), so most pages never download it.

/** A labelled select per hidden layer; a choice that makes every layer the same sets one name. */
export function renderLayerSelects(panel: PanelInput, row: Row, id: string, count: number) {
  const [name, setting] = row;
  const value = (panel.values as Record<string, unknown>)[name];
  const names = Array.isArray(value) && value.length === count ? (value as string[]) : new Array<string>(count).fill(String(Array.isArray(value) ? value[0] : value));
  const layerLabel = (panel.words as Record<string, string>)[setting.control.layerLabel ?? ''] ?? '{index}';
  const choose = (layer: number) => (event: Event) => {
    const chosen = names.map((old, i) => (i === layer ? (event.target as HTMLSelectElement).value : old));
    panel.set(name, chosen.every((one) => one === chosen[0]) ? chosen[0] : chosen.join(', '));
  };
  return names.map(
    (current, layer) => html`<label for=${`${id}-${layer + 1}`}>${format(layerLabel, { index: layer + 1 })}</label>
      ${renderSelect(setting, `${id}-${layer + 1}`, current, choose(layer))}`,
  );
}
