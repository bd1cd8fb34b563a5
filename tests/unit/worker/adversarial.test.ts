import { describe, expect, it } from 'vitest';
import type { SweepStatus } from '../../../src/core/adversarial';
import type { EngineApi } from '../../../src/worker/api';
import { cpuEngine, digitsDataset, mlpSetup, settledStatus } from './fixtures';

const dataset = () => digitsDataset(320, 100, 'adv');

// Standardised inputs: the attack must still work in pixel space.
const setup = mlpSetup({
  normalisation: 'standardise',
  validationSplit: 0.25,
  learningRate: 0.003,
});

async function trainedEngine(): Promise<EngineApi> {
  const engine = await cpuEngine(async () => dataset(), setup);
  await engine.play();
  return engine;
}

const settled = (engine: EngineApi): Promise<SweepStatus> =>
  settledStatus(() => engine.adversarialSweepStatus());

describe('the adversarial worker methods', () => {
  it('attack the selected image in pixel space, within ε, and leave the weights alone', async () => {
    const engine = await trainedEngine();
    const before = await engine.snapshot();
    const sample = { source: 'test', index: 3 } as const;
    const clean = await engine.adversarialAttack(sample, {
      method: 'fgsm',
      epsilon: 0,
      steps: 1,
      alpha: 0,
    });
    const predicted = await engine.predict(sample);
    // ε = 0 is the clean image, as the run itself sees it (bytes → standardised).
    clean.before.forEach((p, i) => expect(p).toBeCloseTo(predicted[i] ?? NaN, 5));
    expect(Array.from(clean.after)).toEqual(Array.from(clean.before));
    const attacked = await engine.adversarialAttack(sample, {
      method: 'iterative',
      epsilon: 0.1,
      steps: 5,
      alpha: 0.03,
    });
    let largest = 0;
    attacked.adversarial.forEach((v, i) => {
      largest = Math.max(largest, Math.abs(v - (attacked.original[i] ?? 0)));
      expect(v).toBeGreaterThanOrEqual(0);
      expect(v).toBeLessThanOrEqual(1);
    });
    expect(largest).toBeCloseTo(0.1, 5);
    expect(attacked.after[attacked.label]).toBeLessThan(attacked.before[attacked.label] ?? 0);
    const after = await engine.snapshot();
    after.weights.forEach((w, i) =>
      expect(Array.from(w.data)).toEqual(Array.from(before.weights[i]!.data)),
    );
  });

  it('sweep: no flips at ε = 0, its errors are the run’s own test errors, and flips grow with ε', async () => {
    const engine = await trainedEngine();
    await engine.startAdversarialSweep({
      method: 'fgsm',
      epsilons: [0, 0.05, 0.3],
      count: 100,
      steps: 1,
      alpha: 0,
    });
    const status = await settled(engine);
    if (status.state !== 'done') throw new Error(`The sweep ended ${JSON.stringify(status)}`);
    const { flipped, wrong } = status.outcome;
    expect(flipped[0]).toBe(0);
    const test = await engine.evaluateTest();
    const errors = Array.from(test.predictions).filter(
      (p, i) => p !== dataset().test.labels[i],
    ).length;
    expect(wrong[0]).toBe(errors);
    expect(flipped[2]).toBeGreaterThan(flipped[1] ?? 0);
    expect(flipped[2]).toBeGreaterThan(30);
  });

  it('a cancelled sweep says so, and a bad request is refused with its reason', async () => {
    const engine = await trainedEngine();
    await engine.startAdversarialSweep({
      method: 'fgsm',
      epsilons: [0, 0.1],
      count: 100,
      steps: 1,
      alpha: 0,
    });
    await engine.cancelAdversarialSweep();
    expect(await settled(engine)).toMatchObject({ state: 'stopped', message: /cancelled/ });
    await expect(
      engine.startAdversarialSweep({ method: 'fgsm', epsilons: [0], count: 0, steps: 1, alpha: 0 }),
    ).rejects.toThrow(/1 to 2000 test images/);
  });

  it('a sweep whose network trains meanwhile stops and says why, rather than mix two networks', async () => {
    const engine = await trainedEngine();
    await engine.startAdversarialSweep({
      method: 'fgsm',
      epsilons: [0, 0.1, 0.2],
      count: 100,
      steps: 1,
      alpha: 0,
    });
    await engine.step();
    expect(await settled(engine)).toMatchObject({ state: 'stopped', message: /network changed/ });
  });
});
