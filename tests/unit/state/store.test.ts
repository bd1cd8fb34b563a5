import { beforeEach, describe, expect, it } from 'vitest';
import { insertLayer, removeLayer, setLayerField } from '../../../src/state/networkEdits';
import type { NoticeInput } from '../../../src/state/notices';
import { defaultSettings, SETTINGS, type LabSettings } from '../../../src/state/settings';
import { selectReport, settingsOf, useLabStore } from '../../../src/state/store';
import { decodeSettings, encodeSettings } from '../../../src/state/url';
import { catalogueNetwork } from './helpers';

const initial = useLabStore.getState();
const store = () => useLabStore.getState();

beforeEach(() => {
  useLabStore.setState(initial, true);
});

const notice = (title: string): NoticeInput => ({ tone: 'info', title, details: [] });

describe('the store opens on the default settings', () => {
  it('matches the settings table', () => {
    expect(settingsOf(store())).toEqual(defaultSettings());
    expect(store().notices).toEqual([]);
  });
});

describe('choosePreset', () => {
  it('loads the preset’s network and selects its first layer', () => {
    store().selectLayer(5);
    store().editNetwork((n) => setLayerField(n, 0, 'filters', 3));
    store().choosePreset('vgg16');
    expect(store().presetId).toBe('vgg16');
    expect(store().network).toEqual(catalogueNetwork('vgg16'));
    expect(store().selectedLayer).toBe(0);
  });

  it('throws away edits when the same preset is chosen again', () => {
    store().editNetwork((n) => insertLayer(n, 0, 'batchnorm'));
    expect(store().network).not.toEqual(catalogueNetwork('lenet5'));
    store().choosePreset('lenet5');
    expect(store().network).toEqual(catalogueNetwork('lenet5'));
  });
});

describe('editNetwork', () => {
  it('applies the edit to the current network', () => {
    store().editNetwork((n) => setLayerField(n, 0, 'filters', 12));
    expect(store().network.layers[0]?.filters).toBe(12);
    expect(store().presetId).toBe('lenet5');
  });

  it('keeps the selection on the last layer when the selected last layer is removed', () => {
    const last = catalogueNetwork('lenet5').layers.length - 1;
    store().selectLayer(last);
    store().editNetwork((n) => removeLayer(n, last));
    expect(store().selectedLayer).toBe(last - 1);
  });

  it('selects the layer it is asked to, clamped to the network', () => {
    store().editNetwork((n) => insertLayer(n, 3, 'dropout'), 3);
    expect(store().selectedLayer).toBe(3);
    store().editNetwork((n) => n, 99);
    expect(store().selectedLayer).toBe(8);
    store().editNetwork((n) => n, -4);
    expect(store().selectedLayer).toBe(0);
  });

  it('keeps the current selection when none is given', () => {
    store().selectLayer(4);
    store().editNetwork((n) => setLayerField(n, 0, 'filters', 2));
    expect(store().selectedLayer).toBe(4);
  });
});

describe('replaceNetwork', () => {
  it('loads the new network and clamps the selection to it', () => {
    store().choosePreset('vgg16');
    store().selectLayer(20);
    const mlp = catalogueNetwork('mlp');
    store().replaceNetwork(mlp);
    expect(store().network).toBe(mlp);
    expect(store().selectedLayer).toBe(3);
  });
});

describe('selectLayer', () => {
  it.each([
    [3, 3],
    [0, 0],
    [7, 7],
    [8, 7],
    [1_000, 7],
    [-1, 0],
  ])('selectLayer(%i) on LeNet-5 selects layer %i', (asked, selected) => {
    store().selectLayer(asked);
    expect(store().selectedLayer).toBe(selected);
  });
});

