/** An error whose message is written for the person who wrote the bad value. */
export class NnKitError extends Error {
  override name = 'NnKitError';
}

/** Throws an NnKitError with `message` unless `condition` holds. */
export function check(condition: unknown, message: string): asserts condition {
  if (!condition) throw new NnKitError(message);
}

/** True for a finite number (not NaN, not ±Infinity). */
export function isFiniteNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

/** Lists names for a message: `"a", "b" or "c"`. */
export function listNames(names: readonly string[]): string {
  const quoted = names.map((name) => `"${name}"`);
  return quoted.length < 2 ? quoted.join('') : `${quoted.slice(0, -1).join(', ')} or ${quoted.at(-1)}`;
}

/** Looks `name` up in a registry, with an error that lists what is accepted. */
export function lookup<T>(registry: Readonly<Record<string, T>>, name: unknown, what: string): T {
  if (typeof name === 'string' && Object.hasOwn(registry, name)) return registry[name];
  throw new NnKitError(`Unknown ${what} "${String(name)}". Use ${listNames(Object.keys(registry))}.`);
}
