import { afterEach, describe, expect, it } from 'vitest';
import { engineReportOf, liveContext } from '../../../src/lessons/runner';
import { runCheck } from '../../../src/lessons/checkers';
import {
  gradientCheckPatch,
  gradientCheckReportOf,
  NO_GRADIENT_CHECK,
  staleGradientCheckPatch,
  watchGradientCheckBasis,
} from '../../../src/panels/maths/gradientCheckReport';
import { createPlaygroundRunner } from '../../../src/panels/neurons/playgroundRunner';
import {
  staleToyPatch,
  toyAccuracyPatch,
  watchToyReportBasis,
} from '../../../src/panels/neurons/toyReport';
import { useLabStore } from '../../../src/state/store';
import { DEFAULT_TOY_SETTINGS, type ToySettings } from '../../../src/state/toyPlayground';
import type { GradientCheckResult } from '../../../src/state/trainingSlice';

const initial = useLabStore.getState();
afterEach(() => useLabStore.setState(initial, true));

/** The verdict of a checker on the live store, as "Check my lab" asks it. */
const verdict = (id: string, params: Record<string, number | string>) => {
  const result = runCheck({ id, params }, liveContext(useLabStore.getState()));
  if (!result.ok) throw new Error(result.problems.join(' '));
  return result.outcome;
};

const XOR_PERCEPTRON: ToySettings = { ...DEFAULT_TOY_SETTINGS, dataset: 'xor', hidden: [] };
const XOR_FOUR_TANH: ToySettings = { ...DEFAULT_TOY_SETTINGS, dataset: 'xor', hidden: [4] };

describe("the playground's accuracy for Check my lab", () => {
  it('reports a changed accuracy, and nothing for an unchanged one', () => {
    expect(toyAccuracyPatch({}, 0.5)).toEqual({ toyAccuracy: 0.5 });
    expect(toyAccuracyPatch({ toyAccuracy: 0.5 }, 0.5)).toBeNull();
    expect(toyAccuracyPatch({ toyAccuracy: 0.5 }, 0.97)).toEqual({ toyAccuracy: 0.97 });
    expect(toyAccuracyPatch({ toyAccuracy: 0.5 }, Number.NaN)).toEqual({ toyAccuracy: undefined });
  });

  it('goes stale with the data or the network, not with the learning rate', () => {
    const held = { toyAccuracy: 0.97 };
    expect(staleToyPatch(XOR_FOUR_TANH, { ...XOR_FOUR_TANH, learningRate: 0.3 }, held)).toBeNull();
    expect(staleToyPatch(XOR_FOUR_TANH, { ...XOR_FOUR_TANH }, held)).toBeNull();
    for (const changed of [
      { dataset: 'circles' },
      { noise: 0.2 },
      { hidden: [] },
      { hidden: [4, 4] },
      { activation: 'relu' },
      { seed: 2 },
    ] as const)
      expect(staleToyPatch(XOR_FOUR_TANH, { ...XOR_FOUR_TANH, ...changed }, held)).toEqual({
        toyAccuracy: undefined,
      });
    expect(staleToyPatch(XOR_FOUR_TANH, XOR_PERCEPTRON, {})).toBeNull();
  });

  it('lets the XOR check pass on a trained playground and fail once the network is replaced', () => {
    const stop = watchToyReportBasis(useLabStore);
    try {
      const xor = { id: 'toy-accuracy-at-least', params: { accuracy: 0.95, dataset: 'xor' } };
      useLabStore.getState().setToy(XOR_FOUR_TANH);
      expect(verdict(xor.id, xor.params).feedback).toMatch(/no accuracy yet/);

      const runner = createPlaygroundRunner(XOR_FOUR_TANH);
      for (let epoch = 0; epoch < 300 && runner.evaluation().accuracy < 0.95; epoch++)
        runner.stepEpoch();
      const accuracy = runner.evaluation().accuracy;
      expect(accuracy).toBeGreaterThanOrEqual(0.95);
      const patch = toyAccuracyPatch(useLabStore.getState().panelReports, accuracy);
      if (patch) useLabStore.getState().reportFromPanel(patch);
      expect(verdict(xor.id, xor.params)).toMatchObject({ pass: true });

      // Back to the perceptron (a lesson step's start): the old 95% no longer counts.
      useLabStore.getState().setToy(XOR_PERCEPTRON);
      expect(engineReportOf(useLabStore.getState()).toyAccuracy).toBeUndefined();
      expect(verdict(xor.id, xor.params)).toMatchObject({ pass: false });
      expect(verdict(xor.id, xor.params).feedback).toMatch(/no accuracy yet/);
    } finally {
      stop();
    }
  });
});

