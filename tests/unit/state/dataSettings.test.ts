import fc from 'fast-check';
import { compressToEncodedURIComponent } from 'lz-string';
import { beforeEach, describe, expect, it } from 'vitest';
import type { AugmentationConfig } from '../../../src/data/augment';
import type { NormalisationMode } from '../../../src/data/normalise';
import { MAX_PARAM_LENGTH } from '../../../src/state/codecs';
import {
  augmentationCodec,
  ownImageCodec,
  sampleCodec,
  type OwnImage,
  type SampleRef,
} from '../../../src/state/dataCodecs';
import type { DatasetStatus } from '../../../src/state/dataSlice';
import { DATASET_IDS, defaultSettings, type LabSettings } from '../../../src/state/settings';
import { settingsOf, useLabStore } from '../../../src/state/store';
import { decodeSettings, encodeSettings, type DecodedLink } from '../../../src/state/url';
import { catalogueNetwork } from './helpers';

const paramsOf = (fragment: string) => new URLSearchParams(fragment);

/** A small seeded generator (mulberry32), so the "random" images are the same on every run. */
function randomBytes(length: number, seed: number): Uint8Array {
  let a = seed >>> 0;
  const bytes = new Uint8Array(length);
  for (let i = 0; i < length; i++) {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    bytes[i] = ((t ^ (t >>> 14)) >>> 0) % 256;
  }
  // Make sure both ends of the byte range are present.
  bytes[0] = 0;
  bytes[1] = 255;
  bytes[length - 1] = 255;
  bytes[length - 2] = 0;
  return bytes;
}

function ownImage(height: number, width: number, channels: number, seed = 7): OwnImage {
  return { height, width, channels, pixels: randomBytes(height * width * channels, seed) };
}

/** The value of a decode that must succeed. */
function decoded<T>(result: { ok: true; value: T } | { ok: false; reason: string }): T {
  if (!result.ok) throw new Error(`expected the value to decode, got: ${result.reason}`);
  return result.value;
}

/** The reason of a decode that must fail. */
function reasonOf(result: { ok: true; value: unknown } | { ok: false; reason: string }): string {
  if (result.ok) throw new Error(`expected a rejection, got ${JSON.stringify(result.value)}`);
  expect(result.reason.length).toBeGreaterThan(0);
  return result.reason;
}

/** Encodes, decodes, and checks the link came back clean. */
function roundTrip(settings: LabSettings): LabSettings {
  const back = decodeSettings(encodeSettings(settings));
  expect(back.problems).toEqual([]);
  return back.settings;
}

/** The only problem of a decoded link. */
function onlyProblem(link: DecodedLink): string {
  expect(link.problems).toHaveLength(1);
  return link.problems[0] ?? '';
}

const NONE: AugmentationConfig = {
  flip: false,
  shift: 0,
  rotation: 0,
  scale: 0,
  brightness: 0,
  noise: 0,
};

describe('sampleCodec', () => {
  it.each([
    ['test-12', { source: 'test', index: 12 }],
    ['train-3', { source: 'train', index: 3 }],
    ['test-0', { source: 'test', index: 0 }],
    ['train-999999', { source: 'train', index: 999999 }],
    ['own', { source: 'own' }],
  ] as const)('reads %s', (text, value) => {
    expect(decoded(sampleCodec.decode(text))).toEqual(value);
    expect(sampleCodec.encode(value)).toBe(text);
  });

  it.each([
    'test--1',
    'valid-2',
    'test-1234567',
    '',
    'test-',
    'test',
    'test-1.5',
    'test-1e3',
    'TEST-1',
    ' test-1',
    'test-1 ',
    'own ',
    'Own',
    'train-0x10',
    '<script>',
  ])('rejects %j with a readable reason', (text) => {
    const reason = reasonOf(sampleCodec.decode(text));
    expect(reason).toContain('"test-12"');
    expect(reason).toContain(JSON.stringify(text));
  });

  it('quotes only the start of a long hostile value', () => {
    const reason = reasonOf(sampleCodec.decode('x'.repeat(5_000)));
    expect(reason.length).toBeLessThan(200);
  });

  it('any index of up to six digits round-trips', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('train' as const, 'test' as const),
        fc.integer({ min: 0, max: 999_999 }),
        (source, index) => {
          const sample: SampleRef = { source, index };
          expect(decoded(sampleCodec.decode(sampleCodec.encode(sample)))).toEqual(sample);
        },
      ),
    );
  });
});

