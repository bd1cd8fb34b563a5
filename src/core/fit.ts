import { analyzeNetwork } from './analyze';
import { UNTITLED } from './parse';
import { networkWeightSpecs } from './weights';
import { formatShape, sizeOf, type Shape } from './shape';

/**
 * Whether a network can be trained on a dataset, decided from shapes alone, before any
 * model is built: a network whose input is not the dataset's image shape would otherwise
 * fail at its first step, and that failure looks like a broken backend.
 */

/** What the check needs to know of a dataset (a manifest entry fits). */
export interface DatasetShape {
  /** How people call it: "CIFAR-10". */
  readonly title: string;
  /** [height, width, channels]. */
  readonly imageShape: Shape;
  readonly classNames: readonly string[];
}

/** Shapes as the lab writes them in sentences: 28x28x1. */
const written = (shape: Shape): string => formatShape(shape).replace(/×/g, 'x');

/** The possessive of a dataset's title: "CIFAR-10's", "Your images'". */
const possessive = (title: string): string => (title.endsWith('s') ? `${title}'` : `${title}'s`);

/**
 * Null when the network takes the dataset's images (the same [H, W, C], or a vector of
 * H·W·C values) and gives at least one score per class; otherwise what is wrong and what
 * to do, in one sentence. A network that cannot be analysed is left to the model builder,
 * which names its own error.
 */
export function networkMismatch(network: unknown, dataset: DatasetShape): string | null {
  const report = analyzeNetwork(network);
  const input = report.input;
  if (!input) return null;
  const name = report.name === UNTITLED ? 'This network' : report.name;
  const image = dataset.imageShape;
  const takesImages =
    formatShape(input) === formatShape(image) ||
    (input.length === 1 && sizeOf(input) === sizeOf(image));
  if (!takesImages) {
    return `${name} expects ${written(input)} ${input.length === 1 ? 'values' : 'images'}; ${possessive(dataset.title)} are ${written(image)}: pick a ${written(image)} network or change the input.`;
  }
  const output = report.outputShape;
  const classes = dataset.classNames.length;
  if (output && output.length === 1 && (output[0] ?? 0) < classes) {
    return `${name} ends in ${output[0]} class scores but ${dataset.title} has ${classes} classes: give the last dense layer ${classes} units or pick another dataset.`;
  }
  return null;
}

/** A network and dataset that do not fit, as a typed error (the worker refuses such a setup with it). */
export class NetworkMismatchError extends Error {
  override readonly name = 'NetworkMismatchError';
}

/** True when an error (possibly one that crossed from the worker, keeping only its name) is a mismatch. */
export function isNetworkMismatch(error: unknown): boolean {
  return error instanceof Error && error.name === 'NetworkMismatchError';
}

/** What a stored weight says of itself (a checkpoint's weight or a snapshot's record). */
export interface WeightIdentity {
  readonly name: string;
  readonly role: string;
  readonly shape: readonly number[];
}

/**
 * Null when `weights` has exactly the shape of every weight the network holds (matched by
 * layer name and role, as the engine loads them); otherwise the first that does not fit.
 * Worked out from the network document alone, so a file can be refused before anything
 * of the current run is touched.
 */
export function weightsMismatch(
  network: unknown,
  weights: readonly WeightIdentity[],
): string | null {
  const layers = networkWeightSpecs(network);
  if (!layers) return 'the current network has errors, so no weights fit it.';
  const byKey = new Map(weights.map((w) => [`${w.name}/${w.role}`, w]));
  for (const layer of layers) {
    for (const spec of layer.weights) {
      const stored = byKey.get(`${layer.name}/${spec.role}`);
      if (!stored) return `there is no ${spec.role} for layer ${layer.name}.`;
      if (formatShape(stored.shape) !== formatShape(spec.shape))
        return `layer ${layer.name}'s ${spec.role} is ${formatShape(spec.shape)} here but ${formatShape(stored.shape)} in the file.`;
    }
  }
  return null;
}
