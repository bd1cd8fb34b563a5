import type { LoadedDataset } from '../data/loader';
import type { TrainingSession } from '../engine';
import {
  confusionMatrix,
  limitTraining,
  splitValidation,
  type TestEvaluation,
  type ValidationSplit,
} from '../data/runSets';
import type { ImageSet } from '../data/types';

/** The three sets a run uses, and the statistics normalisation needs. */
export interface RunData extends ValidationSplit {
  readonly test: ImageSet;
}

/**
 * Holds back a class-stratified share of the training split for validation, drawn
 * from the lab's seed (as the pretraining command does), then keeps `trainLimit` of the
 * images left to train on (0 = all; see limitTraining); the test split is kept whole.
 */
export function prepareRunData(
  dataset: LoadedDataset,
  validationSplit: number,
  seed: number,
  trainLimit = 0,
): RunData {
  const split = splitValidation(dataset.train, validationSplit, seed);
  return { ...limitTraining(split, trainLimit, seed), test: dataset.test };
}

/** The run's loss, accuracy, predictions and confusion matrix on the whole test split. */
export async function evaluateTestOf(
  session: TrainingSession,
  data: RunData,
): Promise<TestEvaluation> {
  const result = await session.evaluate(data.test);
  return {
    loss: result.loss,
    accuracy: result.accuracy,
    predictions: result.predictions,
    confusion: confusionMatrix(data.test.labels, result.predictions, data.test.classCount),
    step: session.step,
  };
}
