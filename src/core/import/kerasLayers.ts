import { ACTIVATIONS, ELU_ALPHA, LEAKY_RELU_ALPHA, type Activation } from '../activations';
import { BATCHNORM_EPSILON, BATCHNORM_MOMENTUM } from '../reference/dense';
import type { WeightRole } from '../weights';

/**
 * Each Keras layer class the lab knows, as the lab's layer: what its config says, checked
 * field by field (the file is untrusted), and the weight names its kernel, bias or batch-norm
 * statistics carry in the converter's manifest. A setting the lab cannot reproduce refuses
 * the layer with the reason, never silently changing what the model computes.
 */

type Json = Readonly<Record<string, unknown>>;

/** How a lab weight is found in the manifest, or made when Keras has none (γ of `scale=False`). */
export interface WeightSource {
  readonly role: WeightRole;
  /** The last segment of the tfjs weight name (`kernel`, `moving_mean`…); null: filled, not read. */
  readonly suffix: string | null;
  /** Constant for a weight Keras leaves out (γ = 1 without `scale`, β = 0 without `center`). */
  readonly fill?: number;
  /** Added to every value read: batch norm's ε difference folded into its moving variance. */
  readonly add?: number;
}

/** One Keras layer as the lab's: its document without id and inputs, and its weights. */
export interface MappedLayer {
  readonly kind: 'layer';
  /** The lab layer's document, without its id and inputs (the graph gives those). */
  readonly doc: { readonly type: string; readonly [field: string]: unknown };
  readonly weights: readonly WeightSource[];
  /** What changes nothing a prediction shows but is worth telling (a training-only setting). */
  readonly notes: readonly string[];
  /** A numbered axis the layer acts on, which must be its input's last (checked once shapes are known). */
  readonly axis?: number;
}

/** Keras layers that become no lab layer of their own. */
export type SpecialLayer =
  | { readonly kind: 'input' }
  /** ZeroPadding2D: folded into the convolution it feeds. */
  | { readonly kind: 'zeropad'; readonly padding: readonly [number, number] };

export type LayerMapping =
  MappedLayer | SpecialLayer | { readonly kind: 'refused'; readonly reason: string };

type Mapper = (config: Json) => LayerMapping;

const refuse = (reason: string): LayerMapping => ({ kind: 'refused', reason });

const isWhole = (v: unknown, min: number): v is number =>
  typeof v === 'number' && Number.isInteger(v) && v >= min && v <= 100_000;

/** Keras writes a pair as [h, w] or a single number (older files, hand-written configs). */
function pairOf(v: unknown, min: number): [number, number] | null {
  if (isWhole(v, min)) return [v, v];
  if (Array.isArray(v) && v.length === 2 && isWhole(v[0], min) && isWhole(v[1], min))
    return [v[0], v[1]];
  return null;
}

/**
 * Each lab activation's Keras name; leaky ReLU has none, since Keras's `leaky_relu` function
 * has its own slope (0.2) and the lab's comes only from a LeakyReLU layer with α = 0.01.
 */
const KERAS_ACTIVATION_NAMES: Readonly<Record<Activation, string | null>> = {
  linear: 'linear',
  relu: 'relu',
  leakyrelu: null,
  elu: 'elu',
  sigmoid: 'sigmoid',
  tanh: 'tanh',
  softplus: 'softplus',
  softmax: 'softmax',
};

const kerasActivationList = ACTIVATIONS.flatMap((a) => KERAS_ACTIVATION_NAMES[a] ?? []);

/** A Keras activation (a name, or Keras 3's serialised function) as the lab's, or the reason. */
function activationOf(raw: unknown): { fn: Activation } | { problem: string } {
  const name =
    raw === null || raw === undefined
      ? 'linear'
      : typeof raw === 'object' && typeof (raw as Json).config === 'string'
        ? ((raw as Json).config as string)
        : raw;
  const fn = ACTIVATIONS.find((a) => KERAS_ACTIVATION_NAMES[a] === name);
  if (fn) return { fn };
  return {
    problem: `its activation ${JSON.stringify(String(typeof name === 'string' ? name : typeof name)).slice(0, 40)} is not one the lab knows; it knows ${kerasActivationList.join(', ')}`,
  };
}

