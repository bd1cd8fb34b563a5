import { create, type StateCreator } from 'zustand';
import { analyzeNetwork, type NetworkReport } from '../core/analyze';
import { catalogueEntryOf } from '../core/catalogue';
import type { NetworkDocument } from '../core/network';
import type { Theme, TypeScale } from './display';
import type { ExperimentId } from './experiments';
import { createDataSlice, type DataSlice } from './dataSlice';
import { createExplainerSlice, type ExplainerSlice } from './explainerSlice';
import type { LinkedExercise } from './exerciseLinkCodec';
import type { Hideable } from './hidden';
import type { Notice, NoticeInput } from './notices';
import { DEFAULT_PASS_STAGE, type PassStage } from './passStage';
import { DEFAULT_TOY_SETTINGS, type ToySettings } from './toyPlayground';
import { createTrainingSlice, type TrainingSlice } from './trainingSlice';
import { createRunsSlice, type RunsSlice } from './runsSlice';
import type { PanelId } from './panels';
import {
  defaultSettings,
  presetNetwork,
  SETTINGS,
  type LabSettings,
  type UnitRef,
} from './settings';

interface ArchitectureSlice {
  presetId: string;
  network: NetworkDocument;
  selectedLayer: number;
  /** Loads a catalogue network, replacing the current one. */
  choosePreset(id: string): void;
  /** Applies a named edit (see networkEdits.ts) to the current network. */
  editNetwork(edit: (network: NetworkDocument) => NetworkDocument, selectLayer?: number): void;
  /** Replaces the network, e.g. from a JSON document the person pasted. */
  replaceNetwork(network: NetworkDocument): void;
  selectLayer(index: number): void;
}

interface UiSlice {
  panel: PanelId;
  /** The open tab of the Experiments panel. */
  experiment: ExperimentId;
  /** Opens the Experiments panel at one experiment. */
  openExperiment(experiment: ExperimentId): void;
  selectedChannel: number;
  selectedUnit: UnitRef;
  /** Selects a channel and a unit of the selected layer's output. */
  selectUnit(channel: number, unit?: UnitRef): void;
  passStage: PassStage;
  /** Moves the network view's animation to a pass and layer. */
  setPassStage(stage: PassStage): void;
  /** True while the network view's pass animation plays (not in the link: a view of the moment). */
  passPlaying: boolean;
  setPassPlaying(playing: boolean): void;
  toy: ToySettings;
  setToy(toy: ToySettings): void;
  /** The open lesson's id, or empty for the lessons index. */
  lesson: string;
  /** The open lesson's step, from 1. */
  step: number;
  /** Opens a lesson at a step (empty id: the index); the step's lab state is applied apart. */
  openLesson(id: string, step?: number): void;
  /**
   * True once something besides the open panel needs the engine (a lesson step with training
   * buttons); the engine client starts it then, as it does for a panel that needs it.
   */
  engineWanted: boolean;
  wantEngine(): void;
  /** Parts of the lab a lesson step or an exercise link hides. */
  hide: readonly Hideable[];
  setHide(flags: readonly Hideable[]): void;
  /** The exercise the link carries, or null. */
  exercise: LinkedExercise | null;
  setExercise(exercise: LinkedExercise | null): void;
  /** What panels measured that checkers read (the playground's accuracy, the gradient check). */
  panelReports: PanelReports;
  /** Merges a panel's latest figures into `panelReports`. */
  reportFromPanel(patch: PanelReports): void;
  /** Presenter mode (`present=1`). */
  presenting: boolean;
  setPresenting(on: boolean): void;
  /** The type scale (`type=`): 1 normal, 4/3 large. */
  typeScale: TypeScale;
  setTypeScale(scale: TypeScale): void;
  /** The colour theme (`theme=`). */
  theme: Theme;
  setTheme(theme: Theme): void;
  notices: readonly Notice[];
  openPanel(panel: PanelId): void;
  pushNotice(notice: NoticeInput): void;
  dismissNotice(id: number): void;
  /** Replaces every setting at once, as opening a link does. */
  applySettings(settings: LabSettings): void;
}

/**
 * Figures a panel measured that live only while that panel computed them, kept so the
 * lessons' "Check my lab" can read them from anywhere: not in the link.
 */
export interface PanelReports {
  /** The neuron playground's accuracy on its toy data, 0..1. */
  readonly toyAccuracy?: number;
  /** The latest gradient check's relative error between finite differences and backprop. */
  readonly gradientCheckRelativeError?: number;
  /** The step ε that gradient check used. */
  readonly gradientCheckEpsilon?: number;
}

