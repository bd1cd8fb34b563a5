import { describe, expect, it } from 'vitest';
import { LESSONS } from '../../../src/lessons/catalogue';
import { stepPanel, stepPatch } from '../../../src/lessons/stepState';
import { presetNetwork } from '../../../src/state/settings';
import { decodeSettings, encodeSettings } from '../../../src/state/url';
import { defaultSettings } from '../../../src/state/settings';

describe("a step's lab state", () => {
  it('sets only the keys the step names, and keeps the lesson panel open', () => {
    const { settings, problems } = stepPatch('panel=convolution&cv=7-3-2-0-1-1-1');
    expect(problems).toEqual([]);
    expect(Object.keys(settings)).toEqual(['convParams']);
    expect(stepPanel('panel=convolution&cv=7-3-2-0-1-1-1')).toBe('convolution');
    expect(stepPanel('cv=7-3-2-0-1-1-1')).toBeUndefined();
    expect(Object.keys(stepPatch('panel=training', false).settings)).toEqual(['panel']);
  });

  it("brings a preset's network and a valid layer along with the preset", () => {
    const { settings } = stepPatch('preset=lenet5&layer=2');
    expect(settings.presetId).toBe('lenet5');
    expect(settings.network).toEqual(presetNetwork('lenet5'));
    expect(settings.selectedLayer).toBe(2);
  });

  it('never moves the lesson or step, and has nothing for a step without state', () => {
    expect(stepPatch('lesson=other&step=3').settings).toEqual({});
    expect(stepPatch(undefined)).toEqual({ settings: {}, problems: [] });
  });

  it('applies cleanly for every step of every lesson', () => {
    for (const lesson of LESSONS)
      for (const step of lesson.steps)
        expect(stepPatch(step.state).problems, lesson.id).toEqual([]);
  });
});

describe('the lesson and step in the link', () => {
  it('round-trips and is left out with no lesson', () => {
    const base = defaultSettings();
    expect(encodeSettings(base)).not.toContain('lesson');
    const link = encodeSettings({ ...base, lesson: 'conv-arithmetic', step: 3 });
    expect(link).toContain('lesson=conv-arithmetic&step=3');
    const back = decodeSettings(link);
    expect(back.problems).toEqual([]);
    expect([back.settings.lesson, back.settings.step]).toEqual(['conv-arithmetic', 3]);
  });

  it('refuses an id that is not a slug and a step out of range, with a notice', () => {
    const bad = decodeSettings('v=1&lesson=%3Cscript%3E&step=0');
    expect([bad.settings.lesson, bad.settings.step]).toEqual(['', 1]);
    expect(bad.problems).toHaveLength(2);
    expect(decodeSettings(`v=1&lesson=${'a'.repeat(61)}`).problems).toHaveLength(1);
  });
});
