import { TOY_DATASETS, TOY_DATASET_LABELS, type ToyDatasetId } from '../../core/toyData';
import { DATASET_IDS } from '../../state/settings';
import {
  failed,
  formatNumber,
  formatPercent,
  numberParam,
  optionalNumber,
  passed,
  stringParam,
  type Checker,
  type ParamSpec,
} from './types';

const accuracySpec: ParamSpec = {
  name: 'accuracy',
  kind: 'number',
  meaning: 'the accuracy to reach, as a share from 0 to 1 (0.97 is 97%)',
  min: 0,
  max: 1,
};

/** "Reach 97% validation accuracy on MNIST with fewer than 20,000 parameters." */
export const validationAccuracyAtLeast: Checker = {
  id: 'validation-accuracy-at-least',
  label: 'Validation accuracy at least (with at most so many parameters)',
  params: [
    accuracySpec,
    {
      name: 'maxParams',
      kind: 'number',
      meaning: 'the most parameters the network may have',
      integer: true,
      min: 1,
      max: 1e12,
      optional: true,
    },
    {
      name: 'dataset',
      kind: 'string',
      meaning: 'the dataset it must be trained on',
      choices: DATASET_IDS,
      optional: true,
    },
  ],
  describe: (p) => {
    const max = optionalNumber(p, 'maxParams');
    const data = stringParam(p, 'dataset');
    return `Reach ${formatPercent(numberParam(p, 'accuracy'))} validation accuracy${data ? ` on ${data}` : ''}${max !== undefined ? ` with at most ${formatNumber(max)} parameters` : ''}.`;
  },
  check: ({ settings, report, engine }, p) => {
    const target = numberParam(p, 'accuracy');
    const max = optionalNumber(p, 'maxParams');
    const data = stringParam(p, 'dataset');
    if (data && settings.dataset !== data)
      return failed(
        `The lab is on ${settings.dataset}; switch the dataset to ${data} and train there.`,
      );
    if (max !== undefined && report.totalParams > max)
      return failed(
        `The network has ${formatNumber(report.totalParams)} parameters, ${formatNumber(report.totalParams - max)} over the limit of ${formatNumber(max)}; make it smaller first (fewer units or filters, pooling before the dense layers).`,
      );
    const accuracy = engine.validationAccuracy;
    if (accuracy === undefined || !Number.isFinite(accuracy))
      return failed('There is no validation accuracy yet: train the network for an epoch first.');
    if (accuracy >= target)
      return passed(
        `Validation accuracy is ${formatPercent(accuracy)}, at least ${formatPercent(target)}.`,
      );
    const points = ((target - accuracy) * 100).toFixed(1);
    return failed(
      `Validation accuracy is ${formatPercent(accuracy)}, ${points} points short of ${formatPercent(target)}; train longer or change the learning rate or the network.`,
    );
  },
};

/** "Get the MLP to separate XOR": the neuron playground's accuracy on its toy data. */
export const toyAccuracyAtLeast: Checker = {
  id: 'toy-accuracy-at-least',
  label: 'Playground accuracy at least',
  params: [
    accuracySpec,
    {
      name: 'dataset',
      kind: 'string',
      meaning: 'the toy dataset it must be on',
      choices: TOY_DATASETS,
      optional: true,
    },
  ],
  describe: (p) => {
    const data = stringParam(p, 'dataset') as ToyDatasetId | undefined;
    return `In the neuron playground, reach ${formatPercent(numberParam(p, 'accuracy'))} accuracy${data ? ` on ${TOY_DATASET_LABELS[data]}` : ''}.`;
  },
  check: ({ settings, engine }, p) => {
    const target = numberParam(p, 'accuracy');
    const data = stringParam(p, 'dataset');
    if (data && settings.toy.dataset !== data)
      return failed(`The playground shows ${settings.toy.dataset}; switch it to ${data}.`);
    const accuracy = engine.toyAccuracy;
    if (accuracy === undefined || !Number.isFinite(accuracy))
      return failed('The playground has no accuracy yet: train it for a few steps first.');
    const hidden = settings.toy.hidden;
    return accuracy >= target
      ? passed(
          `The playground classifies ${formatPercent(accuracy)} of its points correctly, at least ${formatPercent(target)}.`,
        )
      : failed(
          `The playground classifies ${formatPercent(accuracy)} of its points correctly, short of ${formatPercent(target)}; ${hidden.length === 0 ? 'with no hidden layer it can only draw a straight boundary: add one' : 'train longer, or try more hidden units or another learning rate'}.`,
        );
  },
};

