import type { ComplexAttributeConverter, PropertyDeclaration } from 'lit';
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
 * How an element's settings panel shows a setting to readers (an element with a panel
 * builds its controls from the rows that have one, in the table's order).
 */
export interface SettingControl {
  /**
   * - select: the row's `choices` (named by `optionLabel`), or the numbers in `presets`;
   * - slider: a range input over `range`, widened to reach the value within the row's min and max;
   * - list: a text field for a list of numbers (kind 'numbers'), "none" for an empty list;
   * - checkboxes: one per choice, in a fieldset;
   * - toggle: one checkbox for a flag.
   */
  readonly type: 'select' | 'slider' | 'list' | 'checkboxes' | 'toggle';
  /** select: the numbers offered (the current value is added when it is not one of them). */
  readonly presets?: readonly number[];
  /** slider: the range and step shown for values inside it (in the unit shown). */
  readonly range?: { readonly min: number; readonly max: number; readonly step: number };
  /** slider: the values it may be widened to (in the unit shown); the row's min and max by default. */
  readonly limits?: { readonly min: number; readonly max: number };
  /** slider: reports as it moves (every 'input'), not once released. */
  readonly continuous?: boolean;
  /** slider: digits after the point in the value shown beside the label (default: the number as it is). */
  readonly digits?: number;
  /** select and checkboxes: the reader's name for a choice (a registry's label). */
  readonly optionLabel?: (name: string) => string;
  /** Shown in the field of the control named here (an attribute) rather than as a control of its own. */
  readonly within?: string;
  /** list: the most items accepted. */
  readonly maxItems?: number;
  /**
   * select: the value may be a name per hidden layer; with two hidden layers or more the
   * panel adds one select per layer: `layerLabel` is the strings' key of a layer's label
   * ({index}), `<key>s` that of the disclosure holding them (and the shared select's word
   * while the layers differ).
   */
  readonly perLayer?: boolean;
  readonly layerLabel?: string;
  /** list: keys, in the element's strings, of the hint under the field and of the message for an entry it refuses. */
  readonly hint?: string;
  readonly refused?: string;
}

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
  /** The label on the reader's control for it, where the element shows one (English; see labelStrings). */
  readonly label?: string;
  /** One line for the docs, the manifest and editors. */
  readonly description: string;
  /** '%': a fraction shown to readers as a whole percentage (0.5 as 50%). */
  readonly unit?: '%';
  /** The reader's control for it in the element's settings panel, if any. */
  readonly control?: SettingControl;
  /** The attribute's converter, when the kind's does not read it (e.g. a word such as "none" for a value). */
  readonly converter?: ComplexAttributeConverter;
  /**
   * Reads the value in place of the kind's check (`byKind` runs that check): returns the
   * value the element uses, or throws an NnKitError. `written` is the writer's text.
   */
  readonly check?: (value: unknown, written: string | null | undefined, byKind: (value: unknown) => unknown) => unknown;
  /** The core checks the value when it uses it (its message lists its registry); checkSetting passes it on. */
  readonly coreChecks?: boolean;
  /** The core's option objects the value is passed to under the property's name (e.g. ['trainer']: TrainerOptions). */
  readonly core?: readonly string[];
  /** The value in force when the setting is unset and nothing else (e.g. the data) decides; the property stays unset. */
  readonly fallback?: unknown;
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
    else if (setting.converter) declarations[name] = { attribute, converter: setting.converter, hasChanged: listChanged };
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
  if (setting.check) return setting.check(value, written, (given) => checkKind(table, name, given, written)) as T;
  if (setting.coreChecks) return value as T;
  return checkKind(table, name, value, written) as T;
}

/** The check of a setting's kind: its range, its choices. */
function checkKind(table: SettingsTable, name: string, value: unknown, written?: string | null): unknown {
  const setting = table[name];
  const attribute = attributeOf(table, name);
  const rule = { min: setting.min, max: setting.max, integer: setting.integer };
  const choices = () => (typeof setting.choices === 'function' ? setting.choices() : (setting.choices ?? []));
  switch (setting.kind) {
    case 'number':
      return checkNumber(value, attribute, rule, written);
    case 'numbers':
      return checkNumberList(value, attribute, rule, written);
    case 'choice':
      return checkChoice(String(value).trim(), attribute, choices());
    case 'choices':
      if (!Array.isArray(value)) throw new NnKitError(`${attribute} must list names separated by commas, e.g. "${choices().slice(0, 2).join(', ')}".`);
      for (const item of value) checkChoice(String(item), attribute, choices());
      return value;
    default:
      return value;
  }
}

/** The value a kind of setting holds. */
type KindValue<K extends SettingKind> = K extends 'number'
  ? number
  : K extends 'numbers'
    ? number[]
    : K extends 'flag'
      ? boolean
      : K extends 'choices' | 'labels'
        ? string[]
        : string;

/** What checkSetting gives for a row: its check's result, else its kind's value; undefined while unset when it has no default. */
export type CheckedValue<S extends Setting> =
  | (S extends { check: (...args: never[]) => infer R } ? R : KindValue<S['kind']>)
  | (S extends { default: unknown } ? never : undefined);

/** A table's checked values, by property name: what an element builds from. */
export type SettingValues<T extends SettingsTable> = { -readonly [K in keyof T]: CheckedValue<T[K]> };

/**
 * Checks every setting of a table on `host` (in the table's order, so the first bad one
 * is reported) and returns the checked values. An unset setting without a default stays
 * undefined. `written` gives the writer's text for an attribute.
 */
export function checkSettings<T extends SettingsTable>(table: T, host: object, written: (attribute: string) => string | null): SettingValues<T> {
  const values = host as Record<string, unknown>;
  const checked: Record<string, unknown> = {};
  for (const name of Object.keys(table)) {
    const value = values[name];
    checked[name] = value == null ? undefined : checkSetting(table, name, value, written(attributeOf(table, name)));
  }
  return checked as SettingValues<T>;
}

/** A table's defaults, checked: what an element shows before its own settings have been applied. */
export function defaultValues<T extends SettingsTable>(table: T): SettingValues<T> {
  const defaults = {};
  restoreDefaults(defaults, table);
  return checkSettings(table, defaults, () => null);
}

/** The values to pass to one of the core's option objects: every row whose `core` names it. */
export function coreOptions(table: SettingsTable, target: string, values: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const options: Record<string, unknown> = {};
  for (const [name, setting] of Object.entries(table)) if (setting.core?.includes(target) && values[name] !== undefined) options[name] = values[name];
  return options;
}

/**
 * The labels of a table's rows as strings by attribute (`{ 'learning-rate': 'Learning rate' }`),
 * for an element's strings table: a writer translates a control's label by its attribute.
 */
export function labelStrings(table: SettingsTable): Record<string, string> {
  const labels: Record<string, string> = {};
  for (const [name, setting] of Object.entries(table)) if (setting.label) labels[attributeOf(table, name)] = setting.label;
  return labels;
}
