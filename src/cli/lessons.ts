/**
 * `npm run lessons -- --check`: validates every lesson of the catalogue (links decode
 * cleanly, actions exist, every make-it-so start fails and solution passes) and prints one
 * line per lesson; exits 1 when any lesson has a problem.
 */
import { register } from 'node:module';
import type { Lesson } from '../lessons/types';

const USAGE = 'usage: npm run lessons -- --check   (validate every lesson, one line each)';

/**
 * Node's own ESM loader cannot see lz-string's named exports (a CommonJS module that
 * assigns `module.exports` at run time), which the state's link codecs import by name; the
 * bundler and vitest can. This hook serves lz-string as an ES module re-exporting them, so
 * the CLI runs the state code unchanged.
 */
const LZ_HOOKS = `
const SHIM = 'lab-shim:lz-string';
export async function resolve(specifier, context, next) {
  if (specifier === 'lz-string') return { url: SHIM + '?' + encodeURIComponent(context.parentURL ?? ''), shortCircuit: true };
  return next(specifier, context);
}
export async function load(url, context, next) {
  if (!url.startsWith(SHIM)) return next(url, context);
  const parent = decodeURIComponent(url.slice(SHIM.length + 1));
  const source = [
    "import { createRequire } from 'node:module';",
    'const lz = createRequire(' + JSON.stringify(parent || import.meta.url) + ")('lz-string');",
    ...['compress', 'decompress', 'compressToUTF16', 'decompressFromUTF16', 'compressToBase64',
      'decompressFromBase64', 'compressToEncodedURIComponent', 'decompressFromEncodedURIComponent',
      'compressToUint8Array', 'decompressFromUint8Array']
      .map((name) => 'export const ' + name + ' = lz.' + name + ';'),
    'export default lz;',
  ].join('\\n');
  return { format: 'module', source, shortCircuit: true };
}`;

/** One line per lesson (with its problems indented under it) and whether every lesson passed. */
export async function checkLessons(
  given?: readonly Lesson[],
): Promise<{ lines: string[]; ok: boolean }> {
  const { LESSONS } = await import('../lessons/catalogue');
  const { exerciseCount } = await import('../lessons/runner');
  const { validateLessons } = await import('../lessons/validate');
  const lessons = given ?? LESSONS;
  const lines: string[] = [];
  let ok = true;
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  for (const [lesson, problems] of validateLessons(lessons)) {
    const counts = `${plural(lesson.steps.length, 'step')}, ${plural(exerciseCount(lesson), 'exercise')}`;
    if (problems.length === 0) {
      lines.push(`✓ ${lesson.id}: ${counts}`);
      continue;
    }
    ok = false;
    lines.push(`✗ ${lesson.id}: ${counts}, ${plural(problems.length, 'problem')}:`);
    for (const p of problems) lines.push(`    - ${p}`);
  }
  lines.push(`${plural(lessons.length, 'lesson')}, ${ok ? 'no problems' : 'with problems'}.`);
  return { lines, ok };
}

const isMain = process.argv[1]?.replace(/\\/g, '/').endsWith('cli/lessons.ts');
if (isMain) {
  if (!process.argv.slice(2).includes('--check')) {
    console.error(USAGE);
    process.exit(2);
  }
  register(`data:text/javascript,${encodeURIComponent(LZ_HOOKS)}`);
  const { lines, ok } = await checkLessons();
  for (const line of lines) console.log(line);
  process.exit(ok ? 0 : 1);
}
