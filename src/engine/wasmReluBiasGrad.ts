import type { KernelFunc, TensorInfo } from '@tensorflow/tfjs-core';
import { heapMemory, type WasmHeap } from './backendKernels';
import { RELU_BIAS_GRAD_WASM } from './kernels/reluBiasGradWasm';
import { tf, type Tensor } from './tf';
import { simdKernelOver } from './wasmSimdModule';

/**
 * The gradient through a convolution's fused ReLU and its bias (convBias.ts) in one pass
 * on the WASM backend: g = dy·step(y) and db = Σ g over N, H and W, by a WebAssembly SIMD
 * function of our own (kernels/reluBiasGrad.wat) on tfjs's tensors where they are.
 *
 * Why: composed, that is a Step, a Multiply and a Sum, three passes over a tensor the size
 * of the layer's output and a temporary one (Mini VGG 32's first layers: 32×32×32×16
 * floats); tfjs-wasm's elementwise kernels are scalar loops. g has the bits of
 * dy·step(y) wherever dy is finite (the compare's mask keeps dy or gives +0, where the
 * product gives −0 for a negative dy: equal as numbers); db sums in another order than
 * tfjs's Sum, within the tests' 1e-5.
 */
export const RELU_BIAS_GRAD = 'ReluBiasGradLab';

/** The function over tfjs's memory, or null where it cannot run there. */
const reluBiasGradOver = (heap: WebAssembly.Memory) =>
  simdKernelOver(heap, RELU_BIAS_GRAD_WASM, 'reluBiasGrad');

/** Whether the kernel runs for a gradient of this shape on the current backend. */
function runsHere(shape: readonly number[]): boolean {
  const channels = shape[shape.length - 1] ?? 0;
  if (shape.length !== 4 || channels % 4 !== 0 || shape.some((d) => d < 1)) return false;
  if (!tf.getKernel(RELU_BIAS_GRAD, tf.getBackend())) return false;
  const memory = heapMemory(tf.backend());
  return memory !== null && reluBiasGradOver(memory) !== null;
}

/**
 * [dy·step(y), Σ over N, H, W of it] for a ReLU's output y and its gradient dy, [N, H, W, C]:
 * by the kernel where it runs, composed from tfjs's ops everywhere else.
 */
export function reluBiasGradient(dy: Tensor, y: Tensor): [Tensor, Tensor] {
  if (runsHere(dy.shape)) {
    return tf.engine().runKernel(RELU_BIAS_GRAD, { dy, y }) as unknown as [Tensor, Tensor];
  }
  const g = tf.mul(dy, tf.step(y));
  return [g, tf.sum(g, [0, 1, 2])];
}

const reluBiasGradKernel: KernelFunc = ({ inputs, backend }) => {
  const { dy, y } = inputs as { dy: TensorInfo; y: TensorInfo };
  const wasm = backend as unknown as WasmHeap;
  const [n = 0, h = 0, w = 0, c = 0] = dy.shape;
  // The same memory object before and after growing: the function is looked up first.
  const run = reluBiasGradOver(heapMemory(backend) as WebAssembly.Memory);
  if (!run) throw new Error('The ReLU-and-bias gradient kernel cannot run in this memory.');
  const g = wasm.makeOutput([...dy.shape], 'float32');
  const db = wasm.makeOutput([c], 'float32');
  const part = wasm.makeOutput([c], 'float32');
  try {
    // Views after every allocation: allocating may grow (and so move) the memory.
    const [dyv, yv, gv, dbv, pv] = [dy, y, g, db, part].map((t) => wasm.typedArrayFromHeap(t));
    const at = [dyv, yv, gv, dbv, pv].map((v) => v!.byteOffset);
    run(...at, n, h * w, c / 4);
  } finally {
    wasm.disposeData(part.dataId);
  }
  return [g, db];
};

let registered = false;

/** Registers the kernel for the WASM backend (reluBiasGradient uses it where it runs). */
export function registerWasmReluBiasGrad(): void {
  if (registered || tf.getKernel(RELU_BIAS_GRAD, 'wasm')) return;
  tf.registerKernel({
    kernelName: RELU_BIAS_GRAD,
    backendName: 'wasm',
    kernelFunc: reluBiasGradKernel,
  });
  registered = true;
}
