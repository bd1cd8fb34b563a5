import { afterAll, beforeAll, beforeEach, describe, expect, it, vi, type Mock } from 'vitest';
import { APP_ACTIONS } from '../../../src/app/appActions';
import { PASS_ACTIONS } from '../../../src/app/passActions';
import {
  actionForKey,
  actionOf,
  actionWorksOn,
  isActionEnabled,
  keysOf,
  labActions,
  PANEL_LOCAL_KEYS,
  performAction,
  registerActions,
  type LabAction,
} from '../../../src/state/actions/registry';
import { searchActions } from '../../../src/state/actions/search';
import type { InspectionData } from '../../../src/core/inspection';
import { PANEL_INFOS, PANELS, type PanelId } from '../../../src/state/panels';
import { selectReport, settingsOf, useLabStore } from '../../../src/state/store';
import type { RunPhase, TrainingControls } from '../../../src/state/trainingSlice';

// The shell registers these when it mounts; the checks below cover the whole registry.
let unregister = () => {};
beforeAll(() => {
  unregister = registerActions([...PASS_ACTIONS, ...APP_ACTIONS]);
});
afterAll(() => unregister());

const initial = useLabStore.getState();
beforeEach(() => useLabStore.setState(initial, true));

type FakeControls = { [K in keyof TrainingControls]: Mock<TrainingControls[K]> };

function fakeControls(): FakeControls {
  return {
    play: vi.fn(),
    pause: vi.fn(),
    step: vi.fn(),
    epoch: vi.fn(),
    reset: vi.fn(),
    evaluateTest: vi.fn(),
    loadPretrained: vi.fn(),
    downloadCheckpoint: vi.fn(),
    loadCheckpoint: vi.fn(),
  };
}

function withEngine(phase: RunPhase, panel: PanelId = 'training') {
  const controls = fakeControls();
  useLabStore.setState({ controls, panel, run: { ...initial.run, phase } });
  return controls;
}

const calls = (controls: FakeControls) =>
  Object.fromEntries(Object.entries(controls).map(([name, fn]) => [name, fn.mock.calls.length]));

