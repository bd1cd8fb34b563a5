/**
 * The engine's worker, created as soon as the page's script starts, before React renders
 * and before the store reads the link: its script (TensorFlow.js's core, about 400 kB)
 * then downloads and compiles on its own thread while the page's own script runs, the
 * panels load and the dataset downloads, instead of after them. `main.tsx` imports this
 * module first for that reason.
 *
 * The worker is made whatever panel the link opens: most panels need it, and one that
 * waits idle costs only its memory. It does nothing until the client starts it (the
 * backend choice needs the link's `backend=`); the first connection adopts it.
 */

/** A new engine worker (a module worker, so the bundler emits and hashes its script). */
export function createEngineWorker(): Worker {
  return new Worker(new URL('../../worker/engineWorker.ts', import.meta.url), {
    type: 'module',
    name: 'cnn-lab-engine',
  });
}

interface Early {
  readonly worker: Worker;
  /** The first error the worker raised before a connection listened to it, if any. */
  error: string | null;
}

let early: Early | null = null;

/** Creates the early worker, once, where the environment has workers (not in Node tests). */
export function startEarlyWorker(): void {
  if (early || typeof Worker === 'undefined') return;
  const entry: Early = { worker: createEngineWorker(), error: null };
  entry.worker.addEventListener('error', (event) => {
    entry.error ??= event.message || 'the worker failed';
  });
  early = entry;
}

/** The early worker for the first connection (null after that, or where none was made). */
export function takeEarlyWorker(): { worker: Worker; error: string | null } | null {
  const taken = early;
  early = null;
  return taken;
}

startEarlyWorker();
