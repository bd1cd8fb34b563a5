/**
 * Plain tensors for the reference ops: a flat array in row-major order plus its shape.
 * Images are HWC (height, width, channels) without a batch axis; a batch is NHWC.
 * The ops keep the precision they are given: Float32Array in, Float32Array out, and
 * Float64Array in, Float64Array out (the gradient checks difference in float64).
 */

export type Values = Float32Array | Float64Array;

export interface RefTensor<V extends Values = Values> {
  readonly shape: readonly number[];
  readonly data: V;
}

/** Number of values in a tensor of this shape: the product of its sizes. */
export function shapeSize(shape: readonly number[]): number {
  return shape.reduce((product, n) => product * n, 1);
}

/** A zero-filled array of `length` values with the same precision as `like`. */
export function createValues<V extends Values>(like: V, length: number): V {
  return (like instanceof Float64Array ? new Float64Array(length) : new Float32Array(length)) as V;
}

/** A tensor from a shape and its values, checking that they agree. */
export function createTensor<V extends Values>(shape: readonly number[], data: V): RefTensor<V> {
  if (shapeSize(shape) !== data.length) {
    throw new RangeError(
      `A ${shape.join('×')} tensor holds ${shapeSize(shape)} values, not ${data.length}.`,
    );
  }
  return { shape: [...shape], data };
}

/** Throws unless the tensor has the expected rank, naming the op and what it wanted. */
export function expectRank(tensor: RefTensor, rank: number, op: string, wanted: string): void {
  if (tensor.shape.length !== rank) {
    throw new RangeError(`${op} needs a ${wanted} tensor; got shape [${tensor.shape.join(', ')}].`);
  }
}

/** The samples of a batch (shape [N, ...]) as separate tensors (views, not copies). */
export function unstackBatch<V extends Values>(batch: RefTensor<V>): RefTensor<V>[] {
  const [count = 0, ...sample] = batch.shape;
  const size = shapeSize(sample);
  return Array.from({ length: count }, (_, i) => ({
    shape: sample,
    data: batch.data.subarray(i * size, (i + 1) * size) as V,
  }));
}

/** Stacks equally shaped samples into a batch of shape [N, ...]. */
export function stackBatch<V extends Values>(samples: readonly RefTensor<V>[]): RefTensor<V> {
  const first = samples[0];
  if (!first) throw new RangeError('stackBatch needs at least one sample.');
  const size = first.data.length;
  const data = createValues(first.data, size * samples.length);
  samples.forEach((s, i) => {
    if (s.data.length !== size) throw new RangeError('stackBatch needs equally shaped samples.');
    data.set(s.data, i * size);
  });
  return { shape: [samples.length, ...first.shape], data };
}