describe('the action registry', () => {
  it('gives every action its own id, and refuses a second registration of one', () => {
    const ids = labActions().map((a) => a.id);
    expect(new Set(ids).size).toBe(ids.length);
    const again = labActions()[0] as LabAction;
    expect(() => registerActions([again])).toThrow(/registered twice/);
    expect(actionOf(again.id)).toBe(again);
  });

  it('never lets two actions claim one key on the same panel, nor a panel’s own keys', () => {
    const clashes: string[] = [];
    for (const panel of PANELS) {
      const owner = new Map<string, string>();
      for (const key of PANEL_LOCAL_KEYS[panel] ?? [])
        owner.set(key.length === 1 ? key.toLowerCase() : key, `${panel}'s own keys`);
      for (const action of labActions().filter((a) => actionWorksOn(a, panel))) {
        for (const key of keysOf(action)) {
          const before = owner.get(key);
          if (before)
            clashes.push(`${JSON.stringify(key)} on ${panel}: ${before} and ${action.id}`);
          owner.set(key, action.id);
        }
      }
    }
    expect(clashes).toEqual([]);
  });

  it('opens every panel of the panel registry, on the row’s key, from any other panel', () => {
    for (const info of PANEL_INFOS) {
      const other = PANELS.find((p) => p !== info.id) as PanelId;
      useLabStore.setState({ panel: other });
      const action = actionForKey(info.key, useLabStore.getState());
      expect(action, `key ${info.key}`).toBeDefined();
      expect(performAction(action?.id ?? '')).toBe(true);
      expect(useLabStore.getState().panel).toBe(info.id);
      expect(action?.label).toContain(info.title);
    }
  });

  it('disables every engine action until the engine’s controls exist', () => {
    useLabStore.setState({ panel: 'training', controls: null });
    const engineActions = labActions().filter((a) => a.id.startsWith('training.'));
    expect(engineActions.map((a) => a.id)).toEqual(
      expect.arrayContaining([
        'training.toggle',
        'training.step',
        'training.epoch',
        'training.reset',
        'training.evaluate-test',
        'training.load-pretrained',
        'training.download-checkpoint',
      ]),
    );
    for (const action of engineActions) {
      expect(isActionEnabled(action.id), action.id).toBe(false);
      expect(performAction(action.id), action.id).toBe(false);
    }
    expect(actionForKey('s', useLabStore.getState())).toBeUndefined();
  });

  it('steps, trains an epoch and resets once each when paused, through the controls', () => {
    const controls = withEngine('paused');
    performAction('training.step');
    expect(calls(controls)).toMatchObject({ step: 1, epoch: 0, play: 0, reset: 0 });
    performAction('training.epoch');
    performAction('training.reset');
    expect(calls(controls)).toMatchObject({ step: 1, epoch: 1, reset: 1, play: 0, pause: 0 });
  });

  it('Space plays when paused and pauses when running; stepping waits for a pause', () => {
    const controls = withEngine('ready');
    expect(actionForKey(' ', useLabStore.getState())?.id).toBe('training.toggle');
    performAction('training.toggle');
    expect(calls(controls)).toMatchObject({ play: 1, pause: 0 });
    useLabStore.setState({ run: { ...initial.run, phase: 'running' } });
    performAction('training.toggle');
    expect(calls(controls)).toMatchObject({ play: 1, pause: 1 });
    expect(performAction('training.step')).toBe(false);
    expect(performAction('training.epoch')).toBe(false);
    expect(isActionEnabled('training.reset')).toBe(true);
    expect(controls.step).not.toHaveBeenCalled();
  });

  it('while the engine starts, only the test, weights and checkpoint actions are offered', () => {
    withEngine('starting');
    const enabled = ['toggle', 'step', 'epoch', 'reset', 'evaluate-test', 'load-pretrained'].map(
      (name) => [name, isActionEnabled(`training.${name}`)],
    );
    expect(Object.fromEntries(enabled)).toEqual({
      toggle: false,
      step: false,
      epoch: false,
      reset: false,
      'evaluate-test': true,
      'load-pretrained': true,
    });
  });

  it('keeps the training keys to the training panel', () => {
    withEngine('paused', 'architecture');
    for (const key of [' ', 's', 'S', 'e', 'r']) {
      expect(actionForKey(key, useLabStore.getState()), key).toBeUndefined();
    }
    useLabStore.setState({ panel: 'training' });
    expect(actionForKey('S', useLabStore.getState())?.id).toBe('training.step');
  });

  it('leaves Space and the arrows to the convolution stepper on its panel', () => {
    withEngine('paused', 'convolution');
    for (const key of PANEL_LOCAL_KEYS.convolution ?? []) {
      expect(actionForKey(key, useLabStore.getState()), key).toBeUndefined();
    }
  });

  it('toggles large type, which a link then carries as type=large', () => {
    expect(useLabStore.getState().typeScale).toBe(1);
    performAction('view.large-type');
    expect(useLabStore.getState().typeScale).toBeCloseTo(4 / 3);
    expect(settingsOf(useLabStore.getState()).typeScale).toBeCloseTo(4 / 3);
    performAction('view.large-type');
    expect(useLabStore.getState().typeScale).toBe(1);
  });

  it('steps the pass animation forward, back, to the backward pass, and plays from the start', () => {
    const inspection = { step: 0 } as unknown as InspectionData;
    useLabStore.setState({ panel: 'network', inspection, passStage: { pass: 'f', layer: 0 } });
    const layers = selectReport(useLabStore.getState()).layers.length;
    expect(layers).toBeGreaterThan(2);
    expect(performAction('pass.back')).toBe(true);
    expect(useLabStore.getState().passStage).toEqual({ pass: 'f', layer: 0 });
    performAction('pass.forward');
    performAction('pass.forward');
    expect(useLabStore.getState().passStage).toEqual({ pass: 'f', layer: 2 });
    performAction('pass.backward');
    // The backward pass starts at the last layer, where the loss is.
    expect(useLabStore.getState().passStage).toEqual({ pass: 'b', layer: layers - 1 });
    performAction('pass.end');
    expect(useLabStore.getState().passStage).toEqual({ pass: 'b', layer: 0 });
    performAction('pass.play');
    expect(useLabStore.getState()).toMatchObject({
      passPlaying: true,
      passStage: { pass: 'f', layer: 0 },
    });
    performAction('pass.forward');
    expect(useLabStore.getState()).toMatchObject({
      passPlaying: false,
      passStage: { pass: 'f', layer: 1 },
    });
  });

  it('offers the pass keys only while the pass view is on screen', () => {
    useLabStore.setState({ panel: 'network', inspection: null });
    expect(actionForKey('ArrowRight', useLabStore.getState())).toBeUndefined();
    useLabStore.setState({ inspection: { step: 0 } as unknown as InspectionData });
    expect(actionForKey('ArrowRight', useLabStore.getState())?.id).toBe('pass.forward');
    expect(actionForKey('.', useLabStore.getState())?.id).toBe('pass.forward');
    expect(actionForKey('B', useLabStore.getState())?.id).toBe('pass.backward');
  });
});

describe('the palette’s search', () => {
  const first = (query: string) => searchActions(labActions(), query)[0]?.id;

  it('finds actions and panels by the words of their labels', () => {
    expect(first('train one epoch')).toBe('training.epoch');
    expect(first('open receptive fields')).toBe('panel.open.receptive');
    expect(first('receptive')).toBe('panel.open.receptive');
    expect(first('load trained weights')).toBe('training.load-pretrained');
    expect(first('Evaluate TEST')).toBe('training.evaluate-test');
  });

  it('matches word starts, needs every word, and lists everything for an empty query', () => {
    expect(first('recep fiel')).toBe('panel.open.receptive');
    expect(searchActions(labActions(), 'epoch zebra')).toEqual([]);
    expect(searchActions(labActions(), '  ')).toHaveLength(labActions().length);
  });
});
