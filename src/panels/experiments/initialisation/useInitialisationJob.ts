import { useCallback, useEffect, useState } from 'react';
import { messageOf } from '../../../core/errors';
import type {
  BatchNormRunOutcome,
  BatchNormRunRequest,
  InitialisationOutcome,
  InitialisationStatus,
  SchemeRunOutcome,
  SchemeRunRequest,
} from '../../../core/initialisationRuns';
import type { InitialisationPort } from '../../../state/experimentPorts/initialisation';
import { POLL_MS } from './initialisationSettings';

export interface InitialisationJob {
  readonly status: InitialisationStatus;
  readonly busy: boolean;
  /** Why the last job of each kind stopped early or did not start (cancelled, an error), until the next starts. */
  readonly stopped: Partial<Record<InitialisationOutcome['kind'], string>>;
  /** The latest finished result of each kind, kept while another job runs. */
  readonly schemes: SchemeRunOutcome | null;
  readonly batchNorm: BatchNormRunOutcome | null;
  startSchemes(request: SchemeRunRequest): void;
  startBatchNorm(request: BatchNormRunRequest): void;
  cancel(): void;
}

/**
 * The experiment's one job at a time in the worker: started in a short call, then polled
 * every POLL_MS while it runs, so the page never waits on the side runs' training.
 */
export function useInitialisationJob(port: InitialisationPort | null): InitialisationJob {
  const [status, setStatus] = useState<InitialisationStatus>({ state: 'idle' });
  const [schemes, setSchemes] = useState<SchemeRunOutcome | null>(null);
  const [batchNorm, setBatchNorm] = useState<BatchNormRunOutcome | null>(null);
  const [stopped, setStopped] = useState<InitialisationJob['stopped']>({});

  useEffect(() => {
    if (!port || status.state !== 'running') return;
    let stopped = false;
    const timer = setTimeout(() => {
      port.initialisationStatus().then(
        (next) => {
          if (stopped) return;
          setStatus(next);
          if (next.state === 'stopped' && status.state === 'running')
            setStopped((old) => ({ ...old, [status.kind]: next.message }));
          if (next.state !== 'done') return;
          if (next.outcome.kind === 'schemes') setSchemes(next.outcome);
          else setBatchNorm(next.outcome);
        },
        (error: unknown) => {
          if (stopped) return;
          setStopped((old) => ({ ...old, [status.kind]: messageOf(error) }));
          setStatus({ state: 'idle' });
        },
      );
    }, POLL_MS);
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [port, status]);

  const launch = useCallback(
    (kind: 'schemes' | 'batchnorm', total: number, start: () => Promise<void>) => {
      setStopped((old) => ({ ...old, [kind]: undefined }));
      setStatus({ state: 'running', kind, done: 0, total });
      start().catch((error: unknown) => {
        setStopped((old) => ({ ...old, [kind]: messageOf(error) }));
        setStatus({ state: 'idle' });
      });
    },
    [],
  );
  const startSchemes = useCallback(
    (request: SchemeRunRequest) => {
      if (port)
        launch('schemes', request.checkpoints.at(-1) ?? 0, () =>
          port.startInitialisationRun(request),
        );
    },
    [port, launch],
  );
  const startBatchNorm = useCallback(
    (request: BatchNormRunRequest) => {
      if (port)
        launch('batchnorm', 2 * request.steps, () => port.startBatchNormComparison(request));
    },
    [port, launch],
  );
  const cancel = useCallback(() => void port?.cancelInitialisationRun(), [port]);
  return {
    status,
    busy: status.state === 'running',
    stopped,
    schemes,
    batchNorm,
    startSchemes,
    startBatchNorm,
    cancel,
  };
}
