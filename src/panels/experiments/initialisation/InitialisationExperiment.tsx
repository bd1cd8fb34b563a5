import { useLabStore } from '../../../state/store';
import { BatchNormSection } from './BatchNormSection';
import { ContrastSection } from './ContrastSection';
import { SchemeSection } from './SchemeSection';
import { useInitialisationJob } from './useInitialisationJob';
import './initialisation.css';

/**
 * Rows 10 and 11 of the curriculum: how the starting weights shape every layer's
 * activations and gradients (and why zeros never learn), batch norm toggled after every
 * convolution and compared, and local contrast normalisation, which came before it. All
 * training here is in side runs in the worker; the person's own run is left alone.
 */
export function InitialisationExperiment() {
  const port = useLabStore((s) => s.experimentPorts);
  const network = useLabStore((s) => s.network);
  const phase = useLabStore((s) => s.run.phase);
  const job = useInitialisationJob(port);
  const ready = Boolean(port) && phase !== 'idle' && phase !== 'starting' && phase !== 'error';
  return (
    <div className="initialisation">
      <SchemeSection job={job} network={network} ready={ready} />
      <BatchNormSection job={job} network={network} ready={ready} />
      <ContrastSection />
    </div>
  );
}
