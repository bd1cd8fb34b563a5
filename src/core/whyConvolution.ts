/**
 * Why convolution: how many parameters it takes to connect an image to a layer of hidden
 * units in three ways. The lecture decks count weights only, no biases (200×200 image,
 * 40K hidden units: fully connected ≈ 2B, locally connected 10×10 fields 4M, convolutional
 * 100 filters of 10×10 10K); biases can be added to see how little they change.
 */

/** What is being connected: an H×W×C image to hidden units through F×F fields or K filters. */
export interface ConnectivityQuestion {
  readonly imageHeight: number;
  readonly imageWidth: number;
  readonly channels: number;
  /** Hidden units of the fully and the locally connected layer. */
  readonly hiddenUnits: number;
  /** Side of the square field (locally connected) and filter (convolutional). */
  readonly field: number;
  /** Number of convolutional filters. */
  readonly filters: number;
  /** Count one bias per hidden unit (per filter for convolution); the decks do not. */
  readonly includeBiases: boolean;
}

/** The decks' example: a 200×200 grey image, 40,000 hidden units, 10×10 fields, 100 filters. */
export const DECK_QUESTION: ConnectivityQuestion = {
  imageHeight: 200,
  imageWidth: 200,
  channels: 1,
  hiddenUnits: 40_000,
  field: 10,
  filters: 100,
  includeBiases: false,
};

/** Fully connected: every hidden unit sees every input value: H·W·C·N weights (+ N biases). */
export function fullyConnectedParams(q: ConnectivityQuestion): number {
  return (
    q.imageHeight * q.imageWidth * q.channels * q.hiddenUnits +
    (q.includeBiases ? q.hiddenUnits : 0)
  );
}

/**
 * Locally connected: each hidden unit sees its own F×F×C patch with its own weights:
 * N·F·F·C weights (+ N biases), independent of the image size.
 */
export function locallyConnectedParams(q: ConnectivityQuestion): number {
  return q.hiddenUnits * q.field * q.field * q.channels + (q.includeBiases ? q.hiddenUnits : 0);
}

/**
 * Convolutional: K filters of F×F×C weights, each shared by every position:
 * K·F·F·C weights (+ K biases), independent of both the image size and the number of positions.
 */
export function convolutionalParams(q: ConnectivityQuestion): number {
  return q.filters * q.field * q.field * q.channels + (q.includeBiases ? q.filters : 0);
}

/**
 * Hidden units the convolutional layer produces: K maps of H×W positions (stride 1 with
 * "same" padding), K·H·W units from only K·F·F·C weights.
 */
export function convolutionalUnits(q: ConnectivityQuestion): number {
  return q.filters * q.imageHeight * q.imageWidth;
}

/** The reasons a question cannot be answered, one sentence each (empty when it can). */
export function connectivityProblems(q: ConnectivityQuestion): string[] {
  const problems: string[] = [];
  const whole = (v: number, what: string, min: number) => {
    if (!Number.isInteger(v) || v < min)
      problems.push(`${what} must be a whole number of at least ${min}.`);
  };
  whole(q.imageHeight, 'The image height', 1);
  whole(q.imageWidth, 'The image width', 1);
  whole(q.channels, 'The number of channels', 1);
  whole(q.hiddenUnits, 'The number of hidden units', 1);
  whole(q.field, 'The field size', 1);
  whole(q.filters, 'The number of filters', 1);
  if (problems.length === 0 && (q.field > q.imageHeight || q.field > q.imageWidth)) {
    problems.push(
      `A ${q.field}×${q.field} field does not fit in a ${q.imageHeight}×${q.imageWidth} image.`,
    );
  }
  return problems;
}
