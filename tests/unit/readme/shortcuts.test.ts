import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { APP_ACTIONS } from '../../../src/app/appActions';
import { PASS_ACTIONS } from '../../../src/app/passActions';
import { PRESENTER_ACTIONS } from '../../../src/app/presenter/presenterActions';
import { LESSON_ACTIONS } from '../../../src/panels/lessons/navigate';
import { labActions, registerActions } from '../../../src/state/actions/registry';
import { shortcutListMarkdown } from '../../../src/state/actions/shortcutDoc';

const README = readFileSync(path.resolve(__dirname, '../../../README.md'), 'utf8');
const START = '<!-- shortcuts: generated from the action registry -->';
const END = '<!-- /shortcuts -->';

describe('the README', () => {
  it('lists exactly the keyboard shortcuts the action registry defines', () => {
    // The shell registers its own actions when it mounts, the lesson panel its own when it
    // loads; the README lists them too.
    const unregister = registerActions([
      ...PRESENTER_ACTIONS,
      ...PASS_ACTIONS,
      ...APP_ACTIONS,
      ...LESSON_ACTIONS,
    ]);
    const expected = shortcutListMarkdown(labActions());
    unregister();
    const start = README.indexOf(START);
    const end = README.indexOf(END);
    expect(start, `README.md has no "${START}" marker`).toBeGreaterThan(0);
    const listed = README.slice(start + START.length, end).trim();
    // On failure, paste the expected list between the README's markers.
    expect(listed).toBe(expected);
  });

  it('keeps the training keys the lab has always had', () => {
    const section = README.slice(README.indexOf(START), README.indexOf(END));
    const training = section.slice(section.indexOf('- Training'));
    for (const key of ['`Space`', '`S`', '`E`', '`R`']) expect(training).toContain(key);
  });
});
