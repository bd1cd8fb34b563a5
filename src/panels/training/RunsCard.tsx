import { useState } from 'react';
import { MAX_RUN_NAME_LENGTH, type KeptRun } from '../../state/runCompare';
import { useLabStore } from '../../state/store';
import { ActionButton } from '../shared/ActionButton';
import { RunDifferences } from './RunDifferences';
import { RunOverlay } from './RunOverlay';

const pct = (v: number) => `${(v * 100).toFixed(1)}%`;

/** Step and latest validation accuracy: what tells two runs apart at a glance. */
function factsOf(run: KeptRun): string {
  const val = run.run.history.validation.at(-1);
  const step = `step ${run.run.step.toLocaleString('en-US')}`;
  return val ? `${step} · validation ${pct(val.accuracy)}` : step;
}

/** One kept run: compare it, rename it inline, open, export or delete it. */
function KeptRunRow({ run }: { readonly run: KeptRun }) {
  const ports = useLabStore((s) => s.runsPorts);
  const compared = useLabStore((s) => s.comparedRunIds.includes(run.id));
  const compareRun = useLabStore((s) => s.compareRun);
  const current = useLabStore((s) => s.currentKeptAs?.id === run.id);
  const [editing, setEditing] = useState<string | null>(null);
  const save = () => {
    if (editing !== null) ports?.rename(run.id, editing);
    setEditing(null);
  };
  return (
    <li className="kept-run" data-testid="kept-run" data-run={run.id}>
      {editing === null ? (
        <label className="kept-run-name">
          <input
            type="checkbox"
            checked={compared}
            onChange={(e) => compareRun(run.id, e.target.checked)}
          />
          <span>
            <strong data-testid="kept-run-name">{run.name}</strong>{' '}
            <span className="muted small">
              {factsOf(run)}
              {current && ' · the current run'}
            </span>
          </span>
        </label>
      ) : (
        <form
          className="kept-run-rename"
          onSubmit={(e) => {
            e.preventDefault();
            save();
          }}
        >
          <label>
            New name of {run.name}
            <input
              type="text"
              value={editing}
              maxLength={MAX_RUN_NAME_LENGTH}
              // The field appears where the name was, on the person's own click.
              autoFocus
              onChange={(e) => setEditing(e.target.value)}
              onKeyDown={(e) => {
                if (e.key === 'Escape') setEditing(null);
              }}
            />
          </label>
          <button type="submit">Save name</button>
          <button type="button" onClick={() => setEditing(null)}>
            Cancel
          </button>
        </form>
      )}
      {editing === null && (
        <div className="button-row kept-run-actions">
          <button
            type="button"
            aria-label={`Rename ${run.name}`}
            onClick={() => setEditing(run.name)}
          >
            Rename
          </button>
          <button type="button" aria-label={`Open ${run.name}`} onClick={() => ports?.open(run.id)}>
            Open
          </button>
          <button
            type="button"
            aria-label={`Export ${run.name} as a checkpoint file`}
            onClick={() => ports?.exportRun(run.id)}
          >
            Export
          </button>
          <button
            type="button"
            aria-label={`Delete ${run.name}`}
            onClick={() => ports?.remove(run.id)}
          >
            Delete
          </button>
        </div>
      )}
    </li>
  );
}

/** "Start from the same initial weights as …": an A/B that differs only in what was changed. */
function SameStart({ runs }: { readonly runs: readonly KeptRun[] }) {
  const ports = useLabStore((s) => s.runsPorts);
  const [chosen, setChosen] = useState('');
  const id = runs.some((r) => r.id === chosen) ? chosen : (runs[0]?.id ?? '');
  return (
    <div className="button-row same-start">
      <label className="stacked">
        Start from the same initial weights as
        <select value={id} onChange={(e) => setChosen(e.target.value)}>
          {runs.map((r) => (
            <option key={r.id} value={r.id}>
              {r.name} ({factsOf(r)})
            </option>
          ))}
        </select>
      </label>
      <button
        type="button"
        data-testid="same-start"
        onClick={() => ports?.startFromSameWeights(id)}
      >
        Start
      </button>
    </div>
  );
}

/** The library of kept runs: keep, compare (curves overlaid, settings that differ), reuse. */
export function RunsCard() {
  const runs = useLabStore((s) => s.keptRuns);
  const read = useLabStore((s) => s.keptRunsRead);
  const comparedIds = useLabStore((s) => s.comparedRunIds);
  const compared = comparedIds.flatMap((id) => runs.filter((r) => r.id === id));
  return (
    <section className="card runs-card" aria-labelledby="runs-heading" data-testid="runs-card">
      <h2 id="runs-heading">Runs</h2>
      <p className="muted small">
        Keep runs to compare them: each keeps its settings, its curves and its final weights in this
        browser. Reset keeps the run before it starts afresh.
      </p>
      <div className="button-row">
        <ActionButton action="training.keep-run" testId="keep-run">
          Keep this run
        </ActionButton>
      </div>
      {!read ? (
        <p className="muted small">Reading the runs kept in this browser…</p>
      ) : runs.length === 0 ? (
        <p className="small">No runs kept yet. Train a few steps, then keep the run.</p>
      ) : (
        <>
          <ul className="kept-runs" aria-label="Kept runs (tick to compare)">
            {runs.map((r) => (
              <KeptRunRow key={r.id} run={r} />
            ))}
          </ul>
          <SameStart runs={runs} />
        </>
      )}
      {compared.length > 0 && <RunOverlay runs={compared} />}
      {compared.length > 1 && <RunDifferences runs={compared} />}
      {runs.length > 0 && compared.length === 0 && (
        <p className="muted small">Tick runs to draw their curves together.</p>
      )}
    </section>
  );
}
