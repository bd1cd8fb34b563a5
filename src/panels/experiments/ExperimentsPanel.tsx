import { Suspense, useRef, type KeyboardEvent } from 'react';
import { EXPERIMENT_INFOS, experimentInfoOf } from '../../state/experiments';
import { useLabStore } from '../../state/store';
import { EXPERIMENT_VIEWS } from './views';
import './experiments.css';

/**
 * The experiments: one tab per row of the experiment registry, each a real run in the tab
 * (not an animation) that a student can change and an instructor can show.
 */
export function ExperimentsPanel() {
  const experiment = useLabStore((s) => s.experiment);
  const openExperiment = useLabStore((s) => s.openExperiment);
  const tabs = useRef<HTMLDivElement>(null);
  const info = experimentInfoOf(experiment);
  const View = EXPERIMENT_VIEWS[experiment];
  // The tab list's arrow keys (WAI-ARIA tabs pattern): the next or previous tab, wrapping.
  const onKey = (e: KeyboardEvent<HTMLDivElement>) => {
    const delta = e.key === 'ArrowRight' ? 1 : e.key === 'ArrowLeft' ? -1 : 0;
    if (delta === 0) return;
    e.preventDefault();
    const at = EXPERIMENT_INFOS.findIndex((x) => x.id === experiment);
    const next = EXPERIMENT_INFOS[(at + delta + EXPERIMENT_INFOS.length) % EXPERIMENT_INFOS.length];
    if (!next) return;
    openExperiment(next.id);
    tabs.current?.querySelector<HTMLButtonElement>(`#exp-tab-${next.id}`)?.focus();
  };
  return (
    <section className="panel experiments-panel" aria-labelledby="experiments-title">
      <h1 id="experiments-title">Experiments</h1>
      <div
        className="experiment-tabs"
        role="tablist"
        aria-label="Experiments"
        ref={tabs}
        onKeyDown={onKey}
      >
        {EXPERIMENT_INFOS.map((e) => (
          <button
            key={e.id}
            id={`exp-tab-${e.id}`}
            type="button"
            role="tab"
            aria-selected={e.id === experiment}
            aria-controls="experiment-view"
            tabIndex={e.id === experiment ? 0 : -1}
            onClick={() => openExperiment(e.id)}
          >
            {e.title}
          </button>
        ))}
      </div>
      <div
        id="experiment-view"
        role="tabpanel"
        aria-labelledby={`exp-tab-${experiment}`}
        className="experiment-view"
      >
        <p className="experiment-summary">{info.summary}</p>
        <Suspense fallback={<p role="status">Loading the experiment…</p>}>
          <View />
        </Suspense>
      </div>
    </section>
  );
}
