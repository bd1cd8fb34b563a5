import { describe, expect, it } from 'vitest';
import { MAX_PARAM_LENGTH } from '../../../src/state/codecs';
import { defaultSettings } from '../../../src/state/settings';
import { decodeSettings, MAX_FRAGMENT_LENGTH, type DecodedLink } from '../../../src/state/url';
import { archOf, catalogueNetwork, errorCount } from './helpers';

const lenet = catalogueNetwork('lenet5');
const vgg16 = catalogueNetwork('vgg16');

/** Decodes a hostile fragment; whatever it is, the lab must get a usable, error-free view. */
function open(fragment: string): DecodedLink {
  const decoded = decodeSettings(fragment);
  expect(errorCount(decoded.settings.network)).toBe(0);
  const layers = decoded.settings.network.layers.length;
  expect(decoded.settings.selectedLayer).toBeGreaterThanOrEqual(0);
  expect(decoded.settings.selectedLayer).toBeLessThan(layers);
  for (const problem of decoded.problems) {
    expect(typeof problem).toBe('string');
    // A notice quotes what it ignored, but never pastes a whole hostile value back.
    expect(problem.length).toBeLessThan(1_000);
  }
  return decoded;
}

/** The only problem of a decoded link. */
function onlyProblem(decoded: DecodedLink): string {
  expect(decoded.problems).toHaveLength(1);
  return decoded.problems[0] ?? '';
}

const network = (layers: readonly object[], extra: object = {}) =>
  JSON.stringify({ name: 'from a link', input: [28, 28, 1], layers, ...extra });

