/**
 * `npm run lessons -- --check`: validates every lesson of the catalogue (links decode
 * cleanly, actions exist, every make-it-so start fails and solution passes) and prints one
 * line per lesson; exits 1 when any lesson has a problem.
 */
import { LESSONS } from '../lessons/catalogue';
import { exerciseCount } from '../lessons/runner';
import type { Lesson } from '../lessons/types';
import { validateLessons } from '../lessons/validate';

const USAGE = 'usage: npm run lessons -- --check   (validate every lesson, one line each)';

/** One line per lesson (with its problems indented under it) and whether every lesson passed. */
export async function checkLessons(
  given?: readonly Lesson[],
): Promise<{ lines: string[]; ok: boolean }> {
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
  const { lines, ok } = await checkLessons();
  for (const line of lines) console.log(line);
  process.exit(ok ? 0 : 1);
}