describe('ownImageCodec', () => {
  it.each([
    [28, 28, 1],
    [32, 32, 3],
  ])('a %ix%ix%i image of random bytes comes back byte for byte', (height, width, channels) => {
    const image = ownImage(height, width, channels);
    expect(image.pixels).toContain(0);
    expect(image.pixels).toContain(255);
    const text = ownImageCodec.encode(image);
    expect(text.length).toBeGreaterThan(0);
    expect(text.length).toBeLessThanOrEqual(MAX_PARAM_LENGTH);
    // URL-safe as it stands: lz-string's URI alphabet only.
    expect(text).toMatch(/^[A-Za-z0-9+\-$]+$/);
    const back = decoded(ownImageCodec.decode(text));
    expect(back).not.toBeNull();
    expect(back?.height).toBe(height);
    expect(back?.width).toBe(width);
    expect(back?.channels).toBe(channels);
    expect(back?.pixels).toBeInstanceOf(Uint8Array);
    expect(back?.pixels.length).toBe(height * width * channels);
    expect(Array.from(back?.pixels ?? [])).toEqual(Array.from(image.pixels));
  });

  it('an all-black and an all-white drawing round-trip', () => {
    for (const value of [0, 255]) {
      const image: OwnImage = {
        height: 28,
        width: 28,
        channels: 1,
        pixels: new Uint8Array(784).fill(value),
      };
      expect(decoded(ownImageCodec.decode(ownImageCodec.encode(image)))).toEqual(image);
    }
  });

  it('any 28x28 drawing round-trips exactly', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 784, maxLength: 784 }), (pixels) => {
        const image: OwnImage = { height: 28, width: 28, channels: 1, pixels };
        expect(decoded(ownImageCodec.decode(ownImageCodec.encode(image)))).toEqual(image);
      }),
      { numRuns: 30 },
    );
  });

  it('no image is the empty string, both ways', () => {
    expect(ownImageCodec.encode(null)).toBe('');
    expect(decoded(ownImageCodec.decode(''))).toBeNull();
  });

  it('rejects text that is not lz-string output', () => {
    expect(reasonOf(ownImageCodec.decode('%%%not-lz-data!!!'))).toMatch(/damaged/);
    expect(reasonOf(ownImageCodec.decode('abc'))).toMatch(/damaged/);
  });

  it('rejects a real encoding that lost its start or its end', () => {
    const text = ownImageCodec.encode(ownImage(32, 32, 3));
    expect(reasonOf(ownImageCodec.decode(text.slice(1)))).toMatch(/damaged|wrong size/);
    expect(reasonOf(ownImageCodec.decode(text.slice(0, text.length / 2)))).toMatch(
      /damaged|wrong size/,
    );
  });

  it('rejects unpacked text without a shape', () => {
    const text = compressToEncodedURIComponent('just some text');
    expect(reasonOf(ownImageCodec.decode(text))).toMatch(/damaged/);
  });

  it.each([
    ['a 10x10x1 image', '10x10x1', 100],
    ['a 28x28x3 image', '28x28x3', 28 * 28 * 3],
    ['a 32x32x1 image', '32x32x1', 32 * 32],
    ['a shape with a leading zero', '028x28x1', 784],
    ['a shape with a space', '28x28x1 ', 784],
    ['a negative shape', '-28x-28x1', 784],
    ['no shape at all', '', 784],
  ])('rejects %s', (_, shape, bytes) => {
    const text = compressToEncodedURIComponent(`${shape}:${'\u0080'.repeat(bytes)}`);
    expect(reasonOf(ownImageCodec.decode(text))).toMatch(/wrong size/);
  });

  it.each([783, 785, 0, 2352])('rejects a 28x28x1 body of %i bytes', (bytes) => {
    const text = compressToEncodedURIComponent(`28x28x1:${'a'.repeat(bytes)}`);
    expect(reasonOf(ownImageCodec.decode(text))).toMatch(/wrong size/);
  });

  it('rejects a body with characters that are not bytes, instead of wrapping them', () => {
    const text = compressToEncodedURIComponent(`28x28x1:${'\u0100'.repeat(784)}`);
    expect(reasonOf(ownImageCodec.decode(text))).toMatch(/damaged/);
  });

  it('rejects a body whose length counts a surrogate pair as two bytes', () => {
    // 782 bytes plus one emoji (two UTF-16 units) has the right .length but is 783 characters.
    const text = compressToEncodedURIComponent(`28x28x1:${'a'.repeat(782)}🧠`);
    expect(reasonOf(ownImageCodec.decode(text))).toMatch(/damaged|wrong size/);
  });

  it('rejects over-long text without unpacking it', () => {
    expect(reasonOf(ownImageCodec.decode('A'.repeat(MAX_PARAM_LENGTH + 1)))).toMatch(/too long/);
  });
});

