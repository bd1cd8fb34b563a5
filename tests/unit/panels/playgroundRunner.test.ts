import { describe, expect, it } from 'vitest';
import { DEFAULT_TOY_SETTINGS } from '../../../src/state/toyPlayground';
import {
  createPlaygroundRunner,
  type FrameClock,
} from '../../../src/panels/neurons/playgroundRunner';

/** Animation frames that run only when the test says so, on a clock that does not move. */
function manualClock() {
  let pending = new Map<number, () => void>();
  let next = 1;
  const clock: FrameClock = {
    request(callback) {
      pending.set(next, callback);
      return next++;
    },
    cancel(handle) {
      pending.delete(handle);
    },
    now: () => 0,
  };
  const frame = () => {
    const due = pending;
    pending = new Map();
    for (const callback of due.values()) callback();
  };
  return { clock, frame, pending: () => pending.size };
}

describe('the neuron playground runner', () => {
  it('trains a few steps each frame while playing, tells its listeners, and stops', () => {
    const { clock, frame, pending } = manualClock();
    const runner = createPlaygroundRunner(DEFAULT_TOY_SETTINGS, clock);
    let heard = 0;
    runner.subscribe(() => heard++);
    expect(runner.playing).toBe(false);
    frame();
    expect(runner.trainer.steps).toBe(0);

    runner.start();
    expect(runner.playing).toBe(true);
    frame();
    frame();
    // With a clock that stands still the frame budget never runs out: ten steps a frame.
    expect(runner.trainer.steps).toBe(20);
    expect(heard).toBe(3);
    // Coarser plane while playing, full resolution once stopped.
    expect(runner.plane().resolution).toBe(40);

    runner.stop();
    expect(runner.playing).toBe(false);
    expect(pending()).toBe(0);
    frame();
    expect(runner.trainer.steps).toBe(20);
    expect(heard).toBe(4);
    expect(runner.plane().resolution).toBe(60);
  });

  it('learns XOR with one hidden layer, as the panel promises', () => {
    const { clock, frame } = manualClock();
    const runner = createPlaygroundRunner(DEFAULT_TOY_SETTINGS, clock);
    const before = runner.evaluation().accuracy;
    for (let e = 0; e < 80; e++) runner.stepEpoch();
    expect(runner.trainer.epochs).toBe(80);
    expect(runner.evaluation().accuracy).toBeGreaterThan(0.9);
    expect(runner.evaluation().accuracy).toBeGreaterThan(before);
    frame();
  });

  it('keeps the network for a new learning rate and rebuilds it for a new architecture', () => {
    const { clock, frame } = manualClock();
    const runner = createPlaygroundRunner(DEFAULT_TOY_SETTINGS, clock);
    runner.start();
    frame();
    const trainer = runner.trainer;
    const data = runner.data;
    runner.configure({ ...DEFAULT_TOY_SETTINGS, learningRate: 0.3 });
    expect(runner.trainer).toBe(trainer);
    frame();
    expect(runner.trainer.steps).toBe(20);

    runner.configure({ ...DEFAULT_TOY_SETTINGS, learningRate: 0.3, hidden: [4, 4] });
    expect(runner.trainer).not.toBe(trainer);
    expect(runner.trainer.steps).toBe(0);
    expect(runner.trainer.net.sizes).toEqual([2, 4, 4, 1]);
    expect(runner.data).toBe(data);

    runner.configure({ ...DEFAULT_TOY_SETTINGS, dataset: 'circles' });
    expect(runner.data).not.toBe(data);
    runner.stop();
  });

  it('resets to the same starting weights and stops', () => {
    const { clock, frame } = manualClock();
    const runner = createPlaygroundRunner(DEFAULT_TOY_SETTINGS, clock);
    const start = Array.from(runner.trainer.net.weights[0] ?? []);
    const planeBefore = Array.from(runner.plane().output);
    runner.start();
    frame();
    expect(Array.from(runner.trainer.net.weights[0] ?? [])).not.toEqual(start);
    runner.reset();
    expect(runner.playing).toBe(false);
    expect(runner.trainer.steps).toBe(0);
    expect(Array.from(runner.trainer.net.weights[0] ?? [])).toEqual(start);
    expect(Array.from(runner.plane().output)).toEqual(planeBefore);
  });

  it('stops telling a listener that unsubscribed', () => {
    const { clock, frame } = manualClock();
    const runner = createPlaygroundRunner(DEFAULT_TOY_SETTINGS, clock);
    let heard = 0;
    const unsubscribe = runner.subscribe(() => heard++);
    runner.stepEpoch();
    unsubscribe();
    runner.stepEpoch();
    frame();
    expect(heard).toBe(1);
  });
});
