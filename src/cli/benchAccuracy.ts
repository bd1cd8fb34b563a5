/** Training a network to the end in the lab: time to the target accuracy, test accuracy. */
import { loadavg } from 'node:os';
import type { Browser } from 'playwright-core';
import { DATASET_OF, TARGET_OF, type NetworkId } from './benchArgs';
import { cpuSample, otherCores } from './benchCpu';
import { labUrl, openPage, waitReady } from './benchMeasure';
import { round, type AccuracyRow } from './benchResult';
import { sleep } from './benchServer';

interface Progress {
  t: number;
  step: number;
  phase: string;
  validations: { t: number; accuracy: number; step: number }[];
  targetTest: { t: number; step: number; validation: number } | null;
  /** The first test evaluation at or over the target (evaluated from the validation hit on). */
  testHit: { t: number; step: number; accuracy: number } | null;
  tests: { t: number; step: number; accuracy: number }[];
  testAccuracy: string | null;
  message: string | null;
}

/** Trains from play to the end of the configured epochs; time to the target, test accuracy. */
export async function accuracyOne(
  browser: Browser,
  base: string,
  network: NetworkId,
  epochs: number | null,
  extra: Record<string, string | number>,
  say: (text: string) => void,
): Promise<AccuracyRow> {
  const refused: string[] = [];
  const { context, page, problems } = await openPage(browser, refused);
  const dataset = DATASET_OF[network];
  const target = TARGET_OF[network];
  try {
    await page.goto(
      labUrl(base, {
        preset: network,
        data: dataset,
        backend: 'wasm',
        seed: 1,
        ...(epochs === null ? {} : { epochs }),
        ...extra,
      }),
    );
    const ready = await waitReady(page);
    const cpuBefore = cpuSample();
    await page.evaluate(`window.__bench.play(${target})`);
    let progress: Progress;
    let lastSaid = 0;
    let targetTestAccuracy: string | null = null;
    for (;;) {
      await sleep(1000);
      progress = (await page.evaluate('window.__bench.progress()')) as Progress;
      if (progress.targetTest && targetTestAccuracy === null && progress.testAccuracy !== null)
        targetTestAccuracy = progress.testAccuracy;
      if (progress.t - lastSaid > 30_000) {
        lastSaid = progress.t;
        const v = progress.validations.at(-1);
        say(
          `  ${network}: ${round(progress.t / 1000)} s, step ${progress.step}, validation ${v ? `${round(v.accuracy * 100, 2)}%` : '—'}`,
        );
      }
      if (['done', 'error', 'paused'].includes(progress.phase) && progress.t > 2000) break;
      if (progress.t > 3 * 3600_000) throw new Error('training did not finish in 3 hours');
    }
    const trainSeconds = progress.t / 1000;
    const others = otherCores(cpuBefore, cpuSample());
    // The evaluation clicked at the target may still be on its way: let it land first.
    if (progress.targetTest && targetTestAccuracy === null) {
      await page.getByTestId('test-accuracy').waitFor({ timeout: 120_000 });
      targetTestAccuracy = await page.getByTestId('test-accuracy').textContent();
    }
    await sleep(1500);
    const final = (await page.evaluate('window.__bench.timeEvaluation(600000)')) as {
      ok: boolean;
      ms: number;
      accuracy: string | null;
    };
    const percent = (text: string | null) =>
      text === null ? null : round(Number.parseFloat(text) / 100, 4);
    const best = progress.validations.reduce((m, v) => Math.max(m, v.accuracy), 0);
    return {
      mode: 'accuracy',
      backend: 'wasm',
      backendShown: ready.backend,
      network,
      dataset,
      settings: { epochs: epochs ?? 'lab default', ...extra },
      target,
      secondsToTargetValidation: progress.targetTest
        ? round(progress.targetTest.t / 1000, 1)
        : null,
      stepAtTarget: progress.targetTest?.step ?? null,
      testAccuracyAtTarget: percent(targetTestAccuracy),
      secondsToTargetTest: progress.testHit ? round(progress.testHit.t / 1000, 1) : null,
      stepAtTargetTest: progress.testHit?.step ?? null,
      testEvaluations: progress.tests.map((v) => [round(v.t / 1000, 1), v.step, v.accuracy]),
      testAccuracy: final.ok ? percent(final.accuracy) : null,
      finalValidationAccuracy: progress.validations.at(-1)?.accuracy ?? null,
      bestValidationAccuracy: best,
      steps: progress.step,
      trainSeconds: round(trainSeconds),
      endedAs: progress.phase,
      message: progress.message,
      validations: progress.validations.map((v) => [round(v.t / 1000, 1), v.step, v.accuracy]),
      problems: problems.slice(0, 5),
      refusedRequests: refused.length,
      otherCpuCores: others === null ? null : round(others, 2),
      loadAverage1m: round(loadavg()[0] ?? 0, 2),
    };
  } finally {
    await page.close().catch(() => undefined);
    await context.close().catch(() => undefined);
  }
}
