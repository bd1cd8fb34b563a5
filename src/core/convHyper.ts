/**
 * The convolution explainer's hyper-parameters: a square N×N×C input and K square
 * F×F×C filters. The store keeps them (and puts them in the link); the explainer's
 * step-by-step arithmetic reads them.
 */
export interface ConvHyper {
  readonly inputSize: number;
  readonly kernelSize: number;
  readonly stride: number;
  readonly padding: number;
  readonly dilation: number;
  readonly channels: number;
  readonly filters: number;
}
