import { useMemo } from 'react';
import { useLabStore } from '../../state/store';
import { ConvExplainer } from './ConvExplainer';
import { learnedKernelsOf } from './learnedKernels';
import { PoolingExplainer } from './PoolingExplainer';
import { RealImageCard, type LearnedKernel } from './RealImageCard';
import { WhyConvolutionCard } from './WhyConvolutionCard';
import './convolution.css';

export type { LearnedKernel };

/**
 * The convolution and pooling explainers. Every number comes from the core's reference ops,
 * so they work before any network is trained. The real-image card can also apply the first
 * convolution's learned filters, taken from the engine's inspection of the current network.
 */
export function ConvolutionPanel() {
  const inspection = useLabStore((s) => s.inspection);
  const learnedKernels = useMemo(() => learnedKernelsOf(inspection), [inspection]);
  return (
    <section className="panel convolution-panel" aria-labelledby="convolution-title">
      <h1 id="convolution-title">Convolution and pooling</h1>
      <ConvExplainer />
      <RealImageCard learnedKernels={learnedKernels} />
      <WhyConvolutionCard />
      <PoolingExplainer />
    </section>
  );
}
