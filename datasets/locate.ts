import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { findFile } from './files';
import type { BuildOptions, Located } from './recipe';

/**
 * Looks for a dataset's files: in the folder given on the command line if there is one,
 * otherwise in each default folder in turn. `names` lists, for each file needed, the
 * names it may have (gzipped or not).
 */
export function locateFiles(
  id: string,
  options: BuildOptions,
  defaults: readonly string[],
  names: readonly (readonly string[])[],
  how: string,
  optional: readonly (readonly string[])[] = [],
): Located {
  const given = options.dirs[id];
  const dirs = given ? [resolve(given)] : defaults.map((d) => resolve(options.projectRoot, d));
  const notes: string[] = [];
  for (const dir of dirs) {
    if (!existsSync(dir)) {
      notes.push(`${dir} (no such folder)`);
      continue;
    }
    const files = names.map((choices) => findFile(dir, choices));
    const lacking = names.filter((_, i) => files[i] === null).map((choices) => choices[0]);
    if (lacking.length === 0) {
      const extra = optional.map((choices) => findFile(dir, choices)).filter((f) => f !== null);
      return { found: true, dir, files: [...(files as string[]), ...extra] };
    }
    notes.push(`${dir} (lacks ${lacking.join(', ')})`);
  }
  return { found: false, how, looked: notes, explicit: Boolean(given) };
}