/** A check as the engine returns it; the relative error is |num − bp| / max(|num|, |bp|). */
const checkResult = (
  epsilon: number,
  numerical: number,
  backprop: number,
): GradientCheckResult => ({
  weight: 0.1,
  epsilon,
  loss: 2.3,
  lossPlus: 2.3 + numerical * epsilon,
  lossMinus: 2.3 - numerical * epsilon,
  numerical,
  backprop,
  relativeError:
    Math.abs(numerical - backprop) / Math.max(Math.abs(numerical), Math.abs(backprop), 1e-12),
});

describe("the gradient check's figures for Check my lab", () => {
  const disagree = { id: 'gradient-check-disagrees', params: { relativeError: 0.01 } };
  const report = (patch: ReturnType<typeof gradientCheckReportOf>) => {
    const next = gradientCheckPatch(useLabStore.getState().panelReports, patch);
    if (next) useLabStore.getState().reportFromPanel(next);
  };

  it('reports the relative error and ε of the check shown, and nothing without one', () => {
    // 0.0125 against 0.0100: (0.0125 − 0.01) / 0.0125 = 0.2.
    const big = gradientCheckReportOf(checkResult(0.1, 0.0125, 0.01));
    expect(big.gradientCheckEpsilon).toBe(0.1);
    expect(big.gradientCheckRelativeError).toBeCloseTo(0.2, 12);
    expect(gradientCheckReportOf(null)).toEqual(NO_GRADIENT_CHECK);
    // A weight the loss does not depend on agrees, whatever rounding left in the difference.
    expect(gradientCheckReportOf(checkResult(0.1, 3e-8, 0)).gradientCheckRelativeError).toBe(0);
    expect(gradientCheckPatch(big, { ...big })).toBeNull();
    expect(gradientCheckPatch(big, NO_GRADIENT_CHECK)).toEqual(NO_GRADIENT_CHECK);
  });

  it('passes the disagreement exercise after a large ε, fails after a small one or none', () => {
    expect(verdict(disagree.id, disagree.params).feedback).toMatch(/no gradient check yet/);
    report(gradientCheckReportOf(checkResult(1e-4, -0.14, -0.140001)));
    expect(verdict(disagree.id, disagree.params)).toMatchObject({ pass: false });
    expect(verdict(disagree.id, disagree.params).feedback).toMatch(/ε = 1\.0e-4, not above 0\.01/);
    report(gradientCheckReportOf(checkResult(0.1, -0.162, -0.14)));
    expect(verdict(disagree.id, disagree.params)).toMatchObject({ pass: true });
    // The card went back to idle (another weight or ε picked): nothing to pass on.
    report(gradientCheckReportOf(null));
    expect(verdict(disagree.id, disagree.params).feedback).toMatch(/no gradient check yet/);
  });

  it('goes stale with the network, the dataset or the seed', () => {
    const stop = watchGradientCheckBasis(useLabStore);
    try {
      const s = useLabStore.getState();
      const basis = { network: s.network, dataset: s.dataset, seed: s.seed };
      const held = gradientCheckReportOf(checkResult(0.1, -0.162, -0.14));
      // The same network decoded again from a link is the same basis.
      const copy = { ...basis, network: structuredClone(basis.network) };
      expect(staleGradientCheckPatch(basis, copy, held)).toBeNull();
      expect(staleGradientCheckPatch(basis, { ...basis, seed: 7 }, held)).toEqual(
        NO_GRADIENT_CHECK,
      );
      expect(staleGradientCheckPatch(basis, { ...basis, dataset: 'cifar10' }, held)).toEqual(
        NO_GRADIENT_CHECK,
      );
      expect(staleGradientCheckPatch(basis, { ...basis, seed: 7 }, {})).toBeNull();

      report(held);
      expect(verdict(disagree.id, disagree.params)).toMatchObject({ pass: true });
      s.choosePreset('mlp');
      expect(useLabStore.getState().panelReports).toMatchObject(NO_GRADIENT_CHECK);
      expect(verdict(disagree.id, disagree.params).feedback).toMatch(/no gradient check yet/);
    } finally {
      stop();
    }
  });
});
