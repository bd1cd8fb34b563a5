import { ConvExplainer } from './ConvExplainer';
import { PoolingExplainer } from './PoolingExplainer';
import { RealImageCard, type LearnedKernel } from './RealImageCard';
import { WhyConvolutionCard } from './WhyConvolutionCard';

export type { LearnedKernel };

/**
 * The convolution and pooling explainers. Every number comes from the core's reference ops,
 * so they work before any network is trained. `learnedKernels` is the hook for kernels of the
 * current network, to be filled once panels can ask the engine for weights; until then the
 * real-image card says a learned kernel is not available.
 */
export function ConvolutionPanel({
  learnedKernels,
}: {
  readonly learnedKernels?: readonly LearnedKernel[];
}) {
  return (
    <section className="panel convolution-panel" aria-labelledby="convolution-title">
      <h1 id="convolution-title">Convolution and pooling</h1>
      <ConvExplainer />
      <RealImageCard {...(learnedKernels ? { learnedKernels } : {})} />
      <WhyConvolutionCard />
      <PoolingExplainer />
    </section>
  );
}
