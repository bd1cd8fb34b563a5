import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
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
} from '../../core/toyTrainer';
import { useLabStore } from '../../state/store';
import type { ToySettings } from '../../state/toyPlayground';

/** What a person chose in the neuron playground (kept in the store and the link). */
export type PlaygroundSettings = ToySettings;

/** Points per dataset: enough to see the shape, few enough to train fast. */
const POINT_COUNT = 200;

/** The selected unit: layer 1 is the first hidden layer, the last layer is the output. */
export interface UnitChoice {
  readonly layer: number;
  readonly unit: number;
}

/** Half-width of the square of the plane that is drawn. */
export const PLANE_EXTENT = 1.3;
/** Grid cells per side of the sampled plane; coarser while playing, to keep each frame short. */
const PLANE_RESOLUTION = 60;
const PLAYING_RESOLUTION = 40;
/** At most this long (ms) of training per animation frame, so drawing keeps up. */
const FRAME_BUDGET_MS = 4;
const MAX_STEPS_PER_FRAME = 10;

export interface Playground {
  readonly settings: PlaygroundSettings;
  change(patch: Partial<PlaygroundSettings>): void;
  readonly data: ToyData;
  readonly trainer: ToyTrainer;
  readonly plane: PlaneSamples;
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

/** Everything that rebuilds the network when it changes (the learning rate does not). */
const networkKey = (s: PlaygroundSettings) =>
  JSON.stringify([s.dataset, s.noise, s.hidden, s.activation, s.output, s.seed]);

/** The playground's state: settings, data, the trainer (mutated in place) and the frame loop. */
export function usePlayground(): Playground {
  const settings = useLabStore((s) => s.toy);
  const setToy = useLabStore((s) => s.setToy);
  const [playing, setPlaying] = useState(false);
  const [unit, selectUnit] = useState<UnitChoice | null>({ layer: 1, unit: 0 });
  const [point, setPoint] = useState(0);
  const [, setTick] = useState(0);
  const key = networkKey(settings);
  const data = useMemo(
    () =>
      createToyData({
        dataset: settings.dataset,
        count: POINT_COUNT,
        noise: settings.noise,
        seed: settings.seed,
      }),
    [settings.dataset, settings.noise, settings.seed],
  );
  const trainerRef = useRef<{ key: string; trainer: ToyTrainer } | null>(null);
  if (trainerRef.current?.key !== key) {
    const spec = {
      hidden: settings.hidden,
      activation: settings.activation,
      output: settings.output,
    };
    trainerRef.current = { key, trainer: createToyTrainer(spec, settings.seed) };
  }
  const trainer = trainerRef.current.trainer;
  const options = useMemo(
    () => ({ ...DEFAULT_TOY_TRAINING, learningRate: settings.learningRate }),
    [settings.learningRate],
  );

  useEffect(() => {
    if (!playing) return;
    let frame = 0;
    const run = () => {
      const start = performance.now();
      for (let s = 0; s < MAX_STEPS_PER_FRAME; s++) {
        trainToyStep(trainer, data, options);
        if (performance.now() - start > FRAME_BUDGET_MS) break;
      }
      setTick((t) => t + 1);
      frame = requestAnimationFrame(run);
    };
    frame = requestAnimationFrame(run);
    return () => cancelAnimationFrame(frame);
  }, [playing, trainer, data, options]);

  const change = useCallback(
    (patch: Partial<PlaygroundSettings>) => {
      setToy({ ...useLabStore.getState().toy, ...patch });
      // A new learning rate applies to the running training; anything else rebuilds the network.
      if (Object.keys(patch).some((k) => k !== 'learningRate')) setPlaying(false);
      if (patch.hidden || patch.output) selectUnit({ layer: 1, unit: 0 });
      if (patch.dataset) setPoint(0);
    },
    [setToy],
  );
  const stepEpoch = useCallback(() => {
    trainToyEpochs(trainer, data, options, 1);
    setTick((t) => t + 1);
  }, [trainer, data, options]);
  const reset = useCallback(() => {
    trainerRef.current = null;
    setPlaying(false);
    setTick((t) => t + 1);
  }, []);

  const plane = sampleToyPlane(
    trainer.net,
    playing ? PLAYING_RESOLUTION : PLANE_RESOLUTION,
    PLANE_EXTENT,
  );
  const { accuracy, loss } = evaluateToy(trainer.net, data);
  return {
    settings,
    change,
    data,
    trainer,
    plane,
    accuracy,
    loss,
    playing,
    setPlaying,
    stepEpoch,
    reset,
    unit,
    selectUnit,
    point: Math.min(point, data.count - 1),
    selectPoint: setPoint,
  };
}