describe('augmentationCodec', () => {
  it('no augmentation is the empty string, both ways', () => {
    expect(augmentationCodec.encode(NONE)).toBe('');
    expect(decoded(augmentationCodec.decode(''))).toEqual(NONE);
  });

  it.each<[string, AugmentationConfig, string]>([
    ['flip only', { ...NONE, flip: true }, 'flip'],
    ['shift only', { ...NONE, shift: 2 }, 'shift2'],
    [
      'everything',
      { flip: true, shift: 2, rotation: 10, scale: 0.1, brightness: 0.05, noise: 0.02 },
      'flip,shift2,rot10,scale0.1,bright0.05,noise0.02',
    ],
    [
      'every maximum',
      { flip: true, shift: 8, rotation: 45, scale: 0.5, brightness: 0.5, noise: 0.5 },
      'flip,shift8,rot45,scale0.5,bright0.5,noise0.5',
    ],
    ['a fractional rotation', { ...NONE, rotation: 12.5 }, 'rot12.5'],
    ['float steps', { ...NONE, scale: 0.15000000000000002 }, 'scale0.15000000000000002'],
  ])('%s round-trips', (_, config, text) => {
    expect(augmentationCodec.encode(config)).toBe(text);
    expect(decoded(augmentationCodec.decode(text))).toEqual(config);
  });

  it('reads the parts in any order and ignores empty ones', () => {
    expect(decoded(augmentationCodec.decode('noise0.1,,flip,rot5,'))).toEqual({
      ...NONE,
      flip: true,
      noise: 0.1,
      rotation: 5,
    });
  });

  it('every value the sliders can give round-trips', () => {
    fc.assert(
      fc.property(
        fc.boolean(),
        fc.integer({ min: 0, max: 6 }),
        fc.integer({ min: 0, max: 30 }),
        fc.integer({ min: 0, max: 6 }),
        fc.integer({ min: 0, max: 8 }),
        fc.integer({ min: 0, max: 15 }),
        (flip, shift, rotation, scale, brightness, noise) => {
          const config: AugmentationConfig = {
            flip,
            shift,
            rotation,
            scale: scale * 0.05,
            brightness: brightness * 0.05,
            noise: noise * 0.02,
          };
          expect(decoded(augmentationCodec.decode(augmentationCodec.encode(config)))).toEqual(
            config,
          );
        },
      ),
    );
  });

  it.each([
    ['shift2.4', 2],
    ['shift2.6', 3],
    ['shift7.5', 8],
    ['shift0.4', 0],
  ])('%s rounds the shift to %i whole pixels', (text, shift) => {
    expect(decoded(augmentationCodec.decode(text))).toEqual({ ...NONE, shift });
  });

  it.each([
    'blur3',
    'flip2',
    'FLIP',
    'rot',
    'shift',
    'rot90',
    'rot45.01',
    'shift9',
    'shift8.6',
    'scale0.6',
    'bright1',
    'noise0.51',
    'rot-5',
    'shift-1',
    'noise-0.1',
    'rot.',
    'rot1.2.3',
    'rot1e1',
    'rot 10',
    'rotation10',
    'rot10x',
    'Infinity',
    'rotInfinity',
  ])('rejects %j and quotes it', (part) => {
    const reason = reasonOf(augmentationCodec.decode(`flip,${part}`));
    expect(reason).toContain(JSON.stringify(part));
  });

  it('quotes only the start of a long part', () => {
    const reason = reasonOf(augmentationCodec.decode(`rot${'9'.repeat(1_000)}`));
    expect(reason.length).toBeLessThan(120);
  });
});

