import { useMemo } from 'react';
import { computeStats } from '../../data/stats';
import { useLabStore } from '../../state/store';
import { AugmentationCard } from './AugmentationCard';
import { ClassGrid } from './ClassGrid';
import { DatasetPicker } from './DatasetPicker';
import { DrawingPad } from './DrawingPad';
import { ImageUpload } from './ImageUpload';
import { LoadStatus } from './LoadStatus';
import { NormalisationCard } from './NormalisationCard';
import { SelectedInputCard } from './SelectedInputCard';
import { SplitSummary } from './SplitSummary';
import './datasets.css';

/** The dataset browser: the data a network will learn from, before any network touches it. */
export function DatasetsPanel() {
  const manifestStatus = useLabStore((s) => s.manifestStatus);
  const datasetId = useLabStore((s) => s.dataset);
  const status = useLabStore((s) => s.datasetStatus[s.dataset]);
  const data = status?.state === 'ready' ? status.data : null;
  const stats = useMemo(() => (data ? computeStats(data.train) : null), [data]);
  const entry =
    manifestStatus.state === 'ready'
      ? manifestStatus.manifest.datasets.find((d) => d.id === datasetId)
      : undefined;
  return (
    <section className="panel datasets-panel" aria-labelledby="datasets-title">
      <h1 id="datasets-title">Datasets</h1>
      {manifestStatus.state === 'error' && (
        <div role="alert" className="card load-error">
          <strong>The list of datasets could not be loaded.</strong> {manifestStatus.message}
        </div>
      )}
      {manifestStatus.state === 'ready' && (
        <DatasetPicker entries={manifestStatus.manifest.datasets} />
      )}
      {entry && <p className="preset-description">{entry.description}</p>}
      <LoadStatus id={datasetId} title={entry?.title ?? datasetId} status={status} />
      {data && stats && (
        <>
          <div className="two-columns">
            <SelectedInputCard classNames={data.info.classNames} stats={stats} />
            <SplitSummary train={data.train} test={data.test} classNames={data.info.classNames} />
          </div>
          <ClassGrid train={data.train} test={data.test} classNames={data.info.classNames} />
          <div className="two-columns">
            <NormalisationCard
              stats={stats}
              shape={{
                height: data.train.height,
                width: data.train.width,
                channels: data.train.channels,
              }}
            />
            <AugmentationCard />
          </div>
          {data.train.channels === 1 ? (
            <DrawingPad noun={datasetId === 'mnist' ? 'digit' : 'piece of clothing'} />
          ) : (
            <ImageUpload />
          )}
        </>
      )}
    </section>
  );
}
