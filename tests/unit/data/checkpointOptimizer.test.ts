import { describe, expect, it } from 'vitest';
import type { WeightValues } from '../../../src/core/inspection';
import { encodeWeight, parseCheckpoint } from '../../../src/data/checkpoint';

/** A weight of the tiny 4→2 dense network, named and shaped as the lab writes it. */
function tinyWeight(role: 'kernel' | 'bias', values: readonly number[]): WeightValues {
  return {
    layerIndex: 0,
    name: 'dense_1',
    role,
    shape: role === 'kernel' ? [4, 2] : [2],
    data: Float32Array.from(values),
  };
}

const KERNEL = [0.1, -0.2, 0.3, -0.4, 0.5, -0.6, 0.7, -0.8];
const BIAS = [0.01, -0.02];

/** Adam's m and v for each weight: small numbers, v positive. */
function adamSlots(scale = 1e-3) {
  return [
    [
      encodeWeight(
        tinyWeight(
          'kernel',
          KERNEL.map((x) => x * scale),
        ),
      ),
      encodeWeight(
        tinyWeight(
          'kernel',
          KERNEL.map((x) => x * x * scale),
        ),
      ),
    ],
    [
      encodeWeight(
        tinyWeight(
          'bias',
          BIAS.map((x) => x * scale),
        ),
      ),
      encodeWeight(
        tinyWeight(
          'bias',
          BIAS.map((x) => x * x * scale),
        ),
      ),
    ],
  ];
}

/** A checkpoint of an Adam run stopped inside its second epoch, optimiser state included. */
function withOptimizer(optimizer: unknown = { name: 'adam', iterations: 40, slots: adamSlots() }) {
  return {
    format: 'cnn-lab-checkpoint',
    version: 1,
    network: { name: 'tiny', input: [4], layers: [{ type: 'dense', units: 2 }] },
    dataset: 'mnist',
    settings: { seed: 1, optimizer: 'adam', learningRate: 0.001, batchSize: 32 },
    step: 40,
    epoch: 1,
    testAccuracy: null,
    history: { train: [], validation: [] },
    weights: [encodeWeight(tinyWeight('kernel', KERNEL)), encodeWeight(tinyWeight('bias', BIAS))],
    offset: 96,
    optimizer,
  };
}

const problemOf = (doc: unknown): string => {
  try {
    parseCheckpoint(doc);
  } catch (error) {
    return (error as Error).message;
  }
  return 'accepted';
};

describe('a checkpoint’s optimiser state and position', () => {
  it('are read when sound, and an older checkpoint without them still loads', () => {
    const read = parseCheckpoint(withOptimizer());
    expect(read.offset).toBe(96);
    expect(read.optimizer?.iterations).toBe(40);
    expect(read.optimizer?.slots.map((own) => own.length)).toEqual([2, 2]);
    // JSON leaves undefined fields out: the file as the lab wrote it before they existed.
    const older = JSON.parse(
      JSON.stringify({ ...withOptimizer(), optimizer: undefined, offset: undefined }),
    ) as object;
    expect(Object.keys(older)).not.toContain('optimizer');
    const old = parseCheckpoint(older);
    expect(old.optimizer).toBeUndefined();
    expect(old.offset).toBeUndefined();
    // Plain SGD keeps no values: one empty list per trainable weight.
    expect(problemOf(withOptimizer({ name: 'adam', iterations: 0, slots: [[], []] }))).toBe(
      'accepted',
    );
  });

  it('refuse a slot whose shape does not fit its weight', () => {
    const slots = adamSlots();
    slots[0]![1] = encodeWeight({ ...tinyWeight('kernel', KERNEL), shape: [2, 4] });
    expect(problemOf(withOptimizer({ name: 'adam', iterations: 40, slots }))).toMatch(
      /optimizer\.slots\[0\] is 2×4, but the kernel of dense_1 is 4×2/,
    );
  });

  it('refuse slots for the wrong weight, too few weights, or uneven counts', () => {
    const swapped = adamSlots().reverse();
    expect(problemOf(withOptimizer({ name: 'adam', iterations: 40, slots: swapped }))).toMatch(
      /optimizer\.slots\[0\] is for the bias of dense_1, but weight 1 to train is the kernel/,
    );
    const one = adamSlots().slice(0, 1);
    expect(problemOf(withOptimizer({ name: 'adam', iterations: 40, slots: one }))).toMatch(
      /values for 1 weights, but the checkpoint has 2 trainable weights/,
    );
    const uneven = adamSlots();
    uneven[1] = uneven[1]!.slice(0, 1);
    expect(problemOf(withOptimizer({ name: 'adam', iterations: 40, slots: uneven }))).toMatch(
      /optimizer\.slots\[1\] holds 1 values .* the first weight has 2/,
    );
    const three = adamSlots();
    three[0] = [...three[0]!, three[0]![0]!];
    expect(problemOf(withOptimizer({ name: 'adam', iterations: 40, slots: three }))).toMatch(
      /optimizer\.slots\[0\] must hold at most 2 values per weight/,
    );
  });

  it('refuse values that are not finite, as in the weights', () => {
    const slots = adamSlots();
    slots[1]![1] = encodeWeight(tinyWeight('bias', [0.1, NaN]));
    expect(problemOf(withOptimizer({ name: 'adam', iterations: 40, slots }))).toMatch(
      /the optimiser's state for the bias of dense_1 \(layer 1\) holds NaN at position 1/,
    );
    const huge = adamSlots();
    huge[0]![0] = encodeWeight(tinyWeight('kernel', [1, 2, 3, 4, 5, 6, 7, Infinity]));
    expect(problemOf(withOptimizer({ name: 'adam', iterations: 40, slots: huge }))).toMatch(
      /holds Infinity at position 7/,
    );
  });

  it('refuse a state of another optimiser than the settings name, and bad counts', () => {
    expect(
      problemOf(withOptimizer({ name: 'momentum', iterations: 40, slots: adamSlots() })),
    ).toMatch(/optimizer\.name is "momentum" but the settings say the run used "adam"/);
    expect(problemOf(withOptimizer({ name: 'adam', iterations: -1, slots: adamSlots() }))).toMatch(
      /optimizer\.iterations must be a whole number from 0 up, not -1/,
    );
    expect(problemOf(withOptimizer({ name: 'adam', iterations: 40 }))).toMatch(
      /optimizer\.slots is missing/,
    );
    expect(problemOf({ ...withOptimizer(), offset: 1.5 })).toMatch(
      /offset must be a whole number from 0 up, not 1\.5/,
    );
    expect(
      problemOf(withOptimizer({ name: 'adam', iterations: 4, slots: adamSlots(), extra: 1 })),
    ).toMatch(/optimizer\.extra is a field a checkpoint does not have/);
  });
});
