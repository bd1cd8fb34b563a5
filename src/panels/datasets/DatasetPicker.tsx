import { OWN_DATASET_ID, type DatasetEntry } from '../../data/manifest';
import { DATASET_IDS, type DatasetId } from '../../state/settings';
import { useLabStore } from '../../state/store';

const isDatasetId = (id: string): id is DatasetId =>
  (DATASET_IDS as readonly string[]).includes(id);

/** The datasets the build made, one card each; unavailable ones say how to get them. */
export function DatasetPicker({ entries }: { readonly entries: readonly DatasetEntry[] }) {
  const dataset = useLabStore((s) => s.dataset);
  const choose = useLabStore((s) => s.chooseDataset);
  return (
    <fieldset className="card dataset-picker">
      <legend>Dataset</legend>
      <div className="dataset-options">
        {entries.map((entry) => {
          const [h, w, c] = entry.imageShape;
          return (
            <label
              key={entry.id}
              className={`dataset-option ${entry.available ? '' : 'unavailable'} ${dataset === entry.id ? 'chosen' : ''}`}
            >
              <input
                type="radio"
                name="dataset"
                value={entry.id}
                checked={dataset === entry.id}
                disabled={!entry.available || !isDatasetId(entry.id)}
                onChange={() => isDatasetId(entry.id) && choose(entry.id)}
              />
              <span className="dataset-title">{entry.title}</span>
              <span className="muted small">
                {entry.available
                  ? `${h}×${w}×${c} · ${entry.train.count.toLocaleString('en-US')} train, ${entry.test.count.toLocaleString('en-US')} test`
                  : entry.id === OWN_DATASET_ID
                    ? 'none yet'
                    : `${h}×${w}×${c} · not built`}
              </span>
              {!entry.available && (
                <span className="how small">
                  {entry.problem ? `${entry.problem} ` : ''}
                  {entry.how}
                </span>
              )}
            </label>
          );
        })}
      </div>
    </fieldset>
  );
}
