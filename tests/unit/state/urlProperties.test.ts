import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyzeNetwork } from '../../../src/core/analyze';
import { CATALOGUE_IDS } from '../../../src/core/catalogue';
import { LAYER_TYPES } from '../../../src/core/registry';
import { PANELS } from '../../../src/state/panels';
import { decodeSettings } from '../../../src/state/url';
import { archOf } from './helpers';

/** Whatever the link, the lab opens on a valid view; returns the problems for further checks. */
function opensCleanly(fragment: string): readonly string[] {
  const { settings, problems } = decodeSettings(fragment);
  expect(analyzeNetwork(settings.network).errors).toEqual([]);
  expect(CATALOGUE_IDS).toContain(settings.presetId);
  expect(PANELS).toContain(settings.panel);
  expect(Number.isInteger(settings.selectedLayer)).toBe(true);
  expect(settings.selectedLayer).toBeGreaterThanOrEqual(0);
  expect(settings.selectedLayer).toBeLessThan(settings.network.layers.length);
  for (const problem of problems) expect(typeof problem).toBe('string');
  return problems;
}

const keys = fc.constantFrom('v', 'panel', 'preset', 'arch', 'layer', 'seed', '', '#', '%', '&&');
const anyText = fc.oneof(
  fc.string(),
  fc.string({ unit: 'binary' }),
  fc.string({ unit: 'grapheme' }),
);
const numberText = fc.oneof(fc.integer().map(String), fc.double().map(String));
const value = fc.oneof(
  anyText,
  numberText,
  fc.constantFrom(...CATALOGUE_IDS),
  anyText.map(encodeURIComponent),
  fc.json().map(archOf),
);

/** Something shaped like a network document, but with anything in its fields. */
const networkLike = fc.record(
  {
    name: fc.oneof(fc.string(), fc.integer(), fc.constant(null)),
    input: fc.oneof(
      fc.array(fc.integer({ min: -2, max: 64 }), { maxLength: 4 }),
      fc.constant([28, 28, 1]),
      fc.anything(),
    ),
    layers: fc.array(
      fc.record(
        {
          type: fc.oneof(fc.constantFrom(...LAYER_TYPES.map((t) => t.type)), fc.string()),
          filters: fc.oneof(fc.integer({ min: -4, max: 64 }), fc.string()),
          kernel: fc.oneof(
            fc.integer({ min: -2, max: 40 }),
            fc.tuple(fc.integer({ min: 0, max: 9 }), fc.integer({ min: 0, max: 9 })),
          ),
          units: fc.integer({ min: -1, max: 100 }),
          padding: fc.oneof(fc.constantFrom('same', 'valid', 'full'), fc.integer()),
          size: fc.integer({ min: 0, max: 5 }),
          rate: fc.double(),
          id: fc.string({ maxLength: 6 }),
          inputs: fc.array(fc.string({ maxLength: 6 }), { maxLength: 3 }),
          fn: fc.string(),
        },
        { requiredKeys: ['type'] },
      ),
      { maxLength: 8 },
    ),
  },
  { requiredKeys: [] },
);

describe('decodeSettings never throws and always opens a valid view', () => {
  it('for arbitrary strings', () => {
    fc.assert(
      fc.property(anyText, (text) => void opensCleanly(text)),
      { numRuns: 300 },
    );
  });

  it('for arbitrary strings after a #', () => {
    fc.assert(fc.property(anyText, (text) => void opensCleanly(`#${text}`)));
  });

  it('for arbitrary key=value fragments', () => {
    const fragment = fc
      .array(fc.tuple(keys, value), { maxLength: 8 })
      .map((pairs) => pairs.map(([k, v]) => `${k}=${v}`).join('&'));
    fc.assert(
      fc.property(fragment, (text) => void opensCleanly(text)),
      { numRuns: 300 },
    );
  });

  it('for arbitrary JSON in arch, reporting anything it did not load', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (json) => {
        const problems = opensCleanly(`arch=${archOf(JSON.stringify(json))}`);
        expect(problems.length).toBeGreaterThan(0);
      }),
    );
  });

  it('for network-like documents: loaded when valid, offered back when not', () => {
    fc.assert(
      fc.property(networkLike, fc.integer({ min: 0, max: 10 }), (doc, layer) => {
        // What the link carries is the JSON text, so compare with the document as JSON gives it.
        const json = JSON.stringify(doc);
        const sent: unknown = JSON.parse(json);
        const fragment = `layer=${layer}&arch=${archOf(json)}`;
        opensCleanly(fragment);
        const decoded = decodeSettings(fragment);
        if (analyzeNetwork(sent).errors.length === 0) {
          expect(decoded.settings.network).toEqual(sent);
          expect(decoded.rejectedNetwork).toBeUndefined();
        } else {
          expect(decoded.rejectedNetwork).toEqual(sent);
          expect(decoded.problems.some((p) => p.includes('shown instead'))).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });
});
