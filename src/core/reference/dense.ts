import { createValues, expectRank, shapeSize, type RefTensor, type Values } from './tensor';

/** Fully connected layer on one vector, kernel [N_in, N_out]: out[j] = b[j] + Σᵢ x[i] · W[i, j]. */
export function denseReference<V extends Values>(
  input: RefTensor<V>,
  kernel: RefTensor,
  bias: Values | null,
): RefTensor<V> {
  expectRank(input, 1, 'dense', 'flat vector');
  expectRank(kernel, 2, 'dense', 'inputs×units');
  const [inputs = 0, units = 0] = kernel.shape;
  if (inputs !== input.data.length) {
    throw new RangeError(
      `dense: the kernel expects ${inputs} inputs, the vector has ${input.data.length}.`,
    );
  }
  const out = createValues(input.data, units);
  for (let j = 0; j < units; j++) {
    let sum = bias ? (bias[j] ?? 0) : 0;
    for (let i = 0; i < inputs; i++)
      sum += (input.data[i] ?? 0) * (kernel.data[i * units + j] ?? 0);
    out[j] = sum;
  }
  return { shape: [units], data: out };
}

/** Flatten: the same values in row-major (height, width, channel) order, as one vector. */
export function flattenReference<V extends Values>(input: RefTensor<V>): RefTensor<V> {
  return { shape: [shapeSize(input.shape)], data: input.data.slice() as V };
}

/** Batch norm's ε, added to the variance before the square root so a flat channel is safe. */
export const BATCHNORM_EPSILON = 1e-5;

/**
 * Share of the old running statistic kept at each training step:
 * running ← m · running + (1 − m) · batch, with m = 0.9 (PyTorch's momentum 0.1).
 * The running variance uses the biased batch variance (divided by n, not n − 1).
 */
export const BATCHNORM_MOMENTUM = 0.9;

/** Batch norm's learned scale and shift and its statistics, one value per channel. */
export interface BatchNormValues {
  readonly gamma: Values;
  readonly beta: Values;
  readonly mean: Values;
  readonly variance: Values;
}

/** Batch norm with given statistics, per channel (last axis): y = γ (x − μ) / √(σ² + ε) + β. */
export function batchNormReference<V extends Values>(
  input: RefTensor<V>,
  values: BatchNormValues,
  epsilon = BATCHNORM_EPSILON,
): RefTensor<V> {
  const channels = input.shape[input.shape.length - 1] ?? 1;
  const out = createValues(input.data, input.data.length);
  input.data.forEach((x, i) => {
    const c = i % channels;
    const scale = (values.gamma[c] ?? 1) / Math.sqrt((values.variance[c] ?? 1) + epsilon);
    out[i] = (x - (values.mean[c] ?? 0)) * scale + (values.beta[c] ?? 0);
  });
  return { shape: input.shape, data: out };
}

/**
 * Batch norm while training: μ and σ² are the mean and (biased) variance of each channel
 * over the whole batch and every position, μ = (1/n) Σ x, σ² = (1/n) Σ (x − μ)²; returns
 * the normalised batch and those statistics.
 */
export function batchNormTrainingReference<V extends Values>(
  batch: RefTensor<V>,
  gamma: Values,
  beta: Values,
  epsilon = BATCHNORM_EPSILON,
): { output: RefTensor<V>; mean: V; variance: V } {
  const channels = batch.shape[batch.shape.length - 1] ?? 1;
  const n = batch.data.length / channels;
  const mean = createValues(batch.data, channels);
  const variance = createValues(batch.data, channels);
  batch.data.forEach((x, i) => (mean[i % channels] = (mean[i % channels] ?? 0) + x / n));
  batch.data.forEach((x, i) => {
    const d = x - (mean[i % channels] ?? 0);
    variance[i % channels] = (variance[i % channels] ?? 0) + (d * d) / n;
  });
  const output = batchNormReference(batch, { gamma, beta, mean, variance }, epsilon);
  return { output, mean, variance };
}
