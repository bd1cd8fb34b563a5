import { describe, expect, it } from 'vitest';
import type { ShiftRequest, ShiftStatus } from '../../../src/core/shiftInvariance';
import { createSession } from '../../../src/engine';
import type { EngineApi } from '../../../src/worker/api';
import { cpuEngine, digitsDataset, mlpSetup, settledStatus } from './fixtures';

const dataset = () => digitsDataset(200, 120, 'shift');

const setup = mlpSetup();

const request: ShiftRequest = {
  seed: 2,
  steps: 10,
  testCount: 100,
  direction: 'right',
  maxShift: 3,
};

/** An engine on the CPU backend, counting the sessions the experiment builds. */
async function startedEngine(): Promise<{ engine: EngineApi; built: string[] }> {
  const built: string[] = [];
  const engine = await cpuEngine(async () => dataset(), setup, {
    createSession: (options) => {
      built.push((options.network as { name?: string }).name ?? '?');
      return createSession(options);
    },
  });
  return { engine, built };
}

const settled = (engine: EngineApi, seen: ShiftStatus[] = []): Promise<ShiftStatus> =>
  settledStatus(() => engine.shiftExperimentStatus(), seen, 2);

describe('the shift experiment in the worker', () => {
  it('trains an MLP and a CNN of their own, tests both at every shift, and leaves the run alone', async () => {
    const { engine, built } = await startedEngine();
    await engine.step();
    const before = await engine.snapshot();
    await engine.startShiftExperiment(request);
    const seen: ShiftStatus[] = [];
    const status = await settled(engine, seen);
    expect(status.state).toBe('done');
    if (status.state !== 'done') return;
    const { outcome } = status;
    expect(outcome.shifts).toEqual([0, 1, 2, 3]);
    expect(outcome.results.map((r) => r.network)).toEqual(['mlp', 'lenet5']);
    for (const r of outcome.results) {
      expect(r.accuracy).toHaveLength(4);
      r.accuracy.forEach((a) => expect(a).toBeGreaterThanOrEqual(0));
      r.accuracy.forEach((a) => expect(a).toBeLessThanOrEqual(1));
      expect(r.examplePredictions).toHaveLength(4);
    }
    expect(outcome.example.pixels).toHaveLength(28 * 28);
    // The person's run plus the two side sessions; the run's weights and step are unchanged.
    expect(built).toEqual(['MLP 784-128-64-10', 'MLP 784-128-64-10', 'LeNet-5']);
    const after = await engine.snapshot();
    expect(after.state.step).toBe(before.state.step);
    after.weights.forEach((w, i) =>
      expect(Array.from(w.data)).toEqual(Array.from(before.weights[i]?.data ?? [])),
    );
    // The progress named the network and the step as it went.
    expect(
      seen.some((s) => s.state === 'running' && s.network === 'lenet5' && s.phase === 'training'),
    ).toBe(true);
  });

  it('keeps the run on another dataset able to show its training images', async () => {
    const loaded: string[] = [];
    const loadingMessages: string[] = [];
    const engine = await cpuEngine(
      async (id) => {
        loaded.push(id);
        return dataset();
      },
      { ...setup, dataset: 'fashion-mnist' },
      { onEvent: (event) => event.kind === 'loading' && loadingMessages.push(event.message) },
    );
    await engine.startShiftExperiment({ ...request, steps: 10, maxShift: 0 });
    expect((await settled(engine)).state).toBe('done');
    expect(loaded).toEqual(['fashion-mnist', 'mnist']);
    // The run's status told of its own dataset only: the experiment's shows in its tab.
    expect(loadingMessages).toEqual(['Loading the fashion-mnist dataset…']);
    // The run's own training split is still there for the selected image.
    expect(await engine.predict({ source: 'train', index: 0 })).toHaveLength(10);
  });

  it('stops on cancel, saying so', async () => {
    const { engine } = await startedEngine();
    await engine.startShiftExperiment({ ...request, steps: 2000 });
    await engine.cancelShiftExperiment();
    const status = await settled(engine);
    expect(status).toEqual({
      state: 'stopped',
      message: expect.stringMatching(/cancelled/) as unknown as string,
    });
  });

  it('refuses a request outside its limits with the reason', async () => {
    const { engine } = await startedEngine();
    await expect(engine.startShiftExperiment({ ...request, steps: 1 })).rejects.toThrow(
      /training steps must be a whole number from 10/,
    );
    expect((await engine.shiftExperimentStatus()).state).toBe('idle');
  });
});
