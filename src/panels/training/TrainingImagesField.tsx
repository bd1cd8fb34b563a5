import { trainingImagesUsed } from '../../data/runSets';
import { useLabStore } from '../../state/store';
import { MIN_TRAIN_LIMIT } from '../../state/trainingSettings';
import { withCurrent } from '../shared/choices';
import { SelectField } from '../shared/SelectField';

/** The sizes offered, from the smallest a run may use: enough steps to see the curves part. */
const LIMITS = [MIN_TRAIN_LIMIT, 200, 500, 1000, 2000, 5000];

const count = (n: number) => n.toLocaleString('en-US');

/**
 * How many training images a run uses (curriculum row 12): cut to a few hundred, the
 * network learns them by heart and its training accuracy pulls away from its validation
 * accuracy. The note says how many are used of how many the validation share leaves.
 */
export function TrainingImagesField() {
  const limit = useLabStore((s) => s.trainLimit);
  const setTraining = useLabStore((s) => s.setTraining);
  const validationSplit = useLabStore((s) => s.validationSplit);
  const status = useLabStore((s) => s.datasetStatus[s.dataset]);
  const total = status?.state === 'ready' ? status.data.train.count : null;
  // As the worker splits: round(count · share) held back for validation, the rest to train on.
  const available = total === null ? null : total - Math.round(total * validationSplit);
  const used = available === null ? null : trainingImagesUsed(available, limit);
  const choices = [
    { value: 0, label: 'All' },
    ...withCurrent(LIMITS, limit)
      .filter((n) => n > 0)
      .map((n) => ({ value: n, label: count(n) })),
  ];
  return (
    <SelectField
      label={<span>Training images</span>}
      value={limit}
      choices={choices}
      onChange={(trainLimit) => setTraining({ trainLimit })}
      testId="train-limit"
    >
      <span className="muted small" data-testid="train-limit-note" data-used={used ?? undefined}>
        {used === null || available === null
          ? 'counted once the dataset is loaded'
          : `using ${count(used)} of ${count(available)}${
              limit > available ? ` (fewer than the ${count(limit)} asked)` : ''
            }`}
      </span>
    </SelectField>
  );
}
