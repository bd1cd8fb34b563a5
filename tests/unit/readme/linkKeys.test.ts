import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SETTINGS } from '../../../src/state/settings';
import { linkKeysMarkdown } from '../../../src/state/settingsDoc';

const README = readFileSync(path.resolve(__dirname, '../../../README.md'), 'utf8');
const START = '<!-- link keys: generated from the settings table -->';
const END = '<!-- /link keys -->';

describe('the README', () => {
  it('lists exactly the link keys the settings table defines', () => {
    const start = README.indexOf(START);
    const end = README.indexOf(END);
    expect(start, `README.md has no "${START}" marker`).toBeGreaterThan(0);
    // Prettier pads Markdown tables; compare cell by cell.
    const cells = (text: string) =>
      text
        .trim()
        .split('\n')
        .filter((line) => !/^\|[\s|:-]+\|$/.test(line))
        .map((line) =>
          line
            .split('|')
            .map((c) => c.trim())
            .join('|'),
        );
    // On failure, paste `linkKeysMarkdown()` between the README's markers and run prettier.
    expect(cells(README.slice(start + START.length, end))).toEqual(cells(linkKeysMarkdown()));
  });

  it('names every parameter of a link once', () => {
    const params = SETTINGS.map((s) => s.param);
    expect(new Set(params).size).toBe(params.length);
    for (const p of ['panel', 'arch', 'lesson', 'step', 'ex', 'hide']) expect(params).toContain(p);
  });
});
