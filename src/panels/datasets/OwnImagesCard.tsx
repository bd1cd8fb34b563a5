import { useId, useState } from 'react';
import { OWN_DATASET_ID } from '../../data/manifest';
import { ownReportOf } from '../../data/ownImages/dataset';
import { OWN_LIMITS } from '../../data/ownImages/errors';
import type { OwnImagesReport } from '../../data/ownImages/importer';
import type { ImageShape } from '../../data/types';
import { useLabStore } from '../../state/store';
import { useOwnImport, type KeepState } from './ownImport';

/** The sizes offered: the network's own input first (when it takes images), then the two usual ones. */
function sizeChoices(
  input: readonly number[],
): { key: string; label: string; shape: ImageShape }[] {
  const of = (height: number, width: number, channels: number, note: string) => ({
    key: `${height}x${width}x${channels}`,
    label: `${height}×${width} ${channels === 1 ? 'grey' : 'colour'}${note}`,
    shape: { height, width, channels },
  });
  const [h, w, c] = input;
  const network =
    input.length === 3 && h && w && (c === 1 || c === 3)
      ? [of(h, w, c, ' (the network’s input)')]
      : [];
  const usual = [of(28, 28, 1, ' (like MNIST)'), of(32, 32, 3, ' (like CIFAR-10)')];
  return [...network, ...usual.filter((u) => !network.some((n) => n.key === u.key))];
}

const plural = (n: number, one: string, many = `${one}s`) =>
  `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;

function KeepLine({ keep }: { readonly keep: KeepState }) {
  if (keep === 'saving') return <p className="muted small">Keeping them in this browser…</p>;
  if (keep === 'kept')
    return <p className="small">Kept in this browser for your next visit (and only here).</p>;
  if (keep)
    return (
      <p role="alert" className="warning small">
        {keep.problem}
      </p>
    );
  return null;
}

function Report({ report }: { readonly report: OwnImagesReport }) {
  return (
    <div className="own-report" data-testid="own-report">
      <p>
        {plural(report.imageCount, 'image')} from <strong>{report.sourceName}</strong>, imported{' '}
        {new Date(report.importedAt).toLocaleString('en-GB')}.
      </p>
      {report.smallClasses.length > 0 && (
        <p className="warning small" data-testid="own-small-classes">
          Few images in {report.smallClasses.map((c) => `${c.name} (${c.count})`).join(', ')}: fewer
          than {OWN_LIMITS.fewImages} images of a class are too few to learn it or to test it well.
        </p>
      )}
      {report.emptyFolders.length > 0 && (
        <p className="warning small">
          No usable image in {report.emptyFolders.join(', ')}: left out as classes.
        </p>
      )}
      {report.skipped.length > 0 && (
        <details className="small" data-testid="own-skipped">
          <summary>{plural(report.skipped.length, 'file')} skipped</summary>
          <ul>
            {report.skipped.slice(0, 200).map((s) => (
              <li key={s.path}>
                <code>{s.path}</code>: {s.reason}
              </li>
            ))}
            {report.skipped.length > 200 && <li>and {report.skipped.length - 200} more</li>}
          </ul>
        </details>
      )}
    </div>
  );
}

/** Import a folder or zip of one's own images (read here, never uploaded), see what was found, forget it. */
export function OwnImagesCard() {
  const id = useId();
  const input = useLabStore((s) => s.network.input);
  const status = useLabStore((s) => s.datasetStatus[OWN_DATASET_ID]);
  const chosen = useLabStore((s) => s.dataset === OWN_DATASET_ID);
  const choices = sizeChoices(input);
  const [sizeKey, setSizeKey] = useState<string | null>(null);
  const size = choices.find((c) => c.key === sizeKey) ?? choices[0];
  const { state, keep, importFolder, importZip, forget } = useOwnImport();
  const report = status?.state === 'ready' ? ownReportOf(status.data) : null;
  const reading = state.phase === 'reading';
  return (
    <section className="card own-images" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>Your own images</h2>
      <p className="hint">
        A folder with one sub-folder of images per class (the sub-folder’s name is the class’s
        name), or a zip of one. Read in this browser: nothing is uploaded. At most{' '}
        {OWN_LIMITS.classes} classes, {OWN_LIMITS.images.toLocaleString('en-US')} images,{' '}
        {OWN_LIMITS.bytes / 1e6} MB. Each image is cut to its centre and shrunk; a tenth of each
        class is kept for testing.
      </p>
      <div className="own-controls">
        <label>
          Size{' '}
          <select value={size?.key} disabled={reading} onChange={(e) => setSizeKey(e.target.value)}>
            {choices.map((c) => (
              <option key={c.key} value={c.key}>
                {c.label}
              </option>
            ))}
          </select>
        </label>
        <label className="file-button">
          Choose a folder…
          <input
            type="file"
            data-testid="own-folder"
            // React does not know the folder-picker attributes; they are passed through as given.
            {...{ webkitdirectory: '', directory: '' }}
            multiple
            disabled={reading || !size}
            onChange={(e) => {
              const files = e.currentTarget.files;
              if (files?.length && size) void importFolder(files, size.shape);
              e.currentTarget.value = '';
            }}
          />
        </label>
        <label className="file-button">
          Choose a zip…
          <input
            type="file"
            data-testid="own-zip"
            accept=".zip,application/zip"
            disabled={reading || !size}
            onChange={(e) => {
              const file = e.currentTarget.files?.[0];
              if (file && size) void importZip(file, size.shape);
              e.currentTarget.value = '';
            }}
          />
        </label>
        {report && (
          <button type="button" onClick={() => void forget()} disabled={reading}>
            Forget my images
          </button>
        )}
      </div>
      {reading && (
        <div className="load-status" data-testid="own-progress">
          <progress
            max={Math.max(1, state.total)}
            value={state.decoded}
            aria-label="Reading your images"
          />
          <span role="status">
            {state.total
              ? `Reading your images: ${state.decoded.toLocaleString('en-US')} of ${state.total.toLocaleString('en-US')}`
              : 'Listing your files…'}
          </span>
        </div>
      )}
      {state.phase === 'error' && (
        <div role="alert" className="load-error">
          <strong>Your images could not be imported.</strong> {state.message}
          {report && ' The images imported before are still here.'}
        </div>
      )}
      {report && (
        <>
          {!chosen && (
            <p className="small">Choose “Your own images” above to browse and train on them.</p>
          )}
          <Report report={report} />
        </>
      )}
      <KeepLine keep={keep} />
    </section>
  );
}