describe('notices', () => {
  it('keeps the five most recent, oldest first', () => {
    for (let i = 1; i <= 7; i++) store().pushNotice(notice(`notice ${i}`));
    expect(store().notices.map((n) => n.title)).toEqual([
      'notice 3',
      'notice 4',
      'notice 5',
      'notice 6',
      'notice 7',
    ]);
    expect(new Set(store().notices.map((n) => n.id)).size).toBe(5);
  });

  it('keeps what was pushed', () => {
    const rejected = catalogueNetwork('mlp');
    store().pushNotice({
      tone: 'warning',
      title: 'Link',
      details: ['one', 'two'],
      rejectedNetwork: rejected,
    });
    const [shown] = store().notices;
    expect(shown?.tone).toBe('warning');
    expect(shown?.details).toEqual(['one', 'two']);
    expect(shown?.rejectedNetwork).toBe(rejected);
  });

  it('dismisses only the notice with the given id', () => {
    store().pushNotice(notice('a'));
    store().pushNotice(notice('b'));
    store().pushNotice(notice('c'));
    const b = store().notices[1];
    if (!b) throw new Error('no second notice');
    store().dismissNotice(b.id);
    expect(store().notices.map((n) => n.title)).toEqual(['a', 'c']);
    store().dismissNotice(-1);
    expect(store().notices).toHaveLength(2);
  });

  it('gives a notice pushed after a dismissal a fresh id', () => {
    store().pushNotice(notice('a'));
    const first = store().notices[0]?.id;
    if (first === undefined) throw new Error('no notice');
    store().dismissNotice(first);
    store().pushNotice(notice('b'));
    expect(store().notices[0]?.id).not.toBe(first);
  });
});

describe('applySettings and settingsOf', () => {
  it('replaces every setting and keeps the actions and notices', () => {
    store().pushNotice(notice('kept'));
    const network = setLayerField(catalogueNetwork('resnet18'), 0, 'filters', 32);
    const settings: LabSettings = {
      ...defaultSettings(),
      panel: 'architecture',
      presetId: 'resnet18',
      network,
      selectedLayer: 10,
    };
    store().applySettings(settings);
    expect(settingsOf(store())).toEqual(settings);
    expect(store().network).toBe(network);
    expect(store().notices.map((n) => n.title)).toEqual(['kept']);
    store().selectLayer(11);
    expect(store().selectedLayer).toBe(11);
  });

  it('settingsOf returns exactly the keys of the settings table', () => {
    store().pushNotice(notice('not a setting'));
    const settings = settingsOf(store());
    expect(Object.keys(settings).sort()).toEqual(SETTINGS.map((s) => s.key).sort());
    for (const value of Object.values(settings)) expect(typeof value).not.toBe('function');
  });

  it('a copied link opened in a fresh lab restores the same view', () => {
    store().choosePreset('vgg16');
    store().editNetwork((n) => setLayerField(n, 0, 'filters', 32), 2);
    const link = `#${encodeSettings(settingsOf(store()))}`;
    const copied = settingsOf(store());

    useLabStore.setState(initial, true);
    expect(store().presetId).toBe('lenet5');
    const decoded = decodeSettings(link);
    expect(decoded.problems).toEqual([]);
    store().applySettings(decoded.settings);
    expect(settingsOf(store())).toEqual(copied);
    expect(selectReport(store()).layers[0]?.outputShape).toEqual([224, 224, 32]);
  });
});

describe('selectReport', () => {
  it('returns the same report while the network is unchanged', () => {
    const first = selectReport(store());
    store().selectLayer(3);
    store().pushNotice(notice('unrelated'));
    expect(selectReport(store())).toBe(first);
  });

  it('returns a new report after an edit, with the new numbers', () => {
    const before = selectReport(store());
    expect(before.totalParams).toBe(61_706);
    store().editNetwork((n) => setLayerField(n, 5, 'units', 60));
    const after = selectReport(store());
    expect(after).not.toBe(before);
    expect(after.totalParams).toBeLessThan(61_706);
    expect(selectReport(store())).toBe(after);
  });

  it('follows a preset change', () => {
    selectReport(store());
    store().choosePreset('vgg16');
    expect(selectReport(store()).totalParams).toBe(138_357_544);
    store().choosePreset('lenet5');
    expect(selectReport(store()).totalParams).toBe(61_706);
  });
});