describe('a broken arch falls back to the preset and says why', () => {
  it('data that is not lz-string output', () => {
    const decoded = open('preset=vgg16&arch=%%%not-lz-data!!!');
    expect(onlyProblem(decoded)).toMatch(/Ignored the network: .*damaged/);
    expect(decoded.settings.presetId).toBe('vgg16');
    expect(decoded.settings.network).toEqual(vgg16);
    expect(decoded.rejectedNetwork).toBeUndefined();
  });

  it('an empty arch', () => {
    expect(onlyProblem(open('arch='))).toMatch(/Ignored the network/);
  });

  it('text that is not JSON', () => {
    const decoded = open(`arch=${archOf('{"name": "half a network", "input": [28')}`);
    expect(onlyProblem(decoded)).toMatch(/Ignored the network: .*not valid JSON/);
    expect(decoded.settings.network).toEqual(lenet);
  });

  it.each([
    ['a JSON array', '[{"type": "flatten"}]'],
    ['JSON null', 'null'],
    ['a JSON string', '"lenet5"'],
    ['a JSON number', '42'],
  ])('%s', (_, json) => {
    const decoded = open(`arch=${archOf(json)}`);
    expect(onlyProblem(decoded)).toMatch(/Ignored the network: .*not a network document/);
    expect(decoded.settings.network).toEqual(lenet);
    expect(decoded.rejectedNetwork).toBeUndefined();
  });

  it('a network with an unknown layer type is offered, not loaded', () => {
    const json = network([{ type: 'conv9d', filters: 3 }, { type: 'flatten' }]);
    const decoded = open(`preset=mlp&arch=${archOf(json)}&layer=1`);
    const problem = onlyProblem(decoded);
    expect(problem).toContain('MLP 784-128-64-10 is shown instead');
    expect(problem).toContain('unknown layer type "conv9d"');
    expect(problem).toContain('layer 1');
    expect(decoded.settings.network).toEqual(catalogueNetwork('mlp'));
    expect(decoded.settings.selectedLayer).toBe(1);
    expect(decoded.rejectedNetwork).toEqual(JSON.parse(json));
  });

  it('a network with a negative kernel is offered, not loaded', () => {
    const json = network([{ type: 'conv2d', filters: 4, kernel: -3 }, { type: 'flatten' }]);
    const decoded = open(`arch=${archOf(json)}`);
    const problem = onlyProblem(decoded);
    expect(problem).toContain('1 error, so LeNet-5 is shown instead');
    expect(problem).toContain('kernel');
    expect(problem).toContain('-3');
    expect(decoded.settings.network).toEqual(lenet);
    expect(decoded.rejectedNetwork?.layers[0]).toEqual({
      type: 'conv2d',
      filters: 4,
      kernel: -3,
    });
  });

  it('a network with many errors names the first three and counts the rest', () => {
    const layers = [1, 2, 3, 4, 5].map((n) => ({ type: 'conv2d', filters: 2, kernel: -n }));
    const problem = onlyProblem(open(`arch=${archOf(network(layers))}`));
    expect(problem).toContain('5 errors');
    expect(problem).toContain('and 2 more');
    expect(problem).toContain('got -3');
    expect(problem).not.toContain('got -4');
  });

  it('an object with no network fields is refused with the fields it lacks, and not offered', () => {
    for (const json of [
      '{}',
      '{"hello": "world"}',
      '{"input": [28, 28, 1], "layers": [null, 7, "x"]}',
    ]) {
      const decoded = open(`arch=${archOf(json)}`);
      const problem = onlyProblem(decoded);
      expect(problem).toMatch(/not a network document \(.*layer/);
      // Not a network, so there is nothing to open anyway (it took the explorer down).
      expect(decoded.rejectedNetwork).toBeUndefined();
    }
  });

  it('a network nested 30,000 deep is refused without a stack overflow', () => {
    const deep = `${'['.repeat(30_000)}${']'.repeat(30_000)}`;
    const json = `{"input": [28, 28, 1], "layers": [{"type": "flatten", "extra": ${deep}}]}`;
    const decoded = open(`arch=${archOf(json)}`);
    expect(onlyProblem(decoded)).toMatch(/nests lists and objects more than \d+ deep/);
    expect(decoded.rejectedNetwork).toBeUndefined();
    expect(decoded.settings.network).toEqual(lenet);
  });

  it('more layers than the lab reads is refused before analysis', () => {
    const layers = Array.from({ length: 501 }, () => ({ type: 'flatten' }));
    const json = network(layers);
    const arch = archOf(json);
    expect(arch.length).toBeLessThan(MAX_PARAM_LENGTH);
    expect(onlyProblem(open(`arch=${arch}`))).toMatch(/at most 500 layers; this one has 501/);
  });

  it('a small arch that unpacks to a huge document is refused', () => {
    const json = network([{ type: 'flatten' }], { description: 'x'.repeat(300_000) });
    const arch = archOf(json);
    expect(arch.length).toBeLessThan(MAX_PARAM_LENGTH);
    const decoded = open(`preset=vgg16&arch=${arch}`);
    expect(onlyProblem(decoded)).toMatch(/unpacks to too much data/);
    expect(decoded.settings.network).toEqual(vgg16);
  });

  it('a __proto__ key neither pollutes objects nor gets loaded', () => {
    const json = `{"__proto__": {"polluted": true}, "input": [28, 28, 1], "layers": [{"type": "flatten"}]}`;
    const decoded = open(`arch=${archOf(json)}`);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(onlyProblem(decoded)).toContain('__proto__');
    expect(decoded.settings.network).toEqual(lenet);
  });
});

describe('script in a link stays inert text', () => {
  it('a <script> name is kept as the plain string it is', () => {
    const name = '<script>globalThis.__cnnLabPwned = 1</script><img src=x onerror=alert(1)>';
    const json = JSON.stringify({ ...lenet, name });
    const decoded = open(`arch=${archOf(json)}`);
    expect(decoded.problems).toEqual([]);
    expect(typeof decoded.settings.network.name).toBe('string');
    expect(decoded.settings.network.name).toBe(name);
    expect(decoded.settings.network.layers).toEqual(lenet.layers);
    expect((globalThis as Record<string, unknown>).__cnnLabPwned).toBeUndefined();
  });

  it('a function-looking value is data, never called', () => {
    const json = JSON.stringify({ ...lenet, name: '(() => { throw new Error("ran") })()' });
    const decoded = open(`arch=${archOf(json)}`);
    expect(decoded.settings.network.name).toBe('(() => { throw new Error("ran") })()');
  });

  it('a non-string name is refused rather than handed to the page', () => {
    const json = JSON.stringify({ ...lenet, name: { toString: 'alert(1)' } });
    const decoded = open(`arch=${archOf(json)}`);
    expect(onlyProblem(decoded)).toContain('name');
    expect(decoded.settings.network.name).toBe('LeNet-5');
  });
});

describe('oversized links', () => {
  it('a 100 KB arch is ignored as too long, and the rest of the link still applies', () => {
    const huge = 'A'.repeat(100 * 1024);
    const decoded = open(`preset=vgg16&layer=3&arch=${huge}`);
    const problem = onlyProblem(decoded);
    expect(problem).toContain('the network');
    expect(problem).toContain('too long');
    expect(problem).toContain('102,400');
    expect(decoded.settings.presetId).toBe('vgg16');
    expect(decoded.settings.network).toEqual(vgg16);
    expect(decoded.settings.selectedLayer).toBe(3);
  });

  it('a 100 KB value for another setting is ignored and quoted only briefly', () => {
    const decoded = open(`preset=vgg16&layer=${'9'.repeat(100 * 1024)}`);
    const problem = onlyProblem(decoded);
    expect(problem).toContain('the selected layer');
    expect(problem).toContain('...');
    expect(decoded.settings.presetId).toBe('vgg16');
    expect(decoded.settings.selectedLayer).toBe(0);
  });

  it('a fragment past the limit is not read at all', () => {
    const fragment = `preset=vgg16&layer=3&pad=${'x'.repeat(MAX_FRAGMENT_LENGTH)}`;
    const decoded = open(fragment);
    expect(onlyProblem(decoded)).toMatch(/too long to read/);
    expect(decoded.settings).toEqual(defaultSettings());
  });

  it('a fragment just under the limit is still read', () => {
    const prefix = 'preset=vgg16&pad=';
    const fragment = prefix + 'x'.repeat(MAX_FRAGMENT_LENGTH - prefix.length);
    expect(fragment).toHaveLength(MAX_FRAGMENT_LENGTH);
    const decoded = open(fragment);
    expect(decoded.settings.presetId).toBe('vgg16');
    expect(onlyProblem(decoded)).toContain('"pad"');
  });
});

describe('bad simple settings fall back one by one', () => {
  it('an unknown preset falls back to LeNet-5 and is named', () => {
    const decoded = open('preset=inception-v4&layer=2');
    const problem = onlyProblem(decoded);
    expect(problem).toContain('the catalogue network');
    expect(problem).toContain('"inception-v4"');
    expect(decoded.settings.presetId).toBe('lenet5');
    expect(decoded.settings.network).toEqual(lenet);
    expect(decoded.settings.selectedLayer).toBe(2);
  });

  it('an unknown panel falls back to the architecture panel', () => {
    const decoded = open('panel=glossary&preset=vgg16');
    expect(onlyProblem(decoded)).toContain('"glossary"');
    expect(decoded.settings.panel).toBe('architecture');
    expect(decoded.settings.presetId).toBe('vgg16');
  });

  it('a layer past the end selects the first layer and says how many there are', () => {
    const decoded = open('preset=mlp&layer=4');
    expect(onlyProblem(decoded)).toContain('selects layer 5, but the network has 4');
    expect(decoded.settings.selectedLayer).toBe(0);
  });

  it('the last layer is not past the end', () => {
    const decoded = open('preset=mlp&layer=3');
    expect(decoded.problems).toEqual([]);
    expect(decoded.settings.selectedLayer).toBe(3);
  });

  it.each(['abc', '-1', '1.5', '0x2', '', ' 2', '1e2', '500'])('layer=%j is ignored', (raw) => {
    const decoded = open(`preset=vgg16&layer=${encodeURIComponent(raw)}`);
    const problem = onlyProblem(decoded);
    expect(problem).toContain('the selected layer');
    expect(problem).toContain(JSON.stringify(raw));
    expect(decoded.settings.selectedLayer).toBe(0);
    expect(decoded.settings.presetId).toBe('vgg16');
  });

  it('unknown parameters are named and the known ones still apply', () => {
    const decoded = open('preset=vgg16&foo=1&layer=2&bar=&foo=3');
    expect(onlyProblem(decoded)).toBe('Ignored unknown settings "foo", "bar".');
    expect(decoded.settings.presetId).toBe('vgg16');
    expect(decoded.settings.selectedLayer).toBe(2);
  });

  it('a long list of unknown parameters is cut short', () => {
    const decoded = open('a=1&b=2&c=3&d=4&e=5&f=6&g=7');
    const problem = onlyProblem(decoded);
    expect(problem).toContain('"e"');
    expect(problem).not.toContain('"f"');
    expect(problem).toContain('and more');
  });

  it('a link from a newer version is read, with a notice', () => {
    const decoded = open('v=2&preset=vgg16&layer=1');
    expect(onlyProblem(decoded)).toMatch(/newer version of the lab \(v=2\)/);
    expect(decoded.settings.presetId).toBe('vgg16');
    expect(decoded.settings.selectedLayer).toBe(1);
  });

  it('a version that is not a number is named and read as version 1', () => {
    const decoded = open('v=abc&preset=vgg16');
    expect(onlyProblem(decoded)).toMatch(/version "abc" is not one the lab knows/);
    expect(decoded.settings.presetId).toBe('vgg16');
  });

  it('a link without a version is read as version 1 without complaint', () => {
    expect(open('preset=vgg16').problems).toEqual([]);
  });

  it('a repeated parameter uses the first value and says the rest were ignored', () => {
    const decoded = open('preset=vgg16&layer=2&layer=3&preset=mlp');
    expect(decoded.settings.presetId).toBe('vgg16');
    expect(decoded.settings.selectedLayer).toBe(2);
    const problem = onlyProblem(decoded);
    expect(problem).toContain('"layer"');
    expect(problem).toContain('"preset"');
  });

  it('several broken parts are all reported, each once', () => {
    const decoded = open(`v=9&panel=x&preset=nope&layer=abc&arch=${archOf('[]')}&zzz=1`);
    expect(decoded.problems).toHaveLength(6);
    expect(decoded.settings).toEqual(defaultSettings());
  });
});

describe('decompression bombs', () => {
  it('a short arch value that would unpack to megabytes is refused without unpacking it all', async () => {
    const { default: LZString } = await import('lz-string');
    // A run of one character compresses to about √(2n) codes: 5 MB of text in a few thousand.
    const bomb = LZString.compressToEncodedURIComponent('{'.padEnd(5_000_000, ' '));
    expect(bomb.length).toBeLessThan(MAX_PARAM_LENGTH);
    const decoded = open(`v=1&arch=${bomb}`);
    expect(onlyProblem(decoded)).toContain('unpacks to too much data');
    expect(decoded.settings.network).toEqual(lenet);
  });

  it('an own image value that unpacks past the largest image is refused', async () => {
    const { default: LZString } = await import('lz-string');
    const bomb = LZString.compressToEncodedURIComponent(`28x28x1:${'\u0001'.repeat(1_000_000)}`);
    expect(bomb.length).toBeLessThan(MAX_PARAM_LENGTH);
    const decoded = decodeSettings(`v=1&own=${bomb}`);
    expect(decoded.settings.ownImage).toBeNull();
    expect(decoded.problems.join(' ')).toContain('own image');
  });
});
