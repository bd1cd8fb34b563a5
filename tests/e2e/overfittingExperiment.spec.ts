import { errorsByDegree, polyData } from '../../src/core/polyfit';
import { checkExperimentScreens } from './experimentChecks';
import { expect, saveScreen, test } from './fixtures';

// The page's defaults: seed 1, 15 training points, noise 0.2, λ off, 40 held-out points.
const DATA = polyData({ seed: 1, count: 15, testCount: 40, noise: 0.2 });
const EXPECTED = errorsByDegree(DATA, 15, 0);

test('overfitting: raising the degree, training error falls while held-out error rises again', async ({
  lab,
}) => {
  await lab.goto('./#v=1&panel=experiments&exp=overfitting');
  const figure = lab.locator('#experiment-view .panel-main-figure');
  await expect(figure).toBeVisible();
  const degree = lab.getByTestId('overfit-degree');
  const train = lab.getByTestId('overfit-train-error');
  const held = lab.getByTestId('overfit-test-error');
  const shown: { train: number; test: number }[] = [];
  for (let d = 0; d <= 15; d++) {
    await degree.fill(String(d));
    await expect(lab.getByRole('heading', { name: `The fit, degree ${d}` })).toBeVisible();
    const values = {
      train: Number(await train.getAttribute('data-value')),
      test: Number(await held.getAttribute('data-value')),
    };
    // What the page shows is what the core computes for the same points.
    const expected = EXPECTED[d]!;
    expect(values.train).toBeCloseTo(expected.train, 9);
    expect(values.test).toBeCloseTo(expected.test, 6);
    shown.push(values);
  }
  for (let d = 1; d < shown.length; d++)
    expect(shown[d]!.train).toBeLessThanOrEqual(shown[d - 1]!.train + 1e-12);
  const bestTest = Math.min(...shown.map((s) => s.test));
  const bestDegree = shown.findIndex((s) => s.test === bestTest);
  expect(bestDegree).toBeGreaterThan(0);
  expect(bestDegree).toBeLessThan(15);
  // Past the best degree the held-out error climbs well above its lowest: overfitting.
  expect(shown[15]!.test).toBeGreaterThan(2 * bestTest);
  await expect(lab.getByTestId('overfit-best-degree')).toContainText(`degree ${bestDegree}`);
  await saveScreen(lab, 'experiment-overfitting', true);

  // L2 at degree 15 pulls the held-out error back down.
  await lab.getByTestId('overfit-lambda').fill('4');
  await expect(lab.locator('output', { hasText: '1e-3' })).toBeVisible();
  const regularised = Number(await held.getAttribute('data-value'));
  expect(regularised).toBeLessThan(shown[15]!.test / 2);
});

test('overfitting fits a phone, a projector with large type and a desktop, and passes axe', async ({
  lab,
}) => {
  await lab.goto('./#v=1&panel=experiments&exp=overfitting');
  await lab.getByTestId('overfit-degree').fill('12');
  const problems = await checkExperimentScreens(lab, 'overfitting', async () => {
    await expect(lab.getByTestId('overfit-error-chart')).toBeVisible();
  });
  expect(problems).toEqual([]);
});
