import { analyzeNetwork } from './analyze';
import type { LayerParams } from './layers/types';
import { parseNetwork } from './parse';
import type { Shape } from './shape';

/**
 * The weights each layer holds, worked out from shapes alone (nothing is allocated), so
 * the engine allocates exactly what the registry counts, and a test can check AlexNet's
 * 61 million parameters layer by layer without building it.
 */

/** What a weight tensor is for: kernel and bias (conv, dense), γ, β and running statistics (batch norm). */
export const WEIGHT_ROLES = [
  'kernel',
  'bias',
  'gamma',
  'beta',
  'movingMean',
  'movingVariance',
] as const;
export type WeightRole = (typeof WEIGHT_ROLES)[number];

/** The roles gradient descent learns: all but batch norm's running statistics. */
export type TrainableRole = Exclude<WeightRole, 'movingMean' | 'movingVariance'>;

export function isTrainableRole(role: WeightRole): role is TrainableRole {
  return role !== 'movingMean' && role !== 'movingVariance';
}

export interface WeightSpec {
  readonly role: WeightRole;
  readonly shape: readonly number[];
  /** Learned by gradient descent; false for batch norm's running statistics (state). */
  readonly trainable: boolean;
  /** Inputs and outputs each kernel value connects, for Glorot and He initialisation. */
  readonly fanIn: number;
  readonly fanOut: number;
}

export interface LayerWeightSpecs {
  readonly layerIndex: number;
  readonly name: string;
  readonly type: string;
  readonly weights: readonly WeightSpec[];
}

const vectorSpec = (role: WeightRole, n: number, trainable: boolean): WeightSpec => ({
  role,
  shape: [n],
  trainable,
  fanIn: 1,
  fanOut: 1,
});

/**
 * The weights of one layer given its input shapes. Conv kernels are [KH, KW, C_in, F]
 * (fan-in KH·KW·C_in, fan-out KH·KW·F); dense kernels [N_in, N_out]; maxout kernels
 * [N_in, units·pieces]; per-channel vectors [C].
 */
export function weightSpecsOf(
  type: string,
  params: LayerParams,
  inputShapes: readonly Shape[],
): WeightSpec[] {
  const input = inputShapes[0] ?? [];
  const channels = input[input.length - 1] ?? 0;
  switch (type) {
    case 'conv2d': {
      const [kh, kw] = params.kernel as readonly [number, number];
      const filters = params.filters as number;
      const kernel: WeightSpec = {
        role: 'kernel',
        shape: [kh, kw, channels, filters],
        trainable: true,
        fanIn: kh * kw * channels,
        fanOut: kh * kw * filters,
      };
      return params.bias ? [kernel, vectorSpec('bias', filters, true)] : [kernel];
    }
    case 'dense': {
      const units = params.units as number;
      const inputs = input.reduce((p, n) => p * n, 1);
      const kernel: WeightSpec = {
        role: 'kernel',
        shape: [inputs, units],
        trainable: true,
        fanIn: inputs,
        fanOut: units,
      };
      return params.bias ? [kernel, vectorSpec('bias', units, true)] : [kernel];
    }
    case 'maxout': {
      // One column per unit and piece, unit j's piece p at j·k + p (the reference op's order).
      const columns = (params.units as number) * (params.pieces as number);
      const inputs = input.reduce((p, n) => p * n, 1);
      const kernel: WeightSpec = {
        role: 'kernel',
        shape: [inputs, columns],
        trainable: true,
        fanIn: inputs,
        fanOut: columns,
      };
      return params.bias ? [kernel, vectorSpec('bias', columns, true)] : [kernel];
    }
    case 'batchnorm':
      return [
        vectorSpec('gamma', channels, true),
        vectorSpec('beta', channels, true),
        vectorSpec('movingMean', channels, false),
        vectorSpec('movingVariance', channels, false),
      ];
    default:
      return [];
  }
}

/** Number of values in a weight tensor. */
export function weightSizeOf(spec: WeightSpec): number {
  return spec.shape.reduce((p, n) => p * n, 1);
}

/**
 * The weights of every layer of a network document; null when the network has errors
 * (a layer whose shapes are unknown cannot be given weights).
 */
export function networkWeightSpecs(raw: unknown): LayerWeightSpecs[] | null {
  const report = analyzeNetwork(raw);
  const parsed = parseNetwork(raw);
  if (!report.ok || !report.input) return null;
  const input = report.input;
  return parsed.layers.map((layer) => {
    const shapes = (layer.sources ?? []).map((s) =>
      s < 0 ? input : (report.layers[s]?.outputShape ?? []),
    );
    return {
      layerIndex: layer.index,
      name: layer.name,
      type: layer.type,
      weights: layer.params ? weightSpecsOf(layer.type, layer.params, shapes) : [],
    };
  });
}