describe('the data settings travel in the link', () => {
  const lenet = catalogueNetwork('lenet5');

  it('defaults write no own image and read back the defaults', () => {
    const defaults = defaultSettings();
    expect(defaults.dataset).toBe('mnist');
    expect(defaults.sample).toEqual({ source: 'test', index: 0 });
    expect(defaults.ownImage).toBeNull();
    expect(defaults.normalisation).toBe('scale');
    expect(defaults.augmentation).toEqual(NONE);
    expect(defaults.seed).toBe(1);
    const params = paramsOf(encodeSettings(defaults));
    expect(params.has('own')).toBe(false);
    expect(params.get('data')).toBe('mnist');
    expect(params.get('sample')).toBe('test-0');
    expect(params.get('norm')).toBe('scale');
    expect(params.get('aug')).toBe('');
    expect(params.get('seed')).toBe('1');
    expect(roundTrip(defaults)).toEqual(defaults);
  });

  it.each(DATASET_IDS.map((id) => [id]))('dataset %s round-trips', (dataset) => {
    const settings = { ...defaultSettings(), dataset };
    expect(paramsOf(encodeSettings(settings)).get('data')).toBe(dataset);
    expect(roundTrip(settings).dataset).toBe(dataset);
  });

  it.each<[SampleRef, string]>([
    [{ source: 'test', index: 9999 }, 'test-9999'],
    [{ source: 'train', index: 0 }, 'train-0'],
    [{ source: 'train', index: 59999 }, 'train-59999'],
    [{ source: 'own' }, 'own'],
  ])('sample %j round-trips', (sample, text) => {
    const settings = { ...defaultSettings(), sample };
    expect(paramsOf(encodeSettings(settings)).get('sample')).toBe(text);
    expect(roundTrip(settings).sample).toEqual(sample);
  });

  it.each<NormalisationMode>(['none', 'scale', 'mean-image', 'channel-mean', 'standardise'])(
    'normalisation %s round-trips',
    (normalisation) => {
      const settings = { ...defaultSettings(), normalisation };
      expect(paramsOf(encodeSettings(settings)).get('norm')).toBe(normalisation);
      expect(roundTrip(settings).normalisation).toBe(normalisation);
    },
  );

  it('an augmentation round-trips', () => {
    const augmentation = {
      flip: true,
      shift: 3,
      rotation: 15,
      scale: 0.1,
      brightness: 0.2,
      noise: 0,
    };
    const settings = { ...defaultSettings(), augmentation };
    expect(paramsOf(encodeSettings(settings)).get('aug')).toBe(
      'flip,shift3,rot15,scale0.1,bright0.2',
    );
    expect(roundTrip(settings).augmentation).toEqual(augmentation);
  });

  it.each([0, 1, 42, 2_147_483_647])('seed %i round-trips', (seed) => {
    const settings = { ...defaultSettings(), seed };
    expect(paramsOf(encodeSettings(settings)).get('seed')).toBe(String(seed));
    expect(roundTrip(settings).seed).toBe(seed);
  });

  it.each([
    [28, 28, 1],
    [32, 32, 3],
  ])('a %ix%ix%i own image round-trips', (height, width, channels) => {
    const image = ownImage(height, width, channels, 99);
    const settings: LabSettings = {
      ...defaultSettings(),
      dataset: channels === 3 ? 'cifar10' : 'mnist',
      ownImage: image,
      sample: { source: 'own' },
    };
    const fragment = encodeSettings(settings);
    expect(paramsOf(fragment).get('own')).toBe(ownImageCodec.encode(image));
    const back = roundTrip(settings);
    expect(back.ownImage).toEqual(image);
    expect(back).toEqual(settings);
  });

  it('a link with every data key set round-trips in one go', () => {
    const settings: LabSettings = {
      ...defaultSettings(),
      panel: 'architecture',
      presetId: 'vgg16',
      network: lenet,
      selectedLayer: 3,
      dataset: 'cifar10',
      sample: { source: 'train', index: 4321 },
      ownImage: ownImage(32, 32, 3, 2024),
      normalisation: 'channel-mean',
      augmentation: {
        flip: true,
        shift: 4,
        rotation: 20,
        scale: 0.25,
        brightness: 0.3,
        noise: 0.1,
      },
      seed: 123_456_789,
    };
    const params = paramsOf(encodeSettings(settings));
    expect(params.has('arch')).toBe(true);
    expect(params.get('data')).toBe('cifar10');
    expect(params.get('sample')).toBe('train-4321');
    expect(params.get('own')).not.toBeNull();
    expect(params.get('norm')).toBe('channel-mean');
    expect(params.get('aug')).toBe('flip,shift4,rot20,scale0.25,bright0.3,noise0.1');
    expect(params.get('seed')).toBe('123456789');
    const back = decodeSettings(`#${encodeSettings(settings)}`);
    expect(back.problems).toEqual([]);
    expect(back.settings).toEqual(settings);
    expect(Array.from(back.settings.ownImage?.pixels ?? [])).toEqual(
      Array.from(settings.ownImage?.pixels ?? []),
    );
  });
});

