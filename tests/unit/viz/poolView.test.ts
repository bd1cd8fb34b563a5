import { describe, expect, test } from 'vitest';
import {
  maxPool2dReference,
  pool2dBackwardReference,
  pool2dReference,
} from '../../../src/core/reference';
import {
  outputGradientOf,
  poolInputOf,
  poolSceneOf,
  poolViewOf,
  shiftComparisonOf,
  type PoolHyper,
} from '../../../src/viz/convolution/poolView';

const hyper: PoolHyper = { op: 'max', size: 2, stride: 2, inputSize: 6 };

describe('the pooling explainer', () => {
  const scene = poolSceneOf(1, 6);
  const input = poolInputOf(scene, 6, false);

  test('shifting moves the content one pixel to the right', () => {
    const shifted = poolInputOf(scene, 6, true);
    for (let y = 0; y < 6; y++) {
      for (let x = 1; x < 6; x++) expect(shifted.data[y * 6 + x]).toBe(input.data[y * 6 + x - 1]);
    }
  });

  for (const op of ['max', 'avg', 'l2'] as const) {
    for (const [size, stride] of [
      [2, 2],
      [3, 2],
      [2, 1],
      [3, 3],
    ] as const) {
      test(`${op} pooling ${size}×${size} stride ${stride}: outputs and gradients are the core's`, () => {
        const h = { op, size, stride, inputSize: 6 };
        const view = poolViewOf(h, input, 'random', 3);
        if (!view.ok) throw new Error(view.message);
        const options = { size: [size, size] as const, stride: [stride, stride] as const };
        expect(Array.from(view.output)).toEqual(
          Array.from(pool2dReference(op, input, options).data),
        );
        const g = { shape: [view.out, view.out, 1], data: view.outputGradient };
        expect(Array.from(view.inputGradient)).toEqual(
          Array.from(pool2dBackwardReference(op, input, g, options).data),
        );
        // Max and average pass the whole gradient on; every share of a window adds up to 1 for them.
        if (op !== 'l2') {
          const total = view.outputGradient.reduce((s, v) => s + v, 0);
          expect(view.inputGradient.reduce((s, v) => s + v, 0)).toBeCloseTo(total, 10);
        }
      });
    }
  }

  test('each max window’s winner holds the window’s output value', () => {
    const view = poolViewOf(hyper, input, 'ones', 1);
    if (!view.ok) throw new Error(view.message);
    const reference = maxPool2dReference(input, { size: [2, 2] }).data;
    view.winners.forEach((winner, o) => {
      expect(view.windows.cells[o]).toContain(winner);
      expect(input.data[winner]).toBe(reference[o]);
    });
  });

  test('with all-ones gradients, max sends 1 to each winner and 0 elsewhere', () => {
    const view = poolViewOf(hyper, input, 'ones', 1);
    if (!view.ok) throw new Error(view.message);
    view.inputGradient.forEach((g, p) => expect(g).toBe(view.winners.includes(p) ? 1 : 0));
  });

  test('the shift comparison counts the outputs that did not change', () => {
    const flat = new Float64Array(6 * 7).fill(1);
    const constant = shiftComparisonOf({ ...hyper, op: 'avg' }, flat);
    expect(constant.sameCount).toBe(9);
    const comparison = shiftComparisonOf(hyper, scene);
    const options = { size: [2, 2] as const };
    const after = maxPool2dReference(poolInputOf(scene, 6, true), options).data;
    expect(Array.from(comparison.after)).toEqual(Array.from(after));
    expect(comparison.same.filter(Boolean)).toHaveLength(comparison.sameCount);
  });

  test('a window larger than the input is a message, not a crash', () => {
    const view = poolViewOf(
      { ...hyper, size: 3, inputSize: 2 },
      poolInputOf(scene, 2, false),
      'ones',
      1,
    );
    expect(view.ok).toBe(false);
  });

  test('random output gradients are seeded whole numbers 1…4', () => {
    const g = outputGradientOf('random', 5, 9);
    expect(Array.from(g)).toEqual(Array.from(outputGradientOf('random', 5, 9)));
    expect(g.every((v) => Number.isInteger(v) && v >= 1 && v <= 4)).toBe(true);
  });
});
