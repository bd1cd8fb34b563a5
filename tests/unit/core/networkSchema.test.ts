import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CATALOGUE } from '../../../src/core/catalogue';
import { nestingDepthOf } from '../../../src/core/documentBounds';
import { LIMITS } from '../../../src/core/fields';
import { MAX_DOCUMENT_DEPTH } from '../../../src/core/limits';
import {
  readNetworkDocument,
  readNetworkJson,
  readNetworkShape,
} from '../../../src/core/networkSchema';
import { LAYER_TYPES } from '../../../src/core/registry';

/** The problem of a refused document; fails the test when it was accepted. */
function problemOf(value: unknown): string {
  const read = readNetworkDocument(value);
  expect(read.ok).toBe(false);
  return read.ok ? '' : read.problem;
}

const net = (layers: unknown, extra: object = {}) => ({ input: [28, 28, 1], layers, ...extra });
const deep = (n: number): string => `${'['.repeat(n)}${']'.repeat(n)}`;

describe('the network schema refuses what is not a network, naming the first problem', () => {
  it('{"hello": "world"} is no network', () => {
    expect(problemOf({ hello: 'world' })).toMatch(/"hello"|"input"/);
    expect(readNetworkShape({ hello: 'world' }).ok).toBe(false);
  });

  it('layers [null, 7, "x"]: the first one is named', () => {
    expect(problemOf(net([null, 7, 'x']))).toBe(
      'layer 1: each layer must be a JSON object with a "type", e.g. { "type": "flatten" }, not null.',
    );
    expect(problemOf(net([{ type: 'flatten' }, 7]))).toMatch(/^layer 2: .* not 7\.$/);
    expect(readNetworkShape(net([null, 7, 'x'])).ok).toBe(false);
  });

  it('a field of the wrong kind is named with its layer and the rule (from the registry)', () => {
    const problem = problemOf(
      net([
        { type: 'flatten' },
        { type: 'dense', units: 10 },
        { type: 'conv2d', filters: 4, kernel: 'x' },
      ]),
    );
    expect(problem).toBe(
      `layer 3 (conv2d): kernel must be a whole number from 1 to ${LIMITS.window.toLocaleString('en-US')}, or an [height, width] pair of them; got "x".`,
    );
    expect(problemOf(net([{ type: 'conv2d', kernel: 3 }]))).toMatch(
      /^layer 1 \(conv2d\): "filters" is missing .*needs it\.$/,
    );
    expect(problemOf(net([{ type: 'dense', units: 10, colour: 'red' }]))).toMatch(
      /^layer 1 \(dense\): there is no field "colour" in a dense layer; its fields are units, /,
    );
    expect(problemOf(net([{ type: 'conv9d' }]))).toMatch(/^layer 1: unknown layer type "conv9d"/);
    expect(problemOf(net([{ type: 'flatten', inputs: ['a', 'b'] }]))).toMatch(/one layer id/);
  });

  it('5,000 layers are refused with the limit', () => {
    const layers = Array.from({ length: 5_000 }, () => ({ type: 'flatten' }));
    expect(problemOf(net(layers))).toBe(
      `a network may have at most ${LIMITS.layers} layers; this one has 5,000.`,
    );
    expect(readNetworkShape(net(layers)).ok).toBe(false);
  });

  it('a field nested 30,000 deep is refused before any recursion, with no stack overflow', () => {
    const text = `{"input": [28, 28, 1], "layers": [{"type": "flatten", "id": ${deep(30_000)}}]}`;
    const read = readNetworkJson(text);
    expect(read).toEqual({
      ok: false,
      problem: `the network nests lists and objects more than ${MAX_DOCUMENT_DEPTH} deep, far deeper than any real one, so it was not read.`,
    });
    expect(readNetworkShape(JSON.parse(text)).ok).toBe(false);
  });

  it('text that is not JSON says so', () => {
    const read = readNetworkJson('{ "input": [28, 28');
    expect(read.ok).toBe(false);
    expect(read.ok ? '' : read.problem).toMatch(/^it is not valid JSON/);
  });

  it('a network whose layers do not fit together is still a network document (the analysis says why)', () => {
    const read = readNetworkDocument({
      input: [7, 7, 1],
      layers: [{ type: 'conv2d', filters: 1, kernel: 9 }],
    });
    expect(read.ok).toBe(true);
  });
});

describe('the nesting walk', () => {
  it('measures depth without recursion and stops past the limit', () => {
    expect(nestingDepthOf(7)).toBe(0);
    expect(nestingDepthOf({ a: [1, { b: [] }] })).toBe(4);
    expect(nestingDepthOf(JSON.parse(deep(100_000)), 12)).toBe(13);
  });

  it('agrees with a recursive count on shallow values', () => {
    const depth = (x: unknown): number =>
      typeof x === 'object' && x !== null ? 1 + Math.max(0, ...Object.values(x).map(depth)) : 0;
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 6 }), (x) => nestingDepthOf(x, 50) === depth(x)),
    );
  });
});

describe('properties', () => {
  it('every catalogue network is accepted and comes back the same through JSON', () => {
    for (const entry of CATALOGUE) {
      const read = readNetworkJson(JSON.stringify(entry.network));
      expect(read, entry.id).toEqual({
        ok: true,
        network: JSON.parse(JSON.stringify(entry.network)),
      });
    }
  });

  it('random junk never throws: it is read or refused with a sentence', () => {
    fc.assert(
      fc.property(fc.anything(), (junk) => {
        const read = readNetworkDocument(junk);
        if (!read.ok) expect(read.problem).toMatch(/^[a-z].*\.$/s);
        // The shape a link needs is the least of a network document: what passes the one passes it.
        if (read.ok) expect(readNetworkShape(junk).ok).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it('a catalogue network with one field replaced by anything is read or refused, naming its layer', () => {
    const entries = fc.constantFrom(...CATALOGUE.filter((e) => e.network.layers.length > 0));
    const field = fc.constantFrom(
      ...new Set(LAYER_TYPES.flatMap((d) => d.fields.map((f) => f.name))),
    );
    fc.assert(
      fc.property(entries, fc.nat(), field, fc.anything(), (entry, n, name, value) => {
        const layers = entry.network.layers;
        const index = n % layers.length;
        const changed = {
          ...entry.network,
          layers: layers.map((l, i) => (i === index ? { ...l, [name]: value } : l)),
        };
        const read = readNetworkDocument(changed);
        if (!read.ok)
          expect(read.problem).toMatch(/^(layer \d+( \([a-z0-9]+\))?: |the network nests)/);
      }),
      { numRuns: 400 },
    );
  });
});