/** The refusal for anything but channels_last (Keras's default, and the lab's NHWC layout). */
function channelsLast(config: Json): string | null {
  const format = config.data_format;
  if (format === undefined || format === null || format === 'channels_last') return null;
  return `it uses data_format ${JSON.stringify(String(format))}; the lab's images are channels_last (height, width, channels), so convert the model with channels_last`;
}

/** Keras 'valid' | 'same' as the lab's padding. */
function paddingOf(v: unknown): 'same' | [0, 0] | null {
  if (v === 'same') return 'same';
  if (v === 'valid') return [0, 0];
  return null;
}

const weightNotes = (config: Json): string[] =>
  config.trainable === false
    ? ['it was frozen (trainable: false) in Keras; the lab trains every layer']
    : [];

const windowConfig = (config: Json, sizeKey: string, strideFallback: [number, number] | null) => {
  const size = pairOf(config[sizeKey], 1);
  const stride =
    config.strides === null || config.strides === undefined
      ? strideFallback
      : pairOf(config.strides, 1);
  return { size, stride, padding: paddingOf(config.padding ?? 'valid') };
};

const conv2d: Mapper = (c) => {
  const format = channelsLast(c);
  if (format) return refuse(format);
  const filters = c.filters;
  const { size: kernel, stride, padding } = windowConfig(c, 'kernel_size', [1, 1]);
  const dilation = pairOf(c.dilation_rate ?? 1, 1);
  if (!isWhole(filters, 1)) return refuse('its filters is not a whole number from 1 up');
  if (!kernel || !stride || !dilation)
    return refuse('its kernel_size, strides or dilation_rate is not one or two whole numbers');
  if (!padding)
    return refuse(`its padding ${JSON.stringify(String(c.padding))} is neither "valid" nor "same"`);
  if (c.groups !== undefined && c.groups !== 1)
    return refuse(
      `it is a grouped convolution (groups ${String(c.groups)}); the lab's convolutions see every input channel`,
    );
  const act = activationOf(c.activation);
  if ('problem' in act) return refuse(act.problem);
  const bias = c.use_bias !== false;
  return {
    kind: 'layer',
    doc: { type: 'conv2d', filters, kernel, stride, padding, dilation, activation: act.fn, bias },
    weights: [
      { role: 'kernel', suffix: 'kernel' },
      ...(bias ? [{ role: 'bias' as const, suffix: 'bias' }] : []),
    ],
    notes: weightNotes(c),
  };
};

const dense: Mapper = (c) => {
  if (!isWhole(c.units, 1)) return refuse('its units is not a whole number from 1 up');
  const act = activationOf(c.activation);
  if ('problem' in act) return refuse(act.problem);
  const bias = c.use_bias !== false;
  return {
    kind: 'layer',
    doc: { type: 'dense', units: c.units, activation: act.fn, bias },
    weights: [
      { role: 'kernel', suffix: 'kernel' },
      ...(bias ? [{ role: 'bias' as const, suffix: 'bias' }] : []),
    ],
    notes: weightNotes(c),
  };
};

function pooling(type: 'maxpool2d' | 'avgpool2d'): Mapper {
  return (c) => {
    const format = channelsLast(c);
    if (format) return refuse(format);
    const size = pairOf(c.pool_size ?? 2, 1);
    const { stride, padding } = windowConfig(c, 'pool_size', size);
    if (!size || !stride) return refuse('its pool_size or strides is not one or two whole numbers');
    if (!padding)
      return refuse(
        `its padding ${JSON.stringify(String(c.padding))} is neither "valid" nor "same"`,
      );
    return { kind: 'layer', doc: { type, size, stride, padding }, weights: [], notes: [] };
  };
}

const plain = (type: string, extra: Json = {}): MappedLayer => ({
  kind: 'layer',
  doc: { type, ...extra },
  weights: [],
  notes: [],
});

