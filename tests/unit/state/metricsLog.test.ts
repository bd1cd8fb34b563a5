import { describe, expect, it } from 'vitest';
import { createMetricsLog } from '../../../src/state/metricsLog';

const point = (step: number) => ({ step, epoch: 1, loss: 1 / (step + 1), accuracy: 0.5 });

describe('metrics log', () => {
  it('keeps every point up to 20,000, then every other one and the newest', () => {
    const log = createMetricsLog();
    let notified = 0;
    log.subscribe(() => notified++);
    for (let step = 0; step < 20_000; step++) log.pushTrain(point(step));
    expect(log.train).toHaveLength(20_000);
    log.pushTrain(point(20_000));
    // Thinning the 20,001 points keeps the even steps 0, 2, …, 20,000.
    expect(log.train.map((p) => p.step)).toEqual(Array.from({ length: 10_001 }, (_, i) => 2 * i));
    log.pushTrain(point(20_001));
    expect(log.train.at(-1)?.step).toBe(20_001);
    expect(notified).toBe(20_002);
  });

  it('thins gradient norms the same way, keeping the newest, without redrawing the curves', () => {
    const log = createMetricsLog();
    let notified = 0;
    log.subscribe(() => notified++);
    for (let step = 0; step <= 20_001; step++) {
      log.pushGradients({ step, norms: Float32Array.of(step) });
    }
    const steps = log.gradients.map((g) => g.step);
    expect(steps).toHaveLength(10_002);
    expect(steps.slice(0, 3)).toEqual([0, 2, 4]);
    expect(steps.at(-1)).toBe(20_001);
    expect(notified).toBe(0);
  });
});
