import '@tensorflow/tfjs-backend-cpu';
import '@tensorflow/tfjs-backend-webgl';
import '@tensorflow/tfjs-backend-webgpu';
import { createRandom } from '../../../src/core/random';
import { conv2dWithBias } from '../../../src/engine/convBias';
import { tf, type Tensor } from '../../../src/engine/tf';
import { CONV_CASES, type ConvCase } from '../../unit/engine/fixtures';

/**
 * Bundled for a page by gpuKernels.spec.ts: the engine's fused convolution with bias and its
 * three gradients on WebGL and WebGPU, against tfjs's own conv2d followed by an Add on the
 * CPU backend (its reference loops), for the six convolutions the unit tests run on CPU and
 * WASM.
 */

const size = (shape: readonly number[]) => shape.reduce((p, d) => p * d, 1);
const values = (n: number, seed: string) => {
  const random = createRandom(seed);
  return Float32Array.from({ length: n }, () => random.normal(0, 1));
};

type Conv = (c: ConvCase) => (x: Tensor, k: Tensor, b: Tensor) => Tensor;
const fused: Conv = (c) => (x, k, b) => conv2dWithBias(x, k, b, c.stride, c.pad);
const plain: Conv = (c) => (x, k, b) =>
  tf.add(tf.conv2d(x as tf.Tensor4D, k as tf.Tensor4D, c.stride, c.pad), b);

/** y, then d(Σ y·r)/dx, /dW and /db, on the current backend. */
async function run(c: ConvCase, how: Conv): Promise<Float32Array[]> {
  const x = tf.tensor(values(size(c.x), `${c.name} x`), c.x);
  const k = tf.tensor(values(size(c.kernel), `${c.name} k`), c.kernel);
  const b = tf.tensor(values(c.kernel[3], `${c.name} b`), [c.kernel[3]]);
  const conv = how(c);
  const y = conv(x, k, b);
  const r = tf.tensor(values(y.size, `${c.name} r`), y.shape);
  const grads = tf.grads((xx: Tensor, kk: Tensor, bb: Tensor) =>
    tf.sum(tf.mul(conv(xx, kk, bb), r)),
  )([x, k, b]);
  const out = await Promise.all([y, ...grads].map((t) => t.data() as Promise<Float32Array>));
  tf.dispose([x, k, b, y, r, ...grads]);
  return out;
}

/** Max |a − b| over max |b|, or Infinity when the lengths differ. */
function relativeError(a: Float32Array, b: Float32Array): number {
  if (a.length !== b.length) return Infinity;
  let difference = 0;
  let scale = 1e-6;
  for (let i = 0; i < b.length; i++) {
    difference = Math.max(difference, Math.abs((a[i] ?? 0) - (b[i] ?? 0)));
    scale = Math.max(scale, Math.abs(b[i] ?? 0));
  }
  return difference / scale;
}

export interface CheckRow {
  readonly backend: string;
  readonly ran: string;
  readonly name: string;
  /** Relative error of y, dx, dW and db against the CPU backend. */
  readonly errors: number[];
  readonly error?: string;
}

async function check(backends: string[]): Promise<CheckRow[]> {
  await tf.setBackend('cpu');
  const expected = new Map<string, Float32Array[]>();
  for (const c of CONV_CASES) expected.set(c.name, await run(c, plain));
  const rows: CheckRow[] = [];
  for (const backend of backends) {
    try {
      if (!(await tf.setBackend(backend))) throw new Error(`${backend} did not start`);
      await tf.ready();
      for (const c of CONV_CASES) {
        const got = await run(c, fused);
        const want = expected.get(c.name) ?? [];
        const errors = got.map((g, i) => relativeError(g, want[i] ?? new Float32Array()));
        rows.push({ backend, ran: tf.getBackend(), name: c.name, errors });
      }
    } catch (error) {
      rows.push({ backend, ran: tf.getBackend(), name: '', errors: [], error: String(error) });
    }
  }
  return rows;
}

(window as unknown as { convBiasCheck: typeof check }).convBiasCheck = check;
