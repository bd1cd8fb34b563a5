import type { StepPoint } from './metrics';

/**
 * Several runs' learning curves on one pair of axes. The runs share the step axis (the
 * longest run sets its end) and, for the loss, the value axis (the largest finite loss);
 * each run's series are thinned to a bounded number of points, so an overlay of long runs
 * draws as fast as one of short ones.
 */

export type RunCurveMetric = 'loss' | 'accuracy';

/** One run's series, as an overlay takes them. */
export interface RunCurvesInput {
  readonly id: string;
  readonly train: readonly StepPoint[];
  readonly validation: readonly StepPoint[];
}

export interface RunSeries {
  readonly id: string;
  readonly split: 'train' | 'validation';
  /** [step, value] pairs, in step order, finite values only. */
  readonly points: readonly (readonly [number, number])[];
}

export interface MergedRunCurves {
  /** Steps from 0 to the last step any run reached (at least 1). */
  readonly steps: readonly [number, number];
  /** The value axis: accuracy 0..1; loss 0 to the largest finite loss (at least 0.1). */
  readonly values: readonly [number, number];
  readonly series: readonly RunSeries[];
}

/** Most points drawn per series; the every-k-th thinning keeps the first and the last. */
export const MAX_SERIES_POINTS = 400;

/** Every k-th point with k = ⌈n / max⌉, plus the last, so the curve ends where the run did. */
export function thinPoints<T>(points: readonly T[], max = MAX_SERIES_POINTS): T[] {
  if (points.length <= max) return [...points];
  const k = Math.ceil(points.length / max);
  const kept = points.filter((_, i) => i % k === 0);
  const last = points.at(-1);
  if (last !== undefined && kept.at(-1) !== last) kept.push(last);
  return kept;
}

/** The selected runs' curves of one metric, merged onto shared axes. */
export function mergeRunCurves(
  runs: readonly RunCurvesInput[],
  metric: RunCurveMetric,
): MergedRunCurves {
  const series: RunSeries[] = runs.flatMap((run) =>
    (['train', 'validation'] as const).map((split) => ({
      id: run.id,
      split,
      points: thinPoints(
        run[split]
          .filter((p) => Number.isFinite(p[metric]))
          .map((p) => [p.step, p[metric]] as const),
      ),
    })),
  );
  const all = series.flatMap((s) => s.points);
  const lastStep = Math.max(1, ...all.map(([step]) => step));
  const top = metric === 'accuracy' ? 1 : Math.max(0.1, ...all.map(([, v]) => v));
  return { steps: [0, lastStep], values: [0, top], series };
}
