import type { DatasetStatus } from '../../state/dataSlice';
import { useLabStore } from '../../state/store';

const mb = (bytes: number): string => `${(bytes / 1e6).toFixed(1)} MB`;

/** The download's progress in bytes and percent, or what went wrong and a way to try again. */
export function LoadStatus({
  id,
  title,
  status,
}: {
  readonly id: string;
  readonly title: string;
  readonly status: DatasetStatus | undefined;
}) {
  const setStatus = useLabStore((s) => s.setDatasetStatus);
  if (status?.state === 'error') {
    return (
      <div role="alert" className="card load-error">
        <strong>{title} could not be loaded.</strong> {status.message}{' '}
        <button type="button" onClick={() => setStatus(id, { state: 'idle' })}>
          Try again
        </button>
      </div>
    );
  }
  const progress = status?.state === 'loading' ? status.progress : null;
  const done = status?.state === 'ready';
  const percent = done ? 100 : (progress?.percent ?? 0);
  const text = done
    ? `${title} loaded${status.data.fromCache ? ' from this browser’s cache' : ''}.`
    : progress
      ? `Loading ${title}: ${mb(progress.loadedBytes)} of ${mb(progress.totalBytes)} (${Math.round(percent)}%)${progress.fromCache ? ', from cache' : ''}`
      : `Loading ${title}…`;
  return (
    <div className="load-status" data-testid="load-status" data-state={status?.state ?? 'idle'}>
      <progress max={100} value={percent} aria-label={`Loading ${title}`} />
      <span role="status">{text}</span>
    </div>
  );
}
