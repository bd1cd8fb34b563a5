import AxeBuilder from '@axe-core/playwright';
import { expect, saveScreen, test } from './fixtures';

test.describe('accessibility', () => {
  for (const preset of ['lenet5', 'resnet18']) {
    test(`the explorer with ${preset} has no WCAG A/AA violations`, async ({ lab }) => {
      await lab.goto(`./#v=1&preset=${preset}`);
      await expect(lab.getByTestId('total-params')).toBeVisible();
      const results = await new AxeBuilder({ page: lab })
        .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
        .analyze();
      const summary = results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.length} nodes)`);
      expect(summary).toEqual([]);
    });
  }

  test('panels are named landmarks and large type scales the page', async ({ lab }) => {
    await lab.goto('./#v=1&preset=lenet5');
    await expect(lab.getByRole('banner')).toBeVisible();
    await expect(lab.getByRole('navigation', { name: 'Panels' })).toBeVisible();
    await expect(lab.getByRole('main')).toBeVisible();
    await expect(lab.getByRole('region', { name: 'Architecture explorer' })).toBeVisible();
    await expect(lab.getByRole('region', { name: 'Layers' })).toBeVisible();
    const before = await lab.evaluate(() => getComputedStyle(document.documentElement).fontSize);
    await lab.getByRole('button', { name: 'Large type' }).click();
    const after = await lab.evaluate(() => getComputedStyle(document.documentElement).fontSize);
    expect(parseFloat(after)).toBeGreaterThan(parseFloat(before));
    await saveScreen(lab, 'architecture-large-type');
  });
});
