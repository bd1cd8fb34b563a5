import { MAX_DOCUMENT_DEPTH } from './limits';

/**
 * How deeply `value` nests arrays and objects, counted without recursion (an explicit stack),
 * stopping as soon as it passes `limit`: a value nested 30,000 deep costs `limit` steps down
 * one branch, and can never overflow the call stack. Returns `limit + 1` when it is deeper,
 * and Infinity when it holds more than `maxValues` values (so a huge flat one stops early too).
 */
export function nestingDepthOf(
  value: unknown,
  limit: number = MAX_DOCUMENT_DEPTH,
  maxValues: number = Number.POSITIVE_INFINITY,
): number {
  let deepest = 0;
  let seen = 0;
  const stack: { readonly node: unknown; readonly depth: number }[] = [{ node: value, depth: 0 }];
  while (stack.length > 0) {
    const { node, depth } = stack.pop()!;
    if (++seen > maxValues) return Number.POSITIVE_INFINITY;
    if (typeof node !== 'object' || node === null) continue;
    const here = depth + 1;
    if (here > limit) return limit + 1;
    if (here > deepest) deepest = here;
    for (const child of Array.isArray(node) ? node : Object.values(node as object)) {
      stack.push({ node: child, depth: here });
    }
  }
  return deepest;
}

/** Why a document is nested too deeply to be read, or null when it is within the limit. */
export function nestingProblemOf(
  value: unknown,
  what: string,
  limit: number = MAX_DOCUMENT_DEPTH,
): string | null {
  return nestingDepthOf(value, limit) > limit
    ? `${what} nests lists and objects more than ${limit} deep, far deeper than any real one, so it was not read`
    : null;
}
