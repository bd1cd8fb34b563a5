/** One entry of a list a person picks from: the value it stands for and the text shown. */
export interface Choice<T extends string | number> {
  readonly value: T;
  readonly label: string;
}

/** Choices shown together under a heading of their own (an `<optgroup>`). */
export interface ChoiceGroup<T extends string | number> {
  readonly label: string;
  readonly choices: readonly Choice<T>[];
}

/** Each value as a choice, labelled by `labelOf` (its own text when there is none). */
export function choicesOf<T extends string | number>(
  values: readonly T[],
  labelOf: (value: T) => string = String,
): Choice<T>[] {
  return values.map((value) => ({ value, label: labelOf(value) }));
}

/** The choices of a list that may hold groups, in the order they are shown. */
export function flatChoices<T extends string | number>(
  items: readonly (Choice<T> | ChoiceGroup<T>)[],
): Choice<T>[] {
  return items.flatMap((item) => ('choices' in item ? item.choices : [item]));
}

/**
 * The choice whose value a `<select>` reports as `text`, or null. A select only knows
 * strings; looking the text up gives back the typed value (a number stays a number,
 * an id stays one of its union) without a cast.
 */
export function choiceOf<T extends string | number>(
  items: readonly (Choice<T> | ChoiceGroup<T>)[],
  text: string,
): Choice<T> | null {
  return flatChoices(items).find((c) => String(c.value) === text) ?? null;
}

/**
 * The usual values with the current one among them, ascending and each once: a value
 * that came from a link or a preset stays selectable instead of showing as blank.
 */
export function withCurrent(values: readonly number[], current: number): number[] {
  return [...new Set([...values, current])].sort((a, b) => a - b);
}

/**
 * The number a number or range box holds, or null when there is none to apply. The
 * browser empties the box's text while what is typed is not a number yet; that text
 * counts as `emptyAs` where a field gives it one, and changes nothing otherwise.
 */
export function numberFromInput(text: string, emptyAs?: number): number | null {
  if (text === '') return emptyAs ?? null;
  const value = Number(text);
  return Number.isFinite(value) ? value : null;
}
