import { describe, expect, test } from 'vitest';
import { analyzeNetwork } from '../../../src/core/analyze';
import { catalogueEntryOf } from '../../../src/core/catalogue';
import { initialValuesOf, INIT_SCHEME_NAMES } from '../../../src/core/initialisation';
import { createRandom } from '../../../src/core/random';
import { networkWeightSpecs, type WeightSpec } from '../../../src/core/weights';

const kernel: WeightSpec = {
  role: 'kernel',
  shape: [5, 5, 20, 50],
  trainable: true,
  fanIn: 500,
  fanOut: 1250,
};

const stats = (values: Float32Array) => {
  const mean = values.reduce((s, v) => s + v, 0) / values.length;
  const std = Math.sqrt(values.reduce((s, v) => s + (v - mean) ** 2, 0) / values.length);
  return { mean, std, max: Math.max(...values.map(Math.abs)) };
};

describe('weight initialisation', () => {
  test.each<[string, number]>([
    ['small', 0.01],
    ['large', 1],
    ['he', Math.sqrt(2 / 500)],
    ['glorot', Math.sqrt(6 / 1750) / Math.sqrt(3)],
  ])('%s kernels have mean 0 and the scheme’s standard deviation', (scheme, std) => {
    const values = initialValuesOf(kernel, scheme as never, createRandom('init'));
    const s = stats(values);
    expect(Math.abs(s.mean)).toBeLessThan(std * 0.05);
    expect(s.std / std).toBeGreaterThan(0.97);
    expect(s.std / std).toBeLessThan(1.03);
    if (scheme === 'glorot') expect(s.max).toBeLessThanOrEqual(Math.sqrt(6 / 1750));
  });

  test('zeros are zeros; biases and β start at 0, γ and the running variance at 1, whatever the scheme', () => {
    const random = createRandom('roles');
    expect(initialValuesOf(kernel, 'zeros', random).every((v) => v === 0)).toBe(true);
    for (const scheme of INIT_SCHEME_NAMES) {
      const vector = (role: WeightSpec['role']) =>
        Array.from(initialValuesOf({ ...kernel, role, shape: [3] }, scheme, random));
      expect([vector('bias'), vector('beta'), vector('movingMean')]).toEqual([
        [0, 0, 0],
        [0, 0, 0],
        [0, 0, 0],
      ]);
      expect([vector('gamma'), vector('movingVariance')]).toEqual([
        [1, 1, 1],
        [1, 1, 1],
      ]);
    }
  });

  test('the same stream gives the same weights', () => {
    expect(initialValuesOf(kernel, 'he', createRandom(5))).toEqual(
      initialValuesOf(kernel, 'he', createRandom('5')),
    );
  });
});

describe('weight shapes', () => {
  test('LeNet-5: conv kernels [KH, KW, C_in, F] and dense kernels [N_in, N_out] with their fans', () => {
    const specs = networkWeightSpecs(catalogueEntryOf('lenet5')?.network);
    expect(specs?.[0]?.weights.map((w) => [w.role, w.shape, w.fanIn, w.fanOut])).toEqual([
      ['kernel', [5, 5, 1, 6], 25, 150],
      ['bias', [6], 1, 1],
    ]);
    expect(specs?.[5]?.weights[0]?.shape).toEqual([400, 120]);
  });

  test('batch norm has γ, β and two running statistics; a broken network has no weights', () => {
    const specs = networkWeightSpecs({ input: [4, 4, 3], layers: [{ type: 'batchnorm' }] });
    expect(specs?.[0]?.weights.map((w) => [w.role, w.trainable])).toEqual([
      ['gamma', true],
      ['beta', true],
      ['movingMean', false],
      ['movingVariance', false],
    ]);
    const broken = { input: [4, 4, 3], layers: [{ type: 'dense', units: 2 }] };
    expect(analyzeNetwork(broken).ok).toBe(false);
    expect(networkWeightSpecs(broken)).toBeNull();
  });
});
