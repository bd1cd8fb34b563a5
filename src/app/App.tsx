import { Suspense, useEffect } from 'react';
import { registerActions } from '../state/actions/registry';
import { panelInfoOf } from '../state/panels';
import { useLabStore } from '../state/store';
import { APP_ACTIONS } from './appActions';
import { CommandDialogs } from './CommandPalette';
import { ExerciseEditorDialog } from '../panels/lessons/ExerciseEditor';
import { ErrorBoundary } from './ErrorBoundary';
import { Header } from './Header';
import { useActionKeys } from './keys';
import { Notices } from './Notices';
import { PANEL_VIEWS } from './panelViews';
import { PASS_ACTIONS } from './passActions';

/** The shell: header, notices, the open panel behind its error boundary, and the command dialogs. */
export function App() {
  const panel = useLabStore((s) => s.panel);
  const largeType = useLabStore((s) => s.largeType);
  // The shell's own actions join the registry while it is mounted (and leave it on hot reload).
  useEffect(() => registerActions([...PASS_ACTIONS, ...APP_ACTIONS]), []);
  useActionKeys();
  useEffect(() => {
    document.documentElement.classList.toggle('large-type', largeType);
  }, [largeType]);
  const PanelView = PANEL_VIEWS[panel];
  return (
    <>
      <a className="skip-link" href="#main">
        Skip to the panel
      </a>
      <Header />
      <Notices />
      <main id="main" tabIndex={-1}>
        {/* Keyed by panel, so opening another panel clears a previous panel's failure. */}
        <ErrorBoundary key={panel} name={panelInfoOf(panel).what}>
          <Suspense
            fallback={
              <p role="status" className="panel-loading">
                Loading {panelInfoOf(panel).title}…
              </p>
            }
          >
            <PanelView />
          </Suspense>
        </ErrorBoundary>
      </main>
      <CommandDialogs />
      <ExerciseEditorDialog />
    </>
  );
}
