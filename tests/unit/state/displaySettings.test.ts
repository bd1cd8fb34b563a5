import { describe, expect, it } from 'vitest';
import { defaultSettings } from '../../../src/state/settings';
import { decodeSettings, encodeSettings } from '../../../src/state/url';

describe('the display settings in the link', () => {
  it('round-trip presenter mode, the type size and the theme', () => {
    const settings = {
      ...defaultSettings(),
      presenting: true,
      typeScale: 4 / 3,
      theme: 'high-contrast' as const,
    };
    const link = encodeSettings(settings);
    expect(link).toContain('present=1');
    expect(link).toContain('type=large');
    expect(link).toContain('theme=high-contrast');
    const back = decodeSettings(link);
    expect(back.problems).toEqual([]);
    expect(back.settings.presenting).toBe(true);
    expect(back.settings.typeScale).toBeCloseTo(4 / 3);
    expect(back.settings.theme).toBe('high-contrast');
  });

  it('leave the defaults out of the link', () => {
    const link = encodeSettings(defaultSettings());
    for (const key of ['present=', 'type=', 'theme=']) expect(link).not.toContain(key);
  });

  it('read a scale and the named sizes, and refuse nonsense with a reason', () => {
    expect(decodeSettings('v=1&type=1.5').settings.typeScale).toBe(1.5);
    expect(decodeSettings('v=1&type=huge').settings.typeScale).toBeCloseTo(5 / 3);
    expect(encodeSettings({ ...defaultSettings(), typeScale: 1.5 })).toContain('type=1.5');
    for (const bad of ['type=9', 'type=big', 'present=yes', 'theme=neon']) {
      const { settings, problems } = decodeSettings(`v=1&${bad}`);
      expect(problems.length, bad).toBe(1);
      expect(settings.typeScale).toBe(1);
      expect(settings.presenting).toBe(false);
      expect(settings.theme).toBe('auto');
    }
  });
});