export type LabStore = ArchitectureSlice &
  UiSlice &
  DataSlice &
  TrainingSlice &
  ExplainerSlice &
  RunsSlice;

const layerCount = (network: NetworkDocument): number =>
  Array.isArray(network.layers) ? network.layers.length : 0;

const clampLayer = (index: number, network: NetworkDocument): number =>
  Number.isFinite(index) ? Math.max(0, Math.min(Math.trunc(index), layerCount(network) - 1)) : 0;

const createArchitectureSlice: StateCreator<LabStore, [], [], ArchitectureSlice> = (set) => ({
  presetId: defaultSettings().presetId,
  network: defaultSettings().network,
  selectedLayer: 0,
  choosePreset: (id) => {
    if (catalogueEntryOf(id)) set({ presetId: id, network: presetNetwork(id), selectedLayer: 0 });
  },
  editNetwork: (edit, selectLayer) =>
    set((state) => {
      const network = edit(state.network);
      return { network, selectedLayer: clampLayer(selectLayer ?? state.selectedLayer, network) };
    }),
  replaceNetwork: (network) =>
    set((state) => ({ network, selectedLayer: clampLayer(state.selectedLayer, network) })),
  selectLayer: (index) => set((state) => ({ selectedLayer: clampLayer(index, state.network) })),
});

let nextNoticeId = 1;

const createUiSlice: StateCreator<LabStore, [], [], UiSlice> = (set) => ({
  panel: defaultSettings().panel,
  experiment: defaultSettings().experiment,
  openExperiment: (experiment) => set({ panel: 'experiments', experiment }),
  selectedChannel: 0,
  selectedUnit: { row: 0, col: 0 },
  selectUnit: (channel, unit) =>
    set((s) => ({
      selectedChannel: Math.max(0, Math.trunc(channel) || 0),
      selectedUnit: unit ?? s.selectedUnit,
    })),
  passStage: DEFAULT_PASS_STAGE,
  setPassStage: (stage) =>
    set({ passStage: { pass: stage.pass, layer: Math.max(0, Math.trunc(stage.layer) || 0) } }),
  passPlaying: false,
  setPassPlaying: (playing) => set({ passPlaying: playing }),
  toy: DEFAULT_TOY_SETTINGS,
  setToy: (toy) => set({ toy }),
  lesson: '',
  step: 1,
  openLesson: (id, step = 1) =>
    set({ lesson: id, step: Number.isInteger(step) && step >= 1 ? step : 1 }),
  engineWanted: false,
  wantEngine: () => set({ engineWanted: true }),
  hide: [],
  setHide: (flags) => set({ hide: flags }),
  exercise: null,
  setExercise: (exercise) => set({ exercise }),
  panelReports: {},
  reportFromPanel: (patch) => set((s) => ({ panelReports: { ...s.panelReports, ...patch } })),
  presenting: false,
  setPresenting: (on) => set({ presenting: on }),
  typeScale: 1,
  setTypeScale: (scale) => set({ typeScale: scale }),
  theme: 'auto',
  setTheme: (theme) => set({ theme }),
  notices: [],
  openPanel: (panel) => set({ panel }),
  pushNotice: (notice) =>
    set((state) => ({ notices: [...state.notices.slice(-4), { ...notice, id: nextNoticeId++ }] })),
  dismissNotice: (id) => set((state) => ({ notices: state.notices.filter((n) => n.id !== id) })),
  applySettings: (settings) => set({ ...settings }),
});

/** The lab's single store, built from its slices. */
export const useLabStore = create<LabStore>()((...args) => ({
  ...createArchitectureSlice(...args),
  ...createUiSlice(...args),
  ...createDataSlice(...args),
  ...createTrainingSlice(...args),
  ...createExplainerSlice(...args),
  ...createRunsSlice(...args),
}));

/** The URL-relevant settings out of the whole store. */
export function settingsOf(state: LabStore): LabSettings {
  const settings: Partial<Record<keyof LabSettings, unknown>> = {};
  for (const s of SETTINGS) settings[s.key] = state[s.key];
  return settings as unknown as LabSettings;
}

let lastNetwork: NetworkDocument | null = null;
let lastReport: NetworkReport | null = null;

/** The core's analysis of the current network, computed once per network edit. */
export function selectReport(state: Pick<LabStore, 'network'>): NetworkReport {
  if (state.network !== lastNetwork || !lastReport) {
    lastNetwork = state.network;
    lastReport = analyzeNetwork(state.network);
  }
  return lastReport;
}
