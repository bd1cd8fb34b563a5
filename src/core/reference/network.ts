import { isActivation, type Activation } from '../activations';
import type { Padding } from '../fields';
import { parseNetwork, type ParsedLayer } from '../parse';
import type { Pair } from '../shape';
import type { WeightRole } from '../weights';
import { activationReference } from './activations';
import { conv2dReference } from './conv';
import { batchNormReference, denseReference, flattenReference } from './dense';
import { maxoutReference } from './maxout';
import { addReference, concatReference } from './merge';
import { avgPool2dReference, globalAvgPool2dReference, maxPool2dReference } from './pooling';
import type { RefTensor, Values } from './tensor';

/** The weights of one layer by role; a layer without weights has none. */
export type LayerWeightValues = Partial<Record<WeightRole, RefTensor>>;

/** What a network computes for one sample: every layer's output, the logits and the loss's softmax. */
export interface ReferenceForward<V extends Values> {
  readonly outputs: RefTensor<V>[];
  /** The last layer's values before its softmax (the softmax fused into the loss). */
  readonly logits: RefTensor<V>;
}

/** The activation a layer applies at its end (conv2d, dense and activation layers), or null. */
export function finalActivationOf(layer: {
  readonly type: string;
  readonly params: Readonly<Record<string, unknown>> | null;
}): Activation | null {
  if (!layer.params) return null;
  const fn =
    layer.type === 'activation'
      ? layer.params.fn
      : layer.type === 'conv2d' || layer.type === 'dense'
        ? layer.params.activation
        : null;
  return isActivation(fn) ? fn : null;
}

/**
 * True when the layer ends in a softmax. On the last layer that softmax is fused into the
 * cross-entropy loss: the network's logits are the values just before it.
 */
export function endsInSoftmax(layer: Parameters<typeof finalActivationOf>[0]): boolean {
  return finalActivationOf(layer) === 'softmax';
}

/** Runs one layer on its inputs without its final activation (the activation layer is identity). */
function layerBeforeActivation<V extends Values>(
  layer: ParsedLayer,
  inputs: RefTensor<V>[],
  weights: LayerWeightValues,
): RefTensor<V> {
  const p = layer.params ?? {};
  const [x] = inputs as [RefTensor<V>];
  const bias = weights.bias?.data ?? null;
  const need = (role: WeightRole): RefTensor => {
    const w = weights[role];
    if (!w) throw new RangeError(`Layer ${layer.name} has no ${role}.`);
    return w;
  };
  switch (layer.type) {
    case 'conv2d':
      return conv2dReference(x, need('kernel'), bias, {
        stride: p.stride as Pair,
        padding: p.padding as Padding,
        dilation: p.dilation as Pair,
      });
    case 'dense':
      return denseReference(x, need('kernel'), bias);
    case 'maxout':
      return maxoutReference(x, need('kernel'), bias, p.pieces as number);
    case 'maxpool2d':
    case 'avgpool2d': {
      const pool = layer.type === 'maxpool2d' ? maxPool2dReference : avgPool2dReference;
      return pool(x, {
        size: p.size as Pair,
        stride: p.stride as Pair,
        padding: p.padding as Padding,
      });
    }
    case 'globalavgpool2d':
      return globalAvgPool2dReference(x);
    case 'flatten':
      return flattenReference(x);
    case 'batchnorm':
      return batchNormReference(x, {
        gamma: need('gamma').data,
        beta: need('beta').data,
        mean: need('movingMean').data,
        variance: need('movingVariance').data,
      });
    case 'add':
      return addReference(inputs);
    case 'concat':
      return concatReference(inputs);
    case 'dropout':
    case 'activation':
      return x;
    default:
      throw new RangeError(`The reference ops do not know the layer type ${layer.type}.`);
  }
}

/**
 * A network's forward pass on one sample at test time (dropout off, batch norm with its
 * running statistics), layer by layer with the reference ops: slow, plain and exact.
 * `weights[i]` holds layer i's weights by role.
 */
export function forwardReference<V extends Values>(
  network: unknown,
  weights: readonly (LayerWeightValues | undefined)[],
  input: RefTensor<V>,
): ReferenceForward<V> {
  const parsed = parseNetwork(network);
  const outputs: RefTensor<V>[] = [];
  let logits: RefTensor<V> = input;
  parsed.layers.forEach((layer, i) => {
    const inputs = (layer.sources ?? []).map((s) => (s < 0 ? input : outputs[s])) as RefTensor<V>[];
    const before = layerBeforeActivation(layer, inputs, weights[i] ?? {});
    const fn = finalActivationOf(layer);
    const output = fn ? activationReference(fn, before) : before;
    if (i === parsed.layers.length - 1) logits = fn === 'softmax' ? before : output;
    outputs.push(output);
  });
  return { outputs, logits };
}
