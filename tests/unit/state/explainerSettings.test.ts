import { describe, expect, it } from 'vitest';
import {
  CONV_LIMITS,
  CONV_PRESETS,
  convParamsCodec,
  convSourceCodec,
  DEFAULT_EXPLAINER_SETTINGS,
  poolParamsCodec,
} from '../../../src/state/explainerSettings';
import { defaultSettings } from '../../../src/state/settings';
import { settingsOf, useLabStore } from '../../../src/state/store';
import { decodeSettings, encodeSettings } from '../../../src/state/url';

const paramsOf = (fragment: string) => new URLSearchParams(fragment);

describe('the explainers’ settings in the link', () => {
  it('stay out of a link while they hold their defaults', () => {
    const params = paramsOf(encodeSettings(defaultSettings()));
    for (const key of ['cv', 'cvk', 'cvin', 'pool']) expect(params.has(key)).toBe(false);
  });

  it('round-trip when changed', () => {
    const settings = {
      ...defaultSettings(),
      convParams: {
        inputSize: 5,
        kernelSize: 3,
        stride: 2,
        padding: 1,
        dilation: 1,
        channels: 2,
        filters: 3,
      },
      convKernel: 'sobel-x' as const,
      convSource: { kind: 'crop' as const, row: 10, col: 4 },
      poolParams: { op: 'l2' as const, size: 3, stride: 1, inputSize: 8 },
    };
    const fragment = encodeSettings(settings);
    expect(paramsOf(fragment).get('cv')).toBe('5-3-2-1-1-2-3');
    expect(paramsOf(fragment).get('cvk')).toBe('sobel-x');
    expect(paramsOf(fragment).get('cvin')).toBe('crop-10-4');
    expect(paramsOf(fragment).get('pool')).toBe('l2-3-1-8');
    const back = decodeSettings(fragment);
    expect(back.problems).toEqual([]);
    expect(back.settings).toEqual(settings);
  });

  it('name what was wrong in a broken value and fall back to the default', () => {
    const back = decodeSettings('v=1&cv=5-3-9-1-1-1-1&cvk=blur&cvin=crop-x&pool=min-2-2-6');
    expect(back.settings.convParams).toEqual(DEFAULT_EXPLAINER_SETTINGS.convParams);
    expect(back.settings.convKernel).toBe('random');
    expect(back.settings.convSource).toEqual({ kind: 'random' });
    expect(back.settings.poolParams).toEqual(DEFAULT_EXPLAINER_SETTINGS.poolParams);
    expect(back.problems).toEqual([
      'Ignored the convolution explainer settings: the stride must be from 1 to 4, not 9.',
      'Ignored the convolution explainer kernel: unknown kernel "blur".',
      'Ignored the convolution explainer input: the input must be "random" or "crop-row-column", not "crop-x".',
      'Ignored the pooling explainer settings: unknown pooling "min".',
    ]);
  });

  it('refuse hostile shapes of value', () => {
    for (const text of [
      '',
      '7-3-1',
      '7-3-1-0-1-1-1-1',
      '7.5-3-1-0-1-1-1',
      '-7-3-1-0-1-1-1',
      '1e1-3-1-0-1-1-1',
    ]) {
      expect(convParamsCodec.decode(text).ok).toBe(false);
    }
    for (const text of ['crop-1', 'crop--1-2', 'crop-1-2-3', 'crop-9999-1', 'Random']) {
      expect(convSourceCodec.decode(text).ok).toBe(false);
    }
    for (const text of ['max', 'max-2-2', 'max-1-2-6', 'max-2-2-9', 'max-2-2-6-1']) {
      expect(poolParamsCodec.decode(text).ok).toBe(false);
    }
  });
});

describe('the explainers’ actions', () => {
  it('keep every hyper-parameter within its limits', () => {
    useLabStore.getState().setConvParams({ inputSize: 40, stride: 0, dilation: Number.NaN });
    const p = useLabStore.getState().convParams;
    expect(p.inputSize).toBe(9);
    expect(p.stride).toBe(1);
    expect(p.dilation).toBe(DEFAULT_EXPLAINER_SETTINGS.convParams.dilation);
  });

  it('a classic kernel makes the explainer one 3×3 filter on one channel', () => {
    useLabStore.getState().setConvParams({ kernelSize: 5, channels: 3, filters: 2 });
    useLabStore.getState().setConvKernel('laplacian');
    const s = useLabStore.getState();
    expect(s.convKernel).toBe('laplacian');
    expect(s.convParams).toMatchObject({ kernelSize: 3, channels: 1, filters: 1 });
    expect(decodeSettings(encodeSettings(settingsOf(s))).settings.convKernel).toBe('laplacian');
  });

  it('pooling changes are clamped and keep the other values', () => {
    useLabStore.getState().setPoolParams({ op: 'avg', size: 7 });
    expect(useLabStore.getState().poolParams).toEqual({
      op: 'avg',
      size: 3,
      stride: 2,
      inputSize: 6,
    });
  });
});

describe('the convolution explainer’s lecture examples', () => {
  it('start from the default and stay within the limits, each under its own label', () => {
    expect(CONV_PRESETS[0]?.params).toEqual(DEFAULT_EXPLAINER_SETTINGS.convParams);
    expect(new Set(CONV_PRESETS.map((p) => p.label)).size).toBe(CONV_PRESETS.length);
    for (const { params } of CONV_PRESETS) {
      for (const [key, [low, high]] of Object.entries(CONV_LIMITS)) {
        const value = params[key as keyof typeof params];
        expect(value).toBeGreaterThanOrEqual(low);
        expect(value).toBeLessThanOrEqual(high);
      }
    }
  });
});
