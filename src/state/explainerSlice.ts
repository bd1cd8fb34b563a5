import type { StateCreator } from 'zustand';
import {
  CONV_LIMITS,
  DEFAULT_EXPLAINER_SETTINGS,
  POOL_LIMITS,
  type ConvExplainerParams,
  type ConvKernelChoice,
  type ConvSource,
  type ExplainerSettings,
  type PoolExplainerParams,
} from './explainerSettings';

export interface ExplainerSlice extends ExplainerSettings {
  /** Changes some convolution hyper-parameters; each is kept within its limits. */
  setConvParams(change: Partial<ConvExplainerParams>): void;
  /**
   * Chooses the kernel. A classic image kernel is one 3×3 filter on one channel, so it
   * sets the kernel size to 3, and the channels and filters to 1.
   */
  setConvKernel(choice: ConvKernelChoice): void;
  setConvSource(source: ConvSource): void;
  setPoolParams(change: Partial<PoolExplainerParams>): void;
}

const within = (
  value: number | undefined,
  [min, max]: readonly [number, number],
  fallback: number,
) =>
  value === undefined || !Number.isFinite(value)
    ? fallback
    : Math.max(min, Math.min(max, Math.round(value)));

/** The explainers' settings and their named transitions. */
export const createExplainerSlice: StateCreator<ExplainerSlice, [], [], ExplainerSlice> = (
  set,
) => ({
  ...DEFAULT_EXPLAINER_SETTINGS,
  setConvParams: (change) =>
    set((s) => {
      const next = { ...s.convParams };
      for (const key of Object.keys(CONV_LIMITS) as (keyof ConvExplainerParams)[]) {
        next[key as keyof typeof next] = within(change[key], CONV_LIMITS[key], s.convParams[key]);
      }
      return { convParams: next };
    }),
  setConvKernel: (convKernel) =>
    set((s) =>
      convKernel === 'random'
        ? { convKernel }
        : { convKernel, convParams: { ...s.convParams, kernelSize: 3, channels: 1, filters: 1 } },
    ),
  setConvSource: (convSource) =>
    set({
      convSource:
        convSource.kind === 'crop'
          ? {
              kind: 'crop',
              row: within(convSource.row, [0, 999], 0),
              col: within(convSource.col, [0, 999], 0),
            }
          : convSource,
    }),
  setPoolParams: (change) =>
    set((s) => ({
      poolParams: {
        op: change.op ?? s.poolParams.op,
        size: within(change.size, POOL_LIMITS.size, s.poolParams.size),
        stride: within(change.stride, POOL_LIMITS.stride, s.poolParams.stride),
        inputSize: within(change.inputSize, POOL_LIMITS.inputSize, s.poolParams.inputSize),
      },
    })),
});
