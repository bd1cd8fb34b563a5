import { useEffect, useState } from 'react';
import { ArchitecturePanel } from '../panels/architecture/ArchitecturePanel';
import { ConvolutionPanel } from '../panels/convolution/ConvolutionPanel';
import { DatasetsPanel } from '../panels/datasets/DatasetsPanel';
import { FeatureMapsPanel } from '../panels/features/FeatureMapsPanel';
import { MathsPanel } from '../panels/maths/MathsPanel';
import { NetworkViewPanel } from '../panels/network/NetworkViewPanel';
import { NeuronPanel } from '../panels/neurons/NeuronPanel';
import { ReceptiveFieldPanel } from '../panels/receptive/ReceptiveFieldPanel';
import { TrainingPanel } from '../panels/training/TrainingPanel';
import { useLabStore } from '../state/store';
import { ErrorBoundary } from './ErrorBoundary';
import { Header } from './Header';
import { Notices } from './Notices';

/** The shell: header, notices and the open panel, each panel behind its own error boundary. */
export function App() {
  const panel = useLabStore((s) => s.panel);
  const [largeType, setLargeType] = useState(false);
  useEffect(() => {
    document.documentElement.classList.toggle('large-type', largeType);
  }, [largeType]);
  return (
    <>
      <a className="skip-link" href="#main">
        Skip to the panel
      </a>
      <Header largeType={largeType} onToggleLargeType={() => setLargeType((v) => !v)} />
      <Notices />
      <main id="main" tabIndex={-1}>
        {panel === 'architecture' && (
          <ErrorBoundary name="The architecture explorer">
            <ArchitecturePanel />
          </ErrorBoundary>
        )}
        {panel === 'training' && (
          <ErrorBoundary name="The training panel">
            <TrainingPanel />
          </ErrorBoundary>
        )}
        {panel === 'convolution' && (
          <ErrorBoundary name="The convolution explainer">
            <ConvolutionPanel />
          </ErrorBoundary>
        )}
        {panel === 'network' && (
          <ErrorBoundary name="The forward and backward view">
            <NetworkViewPanel />
          </ErrorBoundary>
        )}
        {panel === 'maths' && (
          <ErrorBoundary name="The maths panel">
            <MathsPanel />
          </ErrorBoundary>
        )}
        {panel === 'neurons' && (
          <ErrorBoundary name="The neuron view">
            <NeuronPanel />
          </ErrorBoundary>
        )}
        {panel === 'features' && (
          <ErrorBoundary name="The feature maps panel">
            <FeatureMapsPanel />
          </ErrorBoundary>
        )}
        {panel === 'receptive' && (
          <ErrorBoundary name="The receptive field panel">
            <ReceptiveFieldPanel />
          </ErrorBoundary>
        )}
        {panel === 'datasets' && (
          <ErrorBoundary name="The dataset browser">
            <DatasetsPanel />
          </ErrorBoundary>
        )}
      </main>
    </>
  );
}
