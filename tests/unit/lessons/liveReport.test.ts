import { afterEach, describe, expect, it } from 'vitest';
import { LESSONS } from '../../../src/lessons/catalogue';
import { checkMakeItSo, engineReportOf, liveContext } from '../../../src/lessons/runner';
import type { MakeItSoExercise } from '../../../src/lessons/types';
import { useLabStore } from '../../../src/state/store';

const initial = useLabStore.getState();
afterEach(() => {
  useLabStore.getState().metrics.clear();
  useLabStore.setState({ run: initial.run });
});

const validationExercise = (): MakeItSoExercise => {
  for (const lesson of LESSONS)
    for (const step of lesson.steps)
      if (
        step.exercise?.kind === 'make-it-so' &&
        step.exercise.check.id === 'validation-accuracy-at-least'
      )
        return step.exercise;
  throw new Error('no lesson checks validation accuracy');
};

describe("the live lab's engine report", () => {
  it('is empty of accuracy and loss before any training', () => {
    expect(engineReportOf(useLabStore.getState())).toEqual({ step: 0 });
  });

  it('carries the step, the latest validation accuracy and the latest training loss', () => {
    const { metrics, setRun } = useLabStore.getState();
    metrics.pushTrain({ step: 1, epoch: 0, loss: 2.3, accuracy: 0.1 });
    metrics.pushTrain({ step: 2, epoch: 0, loss: 1.9, accuracy: 0.3 });
    metrics.pushValidation({ step: 2, epoch: 0, loss: 1.8, accuracy: 0.41 });
    setRun({ step: 2 });
    expect(engineReportOf(useLabStore.getState())).toEqual({
      step: 2,
      validationAccuracy: 0.41,
      trainingLoss: 1.9,
    });
  });

  it("lets a lesson's accuracy exercise see what training reached", () => {
    const exercise = validationExercise();
    // Open the exercise's solution network, then report an accuracy above any target.
    const before = checkMakeItSo(exercise, liveContext(useLabStore.getState()));
    expect(before.pass).toBe(false);
    useLabStore.getState().metrics.pushValidation({ step: 9, epoch: 1, loss: 0.01, accuracy: 1 });
    const after = liveContext(useLabStore.getState());
    expect(after.engine.validationAccuracy).toBe(1);
  });
});
