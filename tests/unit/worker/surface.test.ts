import { describe, expect, it } from 'vitest';
import type { LandscapeStatus } from '../../../src/core/descent/landscape';
import type { EngineApi } from '../../../src/worker/api';
import { cpuEngine, digitsDataset, mlpSetup, settledStatus } from './fixtures';

const dataset = () => digitsDataset(160, 20, 'surface');

const setup = mlpSetup({
  normalisation: 'standardise',
  validationSplit: 0.25,
  learningRate: 0.003,
});

async function trainedEngine(): Promise<EngineApi> {
  const engine = await cpuEngine(async () => dataset(), setup);
  await engine.step();
  return engine;
}

const settled = (engine: EngineApi): Promise<LandscapeStatus> =>
  settledStatus(() => engine.lossSurfaceStatus());

describe('the loss-surface worker methods', () => {
  it('compute the grid round the current weights, its centre the plain loss, and leave the weights as they were', async () => {
    const engine = await trainedEngine();
    const before = await engine.snapshot();
    await engine.startLossSurface({ size: 5, range: 1, count: 50, seed: 3 });
    const status = await settled(engine);
    if (status.state !== 'done') throw new Error(`The surface ended ${JSON.stringify(status)}`);
    const { outcome } = status;
    expect(outcome.losses).toHaveLength(25);
    expect(Array.from(outcome.alphas)).toEqual([-1, -0.5, 0, 0.5, 1]);
    expect(outcome.centreLoss).toBe(outcome.currentLoss);
    expect(outcome.losses[12]).toBe(outcome.centreLoss);
    expect(outcome.count).toBe(50);
    expect(outcome.step).toBe(1);
    // Moving a whole filter's norm away changes the loss: the corners are not the centre.
    expect(Math.max(...outcome.losses)).toBeGreaterThan(outcome.centreLoss);
    const after = await engine.snapshot();
    after.weights.forEach((w, i) =>
      expect(Array.from(w.data)).toEqual(Array.from(before.weights[i]!.data)),
    );
    // The same seed draws the same directions: the same surface.
    await engine.startLossSurface({ size: 5, range: 1, count: 50, seed: 3 });
    const again = await settled(engine);
    expect(again.state === 'done' && Array.from(again.outcome.losses)).toEqual(
      Array.from(outcome.losses),
    );
  });

  it('a cancelled surface says so, a bad request is refused with its reason, and training meanwhile stops it', async () => {
    const engine = await trainedEngine();
    await engine.startLossSurface({ size: 41, range: 1, count: 100, seed: 1 });
    await engine.cancelLossSurface();
    expect(await settled(engine)).toMatchObject({ state: 'stopped', message: /cancelled/ });
    await expect(
      engine.startLossSurface({ size: 4, range: 1, count: 10, seed: 1 }),
    ).rejects.toThrow(/odd number of points/);
    await engine.startLossSurface({ size: 41, range: 1, count: 100, seed: 1 });
    await engine.step();
    expect(await settled(engine)).toMatchObject({ state: 'stopped', message: /network changed/ });
  });
});
