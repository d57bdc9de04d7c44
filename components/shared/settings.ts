import type { PropertyDeclaration } from 'lit';
import { NnKitError } from '../../src/index.js';
import {
  checkChoice,
  checkNumber,
  checkNumberList,
  labelListConverter,
  listChanged,
  numberConverter,
  numberListConverter,
  textListConverter,
} from './parse.js';

/**
 * How a setting's text is read:
 * - number: one number, checked against min, max and integer;
 * - numbers: a list of numbers ("1, 0.5, -2"), each checked the same way;
 * - text: any text (an id, a URL);
 * - choice: one name from `choices`;
 * - choices: names from `choices`, comma separated;
 * - labels: names for readers, one per slot ("Sunny,,Free time" leaves slot 2 empty);
 * - flag: a boolean attribute, on when present.
 */
export type SettingKind = 'number' | 'numbers' | 'text' | 'choice' | 'choices' | 'labels' | 'flag';

/**
 * One row of an element's settings table: everything about one attribute, in one place.
 * Validation, defaults, the settings panel, the docs and the manifest all read it.
 */
export interface Setting {
  /** The attribute a writer types; the property's name in lower case when not given. */
  readonly attribute?: string;
  readonly kind: SettingKind;
  /** The value an absent or removed attribute means; none when the element (or the core) decides. */
  readonly default?: unknown;
  /** Numbers: the range accepted, and whole numbers only. */
  readonly min?: number;
  readonly max?: number;
  readonly integer?: boolean;
  /** Names accepted (a function for names known only at run time, such as a registry's). */
  readonly choices?: readonly string[] | (() => readonly string[]);
  /** 'rebuild': a change builds the element's model again; 'live' (the default): applied as it is. */
  readonly applies?: 'live' | 'rebuild';
  /** The label on the reader's control for it, where the element shows one. */
  readonly label?: string;
  /** One line for the docs, the manifest and editors. */
  readonly description: string;
}

/** An element's settings, by property name. */
export type SettingsTable = Readonly<Record<string, Setting>>;

/** Declares a settings table (the manifest's generator finds tables by this call). */
export const defineSettings = <T extends SettingsTable>(table: T): T => table;

/** The attribute a setting is written as. */
export const attributeOf = (table: SettingsTable, name: string): string => table[name].attribute ?? name.toLowerCase();

const CONVERTERS = {
  number: numberConverter,
  numbers: numberListConverter,
  choices: textListConverter,
  labels: labelListConverter,
} as const;

/** lit's property declarations for a table: attribute names, converters, list comparison by content. */
export function propertiesOf(table: SettingsTable): Record<string, PropertyDeclaration> {
  const declarations: Record<string, PropertyDeclaration> = {};
  for (const [name, setting] of Object.entries(table)) {
    const { kind } = setting;
    const attribute = attributeOf(table, name);
    if (kind === 'flag') declarations[name] = { type: Boolean, attribute };
    else if (kind === 'text' || kind === 'choice') declarations[name] = { attribute };
    else declarations[name] = { attribute, converter: CONVERTERS[kind], hasChanged: listChanged };
  }
  return declarations;
}

/** A copy of a default, so no element shares an array with another. */
const copy = (value: unknown) => (Array.isArray(value) ? [...value] : value);

/** Gives every setting that is unset (absent, removed, or set to null) its default. */
export function restoreDefaults(host: object, table: SettingsTable): void {
  const values = host as Record<string, unknown>;
  for (const [name, setting] of Object.entries(table)) {
    if (values[name] == null && setting.default !== undefined) values[name] = copy(setting.default);
  }
}

/** True when any of the changed properties rebuilds the model. */
export function rebuilds(table: SettingsTable, changed: ReadonlyMap<PropertyKey, unknown>): boolean {
  for (const key of changed.keys()) if (table[String(key)]?.applies === 'rebuild') return true;
  return false;
}

/**
 * Checks a setting's current value against its row and returns it; throws an NnKitError
 * naming the attribute and what it accepts. `written` is the writer's text for the
 * attribute, quoted back when it did not read as a number.
 */
export function checkSetting<T = unknown>(table: SettingsTable, name: string, value: unknown, written?: string | null): T {
  const setting = table[name];
  const attribute = attributeOf(table, name);
  const rule = { min: setting.min, max: setting.max, integer: setting.integer };
  const choices = () => (typeof setting.choices === 'function' ? setting.choices() : (setting.choices ?? []));
  switch (setting.kind) {
    case 'number':
      return checkNumber(value, attribute, rule, written) as T;
    case 'numbers':
      return checkNumberList(value, attribute, rule, written) as T;
    case 'choice':
      return checkChoice(String(value).trim(), attribute, choices()) as T;
    case 'choices':
      if (!Array.isArray(value)) throw new NnKitError(`${attribute} must list names separated by commas, e.g. "${choices().slice(0, 2).join(', ')}".`);
      for (const item of value) checkChoice(String(item), attribute, choices());
      return value as T;
    default:
      return value as T;
  }
}
