import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  createEventHandler,
  effectsOfEvent,
  SAVE_EVERY_MS,
  STATUS_EVERY_MS,
} from '../../../src/app/engine/events';
import { useLabStore } from '../../../src/state/store';
import type { EngineEvent } from '../../../src/worker/api';

/** The software adapter Chromium offers behind --enable-unsafe-webgpu, as the engine reports it. */
const SWIFTSHADER = {
  vendor: 'google',
  architecture: 'swiftshader',
  device: '',
  description: '',
  software: true,
};

const step = (n: number): Extract<EngineEvent, { kind: 'step' }> => ({
  kind: 'step',
  step: n,
  epoch: 2,
  loss: 2 - n / 8,
  accuracy: 0.8,
  samplesPerSecond: 640,
  gradNorms: Float32Array.of(0.1, 0, 0.3),
});

describe('effectsOfEvent', () => {
  it('turns a step into a training point, gradient norms and held-back status', () => {
    const event = step(7);
    const effects = effectsOfEvent(event, {});
    expect(effects.train).toEqual({ step: 7, epoch: 2, loss: 1.125, accuracy: 0.8 });
    expect(effects.gradients).toEqual({ step: 7, norms: Float32Array.of(0.1, 0, 0.3) });
    expect(effects.validation).toBeNull();
    expect(effects.pending).toEqual({ step: 7, epoch: 2, samplesPerSecond: 640 });
    expect(effects.run).toBeNull();
    expect(effects.prediction).toBe('soon');
    // A step mid-epoch is kept within the save throttle; the epoch's last one at once.
    expect(effects.persist).toBe('soon');
    expect(effectsOfEvent({ ...event, endsEpoch: true }, {}).persist).toBe('now');
  });

  it('sets the phase a stop names, carrying the held-back step with it', () => {
    const held = effectsOfEvent(step(40), {}).pending;
    const cases = [
      ['paused', 'paused'],
      ['finished', 'done'],
      ['early-stopping', 'done'],
      ['error', 'error'],
    ] as const;
    for (const [reason, phase] of cases) {
      const effects = effectsOfEvent({ kind: 'stopped', reason, message: `${reason}!` }, held);
      expect(effects.run).toEqual({
        step: 40,
        epoch: 2,
        samplesPerSecond: 640,
        phase,
        message: `${reason}!`,
      });
      expect(effects.pending).toEqual({});
      expect(effects.prediction).toBe('now');
      expect(effects.persist).toBe('now');
    }
  });

  it('keeps the held-back status through validation, backend and loading events', () => {
    const held = { step: 3 };
    const validation = effectsOfEvent(
      { kind: 'validation', step: 3, epoch: 0, loss: 1.1, accuracy: 0.6 },
      held,
    );
    expect(validation.validation).toEqual({ step: 3, epoch: 0, loss: 1.1, accuracy: 0.6 });
    expect(validation.pending).toBe(held);
    expect(validation.run).toBeNull();

    const quiet = effectsOfEvent(
      { kind: 'backend', name: 'wasm', note: 'SIMD', gpuAdapter: SWIFTSHADER, fellBack: false },
      held,
    );
    expect(quiet.run).toEqual({ backend: 'wasm', backendNote: 'SIMD', gpuAdapter: SWIFTSHADER });
    expect(quiet.notice).toBeNull();
    const fell = effectsOfEvent(
      { kind: 'backend', name: 'cpu', note: 'webgl was lost', gpuAdapter: null, fellBack: true },
      held,
    );
    expect(fell.notice).toEqual({
      tone: 'warning',
      title: 'The training backend changed.',
      details: ['webgl was lost'],
    });
    expect(fell.pending).toBe(held);

    const loading = effectsOfEvent({ kind: 'loading', message: 'Loading…' }, held);
    expect(loading.run).toEqual({ message: 'Loading…' });
    expect(loading.pending).toBe(held);
  });
});

describe('the event handler', () => {
  const initial = useLabStore.getState();
  const store = () => useLabStore.getState();
  beforeEach(() => {
    useLabStore.setState(initial, true);
    initial.metrics.clear();
    vi.useFakeTimers();
  });
  afterEach(() => vi.useRealTimers());

  it('fills the curves at once and the status at most every 250 ms', async () => {
    const refresh = vi.fn();
    const onEvent = createEventHandler({
      store: useLabStore,
      refreshPrediction: refresh,
      predictNow: vi.fn(),
      persist: vi.fn(),
    });
    const statusChanges: number[] = [];
    const stop = useLabStore.subscribe((s, previous) => {
      if (s.run !== previous.run) statusChanges.push(s.run.step);
    });
    for (let n = 1; n <= 5; n++) onEvent(step(n));
    expect(store().metrics.train.map((p) => p.step)).toEqual([1, 2, 3, 4, 5]);
    expect(store().metrics.gradients).toHaveLength(5);
    expect(store().run.step).toBe(0);
    await vi.advanceTimersByTimeAsync(STATUS_EVERY_MS);
    expect(statusChanges).toEqual([5]);
    expect(store().run).toMatchObject({ step: 5, epoch: 2, samplesPerSecond: 640 });
    expect(refresh).toHaveBeenCalledTimes(5);
    stop();
  });

  it('sets the stop at once, asks for a prediction and keeps the run', () => {
    const predictNow = vi.fn();
    const persist = vi.fn();
    const onEvent = createEventHandler({
      store: useLabStore,
      refreshPrediction: vi.fn(),
      predictNow,
      persist,
    });
    onEvent(step(9));
    onEvent({ kind: 'stopped', reason: 'paused', message: 'Paused at step 9.' });
    expect(store().run).toMatchObject({ step: 9, phase: 'paused', message: 'Paused at step 9.' });
    expect(predictNow).toHaveBeenCalledTimes(1);
    expect(persist).toHaveBeenCalledTimes(1);
  });

  it('keeps a run that trains on at most every SAVE_EVERY_MS, and at each epoch’s end', async () => {
    const persist = vi.fn();
    const onEvent = createEventHandler({
      store: useLabStore,
      refreshPrediction: vi.fn(),
      predictNow: vi.fn(),
      persist,
    });
    for (let n = 1; n <= 50; n++) onEvent(step(n));
    expect(persist).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(SAVE_EVERY_MS);
    expect(persist).toHaveBeenCalledTimes(1);
    for (let n = 51; n <= 60; n++) onEvent(step(n));
    await vi.advanceTimersByTimeAsync(SAVE_EVERY_MS / 2);
    expect(persist).toHaveBeenCalledTimes(1);
    onEvent({ ...step(61), endsEpoch: true });
    expect(persist).toHaveBeenCalledTimes(2);
    await vi.advanceTimersByTimeAsync(SAVE_EVERY_MS);
    expect(persist).toHaveBeenCalledTimes(3);
    // No steps, no saves.
    await vi.advanceTimersByTimeAsync(SAVE_EVERY_MS * 3);
    expect(persist).toHaveBeenCalledTimes(3);
  });
});
