import { del, get, set } from 'idb-keyval';
import { create } from 'zustand';
import {
  parseProgress,
  progressReducer,
  type Progress,
  type ProgressEvent,
} from '../../lessons/progress';

/** The one IndexedDB key the learner's progress lives under (this browser only). */
export const PROGRESS_KEY = 'cnn-lab.lesson-progress.v1';

interface ProgressStore {
  progress: Progress;
  /** True once the stored progress was read (or could not be). */
  loaded: boolean;
  dispatch(event: ProgressEvent): void;
}

/** What the learner solved, loaded from IndexedDB at start and saved on each change; never sent anywhere. */
export const useProgress = create<ProgressStore>()((setState, getState) => ({
  progress: {},
  loaded: false,
  dispatch: (event) => {
    const before = getState().progress;
    const after = progressReducer(before, event);
    if (after === before) return;
    setState({ progress: after });
    // Storage can be off (private windows, a full disk): the session still keeps the progress.
    const saved = event.type === 'reset' ? del(PROGRESS_KEY) : set(PROGRESS_KEY, after);
    saved.catch(() => undefined);
  },
}));

let loading: Promise<void> | null = null;

/** Reads the stored progress once, merging anything solved before it arrived. */
export function loadProgress(): Promise<void> {
  loading ??= get(PROGRESS_KEY)
    .then(parseProgress, () => ({}))
    .then((stored: Progress) => {
      const now = useProgress.getState().progress;
      let merged = stored;
      for (const [lesson, steps] of Object.entries(now))
        for (const step of steps)
          merged = progressReducer(merged, { type: 'solved', lesson, step });
      useProgress.setState({ progress: merged, loaded: true });
    });
  return loading;
}
