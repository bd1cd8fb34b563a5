import { describe, expect, it } from 'vitest';
import { passStageCodec } from '../../../src/state/passStage';
import { defaultSettings, SETTINGS } from '../../../src/state/settings';

describe('pass stage codec', () => {
  it('round-trips forward and backward stages', () => {
    for (const stage of [
      { pass: 'f', layer: 0 },
      { pass: 'b', layer: 5 },
      { pass: 'f', layer: 12 },
    ] as const) {
      const back = passStageCodec.decode(passStageCodec.encode(stage));
      expect(back).toEqual({ ok: true, value: stage });
    }
  });
  it('rejects malformed values with a reason', () => {
    for (const text of ['', 'x3', 'f', 'b-1', 'f1234', 'F3']) {
      const result = passStageCodec.decode(text);
      expect(result.ok).toBe(false);
    }
  });
  it('is a settings row under `pass`, left out of a link at its default', () => {
    const row = SETTINGS.find((s) => s.key === 'passStage');
    expect(row?.param).toBe('pass');
    const settings = defaultSettings();
    expect(row?.omit?.(settings)).toBe(true);
    expect(row?.omit?.({ ...settings, passStage: { pass: 'b', layer: 3 } })).toBe(false);
  });
});
