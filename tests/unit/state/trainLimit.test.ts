import { describe, expect, it } from 'vitest';
import { defaultSettings } from '../../../src/state/settings';
import { decodeSettings, encodeSettings } from '../../../src/state/url';
import { isStructuralChange } from '../../../src/worker/runSetupChanges';
import type { RunSetup } from '../../../src/worker/api';

const paramsOf = (fragment: string) => new URLSearchParams(fragment);

describe('the training-set size in a link (limit)', () => {
  it('is left out while all images are used, the default', () => {
    const settings = defaultSettings();
    expect(settings.trainLimit).toBe(0);
    expect(paramsOf(encodeSettings(settings)).has('limit')).toBe(false);
  });

  it('travels as limit=N and comes back the same', () => {
    for (const n of [100, 250, 7200, 60_000]) {
      const fragment = encodeSettings({ ...defaultSettings(), trainLimit: n });
      expect(paramsOf(fragment).get('limit')).toBe(String(n));
      const decoded = decodeSettings(fragment);
      expect(decoded.problems).toEqual([]);
      expect(decoded.settings.trainLimit).toBe(n);
    }
  });

  it('refuses fewer than 100, more than 60,000 or a fraction, says why, and uses all', () => {
    for (const text of ['99', '1', '60001', '150.5', 'lots', '-100', '']) {
      const decoded = decodeSettings(`v=1&limit=${text}`);
      expect(decoded.settings.trainLimit).toBe(0);
      expect(decoded.problems.join(' ')).toMatch(
        /the number of training images must be a whole number from 100 to 60000/,
      );
    }
  });

  it('reads limit=0 as all the images, the default', () => {
    const decoded = decodeSettings('v=1&limit=0');
    expect(decoded.problems).toEqual([]);
    expect(decoded.settings.trainLimit).toBe(0);
  });

  it('rebuilds the run when it changes: other images, other weights', () => {
    const setup = { seed: 1, trainLimit: 0 } as unknown as RunSetup;
    expect(isStructuralChange(setup, { ...setup, trainLimit: 100 })).toBe(true);
    expect(isStructuralChange(setup, { ...setup })).toBe(false);
  });
});
