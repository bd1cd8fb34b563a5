import type { StepPoint } from '../core/metrics';

/*
 * Per-step training metrics, kept outside React: the curves subscribe and draw
 * straight to canvas, so a batch costs no re-render.
 */

// The shell's event mapping names the point through the store it fills.
export type { StepPoint };

/** ‖∂L/∂W‖ of each layer's kernel at one step, by layer index (0 for layers without one). */
export interface GradientNorms {
  readonly step: number;
  readonly norms: Float32Array;
}

export interface MetricsLog {
  readonly train: readonly StepPoint[];
  readonly validation: readonly StepPoint[];
  readonly gradients: readonly GradientNorms[];
  pushGradients(point: GradientNorms): void;
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

/** Appends a point; past MAX_POINTS keeps every other one and the newest, so memory stays flat. */
function appendThinned<T>(list: T[], point: T): T[] {
  list.push(point);
  return list.length > MAX_POINTS
    ? list.filter((_, i) => i % 2 === 0 || i === list.length - 1)
    : list;
}

/** A fresh, empty metrics log. */
export function createMetricsLog(): MetricsLog {
  let train: StepPoint[] = [];
  let validation: StepPoint[] = [];
  let gradients: GradientNorms[] = [];
  const listeners = new Set<() => void>();
  const notify = () => listeners.forEach((l) => l());
  return {
    get train() {
      return train;
    },
    get validation() {
      return validation;
    },
    get gradients() {
      return gradients;
    },
    pushGradients(point) {
      gradients = appendThinned(gradients, point);
    },
    pushTrain(point) {
      train = appendThinned(train, point);
      notify();
    },
    pushValidation(point) {
      validation.push(point);
      notify();
    },
    load(t, v) {
      train = [...t];
      validation = [...v];
      gradients = [];
      notify();
    },
    clear() {
      train = [];
      validation = [];
      gradients = [];
      notify();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
