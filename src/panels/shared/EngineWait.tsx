import { useLabStore } from '../../state/store';

/**
 * What a panel that shows the engine's look at the selected input says before it has one:
 * the engine's error if it failed, else what it is waiting for.
 */
export function EngineWait({ waiting }: { readonly waiting: string }) {
  const run = useLabStore((s) => s.run);
  return (
    <p role="status" className="card">
      {run.phase === 'error' ? run.message : waiting}
    </p>
  );
}