const activationLayer = (fn: Activation): MappedLayer => plain('activation', { fn });

/** The lab's standard last axis: −1, or Keras 2's [3] / 3 for an image's channels. */
const isLastAxis = (axis: unknown): boolean =>
  axis === -1 || axis === undefined || (Array.isArray(axis) && axis.length === 1 && axis[0] === -1);

const batchNorm: Mapper = (c) => {
  // Keras 2 writes the channel axis of an image as 3; the lab normalises the last axis only.
  const axis = Array.isArray(c.axis) && c.axis.length === 1 ? c.axis[0] : c.axis;
  if (!isLastAxis(axis) && !isWhole(axis, 1))
    return refuse(
      `it normalises axis ${JSON.stringify(c.axis)}; the lab's batch norm normalises the channels (the last axis)`,
    );
  const epsilon = c.epsilon ?? 0.001;
  if (typeof epsilon !== 'number' || !(epsilon >= 0) || epsilon > 1)
    return refuse('its epsilon is not a number from 0 to 1');
  const momentum = c.momentum ?? 0.99;
  const notes = weightNotes(c);
  const shift = epsilon - BATCHNORM_EPSILON;
  if (shift !== 0)
    notes.push(
      `its ε is ${epsilon}, the lab's ${BATCHNORM_EPSILON}; its moving variance was raised by ${Number(shift.toPrecision(6))} so predictions are the same (training then uses the lab's ε)`,
    );
  if (momentum !== BATCHNORM_MOMENTUM)
    notes.push(
      `its momentum is ${String(momentum)}; the lab's running statistics move with momentum ${BATCHNORM_MOMENTUM} while training`,
    );
  return {
    kind: 'layer',
    doc: { type: 'batchnorm' },
    ...(isWhole(axis, 1) ? { axis } : {}),
    weights: [
      c.scale === false
        ? { role: 'gamma', suffix: null, fill: 1 }
        : { role: 'gamma', suffix: 'gamma' },
      c.center === false
        ? { role: 'beta', suffix: null, fill: 0 }
        : { role: 'beta', suffix: 'beta' },
      { role: 'movingMean', suffix: 'moving_mean' },
      { role: 'movingVariance', suffix: 'moving_variance', ...(shift !== 0 ? { add: shift } : {}) },
    ],
    notes,
  };
};

/** Keras 2 and tfjs call leaky ReLU's slope `alpha`, Keras 3 `negative_slope`; both default to 0.3. */
const leakyRelu: Mapper = (c) => {
  const alpha = c.negative_slope ?? c.alpha ?? 0.3;
  return alpha === LEAKY_RELU_ALPHA
    ? activationLayer('leakyrelu')
    : refuse(`its slope α is ${String(alpha)}; the lab's leaky ReLU has α = ${LEAKY_RELU_ALPHA}`);
};

const relu: Mapper = (c) => {
  const max = c.max_value ?? null;
  const slope = c.negative_slope ?? 0;
  const threshold = c.threshold ?? 0;
  if (max !== null || slope !== 0 || threshold !== 0)
    return refuse(
      'it is a capped, leaky or shifted ReLU (max_value, negative_slope or threshold set); the lab’s ReLU is max(0, x)',
    );
  return activationLayer('relu');
};

const elu: Mapper = (c) => {
  const alpha = c.alpha ?? 1;
  return alpha === ELU_ALPHA
    ? activationLayer('elu')
    : refuse(`its α is ${String(alpha)}; the lab's ELU has α = ${ELU_ALPHA}`);
};

/**
 * Softmax and concat over the last axis: −1, or its number (tfjs-layers writes a softmax's
 * axis as 1 for vectors); a number is checked against the input's rank once shapes are known.
 */
function lastAxisLayer(layer: MappedLayer, axis: unknown, verb: string): LayerMapping {
  if (isLastAxis(axis)) return layer;
  const single = Array.isArray(axis) && axis.length === 1 ? axis[0] : axis;
  if (isWhole(single, 1)) return { ...layer, axis: single };
  return refuse(
    `it ${verb} axis ${JSON.stringify(axis)}; the lab's ${layer.doc.type === 'concat' ? 'concat' : 'softmax'} acts on the last axis`,
  );
}

