import { describe, expect, it } from 'vitest';
import { defaultSettings, SETTINGS } from '../../../src/state/settings';
import { DEFAULT_TOY_SETTINGS, toySettingsCodec } from '../../../src/state/toyPlayground';

describe('neuron playground settings in a link', () => {
  it('round-trips the default, a perceptron and a deep network', () => {
    for (const toy of [
      DEFAULT_TOY_SETTINGS,
      { ...DEFAULT_TOY_SETTINGS, hidden: [] },
      {
        dataset: 'spirals',
        noise: 0.25,
        hidden: [8, 6, 4, 2],
        activation: 'relu',
        output: 'softmax',
        learningRate: 0.003,
        seed: 42,
      },
    ] as const) {
      const text = toySettingsCodec.encode(toy);
      expect(toySettingsCodec.decode(text)).toEqual({ ok: true, value: toy });
    }
    expect(toySettingsCodec.encode(DEFAULT_TOY_SETTINGS)).toBe('xor_4_tanh_sigmoid_0.1_0.05_1');
  });

  it('refuses hostile or broken values with a reason', () => {
    for (const text of [
      '',
      'xor',
      'moons_4_tanh_sigmoid_0.1_0.05_1',
      'xor_9_tanh_sigmoid_0.1_0.05_1',
      'xor_4-4-4-4-4_tanh_sigmoid_0.1_0.05_1',
      'xor_0.5_tanh_sigmoid_0.1_0.05_1',
      'xor_4_softmax_sigmoid_0.1_0.05_1',
      'xor_4_tanh_sigmoid_0_0.05_1',
      'xor_4_tanh_sigmoid_0.1_0.9_1',
      'xor_4_tanh_sigmoid_0.1_0.05_-1',
      'xor_4_tanh_sigmoid_0.1_0.05_1_extra',
      'xor_4_tanh_sigmoid_Infinity_0.05_1',
    ]) {
      const result = toySettingsCodec.decode(text);
      expect(result.ok, text).toBe(false);
      if (!result.ok) expect(result.reason).toMatch(/playground/);
    }
  });

  it('is one settings row under `toy`, left out of a link at its default', () => {
    const row = SETTINGS.find((s) => s.key === 'toy');
    expect(row?.param).toBe('toy');
    const settings = defaultSettings();
    expect(row?.omit?.(settings)).toBe(true);
    expect(row?.omit?.({ ...settings, toy: { ...DEFAULT_TOY_SETTINGS, seed: 2 } })).toBe(false);
  });
});
