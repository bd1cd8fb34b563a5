import type { ConvHyper } from '../core/convHyper';
import { IMAGE_KERNEL_IDS, type ImageKernelId } from '../core/imageKernels';
import type { PoolOp } from '../core/reference';
import { enumCodec, type Codec } from './codecs';

/** The convolution explainer's hyper-parameters, as the store and the link hold them. */
export type ConvExplainerParams = ConvHyper;

/** Where the explainer's numbers come from: seeded small whole numbers, or a crop of the selected image. */
export type ConvSource =
  | { readonly kind: 'random' }
  | { readonly kind: 'crop'; readonly row: number; readonly col: number };

/** Seeded whole-number weights, or one of the classic image kernels. */
export type ConvKernelChoice = 'random' | ImageKernelId;
export const CONV_KERNEL_CHOICES: readonly ConvKernelChoice[] = ['random', ...IMAGE_KERNEL_IDS];

export interface PoolExplainerParams {
  readonly op: PoolOp;
  readonly size: number;
  readonly stride: number;
  readonly inputSize: number;
}
export const POOL_OPS: readonly PoolOp[] = ['max', 'avg', 'l2'];

/** The explainers' settings that travel in the link. */
export interface ExplainerSettings {
  readonly convParams: ConvExplainerParams;
  readonly convKernel: ConvKernelChoice;
  readonly convSource: ConvSource;
  readonly poolParams: PoolExplainerParams;
}

/** Smallest and largest value of each hyper-parameter, small enough that every number stays readable. */
export const CONV_LIMITS: Readonly<Record<keyof ConvExplainerParams, readonly [number, number]>> = {
  inputSize: [3, 9],
  kernelSize: [1, 7],
  stride: [1, 4],
  padding: [0, 3],
  dilation: [1, 3],
  channels: [1, 3],
  filters: [1, 4],
};
const CONV_ORDER: readonly (keyof ConvExplainerParams)[] = [
  'inputSize',
  'kernelSize',
  'stride',
  'padding',
  'dilation',
  'channels',
  'filters',
];
const CONV_NAMES: Readonly<Record<keyof ConvExplainerParams, string>> = {
  inputSize: 'input size',
  kernelSize: 'kernel size',
  stride: 'stride',
  padding: 'padding',
  dilation: 'dilation',
  channels: 'channels',
  filters: 'filters',
};

export const POOL_LIMITS = { size: [2, 3], stride: [1, 3], inputSize: [4, 8] } as const;

/** The lecture's first example: a 3×3 kernel over a 7×7 input, stride 1, no padding. */
const DEFAULT_CONV_PARAMS: ConvExplainerParams = {
  inputSize: 7,
  kernelSize: 3,
  stride: 1,
  padding: 0,
  dilation: 1,
  channels: 1,
  filters: 1,
};

/** Lecture examples a person can jump to, each written as its change from the first. */
export const CONV_PRESETS: readonly { label: string; params: ConvExplainerParams }[] = [
  { label: '7×7, 3×3, stride 1 → 5×5', params: DEFAULT_CONV_PARAMS },
  { label: 'stride 2 → 3×3', params: { ...DEFAULT_CONV_PARAMS, stride: 2 } },
  { label: 'stride 3 does not fit', params: { ...DEFAULT_CONV_PARAMS, stride: 3 } },
  { label: 'pad 1 keeps 7×7', params: { ...DEFAULT_CONV_PARAMS, padding: 1 } },
  {
    label: '3 channels, 2 filters',
    params: { ...DEFAULT_CONV_PARAMS, inputSize: 5, padding: 1, channels: 3, filters: 2 },
  },
  {
    label: '1×1 convolution',
    params: { ...DEFAULT_CONV_PARAMS, inputSize: 5, kernelSize: 1, channels: 3, filters: 2 },
  },
];

export const DEFAULT_EXPLAINER_SETTINGS: ExplainerSettings = {
  convParams: DEFAULT_CONV_PARAMS,
  convKernel: 'random',
  convSource: { kind: 'random' },
  poolParams: { op: 'max', size: 2, stride: 2, inputSize: 6 },
};

const shorten = (text: string): string =>
  JSON.stringify(text.length > 30 ? `${text.slice(0, 27)}...` : text);

/** Whole numbers joined by '-', each within its limits; `names` says what each one is. */
function wholeNumbers(
  text: string,
  names: readonly string[],
  limits: readonly (readonly [number, number])[],
  what: string,
): { ok: true; value: number[] } | { ok: false; reason: string } {
  const parts = text.split('-');
  if (parts.length !== names.length || !parts.every((p) => /^\d{1,2}$/.test(p))) {
    return {
      ok: false,
      reason: `${what} must be ${names.length} whole numbers joined by '-' (${names.join(', ')}), not ${shorten(text)}`,
    };
  }
  const values = parts.map(Number);
  for (let k = 0; k < values.length; k++) {
    const [min, max] = limits[k] ?? [0, 0];
    const v = values[k] ?? 0;
    if (v < min || v > max) {
      return { ok: false, reason: `the ${names[k]} must be from ${min} to ${max}, not ${v}` };
    }
  }
  return { ok: true, value: values };
}

/** `7-3-1-0-1-1-1`: input size, kernel size, stride, padding, dilation, channels, filters. */
export const convParamsCodec: Codec<ConvExplainerParams> = {
  encode: (p) => CONV_ORDER.map((k) => p[k]).join('-'),
  decode: (text) => {
    const parsed = wholeNumbers(
      text,
      CONV_ORDER.map((k) => CONV_NAMES[k]),
      CONV_ORDER.map((k) => CONV_LIMITS[k]),
      'the convolution settings',
    );
    if (!parsed.ok) return parsed;
    const value = Object.fromEntries(CONV_ORDER.map((k, i) => [k, parsed.value[i]]));
    return { ok: true, value: value as unknown as ConvExplainerParams };
  },
};

/** `random`, or `crop-R-C` for the crop whose top-left pixel is at row R, column C. */
export const convSourceCodec: Codec<ConvSource> = {
  encode: (s) => (s.kind === 'random' ? 'random' : `crop-${s.row}-${s.col}`),
  decode: (text) => {
    if (text === 'random') return { ok: true, value: { kind: 'random' } };
    const match = /^crop-(\d{1,3})-(\d{1,3})$/.exec(text);
    if (!match) {
      return {
        ok: false,
        reason: `the input must be "random" or "crop-row-column", not ${shorten(text)}`,
      };
    }
    return { ok: true, value: { kind: 'crop', row: Number(match[1]), col: Number(match[2]) } };
  },
};

/** `max-2-2-6`: the reduction, window size, stride and input size. */
export const poolParamsCodec: Codec<PoolExplainerParams> = {
  encode: (p) => `${p.op}-${p.size}-${p.stride}-${p.inputSize}`,
  decode: (text) => {
    const [op = '', ...rest] = text.split('-');
    const opResult = enumCodec(POOL_OPS, 'pooling').decode(op);
    if (!opResult.ok) return opResult;
    const parsed = wholeNumbers(
      rest.join('-'),
      ['window size', 'stride', 'input size'],
      [POOL_LIMITS.size, POOL_LIMITS.stride, POOL_LIMITS.inputSize],
      'the pooling settings',
    );
    if (!parsed.ok) return parsed;
    const [size = 2, stride = 2, inputSize = 6] = parsed.value;
    return { ok: true, value: { op: opResult.value, size, stride, inputSize } };
  },
};

export const convKernelCodec: Codec<ConvKernelChoice> = enumCodec(CONV_KERNEL_CHOICES, 'kernel');
