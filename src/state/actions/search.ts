import type { LabAction } from './types';

const wordsOf = (text: string): string[] =>
  text
    .toLowerCase()
    .split(/[^\p{L}\p{N}?]+/u)
    .filter(Boolean);

/**
 * The actions whose label, group or keywords contain every word typed, as a word start
 * ("recep" finds "Open Receptive fields"); those whose label has all the words come first.
 */
export function searchActions(actions: readonly LabAction[], query: string): LabAction[] {
  const typed = wordsOf(query);
  if (typed.length === 0) return [...actions];
  const hasAll = (words: string[]) => typed.every((t) => words.some((w) => w.startsWith(t)));
  const inLabel: LabAction[] = [];
  const elsewhere: LabAction[] = [];
  for (const action of actions) {
    if (hasAll(wordsOf(action.label))) inLabel.push(action);
    else if (hasAll(wordsOf(`${action.label} ${action.group} ${action.keywords ?? ''}`)))
      elsewhere.push(action);
  }
  return [...inLabel, ...elsewhere];
}
