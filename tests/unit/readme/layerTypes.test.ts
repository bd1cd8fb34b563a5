import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { layerTypesMarkdown } from '../../../src/core/layerDoc';
import { LAYER_TYPES } from '../../../src/core/registry';

const README = readFileSync(path.resolve(__dirname, '../../../README.md'), 'utf8');
const START = '<!-- layer types: generated from the layer registry -->';
const END = '<!-- /layer types -->';

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

describe('the README', () => {
  it('documents exactly the layer types the registry defines', () => {
    const start = README.indexOf(START);
    const end = README.indexOf(END);
    expect(start, `README.md has no "${START}" marker`).toBeGreaterThan(0);
    // On failure, paste `layerTypesMarkdown()` between the README's markers and run prettier.
    expect(cells(README.slice(start + START.length, end))).toEqual(cells(layerTypesMarkdown()));
    for (const d of LAYER_TYPES) expect(README).toContain(`| \`${d.type}\``);
  });
});
