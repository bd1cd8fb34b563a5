import { describe, expect, it } from 'vitest';
import type { NetworkDocument } from '../../../src/core/network';
import { runSetupOf } from '../../../src/app/engine/runSync';
import {
  cleanRunName,
  defaultRunName,
  networkSummaries,
  runSettingRows,
  settingsDiff,
  settingsFromRun,
  uniqueRunName,
  type RunOverview,
} from '../../../src/state/runCompare';
import { defaultSettings } from '../../../src/state/settings';
import { useLabStore } from '../../../src/state/store';
import { insertLayer } from '../../../src/state/networkEdits';
import { catalogueNetwork } from './helpers';

/** A kept run as the library holds it, from the lab's default settings changed by `changes`. */
function runWith(changes: Record<string, unknown> = {}, network?: NetworkDocument): RunOverview {
  const setup = runSetupOf({ ...useLabStore.getState(), ...defaultSettings() });
  const { network: own, dataset, ...settings } = setup;
  return {
    format: 'cnn-lab-checkpoint',
    version: 1,
    createdAt: '',
    network: network ?? own,
    dataset,
    settings: { ...settings, ...changes },
    step: 10,
    epoch: 0,
    testAccuracy: null,
    history: { train: [], validation: [] },
  } as RunOverview;
}

describe('settingsDiff', () => {
  it('names only the learning rate when only the learning rate differs', () => {
    const diff = settingsDiff([runWith(), runWith({ learningRate: 0.01 })]);
    expect(diff).toEqual([
      { key: 'learningRate', label: 'learning rate', values: ['0.001', '0.01'] },
    ]);
  });

  it('is empty for runs with the same settings, and for a single run', () => {
    expect(settingsDiff([runWith(), runWith()])).toEqual([]);
    expect(settingsDiff([runWith({ learningRate: 0.1 })])).toEqual([]);
  });

  it('shows L1, L2 and early stopping, in the settings table’s order', () => {
    const diff = settingsDiff([runWith(), runWith({ l1: 0.001, l2: 0.0005, patience: 3 })]);
    expect(diff.map((d) => d.key)).toEqual(['l1', 'l2', 'patience']);
    expect(diff.map((d) => d.label)).toEqual([
      'L1 weight decay',
      'L2 weight decay',
      'early stopping',
    ]);
    expect(diff.map((d) => d.values)).toEqual([
      ['0', '0.001'],
      ['0', '0.0005'],
      ['0', '3'],
    ]);
  });

  it('summarises a network with dropout added by its layers, parameters and the dropout', () => {
    const lenet = catalogueNetwork('lenet5');
    const withDropout = insertLayer(lenet, 6, 'dropout');
    const diff = settingsDiff([runWith({}, lenet), runWith({}, withDropout)]);
    expect(diff.map((d) => d.key)).toEqual(['network']);
    const [a, b] = diff[0]!.values;
    const layers = lenet.layers.length;
    expect(a).toBe(`${layers} layers, 61,706 parameters`);
    // Dropout has no parameters: the total stays, one more layer, named.
    expect(b).toBe(`${layers + 1} layers, 61,706 parameters (+ dropout)`);
    expect(networkSummaries([withDropout, lenet])[1]).toContain('(− dropout)');
  });

  it('takes its rows from the settings table: the training rows, not the view’s', () => {
    const keys = runSettingRows([runWith()]).map((r) => r.key);
    expect(keys).toEqual(
      expect.arrayContaining(['network', 'dataset', 'seed', 'init', 'optimizer', 'learningRate']),
    );
    expect(keys).toEqual(
      expect.arrayContaining(['l1', 'l2', 'batchSize', 'augmentation', 'patience']),
    );
    for (const view of ['panel', 'selectedLayer', 'sample', 'theme', 'speed', 'backend'])
      expect(keys).not.toContain(view);
  });
});

describe('defaultRunName', () => {
  it('reads network, dataset, optimiser and learning rate, seed', () => {
    expect(defaultRunName(runWith({ seed: 3 }), 'MNIST')).toBe(
      'LeNet-5 · MNIST · adam 0.001 · seed 3',
    );
  });
  it('adds the regularisation when it is on', () => {
    expect(
      defaultRunName(
        runWith({ optimizer: 'sgd', learningRate: 0.1, l2: 0.001, patience: 2 }),
        'MNIST',
      ),
    ).toBe('LeNet-5 · MNIST · sgd 0.1 · seed 1 · L2 0.001 · stop 2');
  });
});

describe('names and settings taken back', () => {
  it('numbers a name that a kept run already has', () => {
    expect(uniqueRunName('a', ['b'])).toBe('a');
    expect(uniqueRunName('a', ['a', 'a (2)'])).toBe('a (3)');
  });
  it('cleans a typed name', () => {
    expect(cleanRunName('  lr   ten  times \n')).toBe('lr ten times');
    expect(cleanRunName('x'.repeat(200))).toHaveLength(80);
  });
  it('takes back valid settings and leaves out what storage spoiled', () => {
    const taken = settingsFromRun(runWith({ learningRate: 0.05, init: 'no-such-init', seed: 9 }));
    expect(taken.learningRate).toBe(0.05);
    expect(taken.seed).toBe(9);
    expect(taken).not.toHaveProperty('init');
    expect(settingsFromRun(runWith({ seed: 4 }), ['seed', 'init'])).toEqual({
      seed: 4,
      init: 'he',
    });
  });
});