describe('hostile data settings fall back to their defaults, one by one', () => {
  const defaults = defaultSettings();

  it('an unknown dataset', () => {
    const link = decodeSettings('data=imagenet&seed=5');
    expect(onlyProblem(link)).toBe('Ignored the dataset: unknown dataset "imagenet".');
    expect(link.settings.dataset).toBe('mnist');
    expect(link.settings.seed).toBe(5);
  });

  it('an unknown normalisation', () => {
    const link = decodeSettings('norm=whiten&data=cifar10');
    expect(onlyProblem(link)).toBe('Ignored the normalisation: unknown normalisation "whiten".');
    expect(link.settings.normalisation).toBe(defaults.normalisation);
    expect(link.settings.dataset).toBe('cifar10');
  });

  it.each(['-1', '2147483648', 'abc', '1.5', '', '1e3', ' 7'])('the seed %j', (seed) => {
    const link = decodeSettings(`seed=${encodeURIComponent(seed)}&norm=none`);
    const problem = onlyProblem(link);
    expect(problem).toMatch(
      /^Ignored the seed: the seed must be a whole number from 0 to 2147483647/,
    );
    expect(problem).toContain(JSON.stringify(seed));
    expect(link.settings.seed).toBe(defaults.seed);
    expect(link.settings.normalisation).toBe('none');
  });

  it('a sample from an unknown split', () => {
    const link = decodeSettings('sample=valid-3&data=fashion-mnist');
    const problem = onlyProblem(link);
    expect(problem).toMatch(/^Ignored the selected image: /);
    expect(problem).toContain('"valid-3"');
    expect(link.settings.sample).toEqual({ source: 'test', index: 0 });
    expect(link.settings.dataset).toBe('fashion-mnist');
  });

  it('a damaged own image', () => {
    const link = decodeSettings('own=%25%25%25not-lz!!!&sample=own');
    expect(onlyProblem(link)).toBe('Ignored your own image: the own image in the link is damaged.');
    expect(link.settings.ownImage).toBeNull();
    expect(link.settings.sample).toEqual({ source: 'own' });
  });

  it('an own image of the wrong shape', () => {
    const own = compressToEncodedURIComponent(`10x10x1:${'a'.repeat(100)}`);
    const link = decodeSettings(`own=${encodeURIComponent(own)}`);
    expect(onlyProblem(link)).toMatch(/^Ignored your own image: .*wrong size/);
    expect(link.settings.ownImage).toBeNull();
  });

  it('an over-long own image is ignored and the rest still applies', () => {
    const link = decodeSettings(`own=${'A'.repeat(MAX_PARAM_LENGTH + 1)}&data=cifar10`);
    const problem = onlyProblem(link);
    expect(problem).toMatch(/^Ignored your own image: .*too long/);
    expect(problem.length).toBeLessThan(200);
    expect(link.settings.ownImage).toBeNull();
    expect(link.settings.dataset).toBe('cifar10');
  });

  it('an out-of-range augmentation', () => {
    const link = decodeSettings('aug=flip,rot90&seed=9');
    const problem = onlyProblem(link);
    expect(problem).toMatch(/^Ignored the augmentation: /);
    expect(problem).toContain('"rot90"');
    // The whole value falls back, not just the bad part.
    expect(link.settings.augmentation).toEqual(NONE);
    expect(link.settings.seed).toBe(9);
  });

  it('several bad data values are each reported once, and the good ones apply', () => {
    const link = decodeSettings('data=imagenet&norm=whiten&seed=-1&sample=valid-3&aug=shift2');
    expect(link.problems).toHaveLength(4);
    expect(link.settings).toEqual({ ...defaults, augmentation: { ...NONE, shift: 2 } });
  });
});