const softmax: Mapper = (c) =>
  lastAxisLayer(activationLayer('softmax'), c.axis, 'takes the softmax over');

const activation: Mapper = (c) => {
  const act = activationOf(c.activation);
  return 'problem' in act ? refuse(act.problem) : activationLayer(act.fn);
};

const dropout: Mapper = (c) => {
  const rate = c.rate;
  if (typeof rate !== 'number' || !(rate >= 0) || rate >= 1)
    return refuse('its rate is not a number from 0 up to (not including) 1');
  if (c.noise_shape !== undefined && c.noise_shape !== null)
    return refuse(
      'it drops values in shared groups (noise_shape); the lab drops each value on its own',
    );
  return plain('dropout', { rate });
};

const globalAvgPool: Mapper = (c) => {
  const format = channelsLast(c);
  if (format) return refuse(format);
  if (c.keepdims === true)
    return refuse(
      'it keeps the 1×1 grid (keepdims: true); the lab’s global average pooling gives a vector',
    );
  return plain('globalavgpool2d');
};

const flatten: Mapper = (c) => {
  const format = channelsLast(c);
  return format ? refuse(format) : plain('flatten');
};

const concat: Mapper = (c) => lastAxisLayer(plain('concat'), c.axis, 'joins along');

/** ZeroPadding2D's int, [rows, cols] or [[top, bottom], [left, right]]: equal sides only. */
const zeroPadding: Mapper = (c) => {
  const format = channelsLast(c);
  if (format) return refuse(format);
  const raw = c.padding ?? 1;
  const simple = pairOf(raw, 0);
  if (simple) return { kind: 'zeropad', padding: simple };
  if (Array.isArray(raw) && raw.length === 2) {
    const [rows, cols] = [pairOf(raw[0], 0), pairOf(raw[1], 0)];
    if (rows && cols && rows[0] === rows[1] && cols[0] === cols[1])
      return { kind: 'zeropad', padding: [rows[0], cols[0]] };
    if (rows && cols)
      return refuse(
        'it pads the sides unequally; the lab pads the same number of rows above and below (and columns left and right)',
      );
  }
  return refuse('its padding is not one or two whole numbers');
};

/** Every Keras class the lab imports, with its mapping (the error message lists these names). */
export const KERAS_LAYER_MAPPERS: Readonly<Record<string, Mapper>> = {
  InputLayer: () => ({ kind: 'input' }),
  Conv2D: conv2d,
  MaxPooling2D: pooling('maxpool2d'),
  AveragePooling2D: pooling('avgpool2d'),
  GlobalAveragePooling2D: globalAvgPool,
  Flatten: flatten,
  Dense: dense,
  Dropout: dropout,
  BatchNormalization: batchNorm,
  Activation: activation,
  ReLU: relu,
  LeakyReLU: leakyRelu,
  ELU: elu,
  Softmax: softmax,
  Add: () => plain('add'),
  Concatenate: concat,
  ZeroPadding2D: zeroPadding,
};

/** Keras 2's spellings of the same classes (`Convolution2D`, `MaxPool2D`…). */
const ALIASES: Readonly<Record<string, string>> = {
  Convolution2D: 'Conv2D',
  MaxPool2D: 'MaxPooling2D',
  AvgPool2D: 'AveragePooling2D',
  GlobalAvgPool2D: 'GlobalAveragePooling2D',
};

/** The classes an unknown layer's message lists (the input is no layer of the network). */
export const KNOWN_KERAS_CLASSES = Object.keys(KERAS_LAYER_MAPPERS).filter(
  (c) => c !== 'InputLayer',
);

/** The mapper of a Keras class name, or undefined for a layer the lab does not know. */
export function kerasMapperOf(className: string): Mapper | undefined {
  const name = ALIASES[className] ?? className;
  return Object.hasOwn(KERAS_LAYER_MAPPERS, name) ? KERAS_LAYER_MAPPERS[name] : undefined;
}
