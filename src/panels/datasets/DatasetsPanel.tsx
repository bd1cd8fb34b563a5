import { useMemo } from 'react';
import { OWN_DATASET_ID, type DatasetEntry } from '../../data/manifest';
import { OWN_DATASET_TITLE } from '../../data/ownImages/dataset';
import { computeStats } from '../../data/stats';
import type { DatasetStatus } from '../../state/dataSlice';
import { useLabStore } from '../../state/store';
import { AugmentationCard } from './AugmentationCard';
import { ClassGrid } from './ClassGrid';
import { DatasetPicker } from './DatasetPicker';
import { DrawingPad } from './DrawingPad';
import { ImageUpload } from './ImageUpload';
import { LoadStatus } from './LoadStatus';
import { NormalisationCard } from './NormalisationCard';
import { OwnImagesCard } from './OwnImagesCard';
import { SelectedInputCard } from './SelectedInputCard';
import { SplitSummary } from './SplitSummary';
import './datasets.css';

/** What a drawing on the pad is of, by dataset. */
const DRAWING_NOUNS: Readonly<Record<string, string>> = {
  mnist: 'digit',
  'fashion-mnist': 'piece of clothing',
};

/** The own images as a picker entry: the imported set, or one that says how to make it. */
function ownEntry(status: DatasetStatus | undefined): DatasetEntry {
  if (status?.state === 'ready') return status.data.info;
  return {
    id: OWN_DATASET_ID,
    title: OWN_DATASET_TITLE,
    description: '',
    classNames: [],
    imageShape: [28, 28, 1],
    licence: 'Yours.',
    available: false,
    how: 'Import a folder or zip of images below.',
  };
}

/** The dataset browser: the data a network will learn from, before any network touches it. */
export function DatasetsPanel() {
  const manifestStatus = useLabStore((s) => s.manifestStatus);
  const datasetId = useLabStore((s) => s.dataset);
  const status = useLabStore((s) => s.datasetStatus[s.dataset]);
  const ownStatus = useLabStore((s) => s.datasetStatus[OWN_DATASET_ID]);
  const data = status?.state === 'ready' ? status.data : null;
  const stats = useMemo(() => (data ? computeStats(data.train) : null), [data]);
  const entries = useMemo(
    () =>
      manifestStatus.state === 'ready'
        ? [...manifestStatus.manifest.datasets, ownEntry(ownStatus)]
        : [],
    [manifestStatus, ownStatus],
  );
  const entry = entries.find((d) => d.id === datasetId);
  return (
    <section className="panel datasets-panel" aria-labelledby="datasets-title">
      <h1 id="datasets-title">Datasets</h1>
      {manifestStatus.state === 'error' && (
        <div role="alert" className="card load-error">
          <strong>The list of datasets could not be loaded.</strong> {manifestStatus.message}
        </div>
      )}
      {manifestStatus.state === 'ready' && <DatasetPicker entries={entries} />}
      {entry?.description && <p className="preset-description">{entry.description}</p>}
      <LoadStatus id={datasetId} title={entry?.title ?? datasetId} status={status} />
      {data && stats && (
        <>
          <div className="two-columns">
            <SelectedInputCard classNames={data.info.classNames} stats={stats} />
            <SplitSummary train={data.train} test={data.test} classNames={data.info.classNames} />
          </div>
          <div className="panel-main-figure">
            <ClassGrid train={data.train} test={data.test} classNames={data.info.classNames} />
          </div>
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
            <DrawingPad noun={DRAWING_NOUNS[datasetId] ?? 'picture'} />
          ) : (
            <ImageUpload />
          )}
        </>
      )}
      <OwnImagesCard />
    </section>
  );
}
