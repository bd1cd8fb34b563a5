import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { linkBeforeStep, stepUnderLink } from '../../../src/app/lessonLink';
import { startUrlSync, type UrlSyncDeps } from '../../../src/app/urlSync';
import { lessonById } from '../../../src/lessons/runner';
import { stepPatch } from '../../../src/lessons/stepState';
import { defaultSettings, presetNetwork, type LabSettings } from '../../../src/state/settings';
import { useLabStore } from '../../../src/state/store';
import { decodeSettings } from '../../../src/state/url';

const initial = useLabStore.getState();
const store = () => useLabStore.getState();

/** A window on a fragment whose hashchange listeners the test can fire. */
function fakeWindow(hash: string) {
  const listeners: (() => void)[] = [];
  const win = {
    location: { hash },
    history: { replaceState: (_d: unknown, _u: string, url: string) => (win.location.hash = url) },
    addEventListener: (_type: string, listener: () => void) => listeners.push(listener),
    setTimeout: (fn: () => void, ms: number) => setTimeout(fn, ms),
    clearTimeout: (id: ReturnType<typeof setTimeout> | undefined) => clearTimeout(id),
  };
  const edit = (next: string) => {
    win.location.hash = next;
    for (const listener of listeners) listener();
  };
  return { win: win as unknown as UrlSyncDeps['window'], edit };
}

/** A step that sets a network with its layer, a seed, a panel and hides the curves. */
const STEP: Partial<LabSettings> = {
  panel: 'architecture',
  presetId: 'vgg16',
  network: presetNetwork('vgg16'),
  selectedLayer: 19,
  seed: 7,
  hide: ['curves'],
};

/** The step's state arrives as the lessons' code does: a moment after the link is read. */
const stepIs = (patch: Partial<LabSettings>) => vi.fn(async () => patch);
const settle = () => vi.advanceTimersByTimeAsync(0);

let stop: (() => void) | null = null;

beforeEach(() => {
  useLabStore.setState(initial, true);
  vi.useFakeTimers();
});

afterEach(() => {
  stop?.();
  stop = null;
  vi.useRealTimers();
});

