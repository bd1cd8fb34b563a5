import type { InitialisationJob } from './useInitialisationJob';

/** How far the running job is, with the button that stops it. */
export function JobProgress({
  job,
  unit,
}: {
  readonly job: InitialisationJob;
  readonly unit: string;
}) {
  const { status } = job;
  if (status.state !== 'running') return null;
  return (
    <p role="status" className="init-progress">
      <progress
        value={status.done}
        max={Math.max(1, status.total)}
        aria-label="Training progress"
      />{' '}
      {status.done.toLocaleString('en-US')} of {status.total.toLocaleString('en-US')} {unit}{' '}
      <button type="button" onClick={job.cancel} data-testid="init-cancel">
        Cancel
      </button>
    </p>
  );
}
