/** The benchmark's result rows (one JSON line each) and the table printed after them. */
import type { BackendId, NetworkId } from './benchArgs';
import type { ConvnetRow, FailedConvnetRow } from './benchConvnet';

/** `n` rounded to `digits` decimals. */
export const round = (n: number, digits = 1) => Math.round(n * 10 ** digits) / 10 ** digits;

/** One backend × network timed: training and inference rates, smoothness, CPU shares. */
export interface SpeedRow {
  readonly backend: BackendId;
  readonly network: NetworkId;
  readonly dataset: string;
  readonly batchSize: number;
  readonly trainSamplesPerSecond: number | null;
  readonly inferenceSamplesPerSecond: number | null;
  readonly fps: number;
  readonly longestTaskMs: number;
  readonly longTaskCount: number;
  readonly maxFrameGapMs: number;
  readonly idleFps: number;
  /** The rate the training panel itself showed. */
  readonly displayedSamplesPerSecond: number | null;
  readonly stepsMeasured: number;
  readonly measuredSeconds: number;
  readonly stepAtPause: number;
  readonly inferenceImages: number;
  readonly inferenceMs: number | null;
  readonly inferenceColdMs: number | null;
  readonly backendShown: string;
  readonly backendNote: string | null;
  readonly software: boolean;
  readonly fellBackTo?: string;
  readonly phaseAtEnd?: string;
  readonly longTaskError?: string;
  readonly problems: readonly string[];
  readonly refusedRequests: number;
  readonly trainSamplesPerWorkerCpuSecond: number | null;
  readonly workerCpuShare: number | null;
  readonly mainThreadCpuShare: number | null;
  readonly restOfBrowserCpuShare: number | null;
  readonly otherCpuCores: number | null;
  readonly loadAverage1m: number;
  readonly wallSeconds: number;
  readonly waitedForIdleSeconds?: number;
  /** LeNet-5 only: ConvNetJS's rate in the same run (benchConvnet.ts), and ours over it. */
  readonly convnetjsSamplesPerSecond?: number;
  readonly ratioToConvnetjs?: number;
}

/** A configuration that could not be timed, and why. */
export interface FailedSpeedRow {
  readonly backend: BackendId;
  readonly network: NetworkId;
  readonly dataset: string;
  readonly batchSize: number;
  readonly trainSamplesPerSecond: null;
  readonly inferenceSamplesPerSecond: null;
  readonly fps: null;
  readonly longestTaskMs: null;
  readonly software: boolean;
  readonly error: string;
}

/** A network trained to the end: seconds to the target validation accuracy, test accuracy. */
export interface AccuracyRow {
  readonly mode: 'accuracy';
  readonly backend: 'wasm';
  readonly backendShown: string;
  readonly network: NetworkId;
  readonly dataset: string;
  readonly settings: Readonly<Record<string, string | number>>;
  readonly target: number;
  readonly secondsToTargetValidation: number | null;
  readonly stepAtTarget: number | null;
  readonly testAccuracyAtTarget: number | null;
  /** Seconds from play to the first test evaluation at or over the target, and its step. */
  readonly secondsToTargetTest: number | null;
  readonly stepAtTargetTest: number | null;
  /** Every test evaluation from the validation hit on: [seconds, step, accuracy]. */
  readonly testEvaluations: readonly (readonly [number, number, number])[];
  readonly testAccuracy: number | null;
  readonly finalValidationAccuracy: number | null;
  readonly bestValidationAccuracy: number;
  readonly steps: number;
  readonly trainSeconds: number;
  readonly endedAs: string;
  readonly message: string | null;
  /** [seconds since play, step, validation accuracy] at each validation. */
  readonly validations: readonly (readonly [number, number, number])[];
  readonly problems: readonly string[];
  readonly refusedRequests: number;
  readonly otherCpuCores: number | null;
  readonly loadAverage1m: number;
}

/** A network that could not be trained to the end, and why. */
export interface FailedAccuracyRow {
  readonly mode: 'accuracy';
  readonly network: NetworkId;
  readonly error: string;
}

/**
 * A link opened in a fresh browser context (empty caches), the feature maps panel showing:
 * the milliseconds from the navigation's start to the first engine picture, with the backend
 * left to the lab's own choice, and what the browser offered it.
 */
