import { useState } from 'react';
import { selectReport, useLabStore } from '../../state/store';
import { EngineWait } from '../shared/EngineWait';
import { ChannelDetail } from './ChannelDetail';
import { Filters } from './Filters';
import { LayerMaps } from './LayerMaps';
import { TopActivations } from './TopActivations';
import './features.css';

/** Feature maps of every layer for the selected input, the learned filters, and what excites a channel. */
export function FeatureMapsPanel() {
  const inspection = useLabStore((s) => s.inspection);
  const report = useLabStore(selectReport);
  const run = useLabStore((s) => s.run);
  const selectedLayer = useLabStore((s) => s.selectedLayer);
  const channel = useLabStore((s) => s.selectedChannel);
  const status = useLabStore((s) => s.datasetStatus[s.dataset]);
  const [shared, setShared] = useState(false);
  const labels = report.layers.map((l) => l.label);
  const record = inspection?.activations.find((a) => a.layerIndex === selectedLayer);
  const spatialRecord = record && record.shape.length === 3 ? record : undefined;
  const convIndices = report.layers.filter((l) => l.type === 'conv2d').map((l) => l.index);
  const kernelLayer =
    report.layers[selectedLayer]?.type === 'conv2d' ? selectedLayer : (convIndices[0] ?? -1);
  const kernel = inspection?.weights.find(
    (w) => w.layerIndex === kernelLayer && w.role === 'kernel',
  );
  const layerChannels = spatialRecord?.shape[2] ?? 1;
  const shownChannel = Math.min(channel, layerChannels - 1);
  return (
    <section className="panel features-panel" aria-labelledby="features-title">
      <h1 id="features-title">Feature maps and filters</h1>
      {!inspection ? (
        <EngineWait waiting="Waiting for the engine to look at the selected input…" />
      ) : (
        <>
          <p className="muted">
            The selected input passed through {report.name} after{' '}
            {inspection.step.toLocaleString('en-US')} training steps
            {run.pretrained ? ' (trained weights)' : ''}; predicted class {inspection.predicted}.
            Click a channel to enlarge it.
          </p>
          <div className="training-layout">
            <section className="card panel-main-figure" aria-labelledby="maps-heading">
              <div className="card-heading">
                <h2 id="maps-heading">Every layer’s output</h2>
                <label className="field">
                  <input
                    type="checkbox"
                    checked={shared}
                    onChange={(e) => setShared(e.target.checked)}
                  />
                  One colour range per layer (else per channel)
                </label>
              </div>
              <LayerMaps records={inspection.activations} labels={labels} shared={shared} />
            </section>
            <div>
              <section className="card" aria-labelledby="detail-heading">
                <h2 id="detail-heading">Selected channel</h2>
                {spatialRecord ? (
                  <ChannelDetail record={spatialRecord} channel={shownChannel} />
                ) : (
                  <p>Choose a channel of a convolution or pooling layer.</p>
                )}
              </section>
              <section className="card" aria-labelledby="filters-heading">
                <h2 id="filters-heading">Learned filters{kernel ? `: ${kernel.name}` : ''}</h2>
                {kernel ? (
                  <Filters
                    kernel={kernel}
                    channel={shownChannel}
                    first={kernelLayer === convIndices[0]}
                  />
                ) : (
                  <p>This network has no convolution layers.</p>
                )}
              </section>
              {spatialRecord && status?.state === 'ready' && (
                <section className="card" aria-labelledby="top-heading">
                  <h2 id="top-heading">What excites this channel</h2>
                  <TopActivations
                    layerIndex={selectedLayer}
                    channel={shownChannel}
                    field={report.layers[selectedLayer]?.receptiveField ?? null}
                    test={status.data.test}
                    layerName={spatialRecord.name}
                  />
                </section>
              )}
            </div>
          </div>
        </>
      )}
    </section>
  );
}
