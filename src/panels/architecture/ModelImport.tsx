import { useState } from 'react';
import { analyzeNetwork } from '../../core/analyze';
import type { NetworkDocument } from '../../core/network';
import { formatCount } from '../../core/report';
import {
  datasetForNetwork,
  importTfjsModel,
  type ImportedModel,
  type ModelFile,
} from '../../data/modelImport';
import { useLabStore, type LabStore } from '../../state/store';

/**
 * "Your own model": a TensorFlow.js Layers model (model.json and its .bin files, as the
 * Keras converter writes them) becomes the current network, and its weights load through
 * the training panel's own "Open a checkpoint", so a model that does not fit loads nothing.
 * A refused model leaves the network as it was.
 */

type Status =
  | { readonly state: 'idle' }
  | { readonly state: 'reading' }
  | { readonly state: 'refused'; readonly problems: readonly string[] }
  | {
      readonly state: 'imported';
      readonly model: ImportedModel;
      readonly params: number;
      readonly datasetTitle: string;
      readonly waiting: boolean;
    };

let stopWaiting: (() => void) | null = null;

/**
 * Hands the checkpoint to the training controls, now or once the engine has started (the
 * architecture panel does not start it); dropped if the person changes the network first.
 */
function loadWhenEngineReady(
  store: typeof useLabStore,
  file: File,
  network: NetworkDocument,
): boolean {
  stopWaiting?.();
  stopWaiting = null;
  const controls = store.getState().controls;
  if (controls) {
    controls.loadCheckpoint(file);
    return false;
  }
  const text = JSON.stringify(network);
  let seen: NetworkDocument | null = null;
  const stop = store.subscribe((s: LabStore) => {
    if (s.network !== seen) {
      seen = s.network;
      if (JSON.stringify(s.network) !== text) return void stopAll();
    }
    if (s.controls) {
      stopAll();
      s.controls.loadCheckpoint(file);
    }
  });
  const stopAll = () => {
    stop();
    if (stopWaiting === stopAll) stopWaiting = null;
  };
  stopWaiting = stopAll;
  return true;
}

const asModelFile = (f: File): ModelFile => ({
  name: f.name,
  size: f.size,
  read: () => f.arrayBuffer(),
});

/** The picker, and what it read or why it refused. */
export function ModelImport() {
  const [status, setStatus] = useState<Status>({ state: 'idle' });
  const replaceNetwork = useLabStore((s) => s.replaceNetwork);
  const openPanel = useLabStore((s) => s.openPanel);
  // What the engine said on loading the weights (or why it could not build the network).
  const runMessage = useLabStore((s) => s.run.message);

  async function importFiles(files: readonly File[]) {
    setStatus({ state: 'reading' });
    const { manifestStatus, dataset } = useLabStore.getState();
    const result = await importTfjsModel(files.map(asModelFile), {
      datasetFor: (network) =>
        manifestStatus.state === 'ready'
          ? datasetForNetwork(network, manifestStatus.manifest.datasets, dataset)
          : {
              problem: 'The list of the lab’s datasets has not loaded yet; try again in a moment.',
            },
    });
    if (!result.ok) return setStatus({ state: 'refused', problems: result.error.problems });
    const { model } = result;
    replaceNetwork(model.network);
    const name = typeof model.network.name === 'string' ? model.network.name : 'model';
    const checkpoint = new File(
      [JSON.stringify(model.checkpoint)],
      `${name}, imported from ${model.files[0] ?? 'model.json'}`,
      { type: 'application/json' },
    );
    const waiting = loadWhenEngineReady(useLabStore, checkpoint, model.network);
    const entry =
      manifestStatus.state === 'ready'
        ? manifestStatus.manifest.datasets.find((d) => d.id === model.checkpoint.dataset)
        : undefined;
    setStatus({
      state: 'imported',
      model,
      params: analyzeNetwork(model.network).totalParams,
      datasetTitle: entry?.title ?? model.checkpoint.dataset,
      waiting,
    });
  }

  return (
    <section className="card model-import" aria-labelledby="model-import-heading">
      <h2 id="model-import-heading">Your own model</h2>
      <p className="muted small">
        A TensorFlow.js Layers model — the <code>model.json</code> and <code>.bin</code> files that{' '}
        <code>tensorflowjs_converter</code> or <code>model.save</code> write — becomes the network,
        with its weights. Choose all its files together; nothing leaves this page.
      </p>
      <label className="file-button">
        Import a TensorFlow.js model…
        <input
          type="file"
          multiple
          accept=".json,.bin,application/json,application/octet-stream"
          data-testid="model-import-files"
          onChange={(e) => {
            const files = Array.from(e.target.files ?? []);
            e.target.value = '';
            if (files.length) void importFiles(files);
          }}
        />
      </label>
      <div aria-live="polite" data-testid="model-import-status">
        {status.state === 'reading' && <p>Reading the model…</p>}
        {status.state === 'refused' && (
          <div role="alert" className="error-text">
            <p>{status.problems[0]} The network was not changed.</p>
            {status.problems.length > 1 && (
              <details>
                <summary>{status.problems.length - 1} more</summary>
                <ul>
                  {status.problems.slice(1, 20).map((p, i) => (
                    <li key={i}>{p}</li>
                  ))}
                </ul>
              </details>
            )}
          </div>
        )}
        {status.state === 'imported' && (
          <div>
            <p>
              Imported <strong>{String(status.model.network.name)}</strong>:{' '}
              {status.model.network.layers.length} layers, {formatCount(status.params)} parameters,
              from {status.model.files.join(' + ')}, to run on {status.datasetTitle} with pixels
              scaled to 0..1.{' '}
              {status.waiting
                ? 'Its weights load when the training engine starts: open Training or Forward & backward.'
                : 'Its weights are loading into the training engine.'}
            </p>
            {status.model.notes.length > 0 && (
              <ul className="small">
                {status.model.notes.map((n, i) => (
                  <li key={i}>{n}</li>
                ))}
              </ul>
            )}
            {runMessage && <p className="small muted">The training engine: {runMessage}</p>}
            <button type="button" onClick={() => openPanel('training')}>
              See its predictions
            </button>
          </div>
        )}
      </div>
    </section>
  );
}
