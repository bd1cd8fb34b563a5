/**
 * The presenter window (`?view=presenter`): the current lesson step's notes, the next
 * step's title, a talk timer and the controls, for the instructor's own screen while the
 * audience window shows the picture. It holds no lab state of its own: it shows what the
 * audience window last broadcast (channel.ts) and sends it commands, so both windows
 * always show the same step.
 */
import { useEffect, useReducer, useRef, useState } from 'react';
import { lessonById, stepOf } from '../../lessons/runner';
import { Markdown } from '../../panels/shared/Markdown';
import {
  CHANNEL_NAME,
  INITIAL_PRESENTER_VIEW,
  parseMessage,
  presenterReduce,
  type ChannelMessage,
  type PresenterCommand,
} from './channel';
import {
  elapsedMs,
  formatElapsed,
  isTimerRunning,
  pauseTimer,
  resetTimer,
  startTimer,
  STOPPED_TIMER,
  type TalkTimer,
} from './timer';
import './presenter.css';

/** The channel to the audience window, with the view its messages make. */
function usePresenterLink() {
  const [view, dispatch] = useReducer(presenterReduce, INITIAL_PRESENTER_VIEW);
  const channel = useRef<BroadcastChannel | null>(null);
  useEffect(() => {
    if (typeof BroadcastChannel === 'undefined') return;
    const link = new BroadcastChannel(CHANNEL_NAME);
    channel.current = link;
    link.onmessage = (event: MessageEvent<unknown>) => {
      const message = parseMessage(event.data);
      if (message) dispatch(message);
    };
    const post = (m: ChannelMessage) => link.postMessage(m);
    post({ kind: 'hello' });
    const bye = () => post({ kind: 'bye', from: 'presenter' });
    window.addEventListener('pagehide', bye);
    return () => {
      window.removeEventListener('pagehide', bye);
      link.close();
      channel.current = null;
    };
  }, []);
  const send = (command: PresenterCommand) =>
    channel.current?.postMessage({ kind: 'command', command } satisfies ChannelMessage);
  return { view, send };
}

/** Elapsed time with start / pause / reset, redrawn twice a second while it runs. */
function TalkTimerView() {
  const [timer, setTimer] = useState<TalkTimer>(STOPPED_TIMER);
  const [now, setNow] = useState(() => Date.now());
  const running = isTimerRunning(timer);
  useEffect(() => {
    if (!running) return;
    const tick = window.setInterval(() => setNow(Date.now()), 500);
    return () => window.clearInterval(tick);
  }, [running]);
  return (
    <section className="pv-timer" aria-label="Talk timer">
      <span className="pv-elapsed" data-testid="pv-elapsed" role="timer">
        {formatElapsed(elapsedMs(timer, now))}
      </span>
      <button
        type="button"
        onClick={() => {
          const t = Date.now();
          setNow(t);
          setTimer(running ? pauseTimer(timer, t) : startTimer(timer, t));
        }}
      >
        {running ? 'Pause timer' : 'Start timer'}
      </button>
      <button type="button" onClick={() => setTimer(resetTimer(timer, Date.now()))}>
        Reset
      </button>
    </section>
  );
}

/** The whole presenter window. */
export function PresenterView() {
  const { view, send } = usePresenterLink();
  const audience = view.audience;
  useEffect(() => {
    document.title = 'CNN Lab: presenter view';
  }, []);
  const lesson = audience?.lesson ? lessonById(audience.lesson) : undefined;
  const step = lesson && audience ? stepOf(lesson, audience.step) : undefined;
  const next = lesson && audience ? stepOf(lesson, audience.step + 1) : undefined;
  return (
    <main className="presenter-view" data-testid="presenter-view">
      <header className="pv-header">
        <h1>Presenter view</h1>
        <p role="status" className={view.connected ? 'pv-linked' : 'pv-unlinked'}>
          {view.connected
            ? `Showing: ${audience?.panelTitle ?? ''}${audience?.blanked ? ' (screen blanked)' : ''}`
            : audience
              ? 'The lab’s window closed or reloaded; reopen the presenter view from it.'
              : 'Waiting for the lab’s window… (open this view from the lab’s “Presenter view” button)'}
        </p>
      </header>
      <div className="pv-controls" role="group" aria-label="Controls">
        <button type="button" onClick={() => send('previous')} data-testid="pv-back">
          ◀ Back
        </button>
        <button
          type="button"
          className="primary"
          onClick={() => send('next')}
          data-testid="pv-next"
        >
          Next ▶
        </button>
        <button type="button" onClick={() => send('play')}>
          Play / pause
        </button>
        <button
          type="button"
          aria-pressed={audience?.blanked ?? false}
          onClick={() => send('blank')}
          data-testid="pv-blank"
        >
          Blank screen
        </button>
      </div>
      <TalkTimerView />
      {lesson && step && audience ? (
        <section className="pv-notes" aria-labelledby="pv-step-title">
          <p className="pv-kicker" data-testid="pv-step">
            {lesson.title} · Step {audience.step} of {lesson.steps.length}
          </p>
          <h2 id="pv-step-title">{step.title}</h2>
          <Markdown source={step.prose} headingOffset={2} className="pv-prose" />
          <p className="pv-next" data-testid="pv-next-title">
            {next ? (
              <>
                Next: <strong>{next.title}</strong>
              </>
            ) : (
              'This is the lesson’s last step.'
            )}
          </p>
        </section>
      ) : (
        <p className="pv-notes muted">
          No lesson is open in the lab: Next and Back step the open panel’s own stepper.
        </p>
      )}
    </main>
  );
}
