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
import { useLastGoodNetwork } from './lastGoodState';
import { Notices } from './Notices';
import { PANEL_VIEWS } from './panelViews';
import { PASS_ACTIONS } from './passActions';
import { useAudienceChannel } from './presenter/audienceChannel';
import { PRESENTER_ACTIONS } from './presenter/presenterActions';
import { PresenterOverlays } from './presenter/PresenterOverlays';
import { usePresenterUi } from './presenter/presenterUi';
import { useDisplay } from './presenter/useDisplay';
// The dock's layout is here from the first paint, before its lazily loaded code arrives.
import './lessonDock.css';

const LessonDock = lazy(() => import('./LessonDock').then((m) => ({ default: m.LessonDock })));
const PresenterView = lazy(() =>
  import('./presenter/PresenterView').then((m) => ({ default: m.PresenterView })),
);

/**
 * True when the lesson dock may have something to show: an open lesson beside any panel
 * but Lessons (which shows the step itself), or a linked exercise. The dock itself shows
 * nothing for a lesson this lab does not have, and the layout gives it a column only
 * while it shows something (lessonDock.css), so the catalogue loads with the dock.
 */
const wantsDock = (s: Pick<LabStore, 'lesson' | 'panel' | 'exercise'>): boolean =>
  (s.lesson !== '' && s.panel !== 'lessons') || s.exercise !== null;

/** `?view=presenter` is the presenter window (presenter/PresenterView), not the lab. */
const isPresenterRoute = (): boolean =>
  typeof location !== 'undefined' &&
  new URLSearchParams(location.search).get('view') === 'presenter';

/** The shell's two routes: the lab, or the presenter window that drives another lab window. */
export function App() {
  if (isPresenterRoute())
    return (
      <Suspense fallback={<p role="status">Loading the presenter view…</p>}>
        <PresenterView />
      </Suspense>
    );
  return <Lab />;
}

/**
 * The lab: header and notices, and the open panel, each behind an error boundary that recovers, the lesson dock
 * beside it while a lesson or a linked exercise is open, the command dialogs and the
 * presenter overlays. While a presenter window shows the step's notes, the audience
 * window in presenter mode leaves the dock out and shows only the picture.
 */
function Lab() {
  const panel = useLabStore((s) => s.panel);
  const presenting = useLabStore((s) => s.presenting);
  const remote = usePresenterUi((s) => s.remoteConnected);
  const docked = useLabStore(wantsDock) && !(presenting && remote);
  // The shell's own actions join the registry while it is mounted (and leave it on hot
  // reload). The presenter's come first: in presenter mode `B` blanks the screen rather
  // than jump to the backward pass, and the arrows step the lesson while one is open.
  useEffect(() => registerActions([...PRESENTER_ACTIONS, ...PASS_ACTIONS, ...APP_ACTIONS]), []);
  useActionKeys();
  useDisplay();
  useAudienceChannel();
  const PanelView = PANEL_VIEWS[panel];
  // Each boundary remembers the last network it rendered, so its "Try again" recovers.
  const shellGood = useLastGoodNetwork();
  const dockGood = useLastGoodNetwork();
  const panelGood = useLastGoodNetwork();
  return (
    <>
      <a className="skip-link" href="#main">
        Skip to the panel
      </a>
      <ErrorBoundary name="The lab's header and notices" onRecover={shellGood.recover}>
        {shellGood.mark()}
        <Header />
        <Notices />
      </ErrorBoundary>
      <div className="lab-body">
        {docked ? (
          <ErrorBoundary name="The lesson beside the lab" onRecover={dockGood.recover}>
            {dockGood.mark()}
            <Suspense fallback={null}>
              <LessonDock />
            </Suspense>
          </ErrorBoundary>
        ) : null}
        <main id="main" tabIndex={-1}>
          {/* Keyed by panel, so opening another panel clears a previous panel's failure. */}
          <ErrorBoundary key={panel} name={panelInfoOf(panel).what} onRecover={panelGood.recover}>
            {panelGood.mark()}
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
      <PresenterOverlays />
    </>
  );
}
