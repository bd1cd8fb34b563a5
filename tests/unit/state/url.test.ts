import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyzeNetwork } from '../../../src/core/analyze';
import { CATALOGUE } from '../../../src/core/catalogue';
import {
  insertLayer,
  renameNetwork,
  setLayerField,
  setInputShape,
} from '../../../src/state/networkEdits';
import { defaultSettings, type LabSettings } from '../../../src/state/settings';
import { decodeSettings, encodeSettings } from '../../../src/state/url';
import { catalogueNetwork, layerOf } from './helpers';

const paramsOf = (fragment: string) => new URLSearchParams(fragment);

function settingsFor(presetId: string, overrides: Partial<LabSettings> = {}): LabSettings {
  return {
    ...defaultSettings(),
    panel: 'architecture',
    presetId,
    network: catalogueNetwork(presetId),
    selectedLayer: 0,
    ...overrides,
  };
}

/** Encodes, decodes, and checks the link came back clean. */
function roundTrip(settings: LabSettings): LabSettings {
  const decoded = decodeSettings(encodeSettings(settings));
  expect(decoded.problems).toEqual([]);
  expect(decoded.rejectedNetwork).toBeUndefined();
  return decoded.settings;
}

describe('a link made by the lab reopens the same view', () => {
  it.each(CATALOGUE.map((entry) => [entry.id, entry.network.layers.length] as const))(
    '%s with a selected layer round-trips without carrying the network',
    (id, layerCount) => {
      const settings = settingsFor(id, { selectedLayer: layerCount - 1 });
      const fragment = encodeSettings(settings);
      const params = paramsOf(fragment);
      expect(params.get('v')).toBe('1');
      expect(params.get('preset')).toBe(id);
      expect(params.get('layer')).toBe(String(layerCount - 1));
      expect(params.has('arch')).toBe(false);
      expect(roundTrip(settings)).toEqual(settings);
    },
  );

  it('the default settings round-trip and read the same from an empty link', () => {
    const defaults = defaultSettings();
    expect(roundTrip(defaults)).toEqual(defaults);
    const empty = decodeSettings('');
    expect(empty.problems).toEqual([]);
    expect(empty.settings).toEqual(defaults);
  });

  it('accepts the fragment with its leading #', () => {
    const settings = settingsFor('vgg16', { selectedLayer: 5 });
    const decoded = decodeSettings(`#${encodeSettings(settings)}`);
    expect(decoded.problems).toEqual([]);
    expect(decoded.settings).toEqual(settings);
  });

  it('keeps the selected layer and the open panel', () => {
    const settings = settingsFor('resnet18', { selectedLayer: 42, panel: 'architecture' });
    const back = roundTrip(settings);
    expect(back.selectedLayer).toBe(42);
    expect(back.panel).toBe('architecture');
    expect(back.presetId).toBe('resnet18');
  });
});

describe('an edited network travels in arch', () => {
  const lenet = catalogueNetwork('lenet5');

  it('a changed kernel round-trips exactly, key order included', () => {
    const network = setLayerField(lenet, 2, 'kernel', 3);
    const settings = settingsFor('lenet5', { network, selectedLayer: 2 });
    const fragment = encodeSettings(settings);
    expect(paramsOf(fragment).has('arch')).toBe(true);
    const back = roundTrip(settings);
    expect(back).toEqual(settings);
    expect(JSON.stringify(back.network)).toBe(JSON.stringify(network));
    expect(layerOf(back.network, 2).kernel).toBe(3);
    // The change reaches the numbers a person reads: the third layer's output grows.
    expect(analyzeNetwork(back.network).layers[2]?.outputShape).toEqual([12, 12, 16]);
  });

  it('an added layer and a new input shape round-trip', () => {
    const network = setInputShape(insertLayer(lenet, 1, 'batchnorm'), [32, 32, 3]);
    const back = roundTrip(settingsFor('lenet5', { network, selectedLayer: 8 }));
    expect(back.network).toEqual(network);
    expect(back.network.layers).toHaveLength(9);
    expect(layerOf(back.network, 1).type).toBe('batchnorm');
    expect(back.network.input).toEqual([32, 32, 3]);
    expect(back.selectedLayer).toBe(8);
  });

  it('a name with accents, emoji, quotes and URL syntax round-trips', () => {
    const name = `Réseau « 🧠🔥 » "quoted" 'single' & a=b #frag %20 + ? \\ 日本`;
    const network = renameNetwork(lenet, name);
    const back = roundTrip(settingsFor('lenet5', { network }));
    expect(back.network.name).toBe(name);
    expect(back.network).toEqual(network);
  });

  it('any name a person can give round-trips exactly', () => {
    const names = fc
      .oneof(fc.string({ maxLength: 40 }), fc.string({ unit: 'binary', maxLength: 40 }))
      .filter((name) => name.length <= 80);
    fc.assert(
      fc.property(names, (name) => {
        const network = renameNetwork(lenet, name);
        const decoded = decodeSettings(encodeSettings(settingsFor('lenet5', { network })));
        expect(decoded.problems).toEqual([]);
        expect(decoded.settings.network).toEqual(network);
      }),
    );
  });

  it('any valid choice of filter counts round-trips exactly', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 512 }), fc.integer({ min: 1, max: 512 }), (a, b) => {
        const network = setLayerField(setLayerField(lenet, 0, 'filters', a), 2, 'filters', b);
        const back = decodeSettings(encodeSettings(settingsFor('lenet5', { network })));
        expect(back.problems).toEqual([]);
        expect(back.settings.network).toEqual(network);
      }),
    );
  });

  it('arch is left out once the network equals its preset again', () => {
    const edited = setLayerField(lenet, 2, 'kernel', 3);
    const undone = setLayerField(edited, 2, 'kernel', 5);
    expect(undone).not.toBe(lenet);
    const fragment = encodeSettings(settingsFor('lenet5', { network: undone }));
    expect(paramsOf(fragment).has('arch')).toBe(false);
  });

  it('arch is written when the network differs from the preset it names', () => {
    // LeNet-5's network under the VGG-16 preset is an edit of VGG-16 as far as the link goes.
    const settings = settingsFor('vgg16', { network: lenet });
    expect(paramsOf(encodeSettings(settings)).has('arch')).toBe(true);
    expect(roundTrip(settings)).toEqual(settings);
  });
});
