import { lazy, Suspense, useEffect } from 'react';
import { registerActions } from '../state/actions/registry';
import { panelInfoOf } from '../state/panels';
import { useLabStore, type LabStore } from '../state/store';
import { APP_ACTIONS } from './appActions';
import { CommandDialogs } from './CommandPalette';
import { ExerciseEditorDialog } from '../panels/lessons/ExerciseEditor';
import { ErrorBoundary } from './ErrorBoundary';
import { Header } from './Header';
import { useActionKeys } from './keys';
import { Notices } from './Notices';
import { PANEL_VIEWS } from './panelViews';
import { PASS_ACTIONS } from './passActions';
// The dock's layout is here from the first paint, before its lazily loaded code arrives.
import './lessonDock.css';

const LessonDock = lazy(() => import('./LessonDock').then((m) => ({ default: m.LessonDock })));

/**
 * True when the lesson dock may have something to show: an open lesson beside any panel
 * but Lessons (which shows the step itself), or a linked exercise. The dock itself shows
 * nothing for a lesson this lab does not have, and the layout gives it a column only
 * while it shows something (lessonDock.css), so the catalogue loads with the dock.
 */
const wantsDock = (s: Pick<LabStore, 'lesson' | 'panel' | 'exercise'>): boolean =>
  (s.lesson !== '' && s.panel !== 'lessons') || s.exercise !== null;

/**
 * The shell: header, notices, the open panel behind its error boundary, the lesson dock
 * beside it while a lesson or a linked exercise is open, and the command dialogs.
 */
export function App() {
  const panel = useLabStore((s) => s.panel);
  const docked = useLabStore(wantsDock);
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
      <div className="lab-body">
        {docked ? (
          <ErrorBoundary name="The lesson beside the lab">
            <Suspense fallback={null}>
              <LessonDock />
            </Suspense>
          </ErrorBoundary>
        ) : null}
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
      </div>
      <CommandDialogs />
      <ExerciseEditorDialog />
    </>
  );
}
