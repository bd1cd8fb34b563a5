import { describe, expect, it } from 'vitest';
import { analyzeNetwork } from '../../../src/core/analyze';
import { createLayerTemplate } from '../../../src/core/layerTemplates';
import type { NetworkDocument } from '../../../src/core/network';
import {
  changeLayerType,
  insertLayer,
  moveLayer,
  removeLayer,
  renameNetwork,
  setInputShape,
  setLayerField,
} from '../../../src/state/networkEdits';
import { catalogueNetwork, copyOf, deepFreeze, layerOf } from './helpers';

/** A small network, deep-frozen so that any edit that mutates it throws. */
function frozenNetwork(): NetworkDocument {
  return deepFreeze({
    name: 'edit me',
    input: [28, 28, 1],
    layers: [
      { type: 'conv2d', filters: 6, kernel: 5, padding: 2, activation: 'relu' },
      { type: 'maxpool2d', size: 2 },
      { type: 'flatten' },
      { type: 'dense', units: 10, activation: 'softmax' },
    ],
  });
}

const types = (network: NetworkDocument) => network.layers.map((l) => l.type);

describe('setLayerField', () => {
  it('changes one field in place, keeping the order of the keys', () => {
    const network = frozenNetwork();
    const before = copyOf(network);
    const edited = setLayerField(network, 0, 'kernel', 3);
    expect(layerOf(edited, 0).kernel).toBe(3);
    expect(Object.keys(layerOf(edited, 0))).toEqual(Object.keys(layerOf(network, 0)));
    expect(network).toEqual(before);
    // Padding 2 around a 3×3 kernel: 28 + 4 - 3 + 1 = 30.
    expect(analyzeNetwork(edited).layers[0]?.outputShape).toEqual([30, 30, 6]);
  });

  it('adds a new field at the end', () => {
    const edited = setLayerField(frozenNetwork(), 0, 'stride', 2);
    expect(Object.keys(layerOf(edited, 0))).toEqual([
      'type',
      'filters',
      'kernel',
      'padding',
      'activation',
      'stride',
    ]);
    expect(layerOf(edited, 0).stride).toBe(2);
  });

  it('undefined removes the field so its default applies', () => {
    const network = frozenNetwork();
    const edited = setLayerField(network, 0, 'padding', undefined);
    expect('padding' in layerOf(edited, 0)).toBe(false);
    expect(Object.keys(layerOf(edited, 0))).toEqual(['type', 'filters', 'kernel', 'activation']);
    // Padding now defaults to valid: 28 - 5 + 1.
    expect(analyzeNetwork(edited).layers[0]?.outputShape).toEqual([24, 24, 6]);
  });

  it('leaves the other layers shared and untouched', () => {
    const network = frozenNetwork();
    const edited = setLayerField(network, 3, 'units', 5);
    expect(edited.layers[0]).toBe(network.layers[0]);
    expect(layerOf(edited, 3).units).toBe(5);
    expect(layerOf(network, 3).units).toBe(10);
  });

  it.each([-1, 4, 99])('returns the same document for layer index %i', (index) => {
    const network = frozenNetwork();
    expect(setLayerField(network, index, 'kernel', 3)).toBe(network);
  });
});

describe('changeLayerType', () => {
  it('replaces the layer by the new type’s template', () => {
    const network = frozenNetwork();
    const edited = changeLayerType(network, 1, 'avgpool2d');
    expect(layerOf(edited, 1)).toEqual(createLayerTemplate('avgpool2d'));
    expect(types(edited)).toEqual(['conv2d', 'avgpool2d', 'flatten', 'dense']);
  });

  it('drops the old type’s fields', () => {
    const edited = changeLayerType(frozenNetwork(), 0, 'maxpool2d');
    expect(layerOf(edited, 0)).toEqual({ type: 'maxpool2d', size: 2 });
    expect(analyzeNetwork(edited).errors).toEqual([]);
  });

  it('keeps the id and inputs of a graph layer', () => {
    const resnet = deepFreeze(copyOf(catalogueNetwork('resnet18')));
    const index = resnet.layers.findIndex((l) => l.type === 'add');
    const old = layerOf(resnet, index);
    const edited = changeLayerType(resnet, index, 'concat');
    const fresh = layerOf(edited, index);
    expect(fresh.type).toBe('concat');
    expect(fresh.id).toBe(old.id);
    expect(fresh.inputs).toEqual(old.inputs);
    expect(resnet.layers[index]).toBe(old);
    expect(old.type).toBe('add');
  });

  it('does not invent an id or inputs for a sequential layer', () => {
    const fresh = layerOf(changeLayerType(frozenNetwork(), 2, 'dropout'), 2);
    expect(fresh).toEqual({ type: 'dropout', rate: 0.5 });
    expect('id' in fresh).toBe(false);
    expect('inputs' in fresh).toBe(false);
  });

  it.each([-1, 4])('returns the same document for layer index %i', (index) => {
    const network = frozenNetwork();
    expect(changeLayerType(network, index, 'dense')).toBe(network);
  });
});