describe('a link that names a lesson step', () => {
  it("opens the step's lab state when the link names nothing else", async () => {
    const stepPatchFor = stepIs(STEP);
    const { win } = fakeWindow('#v=1&lesson=architectures&step=4');
    stop = startUrlSync({ window: win, stepPatch: stepPatchFor });
    expect(stepPatchFor).toHaveBeenCalledWith('architectures', 4);
    // Until the step arrives the lessons panel shows, not the default panel.
    expect(store().panel).toBe('lessons');
    await settle();
    const s = store();
    expect([s.lesson, s.step, s.panel, s.presetId, s.selectedLayer, s.seed]).toEqual([
      'architectures',
      4,
      'architecture',
      'vgg16',
      19,
      7,
    ]);
    expect(s.network).toEqual(presetNetwork('vgg16'));
    expect(s.hide).toEqual(['curves']);
  });

  it("keeps the link's own network, panel, seed and hide flags over the step's", async () => {
    const { win } = fakeWindow(
      '#v=1&lesson=architectures&step=4&preset=mlp&panel=training&seed=3&hide=',
    );
    stop = startUrlSync({ window: win, stepPatch: stepIs(STEP) });
    expect(store().panel).toBe('training');
    await settle();
    const s = store();
    expect([s.panel, s.presetId, s.seed, s.hide]).toEqual(['training', 'mlp', 3, []]);
    expect(s.network).toEqual(presetNetwork('mlp'));
    // The step's layer 19 was for VGG-16: the link's network starts at its first layer.
    expect(s.selectedLayer).toBe(0);
  });

  it("keeps a layer the link names when it exists in the step's network, else the first", () => {
    const read = (link: string) => decodeSettings(link).settings;
    const link = 'v=1&lesson=x&layer=3';
    expect(stepUnderLink(read(link), link, STEP)).toMatchObject({ presetId: 'vgg16' });
    expect(stepUnderLink(read(link), link, STEP).selectedLayer).toBeUndefined();
    const short = { presetId: 'mlp', network: presetNetwork('mlp'), selectedLayer: 0 };
    const far = { ...defaultSettings(), lesson: 'x', selectedLayer: 40 };
    expect(stepUnderLink(far, 'v=1&lesson=x&layer=40', short).selectedLayer).toBe(0);
  });

  it('opens the lessons panel while the step loads only when the link names no panel', () => {
    const read = (link: string) => linkBeforeStep(decodeSettings(link).settings, link).panel;
    expect(read('v=1&lesson=x&step=2')).toBe('lessons');
    expect(read('v=1&lesson=x&panel=training')).toBe('training');
    expect(read('v=1&seed=3')).toBe('architecture');
  });

  it('asks for no step when the link names no lesson', () => {
    const stepPatchFor = stepIs(STEP);
    const { win } = fakeWindow('#v=1&seed=5');
    stop = startUrlSync({ window: win, stepPatch: stepPatchFor });
    expect(stepPatchFor).not.toHaveBeenCalled();
    expect([store().panel, store().seed, store().presetId]).toEqual(['architecture', 5, 'lenet5']);
  });

  it('applies the step again when the person edits the link to another step', async () => {
    const stepPatchFor = vi.fn(async (_lesson: string, step: number) =>
      step === 2 ? { panel: 'training' as const, seed: 22 } : STEP,
    );
    const { win, edit } = fakeWindow('#v=1&lesson=architectures&step=4');
    stop = startUrlSync({ window: win, stepPatch: stepPatchFor });
    // Edited before step 4 arrived: step 4 must not land on the newer link.
    edit('#v=1&lesson=architectures&step=2');
    await settle();
    expect([store().step, store().panel, store().seed, store().presetId]).toEqual([
      2,
      'training',
      22,
      'lenet5',
    ]);
  });

  it('says so, and keeps the link, when the lessons cannot be loaded', async () => {
    const { win } = fakeWindow('#v=1&lesson=architectures&step=4&seed=6');
    stop = startUrlSync({
      window: win,
      stepPatch: () => Promise.reject(new Error('Failed to fetch a module')),
    });
    await settle();
    expect(store().seed).toBe(6);
    const notice = store().notices.at(-1);
    expect(notice?.tone).toBe('error');
    expect(notice?.details).toContain('Failed to fetch a module');
  });

  it('opens the real catalogue step by default: its panel, its convolution, no hidden parts', async () => {
    const lesson = lessonById('conv-arithmetic');
    const step = lesson?.steps[2];
    if (!step) throw new Error('conv-arithmetic has no step 3');
    const { win } = fakeWindow('#v=1&lesson=conv-arithmetic&step=3');
    stop = startUrlSync({ window: win });
    const expected = stepPatch(step.state, false).settings;
    await vi.waitFor(() => expect(store().panel).toBe(expected.panel));
    expect(store().convParams).toEqual(expected.convParams);
    expect(store().convParams).not.toEqual(defaultSettings().convParams);
    expect(store().hide).toEqual(step.hide ?? []);
  });

  it('opens the lessons panel, which says so, for a lesson or step this lab does not have', async () => {
    const { win, edit } = fakeWindow('#v=1&lesson=no-such-lesson&step=2');
    stop = startUrlSync({ window: win });
    await vi.waitFor(() => expect(store().lesson).toBe('no-such-lesson'));
    expect(store().panel).toBe('lessons');
    edit('#v=1&lesson=conv-arithmetic&step=99&seed=9');
    await settle();
    expect([store().panel, store().step, store().seed]).toEqual(['lessons', 99, 9]);
  });
});

describe('a link put in while a rewrite waits', () => {
  it('is read, not overwritten by the state it replaces', async () => {
    const { win, edit } = fakeWindow('#v=1&seed=5');
    stop = startUrlSync({ window: win, stepPatch: stepIs({}) });
    store().setTraining({ learningRate: 0.05 });
    // The person pastes a link before the rewrite fires; its hashchange comes after it.
    win.location.hash = '#v=1&seed=8';
    await vi.advanceTimersByTimeAsync(1000);
    expect(win.location.hash).toBe('#v=1&seed=8');
    edit('#v=1&seed=8');
    expect(store().seed).toBe(8);
  });
});

describe("a learner's Show everything during a lesson", () => {
  it('survives a reload: the link then says hide nothing, over the step', async () => {
    const { win } = fakeWindow('#v=1&lesson=architectures&step=4');
    stop = startUrlSync({ window: win, stepPatch: stepIs({ hide: ['curves'] }) });
    await settle();
    expect(store().hide).toEqual(['curves']);
    store().setHide([]);
    await vi.advanceTimersByTimeAsync(1000);
    expect(win.location.hash).toMatch(/[#&]hide=(&|$)/);
    stop();
    useLabStore.setState(initial, true);
    const reloaded = fakeWindow(win.location.hash);
    stop = startUrlSync({ window: reloaded.win, stepPatch: stepIs({ hide: ['curves'] }) });
    await settle();
    expect(store().hide).toEqual([]);
  });
});
