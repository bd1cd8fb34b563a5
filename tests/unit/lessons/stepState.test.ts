import { describe, expect, it } from 'vitest';
import { LESSONS } from '../../../src/lessons/catalogue';
import { linkStepPatch, stepPanel, stepPatch, stepSettings } from '../../../src/lessons/stepState';
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

describe('what entering a step and a link to it set', () => {
  it("adds the step's hide flags, or none, to its state", () => {
    expect(stepSettings({ title: 't', prose: 'p', hide: ['curves'], state: 'seed=4' })).toEqual({
      seed: 4,
      hide: ['curves'],
    });
    expect(stepSettings({ title: 't', prose: 'p' })).toEqual({ hide: [] });
  });

  it("opens the step's panel from a link, or the lessons panel when it names none", () => {
    const patch = linkStepPatch('conv-arithmetic', 3);
    expect(patch.panel).toBe('convolution');
    expect(patch.convParams).toEqual(stepPatch('cv=7-3-3-0-1-1-1').settings.convParams);
    const noPanel = LESSONS.flatMap((l) => l.steps.map((s, i) => ({ id: l.id, n: i + 1, s }))).find(
      ({ s }) => stepPanel(s.state) === undefined,
    );
    if (noPanel) expect(linkStepPatch(noPanel.id, noPanel.n).panel).toBe('lessons');
  });

  it('sends a lesson or step this lab does not have to the lessons panel, which says so', () => {
    expect(linkStepPatch('no-such-lesson', 1)).toEqual({ panel: 'lessons' });
    expect(linkStepPatch('conv-arithmetic', 999)).toEqual({ panel: 'lessons' });
  });
});
