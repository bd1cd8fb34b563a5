import type { FusedConv2DAttrs, GradConfig, NamedAttrMap, Tensor4D } from '@tensorflow/tfjs-core';
import { tf, type Tensor } from './tf';
import { reluBiasGradient } from './wasmReluBiasGrad';

/**
 * A convolution with its bias added inside the backend's convolution (the FusedConv2D
 * kernel every backend has, with a linear activation), differentiated with the same kernels
 * as a plain conv2d.
 *
 * Why: adding a [C] bias to an N×H×W×C tensor is a broadcasting Add, which tfjs-wasm 4.22
 * runs far slower than an Add of two same-shaped tensors (0.42 ms against 0.08 ms for LeNet-5's
 * 32×28×28×6 first layer, measured with tf.profile in Node), while XNNPACK's convolution
 * starts every sum from the bias at no cost. tfjs's own `tf.fused.conv2d` cannot be used for
 * training: its gradient is a customGrad that always computes the input's gradient too, which
 * for a network's first layer is work nobody reads (2.75 ms a LeNet-5 step). Here the
 * gradient is registered for the kernel, one function per input, so backpropagation asks only
 * for the ones on the way to the weights, as it does for Conv2D.
 *
 * The gradients are those of tfjs's Conv2D (Conv2DBackpropInput and Conv2DBackpropFilter,
 * with the forward's strides and padding) and, for the bias, the sum of dy over N, H and W.
 *
 * A ReLU after the convolution runs inside the same kernel (activation 'relu': each output
 * clamped at 0 as it is written), which saves a pass over the layer's output and a tensor
 * of its size (Mini VGG's first layers: 32×32×32×16 floats, 2 MB, a step). Its gradient
 * is ReLU's, dy·step(y): y > 0 exactly where the sum before the clamp is, so the numbers
 * are those of tfjs's Relu gradient, dy·step(x).
 */
export const FUSED_CONV2D = 'FusedConv2D';

const fusedConv2DGradient: GradConfig = {
  kernelName: FUSED_CONV2D,
  inputsToSave: ['x', 'filter'],
  outputsToSave: [true],
  gradFunc: (dy, saved, attrs) => {
    const [x, filter, y] = saved as [Tensor4D, Tensor4D, Tensor4D];
    const { strides, pad, dataFormat, dimRoundingMode, activation } =
      attrs as unknown as FusedConv2DAttrs;
    if (activation !== 'linear' && activation !== 'relu') {
      throw new Error(
        `Only a linear or ReLU FusedConv2D is differentiated here, not ${activation}.`,
      );
    }
    // The gradient at the sum, before the ReLU, and the bias's: made once, for the three.
    const [g, db] = (activation === 'relu' ? reluBiasGradient(dy as Tensor, y) : [dy, null]) as [
      Tensor4D,
      Tensor | null,
    ];
    const common = { strides, pad, dataFormat, dimRoundingMode };
    return {
      x: () =>
        tf.engine().runKernel('Conv2DBackpropInput', { dy: g, filter }, {
          ...common,
          inputShape: x.shape,
        } as unknown as NamedAttrMap) as Tensor,
      filter: () =>
        tf.engine().runKernel('Conv2DBackpropFilter', { x, dy: g }, {
          ...common,
          filterShape: filter.shape,
        } as unknown as NamedAttrMap) as Tensor,
      bias: () => db ?? tf.sum(g, [0, 1, 2]),
    };
  },
};

if (!tf.getGradient(FUSED_CONV2D)) tf.registerGradient(fusedConv2DGradient);

/** The activations the convolution applies itself. */
export type FusedActivation = 'linear' | 'relu';

/**
 * activation(conv2d(x, kernel) + bias), NHWC, dilation 1 (a dilated kernel is spread out
 * beforehand), through the backend's FusedConv2D kernel.
 */
export function conv2dWithBias(
  x: Tensor,
  kernel: Tensor,
  bias: Tensor,
  strides: [number, number],
  pad: FusedConv2DAttrs['pad'],
  activation: FusedActivation = 'linear',
): Tensor {
  // No dimRoundingMode: the layers pad explicitly (or not at all), so no size is rounded.
  const attrs: Omit<FusedConv2DAttrs, 'dimRoundingMode'> = {
    strides,
    pad,
    dataFormat: 'NHWC',
    dilations: [1, 1],
    activation,
  };
  return tf
    .engine()
    .runKernel(
      FUSED_CONV2D,
      { x, filter: kernel, bias },
      attrs as unknown as NamedAttrMap,
    ) as Tensor;
}
