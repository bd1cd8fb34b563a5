/**
 * Registries keyed by a string union (initialisation schemes, normalisation modes):
 * the table is the one list of names, so the names and the check derive from it.
 */

/** The table's keys, in the table's order, typed as its key union. */
export function keysOf<K extends string>(table: Readonly<Record<K, unknown>>): K[] {
  return Object.keys(table) as K[];
}

/** True when `value` is one of the table's own keys (never an inherited one such as "toString"). */
export function isKeyOf<K extends string>(
  table: Readonly<Record<K, unknown>>,
  value: unknown,
): value is K {
  return typeof value === 'string' && Object.hasOwn(table, value);
}

/** The check `isKeyOf` makes, bound to one table: the guard a registry exports for its names. */
export function keyGuardOf<K extends string>(
  table: Readonly<Record<K, unknown>>,
): (value: unknown) => value is K {
  return (value): value is K => isKeyOf(table, value);
}

/** A named choice as the explainers present it: its label, its formula and a line of help. */
export interface DescribedChoice {
  readonly label: string;
  /** As the explainer writes it. */
  readonly formula: string;
  readonly help: string;
}
