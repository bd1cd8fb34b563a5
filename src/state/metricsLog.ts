/**
 * Per-step training metrics, kept outside React: the curves subscribe and draw
 * straight to canvas, so a batch costs no re-render.
 */
export interface StepPoint {
  readonly step: number;
  readonly epoch: number;
  readonly loss: number;
  readonly accuracy: number;
}

export interface MetricsLog {
  readonly train: readonly StepPoint[];
  readonly validation: readonly StepPoint[];
  pushTrain(point: StepPoint): void;
  pushValidation(point: StepPoint): void;
  /** Replaces both series, e.g. from a saved run. */
  load(train: readonly StepPoint[], validation: readonly StepPoint[]): void;
  clear(): void;
  /** Called after every change; returns the unsubscribe function. */
  subscribe(listener: () => void): () => void;
}

/** Most training points kept; older ones are thinned to every other point, so memory stays flat. */
const MAX_POINTS = 20_000;

/** A fresh, empty metrics log. */
export function createMetricsLog(): MetricsLog {
  let train: StepPoint[] = [];
  let validation: StepPoint[] = [];
  const listeners = new Set<() => void>();
  const notify = () => listeners.forEach((l) => l());
  return {
    get train() {
      return train;
    },
    get validation() {
      return validation;
    },
    pushTrain(point) {
      train.push(point);
      if (train.length > MAX_POINTS)
        train = train.filter((_, i) => i % 2 === 0 || i === train.length - 1);
      notify();
    },
    pushValidation(point) {
      validation.push(point);
      notify();
    },
    load(t, v) {
      train = [...t];
      validation = [...v];
      notify();
    },
    clear() {
      train = [];
      validation = [];
      notify();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
