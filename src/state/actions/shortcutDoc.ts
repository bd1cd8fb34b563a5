import { panelInfoOf } from '../panels';
import { keyLabelOf } from './registry';
import type { LabAction } from './types';

/**
 * The keyboard shortcuts as a Markdown list, one line per key, grouped as the shortcut
 * list groups them: the README's list is this text, and a unit test compares the two so
 * the README cannot drift from what the keys do.
 */
export function shortcutListMarkdown(actions: readonly LabAction[]): string {
  const keyed = actions.filter((a) => keyLabelOf(a) !== '');
  const groups = [...new Set(keyed.map((a) => a.group))];
  return groups
    .map((group) => {
      const rows = keyed.filter((a) => a.group === group);
      const lines = rows.map((a) => {
        const keys = [keyLabelOf(a), ...(a.altKeys ?? [])].map((k) => `\`${k}\``).join(' or ');
        return `  - ${keys}: ${a.label.charAt(0).toLowerCase()}${a.label.slice(1)}`;
      });
      const panels = [...new Set(rows.flatMap((a) => a.panels ?? []))];
      const where = panels.length
        ? ` (on the ${panels.map((p) => panelInfoOf(p).title).join(', ')} panel)`
        : '';
      return [`- ${group}${where}`, ...lines].join('\n');
    })
    .join('\n');
}
