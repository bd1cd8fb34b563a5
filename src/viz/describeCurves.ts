import type { StepPoint } from '../core/metrics';
import { smooth, type CurveData, type CurveMetric } from './training/curves';

/**
 * Text alternatives for the training charts: what a sighted person reads off the canvas
 * (the latest value and which way the line is going), in a sentence a screen reader says.
 * Pure, so the sentences are unit-tested; the hosts set them as the canvas's aria-label
 * each time they redraw it.
 */

/** Which way a line is going over its recent stretch. */
export type Trend = 'falling' | 'rising' | 'level';

/**
 * A change counts as a trend past this: 5 % of the value for a loss (its scale varies by
 * decades), half a percentage point for an accuracy.
 */
const LOSS_RELATIVE = 0.05;
const ACCURACY_POINTS = 0.005;

/**
 * The trend of a series as the chart shows it: for per-batch training values the moving
 * average the bold line draws (`smooth`), now against where it stood a fifth of the run ago
 * (at least one point, at most 50 back). Null with fewer than two points: one point has no
 * direction.
 */
export function trendOf(
  values: readonly number[],
  metric: CurveMetric,
  smoothed = values.length > 4,
): Trend | null {
  const finite = values.filter(Number.isFinite);
  if (finite.length < 2) return null;
  const line = smoothed ? smooth(finite) : finite;
  const last = line.at(-1) ?? 0;
  const back = Math.min(50, Math.max(1, Math.round(line.length / 5)));
  const before = line[line.length - 1 - back] ?? line[0] ?? last;
  const change = last - before;
  const threshold =
    metric === 'accuracy' ? ACCURACY_POINTS : LOSS_RELATIVE * Math.max(Math.abs(before), 1e-6);
  if (Math.abs(change) <= threshold) return 'level';
  return change < 0 ? 'falling' : 'rising';
}

/** A value as the charts' read-outs print it: loss to 3 digits, accuracy as a percentage. */
export function formatMetric(metric: CurveMetric, v: number): string {
  if (!Number.isFinite(v)) return String(v);
  return metric === 'accuracy' ? `${(v * 100).toFixed(1)}%` : String(Number(v.toPrecision(3)));
}

const NAMES: Readonly<Record<CurveMetric, string>> = { loss: 'loss', accuracy: 'accuracy' };

/**
 * "training loss 0.312 (smoothed) and falling": training values are noisy batch by batch,
 * so it gives the bold smoothed line's latest value; validation's own latest point.
 */
function latest(
  points: readonly StepPoint[],
  metric: CurveMetric,
  which: 'training' | 'validation',
): string | null {
  if (points.length === 0) return null;
  const values = points.map((p) => p[metric]);
  const isSmoothed = which === 'training' && values.length > 4;
  const shown = isSmoothed ? (smooth(values).at(-1) ?? 0) : (values.at(-1) ?? 0);
  const trend = trendOf(values, metric, isSmoothed);
  return `${which} ${NAMES[metric]} ${formatMetric(metric, shown)}${isSmoothed ? ' (smoothed)' : ''}${trend ? ` and ${trend}` : ''}`;
}

/**
 * One chart's text alternative, e.g. "Loss over 240 training steps: training loss 0.312
 * (smoothed) and falling; validation loss 0.298 and falling."
 */
export function describeCurve(data: CurveData, metric: CurveMetric): string {
  const title = metric === 'accuracy' ? 'Accuracy' : 'Loss';
  const steps = Math.max(data.train.at(-1)?.step ?? 0, data.validation.at(-1)?.step ?? 0);
  if (data.train.length === 0 && data.validation.length === 0)
    return `${title} over training steps: nothing trained yet.`;
  const parts = [
    latest(data.train, metric, 'training'),
    latest(data.validation, metric, 'validation') ?? 'no validation yet',
  ].filter((p): p is string => p !== null);
  return `${title} over ${steps.toLocaleString('en-US')} training ${steps === 1 ? 'step' : 'steps'}: ${parts.join('; ')}.`;
}

/**
 * The run in one sentence, the issue's example: "Training loss 0.312 (smoothed) and
 * falling; validation accuracy 91.2%." Empty before the first step.
 */
export function describeRun(data: CurveData): string {
  const train = latest(data.train, 'loss', 'training');
  if (!train) return '';
  const val = data.validation.at(-1);
  const accuracy = val ? `validation accuracy ${formatMetric('accuracy', val.accuracy)}` : null;
  const sentence = [train, accuracy].filter(Boolean).join('; ');
  return `${sentence.charAt(0).toUpperCase()}${sentence.slice(1)}.`;
}

/** How a norm is printed in the gradient chart's text: three significant digits. */
const formatNorm = (v: number) =>
  v === 0 ? '0' : Math.abs(v) < 0.01 || Math.abs(v) >= 1e4 ? v.toExponential(1) : v.toPrecision(3);

/**
 * The gradient-flow chart's text alternative: each layer's latest ‖∂L/∂W‖ and how many
 * decades lie between the smallest and the largest, the picture's point (a vanishing
 * gradient puts the first layers decades below the last).
 */
export function describeFlow(
  latestNorms: readonly { readonly name: string; readonly norm: number }[],
  step: number | null,
): string {
  if (step === null || latestNorms.length === 0)
    return 'Weight-gradient norms per layer, log scale: they appear here once training runs.';
  const positive = latestNorms.filter((l) => l.norm > 0 && Number.isFinite(l.norm));
  const values = latestNorms.map((l) => `${l.name} ${formatNorm(l.norm)}`).join(', ');
  let spread = '';
  if (positive.length >= 2) {
    const low = positive.reduce((a, b) => (b.norm < a.norm ? b : a));
    const high = positive.reduce((a, b) => (b.norm > a.norm ? b : a));
    const decades = Math.log10(high.norm / low.norm);
    spread =
      decades >= 1
        ? ` ${low.name}'s is ${decades.toFixed(1)} decades below ${high.name}'s.`
        : ' All layers are within one decade of each other.';
  }
  return `Weight-gradient norm per layer over ${step.toLocaleString('en-US')} training steps, log scale. Latest: ${values}.${spread}`;
}
