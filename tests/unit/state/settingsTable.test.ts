import { describe, expect, it } from 'vitest';
import { intCodec } from '../../../src/state/codecs';
import {
  defaultSettings,
  SETTINGS,
  type LabSettings,
  type SettingsTable,
} from '../../../src/state/settings';

describe('the settings table', () => {
  it('has one row per setting, each under its own URL parameter', () => {
    const keys = SETTINGS.map((s) => s.key);
    const params = SETTINGS.map((s) => s.param);
    expect(new Set(keys).size).toBe(keys.length);
    expect(new Set(params).size).toBe(params.length);
    expect(params).not.toContain('v');
    expect([...keys].sort()).toEqual(Object.keys(defaultSettings()).sort());
  });

  it("round-trips every default through its own row's codec", () => {
    const defaults: LabSettings = defaultSettings();
    for (const row of SETTINGS) {
      const decoded = row.codec.decode(row.codec.encode(defaults[row.key]));
      expect(decoded, row.key).toEqual({ ok: true, value: defaults[row.key] });
    }
  });

  it('refuses, at compile time, a row whose codec reads another type than its key', () => {
    const row: SettingsTable['selectedLayer'] = {
      param: 'layer',
      label: 'the selected layer',
      defaultValue: () => 0,
      codec: intCodec(0, 499, 'the selected layer'),
    };
    // @ts-expect-error the open panel is a panel id, not a number
    const wrong: SettingsTable['panel'] = row;
    expect(wrong).toBe(row);
  });
});
