import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { runSetupChanged, runSetupOf } from '../../../src/app/engine/runSync';
import { presetNetwork } from '../../../src/state/settings';
import { INIT_CHOICES } from '../../../src/state/trainingSettings';
import { useLabStore, type LabStore } from '../../../src/state/store';
import { isStructuralChange, sameRunSetup } from '../../../src/worker/runSetupChanges';

const initial = useLabStore.getState();
const store = () => useLabStore.getState();

/** The store state after one change, and the state before it. */
function change(edit: (s: LabStore) => void): [LabStore, LabStore] {
  const before = store();
  edit(before);
  return [store(), before];
}

beforeEach(() => useLabStore.setState(initial, true));
afterEach(() => vi.restoreAllMocks());

describe('runSetupChanged', () => {
  it('ignores run status and selection updates without serialising anything', () => {
    const stringify = vi.spyOn(JSON, 'stringify');
    expect(runSetupChanged(...change((s) => s.setRun({ step: 40, samplesPerSecond: 900 })))).toBe(
      false,
    );
    expect(runSetupChanged(...change((s) => s.selectLayer(2)))).toBe(false);
    expect(stringify).not.toHaveBeenCalled();
  });

  it('sees a changed training setting', () => {
    expect(runSetupChanged(...change((s) => s.setTraining({ learningRate: 0.42 })))).toBe(true);
    // Slow motion is a longer pause between steps than the default full speed.
    expect(initial.speed).toBe('full');
    expect(runSetupChanged(...change((s) => s.setTraining({ speed: 'slow' })))).toBe(true);
  });

  it('takes an equal copy of the network for no change, and an edited one for a change', () => {
    expect(runSetupChanged(...change((s) => s.replaceNetwork(structuredClone(s.network))))).toBe(
      false,
    );
    expect(runSetupChanged(...change((s) => s.choosePreset('mlp')))).toBe(true);
  });
});

describe('the structural settings (shared by the worker and the client)', () => {
  const base = runSetupOf(initial);
  it('rebuild the model for the network, seed, initialisation, data and validation share', () => {
    expect(isStructuralChange(base, { ...base, seed: base.seed + 1 })).toBe(true);
    expect(isStructuralChange(base, { ...base, network: presetNetwork('mlp') })).toBe(true);
    expect(isStructuralChange(base, { ...base, validationSplit: 0.3 })).toBe(true);
    expect(isStructuralChange(base, { ...base, dataset: 'cifar10' })).toBe(true);
    const otherInit = INIT_CHOICES.find((i) => i !== base.init);
    expect(otherInit).toBeDefined();
    expect(isStructuralChange(base, { ...base, init: otherInit ?? base.init })).toBe(true);
  });

  it('adjust the running model for the optimiser, rates, batch and schedule', () => {
    for (const changed of [
      { learningRate: 0.9 },
      { optimizer: 'sgd' as const },
      { l2: 0.01 },
      { batchSize: 128 },
      { epochs: 30 },
      { patience: 4 },
      { delayMs: 500 },
    ]) {
      const next = { ...base, ...changed };
      expect(isStructuralChange(base, next)).toBe(false);
      expect(sameRunSetup(base, next)).toBe(false);
    }
    const copy = { ...base, network: structuredClone(base.network) };
    expect(isStructuralChange(base, copy)).toBe(false);
    expect(sameRunSetup(base, copy)).toBe(true);
  });
});
