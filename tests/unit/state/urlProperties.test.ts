import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyzeNetwork } from '../../../src/core/analyze';
import { CATALOGUE_IDS } from '../../../src/core/catalogue';
import { readNetworkShape } from '../../../src/core/networkSchema';
import { LAYER_TYPES } from '../../../src/core/registry';
import { PANELS } from '../../../src/state/panels';
import { SETTINGS } from '../../../src/state/settings';
import { decodeSettings } from '../../../src/state/url';
import { archOf } from './helpers';

/** The settings table's rows, whether it is kept as a list or as a record by key. */
const ROWS = Object.values(SETTINGS);
const KNOWN_PARAMS = new Set(['v', ...ROWS.map((s) => s.param)]);

/** A JSON-quoted value inside a message, which may hold anything the link carried. */
const QUOTED = /"(?:[^"\\]|\\.)*"/g;

/** Whatever the link, the lab opens on a valid view; returns the problems for further checks. */
function opensCleanly(fragment: string): readonly string[] {
  const { settings, problems } = decodeSettings(fragment);
  expect(analyzeNetwork(settings.network).errors).toEqual([]);
  expect(CATALOGUE_IDS).toContain(settings.presetId);
  expect(PANELS).toContain(settings.panel);
  expect(Number.isInteger(settings.selectedLayer)).toBe(true);
  expect(settings.selectedLayer).toBeGreaterThanOrEqual(0);
  expect(settings.selectedLayer).toBeLessThan(settings.network.layers.length);
  // Every setting holds a value the lab could itself write into a link and read back.
  for (const row of ROWS) {
    const again = row.codec.decode(row.codec.encode(settings[row.key]));
    expect(again, `${row.label} reads back`).toEqual({ ok: true, value: settings[row.key] });
  }
  // The notice is sentences a person can read, each said once, not a dump of the link.
  expect(new Set(problems).size).toBe(problems.length);
  for (const problem of problems) {
    expect(problem).toMatch(/^[A-Z]/);
    expect(problem).toMatch(/[.)]$/);
    expect(problem.length).toBeLessThan(1000);
    expect(problem.replace(QUOTED, '')).not.toMatch(/undefined|\[object |NaN/);
  }
  return problems;
}

/**
 * What a person would check against the link they opened: each unknown key and each
 * setting whose value could not be used is named, and each usable value is kept.
 */
function namesWhatItIgnored(fragment: string): void {
  const problems = opensCleanly(fragment);
  const { settings } = decodeSettings(fragment);
  // Read as the browser hands over a hash: one leading # is not part of the first key.
  const params = new URLSearchParams(fragment.replace(/^#/, ''));
  const unknown = [...params.keys()].find((k) => !KNOWN_PARAMS.has(k));
  if (unknown !== undefined && unknown.length <= 27) {
    expect(
      problems.some((p) => p.includes(JSON.stringify(unknown))),
      `the unknown key ${JSON.stringify(unknown)} is named`,
    ).toBe(true);
  }
  const version = params.get('v');
  if (version !== null && version !== '1') {
    expect(problems.some((p) => /version/.test(p))).toBe(true);
  }
  for (const row of ROWS) {
    const raw = params.get(row.param);
    if (raw === null) continue;
    const decoded = row.codec.decode(raw);
    if (!decoded.ok) {
      expect(
        problems.some((p) => p.includes(row.label)),
        `${row.param}=${raw} is named as ${row.label}`,
      ).toBe(true);
    } else if (row.key !== 'network' && row.key !== 'selectedLayer') {
      // (The network and the layer are cross-checked against each other afterwards.)
      expect(settings[row.key], `${row.param}=${raw} is kept`).toEqual(decoded.value);
    }
  }
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
      fc.property(fragment, (text) => namesWhatItIgnored(text)),
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
        if (!readNetworkShape(sent).ok) {
          // Not even shaped like a network (no list of typed layers): refused, not offered.
          expect(decoded.rejectedNetwork).toBeUndefined();
          expect(decoded.problems.some((p) => p.includes('not a network document'))).toBe(true);
        } else if (analyzeNetwork(sent).errors.length === 0) {
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