export interface FirstPictureRow {
  readonly mode: 'first-picture';
  readonly network: NetworkId;
  readonly dataset: string;
  /** Flags Chromium was started with beyond the usual ones (e.g. --enable-unsafe-webgpu). */
  readonly browserFlags: readonly string[];
  /** What `navigator.gpu` offered: "no navigator.gpu", "no adapter", or the adapter's fields. */
  readonly webgpuOffered: string;
  /** The training panel's backend line once the picture was drawn. */
  readonly backendShown: string;
  readonly backendAdapterShown: string | null;
  /** The median over the runs. */
  readonly firstPictureMs: number;
  readonly runsMs: readonly number[];
  /** Medians of when the engine reported its backend, and when it had the run set up. */
  readonly engineStartedMs: number | null;
  readonly runSetUpMs: number | null;
  readonly problems: readonly string[];
  readonly refusedRequests: number;
  readonly otherCpuCores: number | null;
  readonly loadAverage1m: number;
}

/** A first-picture measurement that failed, and why. */
export interface FailedFirstPictureRow {
  readonly mode: 'first-picture';
  readonly network: NetworkId;
  readonly error: string;
}

/** Whatever one configuration gave. */
export type BenchRow =
  | SpeedRow
  | FailedSpeedRow
  | AccuracyRow
  | FailedAccuracyRow
  | FirstPictureRow
  | FailedFirstPictureRow
  | ConvnetRow
  | FailedConvnetRow;

/** True for a row that says what went wrong instead of figures. */
export const isFailed = (
  row: BenchRow,
): row is FailedSpeedRow | FailedAccuracyRow | FailedFirstPictureRow | FailedConvnetRow =>
  'error' in row;

const figure = (v: number | null | undefined) => (v === null || v === undefined ? '—' : String(v));

/** Rows of cells as aligned plain text, the header first. */
function aligned<R>(rows: readonly R[], columns: readonly [string, (r: R) => string][]): string {
  const cells = [columns.map(([h]) => h), ...rows.map((r) => columns.map(([, f]) => f(r)))];
  const widths = columns.map((_, i) => Math.max(...cells.map((row) => (row[i] ?? '').length)));
  return cells
    .map((row) =>
      row
        .map((c, i) => c.padEnd(widths[i] ?? 0))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}

/** The first-picture rows as a plain-text table, one line per network and browser. */
export function firstPictureTable(
  rows: readonly (FirstPictureRow | FailedFirstPictureRow)[],
): string {
  const ok = (r: FirstPictureRow | FailedFirstPictureRow) => ('error' in r ? null : r);
  return aligned(rows, [
    ['network', (r) => r.network],
    ['WebGPU offered', (r) => ok(r)?.webgpuOffered ?? '—'],
    [
      'backend shown',
      (r) => {
        const done = ok(r);
        return done ? [done.backendShown, done.backendAdapterShown].filter(Boolean).join(' ') : '—';
      },
    ],
    ['engine started ms', (r) => figure(ok(r)?.engineStartedMs)],
    ['run set up ms', (r) => figure(ok(r)?.runSetUpMs)],
    ['first picture ms (median)', (r) => figure(ok(r)?.firstPictureMs)],
    [
      'runs ms',
      (r) => ok(r)?.runsMs.join(', ') ?? `error: ${'error' in r ? r.error : ''}`.slice(0, 60),
    ],
  ]);
}

/** The speed rows as a plain-text table, one line per configuration. */
export function table(rows: readonly (SpeedRow | FailedSpeedRow)[]): string {
  const columns: [string, (r: SpeedRow | FailedSpeedRow) => string][] = [
    ['backend', (r) => `${r.backend}${r.software ? ' (software)' : ''}`],
    ['network', (r) => r.network],
    ['dataset', (r) => r.dataset],
    ['batch', (r) => String(r.batchSize)],
    ['train img/s', (r) => figure(r.trainSamplesPerSecond)],
    ['× ConvNetJS', (r) => ('error' in r ? '—' : figure(r.ratioToConvnetjs))],
    ['infer img/s', (r) => figure(r.inferenceSamplesPerSecond)],
    ['fps', (r) => figure(r.fps)],
    ['longest task ms', (r) => figure(r.longestTaskMs)],
    ['max frame gap ms', (r) => ('error' in r ? '—' : String(r.maxFrameGapMs))],
    ['other CPU', (r) => ('error' in r ? '—' : figure(r.otherCpuCores))],
    ['note', (r) => ('error' in r ? `error: ${r.error}`.slice(0, 60) : (r.fellBackTo ?? ''))],
  ];
  return aligned(rows, columns);
}