describe('insertLayer', () => {
  it('at 0 puts the template first', () => {
    const edited = insertLayer(frozenNetwork(), 0, 'batchnorm');
    expect(types(edited)).toEqual(['batchnorm', 'conv2d', 'maxpool2d', 'flatten', 'dense']);
    expect(layerOf(edited, 0)).toEqual(createLayerTemplate('batchnorm'));
  });

  it('at the last position goes before the last layer', () => {
    const edited = insertLayer(frozenNetwork(), 3, 'dropout');
    expect(types(edited)).toEqual(['conv2d', 'maxpool2d', 'flatten', 'dropout', 'dense']);
  });

  it('at the length appends', () => {
    const edited = insertLayer(frozenNetwork(), 4, 'dense');
    expect(types(edited)).toEqual(['conv2d', 'maxpool2d', 'flatten', 'dense', 'dense']);
  });

  it('past either end lands at that end', () => {
    expect(types(insertLayer(frozenNetwork(), 99, 'dropout')).at(-1)).toBe('dropout');
    expect(types(insertLayer(frozenNetwork(), -3, 'dropout'))[0]).toBe('dropout');
  });

  it('gives the inserted conv layer a shape that fits where it is put', () => {
    const edited = insertLayer(frozenNetwork(), 1, 'conv2d');
    const report = analyzeNetwork(edited);
    expect(report.errors).toEqual([]);
    expect(report.layers[1]?.outputShape).toEqual([28, 28, 8]);
  });
});

describe('removeLayer', () => {
  it('removes the first layer', () => {
    expect(types(removeLayer(frozenNetwork(), 0))).toEqual(['maxpool2d', 'flatten', 'dense']);
  });

  it('removes the last layer', () => {
    expect(types(removeLayer(frozenNetwork(), 3))).toEqual(['conv2d', 'maxpool2d', 'flatten']);
  });

  it.each([-1, 4, 100])('returns the same document for index %i', (index) => {
    const network = frozenNetwork();
    expect(removeLayer(network, index)).toBe(network);
  });
});

describe('moveLayer', () => {
  it('moves the first layer down', () => {
    expect(types(moveLayer(frozenNetwork(), 0, 1))).toEqual([
      'maxpool2d',
      'conv2d',
      'flatten',
      'dense',
    ]);
  });

  it('moves the last layer up', () => {
    expect(types(moveLayer(frozenNetwork(), 3, -1))).toEqual([
      'conv2d',
      'maxpool2d',
      'dense',
      'flatten',
    ]);
  });

  it('moves by several places', () => {
    expect(types(moveLayer(frozenNetwork(), 0, 3))).toEqual([
      'maxpool2d',
      'flatten',
      'dense',
      'conv2d',
    ]);
  });

  it.each([
    ['the first layer up', 0, -1],
    ['the last layer down', 3, 1],
    ['a layer past the end', 4, -1],
    ['a negative index', -1, 1],
    ['by more places than there are', 1, 5],
  ])('returns the same document when moving %s', (_, index, delta) => {
    const network = frozenNetwork();
    expect(moveLayer(network, index, delta)).toBe(network);
  });
});

describe('setInputShape and renameNetwork', () => {
  it('sets the input shape as a copy of the given array', () => {
    const shape = [32, 32, 3];
    const edited = setInputShape(frozenNetwork(), shape);
    expect(edited.input).toEqual([32, 32, 3]);
    shape[0] = 1;
    expect(edited.input).toEqual([32, 32, 3]);
    expect(analyzeNetwork(edited).layers[0]?.outputShape).toEqual([32, 32, 6]);
  });

  it('accepts a vector input', () => {
    expect(setInputShape(frozenNetwork(), [784]).input).toEqual([784]);
  });

  it('renames without touching the layers', () => {
    const network = frozenNetwork();
    const edited = renameNetwork(network, 'Mon réseau 🧠');
    expect(edited.name).toBe('Mon réseau 🧠');
    expect(edited.layers).toBe(network.layers);
    expect(network.name).toBe('edit me');
  });
});

describe('no edit changes the document it is given', () => {
  const edits: readonly [string, (n: NetworkDocument) => NetworkDocument][] = [
    ['setLayerField', (n) => setLayerField(n, 1, 'size', 3)],
    ['setLayerField (remove)', (n) => setLayerField(n, 0, 'activation', undefined)],
    ['changeLayerType', (n) => changeLayerType(n, 0, 'dense')],
    ['insertLayer', (n) => insertLayer(n, 2, 'dropout')],
    ['removeLayer', (n) => removeLayer(n, 2)],
    ['moveLayer', (n) => moveLayer(n, 2, -1)],
    ['setInputShape', (n) => setInputShape(n, [64, 64, 3])],
    ['renameNetwork', (n) => renameNetwork(n, 'renamed')],
  ];

  it.each(edits)('%s returns a new document and leaves the frozen input as it was', (_, edit) => {
    const network = frozenNetwork();
    const before = copyOf(network);
    const edited = edit(network);
    expect(edited).not.toBe(network);
    expect(edited).not.toEqual(network);
    expect(network).toEqual(before);
    expect(JSON.stringify(network)).toBe(JSON.stringify(before));
  });
});
