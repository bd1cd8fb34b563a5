/**
 * The presenter window's talk timer, as values: elapsed time is the time banked by earlier
 * runs plus, while running, the time since it was last started. Pure, so the display and
 * its tests read the same arithmetic with any clock.
 */
export interface TalkTimer {
  /** Milliseconds counted before the current run. */
  readonly bankedMs: number;
  /** When the current run started (ms on the caller's clock), or null while paused. */
  readonly startedAt: number | null;
}

export const STOPPED_TIMER: TalkTimer = { bankedMs: 0, startedAt: null };

export const isTimerRunning = (t: TalkTimer): boolean => t.startedAt !== null;

/** Elapsed ms at `now`. */
export const elapsedMs = (t: TalkTimer, now: number): number =>
  t.bankedMs + (t.startedAt === null ? 0 : Math.max(0, now - t.startedAt));

export const startTimer = (t: TalkTimer, now: number): TalkTimer =>
  t.startedAt === null ? { bankedMs: t.bankedMs, startedAt: now } : t;

export const pauseTimer = (t: TalkTimer, now: number): TalkTimer =>
  t.startedAt === null ? t : { bankedMs: elapsedMs(t, now), startedAt: null };

/** Back to zero, still running if it was. */
export const resetTimer = (t: TalkTimer, now: number): TalkTimer =>
  t.startedAt === null ? STOPPED_TIMER : { bankedMs: 0, startedAt: now };

/** "m:ss", or "h:mm:ss" past an hour. */
export function formatElapsed(ms: number): string {
  const total = Math.floor(Math.max(0, ms) / 1000);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = String(total % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${s}` : `${m}:${s}`;
}
