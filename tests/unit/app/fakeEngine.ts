import type { WeightValues } from '../../../src/core/inspection';
import { networkWeightSpecs, weightSizeOf } from '../../../src/core/weights';
import type { InspectionData } from '../../../src/core/inspection';
import type { ConnectEngine } from '../../../src/app/engine/bridge';
import type { RunStorage } from '../../../src/app/engine/checkpoints';
import type { EngineApi, EngineEvent, RunSetup, SampleRequest } from '../../../src/worker/api';

/** A promise the test settles by hand, to choose the order replies arrive in. */
export interface Deferred<T> {
  readonly promise: Promise<T>;
  resolve(value: T): void;
  reject(error: unknown): void;
}

/** A promise and its settle functions. */
export function deferred<T>(): Deferred<T> {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

/** An inspection reply told apart by its step; the client passes it through untouched. */
export function inspectionAt(step: number): InspectionData {
  // Only the identity and the probabilities matter to the client; the rest is never read.
  return {
    probabilities: Float32Array.of(0.25, 0.75),
    step,
  } as unknown as InspectionData;
}

/** A fake engine: records its calls; inspections wait for the test unless `autoInspect` is set. */
export interface FakeEngine extends EngineApi {
  readonly setups: RunSetup[];
  readonly starts: { preferred: string; dataBaseUrl: string }[];
  readonly inspections: { sample: SampleRequest; reply: Deferred<InspectionData> }[];
  readonly pauses: number[];
  /** The targets of `trainTo`, in order. */
  readonly trainTos: number[];
  listener: ((event: EngineEvent) => void) | null;
  terminated: boolean;
  autoInspect: boolean;
}

/** A fake engine whose setups rebuild when the seed or the network's text changes (as the real one says). */
export function createFakeEngine(): FakeEngine {
  const engine: FakeEngine = {
    setups: [],
    starts: [],
    inspections: [],
    pauses: [],
    trainTos: [],
    listener: null,
    terminated: false,
    autoInspect: false,
    async start(options) {
      engine.starts.push(options);
      return { backend: 'cpu', note: 'the fake engine', gpuAdapter: null };
    },
    provideDataset: async () => undefined,
    listen(onEvent) {
      engine.listener = onEvent;
    },
    async setup(next) {
      const last = engine.setups.at(-1);
      engine.setups.push(next);
      const rebuilt =
        !last ||
        last.seed !== next.seed ||
        JSON.stringify(last.network) !== JSON.stringify(next.network);
      return { rebuilt, trainCount: 10, validationCount: 2 };
    },
    play: async () => undefined,
    pause() {
      engine.pauses.push(engine.setups.length);
    },
    step: async () => undefined,
    epoch: async () => undefined,
    async trainTo(target) {
      // As the real engine: a step event per step, then the stop.
      engine.trainTos.push(target);
      for (let step = 1; step <= target; step++)
        engine.listener?.({
          kind: 'step',
          step,
          epoch: 0,
          loss: 1 / step,
          accuracy: 0.5,
          samplesPerSecond: 100,
          gradNorms: new Float32Array(0),
        });
      engine.listener?.({
        kind: 'stopped',
        reason: 'paused',
        message: `Paused at step ${target}.`,
      });
    },
    reset: async () => undefined,
    predict: async () => Float32Array.of(1),
    inspect(sample) {
      const reply = deferred<InspectionData>();
      engine.inspections.push({ sample, reply });
      if (engine.autoInspect) reply.resolve(inspectionAt(engine.inspections.length));
      return reply.promise;
    },
    evaluateTest: async () => ({
      loss: 0,
      accuracy: 1,
      predictions: new Uint8Array(0),
      confusion: [],
      step: 0,
    }),
    topActivations: async () => [],
    gradientCheck: async () => {
      throw new Error('not used');
    },
    unitInputGradient: async () => new Float32Array(0),
    snapshot: async () => ({
      weights: [],
      state: { step: 0, epoch: 0, offset: 0 },
      optimizer: { name: 'sgd', iterations: 0, slots: [] },
    }),
    restore: async () => undefined,
    // The adversarial experiment's methods (tested in tests/unit/worker/adversarial.test.ts).
    adversarialAttack: async () => Promise.reject(new Error('not faked')),
    startAdversarialSweep: async () => undefined,
    adversarialSweepStatus: async () => ({ state: 'idle' }),
    cancelAdversarialSweep: async () => undefined,
    // The loss surface's methods (tested in tests/unit/worker/surface.test.ts).
    startLossSurface: async () => undefined,
    lossSurfaceStatus: async () => ({ state: 'idle' }),
    cancelLossSurface: async () => undefined,
    // The initialisation experiment's (tested in tests/unit/worker/initialisation.test.ts).
    startInitialisationRun: async () => undefined,
    startBatchNormComparison: async () => undefined,
    initialisationStatus: async () => ({ state: 'idle' }),
    cancelInitialisationRun: async () => undefined,
    // The shift experiment's methods (tested in tests/unit/worker/shift.test.ts).
    startShiftExperiment: async () => undefined,
    shiftExperimentStatus: async () => ({ state: 'idle' }),
    cancelShiftExperiment: async () => undefined,
  };
  return engine;
}

/** A connect function that makes a fresh fake engine each time and keeps each one's crash hook. */
export function fakeWorkers(): {
  connect: ConnectEngine;
  readonly engines: FakeEngine[];
  readonly crash: ((reason: string) => void)[];
} {
  const engines: FakeEngine[] = [];
  const crash: ((reason: string) => void)[] = [];
  return {
    engines,
    crash,
    connect: (onCrash) => {
      const engine = createFakeEngine();
      engine.autoInspect = true;
      engines.push(engine);
      crash.push(onCrash);
      return {
        api: engine,
        terminate: () => {
          engine.terminated = true;
        },
      };
    },
  };
}

/** Storage that keeps nothing (the client must not need IndexedDB in tests). */
export const noStorage: RunStorage = {
  save: async () => undefined,
  load: async () => null,
  forget: async () => undefined,
};

/** Zero weights of exactly the shapes `network` holds, as a snapshot gives them. */
export function weightsFor(network: unknown): WeightValues[] {
  return (networkWeightSpecs(network) ?? []).flatMap((layer) =>
    layer.weights.map((spec) => ({
      layerIndex: layer.layerIndex,
      name: layer.name,
      role: spec.role,
      shape: [...spec.shape],
      data: new Float32Array(weightSizeOf(spec)),
    })),
  );
}
