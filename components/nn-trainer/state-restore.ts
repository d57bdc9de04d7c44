import type { PropertyDeclaration } from 'lit';
import { NnKitError } from '../../src/index.js';
import { type Setting, attributeOf, checkSettings, propertiesOf, restoreDefaults } from '../shared/settings.js';
import type { TRAINER_SETTINGS, TrainerValues } from './nn-trainer.settings.js';
import type { STATE_SETTINGS } from './state.js';

// Reading state text: loaded the first time a state is set (most pages never set one).

/** The element's settings table and the settings a state holds, passed in by the element (so this module loads neither again). */
export interface StateTables {
  table: typeof TRAINER_SETTINGS;
  names: typeof STATE_SETTINGS;
}

/** The longest state text read: a full state is a few hundred characters. */
const MAX_STATE_LENGTH = 2000;


/** Quotes a piece of the writer's text back, shortened. */
const quote = (text: string) => `"${text.length > 40 ? `${text.slice(0, 40)}…` : text}"`;

/**
 * Reads state text into the settings it restores, by property name: every state setting,
 * those the text names read as their attribute would be, the others unset (their default).
 * The values are checked with the element's other settings (`current`) as they would be
 * applied (`values`); nothing is assigned. Throws an NnKitError saying what is wrong.
 */
export function readState(
  text: string,
  current: Readonly<Record<string, unknown>>,
  { table, names }: StateTables,
): { restored: Record<string, unknown>; values: TrainerValues } {
  const byAttribute = new Map(names.map((name) => [attributeOf(table, name), name]));
  if (text.length > MAX_STATE_LENGTH) throw new NnKitError(`state is ${text.length} characters long; a state is at most ${MAX_STATE_LENGTH}.`);
  const written = new Map<string, string>();
  for (const piece of text.split(';')) {
    const entry = piece.trim();
    if (entry === '') continue;
    const match = /^([a-z-]+)\s*=(.*)$/s.exec(entry);
    if (!match) throw new NnKitError(`state lists settings as name=value separated by semicolons, e.g. "data=xor; seed=3"; got ${quote(entry)}.`);
    const [, attribute, value] = match;
    if (!byAttribute.has(attribute)) {
      throw new NnKitError(`state cannot hold ${quote(attribute)}; it holds ${[...byAttribute.keys()].join(', ')}.`);
    }
    if (written.has(attribute)) throw new NnKitError(`state names ${attribute} twice.`);
    written.set(attribute, value.trim());
  }
  const declarations = propertiesOf(table);
  const restored: Record<string, unknown> = {};
  for (const [attribute, name] of byAttribute) {
    const value = written.get(attribute);
    restored[name] = value == null || value === '' ? undefined : fromAttribute(table, declarations, name, value);
  }
  // Checked as the element checks its settings, with the state's text quoted back in messages.
  const candidate: Record<string, unknown> = { ...current, ...restored };
  restoreDefaults(candidate, table);
  try {
    return { restored, values: checkSettings(table, candidate, (attribute) => written.get(attribute) ?? null) };
  } catch (error) {
    throw new NnKitError(`state: ${(error as Error).message}`);
  }
}

/** A setting's value from attribute text, as its property's converter reads it. */
function fromAttribute(table: StateTables['table'], declarations: Record<string, PropertyDeclaration>, name: string, text: string): unknown {
  const declaration = declarations[name];
  const converter = declaration.converter;
  if ((table as unknown as Record<string, Setting>)[name].kind === 'flag') return true;
  if (converter && typeof converter === 'object' && converter.fromAttribute) return converter.fromAttribute(text, declaration.type);
  return text;
}

/**
 * Restores state text on an element: the settings are read, checked and a network built
 * from them (`build` throws on what the core refuses) before any is assigned, so a bad or
 * tampered state changes nothing. Returns true once restored.
 */
export function restoreState(host: object, text: string, tables: StateTables, build: (values: TrainerValues) => void): true {
  const properties = host as Record<string, unknown>;
  const current = Object.fromEntries(Object.keys(tables.table).map((name) => [name, properties[name]]));
  const { restored, values } = readState(text, current, tables);
  build(values);
  Object.assign(host, restored);
  return true;
}