/** "Pick a learning rate at which training diverges": the loss is NaN or Infinity, or rose above a bound. */
export const trainingDiverged: Checker = {
  id: 'training-diverged',
  label: 'Training diverges',
  params: [
    {
      name: 'lossAbove',
      kind: 'number',
      meaning: 'a loss above this counts as diverged',
      min: 0,
      max: 1e12,
      optional: true,
    },
  ],
  describe: (p) => {
    const bound = optionalNumber(p, 'lossAbove');
    return `Pick a learning rate at which training diverges (the loss becomes NaN or Infinity${bound !== undefined ? ` or rises above ${formatNumber(bound)}` : ''}).`;
  },
  check: ({ settings, engine }, p) => {
    const bound = optionalNumber(p, 'lossAbove') ?? Number.POSITIVE_INFINITY;
    const loss = engine.trainingLoss;
    const rate = `learning rate ${formatNumber(settings.learningRate)}`;
    if (loss === undefined)
      return failed('There is no training loss yet: train a few steps first.');
    if (!Number.isFinite(loss)) return passed(`The loss is ${loss} at ${rate}: training diverged.`);
    if (loss > bound)
      return passed(
        `The loss rose to ${formatNumber(loss)}, above ${formatNumber(bound)}, at ${rate}: training diverged.`,
      );
    const steps = engine.step !== undefined ? ` after ${formatNumber(engine.step)} steps` : '';
    return failed(
      `The loss is ${formatNumber(loss)}${steps} at ${rate}: training has not diverged${Number.isFinite(bound) ? ` (it must be NaN, Infinity or above ${formatNumber(bound)})` : ' (it must become NaN or Infinity)'}; try a learning rate 10 or 100 times larger.`,
    );
  },
};

/** "Make the gradient check disagree by choosing a large epsilon": relative error above a bound. */
export const gradientCheckDisagrees: Checker = {
  id: 'gradient-check-disagrees',
  label: 'The gradient check disagrees',
  params: [
    {
      name: 'relativeError',
      kind: 'number',
      meaning: 'the relative error it must exceed',
      min: 0,
      max: 1e6,
    },
    {
      name: 'minEpsilon',
      kind: 'number',
      meaning: 'the smallest ε that counts',
      min: 0,
      max: 1e3,
      optional: true,
    },
  ],
  describe: (p) => {
    const eps = optionalNumber(p, 'minEpsilon');
    return `Make the gradient check disagree: a relative error above ${formatNumber(numberParam(p, 'relativeError'))}${eps !== undefined ? ` with ε at least ${formatNumber(eps)}` : ''}.`;
  },
  check: ({ engine }, p) => {
    const bound = numberParam(p, 'relativeError');
    const minEps = optionalNumber(p, 'minEpsilon');
    const error = engine.gradientCheckRelativeError;
    const eps = engine.gradientCheckEpsilon;
    if (error === undefined) return failed('There is no gradient check yet: run one first.');
    if (minEps !== undefined && (eps === undefined || eps < minEps))
      return failed(
        `The check used ε = ${eps === undefined ? 'unknown' : formatNumber(eps)}; it must be at least ${formatNumber(minEps)} for this exercise.`,
      );
    const epsText = eps === undefined ? '' : ` with ε = ${formatNumber(eps)}`;
    // NaN means the two gradients could not be compared at all: that is disagreement too.
    if (!(error <= bound))
      return passed(
        `The relative error is ${formatNumber(error)}${epsText}, above ${formatNumber(bound)}: finite differences and backprop disagree.`,
      );
    return failed(
      `The relative error is ${formatNumber(error)}${epsText}, not above ${formatNumber(bound)}: finite differences and backprop still agree; try a much larger ε.`,
    );
  },
};

/** The training and playground checkers, in the order the editor lists them. */
export const TRAINING_CHECKERS: readonly Checker[] = [
  validationAccuracyAtLeast,
  toyAccuracyAtLeast,
  trainingDiverged,
  gradientCheckDisagrees,
];
