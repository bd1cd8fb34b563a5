import { SETTINGS } from './settings';

/**
 * The link's keys as a Markdown table, in the order a link lists them, from the settings
 * table itself: the README's table is this text, and a unit test compares the two, so a key
 * added to the table cannot be missing from the documentation.
 */
const capital = (t: string) => `${t.charAt(0).toUpperCase()}${t.slice(1)}`;

export function linkKeysMarkdown(): string {
  const rows = SETTINGS.map(
    (s) =>
      `| \`${s.param}\` | ${capital(s.doc ?? s.label)}${s.omit && !s.doc ? ' (left out while it holds its default)' : ''} |`,
  );
  return [
    '| key | what it holds |',
    '| --- | --- |',
    '| `v` | The link format version (1) |',
    ...rows,
  ].join('\n');
}
