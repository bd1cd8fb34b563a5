/**
 * Trained runs in a link. A link cannot hold LeNet-5's weights, but it can hold a run: the
 * seed and settings are already in it, and `train=N` says how many steps to take. Opening
 * the link retrains the same run to step N at full speed (the same backend, seed and data
 * order give the same weights), with progress in the page; when a run that started from the
 * seed stops, the link is rewritten with its step, so "Copy link" shares what the person sees.
 *
 * A run is replayable only while everything that shapes the weights is as it was at step 0:
 * loading trained weights or a checkpoint, or changing a hyper-parameter mid-run, makes it
 * one the seed alone cannot reproduce, and the link then says `train` no more.
 */
import type { ClientParts } from './parts';
import { runSetupOf, weightsKeyOf } from './runSync';

export interface ReplayDeps extends ClientParts {
  /** Makes the worker's run match the store before training. */
  sync(): Promise<void>;
}

export interface Replay {
  /** Replays the link's `train=N` from the seed, if it asks for steps; after the engine starts. */
  replayLink(): Promise<void>;
  /** The run is at step 0 from the seed (a reset, a rebuild): it is replayable from here. */
  fromSeed(): void;
  /** A run stopped: the link's step follows it while the run is replayable. */
  stopped(): void;
}

export function createReplay({ store, bridge, sync }: ReplayDeps): Replay {
  const state = () => store.getState();
  /** What shapes the weights of the run the store describes now. */
  const currentKey = (): string => weightsKeyOf(runSetupOf(state()));
  /** The setup at the run's step 0, or null when the run did not start from the seed here. */
  let startedFrom: string | null = currentKey();

  const replayable = (): boolean =>
    startedFrom !== null && !state().run.pretrained && startedFrom === currentKey();

  /** The step the replay under way goes to, or null. */
  let replaying: number | null = null;
  /** Ends the replay under way with what it reached (the stop event's own message is replaced). */
  const finish = () => {
    if (replaying === null) return;
    const target = replaying;
    replaying = null;
    const reached = state().run.step;
    state().setRun({
      replay: null,
      message:
        reached >= target
          ? `Replayed the link’s run from the seed: step ${reached.toLocaleString('en-US')}, as its author saw it.`
          : `The replay stopped at step ${reached.toLocaleString('en-US')} of ${target.toLocaleString('en-US')}.`,
    });
  };

  return {
    fromSeed() {
      startedFrom = currentKey();
    },
    stopped() {
      // The worker's stop event arrives after trainTo's reply or before it: either ends it.
      finish();
      const { step } = state().run;
      const steps = replayable() && step > 0 ? step : 0;
      if (state().trainSteps !== steps) state().setTraining({ trainSteps: steps });
    },
    async replayLink() {
      const target = state().trainSteps;
      if (target <= 0) return;
      await sync();
      const api = bridge.api;
      if (!api) return;
      await bridge.serial(async (a) => a?.reset());
      state().metrics.clear();
      startedFrom = currentKey();
      replaying = target;
      state().setRun({
        phase: 'running',
        step: 0,
        epoch: 0,
        test: null,
        pretrained: false,
        savedStep: null,
        replay: { target },
        message: `Replaying the link’s run from the seed to step ${target.toLocaleString('en-US')}…`,
      });
      try {
        await api.trainTo(target);
      } catch (error) {
        replaying = null;
        state().setRun({ replay: null });
        throw error;
      }
    },
  };
}
