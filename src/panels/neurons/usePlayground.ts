import { useCallback, useEffect, useState } from 'react';
import type { ToyData } from '../../core/toyData';
import type { ToyTrainer } from '../../core/toyTrainer';
import { useLabStore } from '../../state/store';
import type { ToySettings } from '../../state/toyPlayground';
import { createPlaygroundRunner, type PlaneSource } from './playgroundRunner';
import { toyAccuracyPatch, watchToyReportBasis } from './toyReport';

// From the first time the playground's code loads, a change of the toy settings clears the
// accuracy it reported, even while the panel is closed.
watchToyReportBasis(useLabStore);

export { PLANE_EXTENT } from './playgroundRunner';

/** What a person chose in the neuron playground (kept in the store and the link). */
export type PlaygroundSettings = ToySettings;

/** The selected unit: layer 1 is the first hidden layer, the last layer is the output. */
export interface UnitChoice {
  readonly layer: number;
  readonly unit: number;
}

/**
 * While playing, React shows the numbers (step counter, accuracy, weights) at most this often
 * (ms); the canvases draw every frame from the runner's subscription.
 */
const SHOWN_EVERY_MS = 100;

export interface Playground {
  readonly settings: PlaygroundSettings;
  change(patch: Partial<PlaygroundSettings>): void;
  readonly data: ToyData;
  readonly trainer: ToyTrainer;
  /** The plane under the network, for the canvases to draw from. */
  readonly planes: PlaneSource;
  readonly accuracy: number;
  readonly loss: number;
  readonly playing: boolean;
  setPlaying(playing: boolean): void;
  stepEpoch(): void;
  reset(): void;
  readonly unit: UnitChoice | null;
  selectUnit(unit: UnitChoice | null): void;
  readonly point: number;
  selectPoint(index: number): void;
}

/** The playground's controls over its runner, which trains outside React. */
export function usePlayground(): Playground {
  const settings = useLabStore((s) => s.toy);
  const setToy = useLabStore((s) => s.setToy);
  const [runner] = useState(() => createPlaygroundRunner(settings));
  const [unit, selectUnit] = useState<UnitChoice | null>({ layer: 1, unit: 0 });
  const [point, setPoint] = useState(0);
  const [, setShown] = useState(0);
  // Settings come from the store (a control or a link): data and network follow in this render.
  runner.configure(settings);

  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    let shownAt = -Infinity;
    let shownPlaying = runner.playing;
    const show = () => {
      clearTimeout(timer);
      timer = undefined;
      shownAt = performance.now();
      shownPlaying = runner.playing;
      setShown(runner.version);
    };
    const unsubscribe = runner.subscribe(() => {
      // Start, stop, a step or a reset show at once; frames of training at most every SHOWN_EVERY_MS.
      const wait = SHOWN_EVERY_MS - (performance.now() - shownAt);
      if (!runner.playing || runner.playing !== shownPlaying || wait <= 0) show();
      else timer ??= setTimeout(show, wait);
    });
    return () => {
      unsubscribe();
      clearTimeout(timer);
    };
  }, [runner]);
  // The loop must not outlive the panel.
  useEffect(() => () => runner.stop(), [runner]);

  const change = useCallback(
    (patch: Partial<PlaygroundSettings>) => {
      setToy({ ...useLabStore.getState().toy, ...patch });
      // A new learning rate applies to the running training; anything else rebuilds the network.
      if (Object.keys(patch).some((k) => k !== 'learningRate')) runner.stop();
      if (patch.hidden || patch.output) selectUnit({ layer: 1, unit: 0 });
      if (patch.dataset) setPoint(0);
    },
    [setToy, runner],
  );
  const setPlaying = useCallback(
    (playing: boolean) => (playing ? runner.start() : runner.stop()),
    [runner],
  );
  const { accuracy, loss } = runner.evaluation();
  // "Check my lab" reads the accuracy shown, after each change (the version: a rebuilt network
  // may score what the old one did, and its figure was cleared meanwhile).
  const version = runner.version;
  useEffect(() => {
    const store = useLabStore.getState();
    const patch = toyAccuracyPatch(store.panelReports, accuracy);
    if (patch) store.reportFromPanel(patch);
  }, [accuracy, version]);
  return {
    settings,
    change,
    data: runner.data,
    trainer: runner.trainer,
    planes: runner,
    accuracy,
    loss,
    playing: runner.playing,
    setPlaying,
    stepEpoch: runner.stepEpoch,
    reset: runner.reset,
    unit,
    selectUnit,
    point: Math.min(point, runner.data.count - 1),
    selectPoint: setPoint,
  };
}
