import { createToyData, type ToyData } from '../../core/toyData';
import {
  createToyTrainer,
  DEFAULT_TOY_TRAINING,
  evaluateToy,
  sampleToyPlane,
  trainToyEpochs,
  trainToyStep,
  type PlaneSamples,
  type ToyTrainer,
  type ToyTrainingOptions,
} from '../../core/toyTrainer';
import type { ToySettings } from '../../state/toyPlayground';
import type { Subscribe } from '../shared/useCanvasRenderer';

/** Points per dataset: enough to see the shape, few enough to train fast. */
const POINT_COUNT = 200;
/** Half-width of the square of the plane that is drawn. */
export const PLANE_EXTENT = 1.3;
/** Grid cells per side of the sampled plane; coarser while playing, to keep each frame short. */
const PLANE_RESOLUTION = 60;
const PLAYING_RESOLUTION = 40;
/** At most this long (ms) of training per animation frame, so drawing keeps up. */
const FRAME_BUDGET_MS = 4;
const MAX_STEPS_PER_FRAME = 10;

/** The clock and frame scheduler the runner trains by (the browser's, or a test's). */
export interface FrameClock {
  request(callback: () => void): number;
  cancel(handle: number): void;
  now(): number;
}

const browserClock: FrameClock = {
  request: (callback) => requestAnimationFrame(callback),
  cancel: (handle) => cancelAnimationFrame(handle),
  now: () => performance.now(),
};

/** Where the canvases read the plane from: the latest samples, and a call after each change. */
export interface PlaneSource {
  plane(): PlaneSamples;
  readonly subscribe: Subscribe;
}

/**
 * The neuron playground's training, outside React: the data, the trainer (mutated in place)
 * and the frame loop. Listeners hear of every change of the weights (each frame while
 * playing), of start and stop, and of a rebuilt network.
 */
export interface PlaygroundRunner extends PlaneSource {
  readonly data: ToyData;
  readonly trainer: ToyTrainer;
  readonly playing: boolean;
  /** Goes up with every change listeners hear of. */
  readonly version: number;
  /** Applies settings: new data or a new network where they changed, else the learning rate. */
  configure(settings: ToySettings): void;
  start(): void;
  stop(): void;
  stepEpoch(): void;
  /** A fresh network from the same settings (and seed), stopped. */
  reset(): void;
  /** Accuracy and mean loss of the current network over the data. */
  evaluation(): { readonly accuracy: number; readonly loss: number };
}

/** Everything that rebuilds the network when it changes (the learning rate does not). */
export const toyNetworkKey = (s: ToySettings) =>
  JSON.stringify([s.dataset, s.noise, s.hidden, s.activation, s.output, s.seed]);
const dataKey = (s: ToySettings) => JSON.stringify([s.dataset, s.noise, s.seed]);

const dataOf = (s: ToySettings) =>
  createToyData({ dataset: s.dataset, count: POINT_COUNT, noise: s.noise, seed: s.seed });
const trainerOf = (s: ToySettings) =>
  createToyTrainer({ hidden: s.hidden, activation: s.activation, output: s.output }, s.seed);

/** A stopped runner for these settings; `configure` follows later changes. */
export function createPlaygroundRunner(
  initial: ToySettings,
  clock: FrameClock = browserClock,
): PlaygroundRunner {
  let settings = initial;
  let data = dataOf(initial);
  let trainer = trainerOf(initial);
  let options: ToyTrainingOptions = { ...DEFAULT_TOY_TRAINING, learningRate: initial.learningRate };
  let frame: number | null = null;
  let version = 0;
  // The plane and the evaluation are computed at most once per version (and resolution).
  let plane: { version: number; resolution: number; samples: PlaneSamples } | null = null;
  let evaluation: { version: number; value: { accuracy: number; loss: number } } | null = null;
  const listeners = new Set<() => void>();
  const changed = () => {
    version++;
    for (const listener of [...listeners]) listener();
  };
  const run = () => {
    const start = clock.now();
    for (let s = 0; s < MAX_STEPS_PER_FRAME; s++) {
      trainToyStep(trainer, data, options);
      if (clock.now() - start > FRAME_BUDGET_MS) break;
    }
    frame = clock.request(run);
    changed();
  };
  const stop = () => {
    if (frame === null) return;
    clock.cancel(frame);
    frame = null;
    changed();
  };
  return {
    get data() {
      return data;
    },
    get trainer() {
      return trainer;
    },
    get playing() {
      return frame !== null;
    },
    get version() {
      return version;
    },
    configure(next) {
      if (next === settings) return;
      const rebuildData = dataKey(next) !== dataKey(settings);
      const rebuildNet = toyNetworkKey(next) !== toyNetworkKey(settings);
      settings = next;
      if (rebuildData) data = dataOf(next);
      if (rebuildNet) trainer = trainerOf(next);
      // A new learning rate applies to the running training from its next step.
      options = { ...DEFAULT_TOY_TRAINING, learningRate: next.learningRate };
      // Called while React renders: listeners hear of it once the render has drawn.
      if (rebuildData || rebuildNet) version++;
    },
    start() {
      if (frame !== null) return;
      frame = clock.request(run);
      changed();
    },
    stop,
    stepEpoch() {
      trainToyEpochs(trainer, data, options, 1);
      changed();
    },
    reset() {
      trainer = trainerOf(settings);
      if (frame !== null) stop();
      else changed();
    },
    plane() {
      const resolution = frame !== null ? PLAYING_RESOLUTION : PLANE_RESOLUTION;
      if (plane?.version !== version || plane.resolution !== resolution)
        plane = {
          version,
          resolution,
          samples: sampleToyPlane(trainer.net, resolution, PLANE_EXTENT),
        };
      return plane.samples;
    },
    evaluation() {
      if (evaluation?.version !== version)
        evaluation = { version, value: evaluateToy(trainer.net, data) };
      return evaluation.value;
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
