import type { ExperimentPorts } from './experimentPorts';
import type { StateCreator } from 'zustand';
import type {
  ChannelResponse,
  GradientCheckResult,
  InspectionData,
  WeightRef,
} from '../core/inspection';
import type { GpuAdapterSummary } from '../core/gpuAdapter';
import type { TestEvaluation } from '../data/runSets';
import { createMetricsLog, type MetricsLog } from './metricsLog';
import { defaultsOf } from './settings';
import type { TrainingSettings } from './trainingSettings';

export type RunPhase = 'idle' | 'starting' | 'ready' | 'running' | 'paused' | 'done' | 'error';

/** What the engine says about the run; updated a few times a second at most. */
export interface RunStatus {
  readonly phase: RunPhase;
  /** The backend in use, e.g. "wasm", and why others were not used. */
  readonly backend: string | null;
  readonly backendNote: string | null;
  /** The WebGPU adapter the browser offered, used or skipped as software; null when none. */
  readonly gpuAdapter: GpuAdapterSummary | null;
  readonly step: number;
  readonly epoch: number;
  readonly samplesPerSecond: number;
  readonly message: string | null;
  readonly test: TestEvaluation | null;
  /** Softmax output for the selected input. */
  readonly probabilities: readonly number[] | null;
  /** True when the weights came from the lab's pretrained files or a checkpoint. */
  readonly pretrained: boolean;
  /** While a link's run is replayed from the seed (`train=N`): the step it goes to. */
  readonly replay?: { readonly target: number } | null;
  /** The step of the run last kept in this browser (IndexedDB); null before the first save. */
  readonly savedStep?: number | null;
}

/** What the training panel can ask of the engine; the shell provides it (panels never import the engine). */
export interface TrainingControls {
  play(): void;
  pause(): void;
  step(): void;
  epoch(): void;
  reset(): void;
  evaluateTest(): void;
  loadPretrained(): void;
  downloadCheckpoint(): void;
  loadCheckpoint(file: File): void;
}

// Panels read these engine answers through the store's types (they never import the engine).
export type { ChannelResponse, GradientCheckResult };

/** Questions the explainers can ask the engine about the current network (the shell provides them). */
export interface EngineProbes {
  topActivations(layerIndex: number, channel: number, count: number): Promise<ChannelResponse[]>;
  /** Finite differences against backprop for one weight and the selected input; null without an input. */
  gradientCheck(weight: WeightRef, epsilon: number): Promise<GradientCheckResult | null>;
  /** ∂(unit)/∂(input) for the selected input, shape of the input; null when there is no input. */
  unitInputGradient(
    layerIndex: number,
    unit: { row: number; col: number; channel: number },
  ): Promise<Float32Array | null>;
}

export interface TrainingSlice extends TrainingSettings {
  run: RunStatus;
  metrics: MetricsLog;
  controls: TrainingControls | null;
  /** The engine's view of the selected input: activations, gradients, weights; null until it reports. */
  inspection: InspectionData | null;
  probes: EngineProbes | null;
  setProbes(probes: EngineProbes): void;
  /** The experiments' questions to the engine (the shell provides them once the engine runs). */
  experimentPorts: ExperimentPorts | null;
  setExperimentPorts(ports: ExperimentPorts): void;
  setInspection(inspection: InspectionData | null): void;
  setTraining(changes: Partial<TrainingSettings>): void;
  setRun(changes: Partial<RunStatus>): void;
  setControls(controls: TrainingControls): void;
}

export const IDLE_RUN: RunStatus = {
  phase: 'idle',
  backend: null,
  backendNote: null,
  gpuAdapter: null,
  step: 0,
  epoch: 0,
  samplesPerSecond: 0,
  message: null,
  test: null,
  probabilities: null,
  pretrained: false,
};

export const createTrainingSlice: StateCreator<TrainingSlice, [], [], TrainingSlice> = (set) => {
  return {
    ...defaultsOf([
      'optimizer',
      'learningRate',
      'batchSize',
      'epochs',
      'l1',
      'l2',
      'init',
      'validationSplit',
      'trainLimit',
      'patience',
      'backend',
      'speed',
      'trainSteps',
    ]),
    run: IDLE_RUN,
    metrics: createMetricsLog(),
    controls: null,
    inspection: null,
    probes: null,
    setProbes: (probes) => set({ probes }),
    experimentPorts: null,
    setExperimentPorts: (experimentPorts) => set({ experimentPorts }),
    setInspection: (inspection) => set({ inspection }),
    setTraining: (changes) => set(changes),
    setRun: (changes) => set((s) => ({ run: { ...s.run, ...changes } })),
    setControls: (controls) => set({ controls }),
  };
};
