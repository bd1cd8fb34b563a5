import type { ImageKernelId } from '../../core/imageKernels';
import { conv2dReference, type RefTensor } from '../../core/reference';
import type { ImageShape } from '../images';
import { convGeometryOf, type ConvGeometry, type ConvHyper } from './convSteps';
import {
  cropOf,
  explainerInputOf,
  explainerKernelOf,
  imageKernelOf,
  type KernelWithBias,
} from './explainerData';

/** An image to crop from: bytes HWC and their shape. */
export interface SourceImage extends ImageShape {
  readonly pixels: ArrayLike<number>;
}

export interface ConvModelRequest {
  readonly hyper: ConvHyper;
  /** 'random' for seeded whole numbers, or a classic kernel (one 3×3 filter on one channel). */
  readonly kernel: 'random' | ImageKernelId;
  /** Where to crop the selected image; null for seeded whole numbers. */
  readonly crop: { readonly row: number; readonly col: number } | null;
  readonly seed: number;
  /** The selected image, when there is one. */
  readonly image: SourceImage | null;
}

/** Everything the step-through shows, with the output computed by the core's reference op. */
export interface ConvModel {
  /** The settings in effect: a crop has the image's channels, a classic kernel one channel and filter. */
  readonly hyper: ConvHyper;
  readonly geometry: ConvGeometry;
  readonly input: RefTensor<Float64Array>;
  readonly weights: KernelWithBias;
  /** conv2dReference of input, kernel and bias; null when the kernel does not fit. */
  readonly output: RefTensor<Float64Array> | null;
  /** True when the numbers are a crop of the selected image. */
  readonly fromImage: boolean;
}

/** The explainer's input, kernel, geometry and output for the chosen settings. */
export function convModelOf(request: ConvModelRequest): ConvModel {
  const { kernel, crop, seed, image } = request;
  const classic = kernel !== 'random';
  const fromImage = crop !== null && image !== null;
  const channels = classic ? 1 : fromImage ? image.channels : request.hyper.channels;
  const hyper: ConvHyper = classic
    ? { ...request.hyper, kernelSize: 3, channels: 1, filters: 1 }
    : { ...request.hyper, channels };
  const input = fromImage
    ? cropOf(
        image.pixels,
        image,
        crop.row,
        crop.col,
        Math.min(hyper.inputSize, image.height, image.width),
        classic || image.channels === 1,
      )
    : explainerInputOf(seed, hyper.inputSize, hyper.channels);
  const sized = { ...hyper, inputSize: input.shape[0] ?? hyper.inputSize };
  const weights = classic
    ? imageKernelOf(kernel)
    : explainerKernelOf(seed, sized.kernelSize, sized.channels, sized.filters);
  const geometry = convGeometryOf(sized);
  const output = geometry.ok
    ? conv2dReference(input, weights.kernel, weights.bias, {
        stride: [sized.stride, sized.stride],
        padding: [sized.padding, sized.padding],
        dilation: [sized.dilation, sized.dilation],
      })
    : null;
  return { hyper: sized, geometry, input, weights, output, fromImage };
}