describe('the data slice of the store', () => {
  const initial = useLabStore.getState();
  const store = () => useLabStore.getState();

  beforeEach(() => {
    useLabStore.setState(initial, true);
  });

  const loading: DatasetStatus = { state: 'loading', progress: null };

  it('opens on the default data settings, with nothing downloaded', () => {
    const defaults = defaultSettings();
    expect(store().dataset).toBe(defaults.dataset);
    expect(store().sample).toEqual(defaults.sample);
    expect(store().ownImage).toBeNull();
    expect(store().seed).toBe(defaults.seed);
    expect(store().manifestStatus).toEqual({ state: 'loading' });
    expect(store().datasetStatus).toEqual({});
  });

  it('chooseDataset keeps the sample when the dataset stays the same', () => {
    store().selectSample({ source: 'train', index: 5 });
    const sample = store().sample;
    store().chooseDataset('mnist');
    expect(store().dataset).toBe('mnist');
    expect(store().sample).toBe(sample);
  });

  it('chooseDataset resets the sample to test-0 when the dataset changes, keeping the own image', () => {
    const image = ownImage(28, 28, 1);
    store().selectOwnImage(image);
    store().selectSample({ source: 'train', index: 5 });
    store().chooseDataset('fashion-mnist');
    expect(store().dataset).toBe('fashion-mnist');
    expect(store().sample).toEqual({ source: 'test', index: 0 });
    expect(store().ownImage).toBe(image);
  });

  it('chooseDataset leaves an own-image sample alone when the dataset stays the same', () => {
    store().selectOwnImage(ownImage(28, 28, 1));
    store().chooseDataset('mnist');
    expect(store().sample).toEqual({ source: 'own' });
  });

  it('selectOwnImage keeps the image and makes it the selected input', () => {
    const image = ownImage(32, 32, 3);
    store().selectOwnImage(image);
    expect(store().ownImage).toBe(image);
    expect(store().sample).toEqual({ source: 'own' });
  });

  it.each([
    [42, 42],
    [0, 0],
    [3.9, 3],
    [-3.9, 0],
    [-0.5, 0],
    [-5, 0],
    [2_147_483_647, 2_147_483_647],
    [2 ** 31, 2_147_483_647],
    [1e12, 2_147_483_647],
    [Number.POSITIVE_INFINITY, 2_147_483_647],
    [Number.NEGATIVE_INFINITY, 0],
    [Number.NaN, 0],
  ])('setSeed(%d) keeps %i', (seed, kept) => {
    store().setSeed(seed);
    // toBe distinguishes -0 from 0, so a negative fraction must not leave -0 behind.
    expect(store().seed).toBe(kept);
    expect(Number.isInteger(store().seed)).toBe(true);
  });

  it('setDatasetStatus replaces one dataset’s status and keeps the others', () => {
    store().setDatasetStatus('mnist', loading);
    const before = store().datasetStatus;
    const failed: DatasetStatus = { state: 'error', message: 'no file' };
    store().setDatasetStatus('cifar10', failed);
    expect(store().datasetStatus).toEqual({ mnist: loading, cifar10: failed });
    expect(store().datasetStatus.mnist).toBe(loading);
    // The earlier record is not changed in place, so subscribers see a new object.
    expect(store().datasetStatus).not.toBe(before);
    expect(before).toEqual({ mnist: loading });
    store().setDatasetStatus('mnist', { state: 'idle' });
    expect(store().datasetStatus).toEqual({ mnist: { state: 'idle' }, cifar10: failed });
  });

  it('the data choices made in the store round-trip through a link', () => {
    store().chooseDataset('cifar10');
    store().selectOwnImage(ownImage(32, 32, 3, 5));
    store().setNormalisation('standardise');
    store().setAugmentation({ ...NONE, flip: true, rotation: 7 });
    store().setSeed(77);
    const settings = settingsOf(store());
    const back = roundTrip(settings);
    expect(back).toEqual(settings);
    useLabStore.setState(initial, true);
    store().applySettings(back);
    expect(settingsOf(store())).toEqual(settings);
  });
});
