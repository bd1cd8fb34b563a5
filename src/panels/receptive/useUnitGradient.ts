import { useEffect, useState } from 'react';
import { messageOf } from '../../core/errors';
import { selectInputImage } from '../../state/selectedInput';
import { useLabStore } from '../../state/store';

/** Where the effective field stands: the gradient, or why there is none (yet). */
export type GradientOutcome =
  | { readonly state: 'waiting'; readonly message: string }
  | { readonly state: 'ready'; readonly values: Float32Array }
  | { readonly state: 'failed'; readonly message: string };

/**
 * Asks the engine for ∂(unit)/∂(input) of one unit for the selected input, again whenever
 * the engine reports a new inspection (new weights, a new input, a rebuilt network). An
 * answer to an older question is dropped. `expectedLength` (H·W·C of the network's input)
 * filters out an answer from a network the engine has not yet replaced.
 */
export function useUnitGradient(
  layerIndex: number,
  unit: { readonly row: number; readonly col: number },
  channel: number,
  expectedLength: number,
): GradientOutcome {
  const probes = useLabStore((s) => s.probes);
  const inspection = useLabStore((s) => s.inspection);
  const phase = useLabStore((s) => s.run.phase);
  const runMessage = useLabStore((s) => s.run.message);
  const selected = useLabStore(selectInputImage);
  const [outcome, setOutcome] = useState<GradientOutcome>({ state: 'waiting', message: '' });
  const { row, col } = unit;
  useEffect(() => {
    if (phase === 'error') {
      setOutcome({ state: 'failed', message: runMessage ?? 'The engine stopped with an error.' });
      return;
    }
    if (!probes) {
      setOutcome({ state: 'waiting', message: runMessage ?? 'Starting the engine…' });
      return;
    }
    if (layerIndex < 0) return;
    let current = true;
    setOutcome((o) => (o.state === 'ready' ? o : { state: 'waiting', message: 'Computing…' }));
    probes
      .unitInputGradient(layerIndex, { row, col, channel })
      .then((gradient) => {
        if (!current) return;
        if (!gradient) {
          const reason = selected.ok ? 'Waiting for the engine…' : selected.reason;
          setOutcome({ state: 'waiting', message: reason });
        } else if (gradient.length !== expectedLength) {
          setOutcome({
            state: 'waiting',
            message: 'Waiting for the engine to build this network…',
          });
        } else setOutcome({ state: 'ready', values: gradient });
      })
      .catch((error: unknown) => {
        if (current) setOutcome({ state: 'failed', message: messageOf(error) });
      });
    return () => {
      current = false;
    };
  }, [
    probes,
    phase,
    runMessage,
    layerIndex,
    row,
    col,
    channel,
    inspection,
    selected,
    expectedLength,
  ]);
  return outcome;
}
