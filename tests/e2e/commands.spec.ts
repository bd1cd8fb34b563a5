import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { trainingPage, UNTIL_THE_TEST_ENDS } from './pages';

const SCREENS = `${process.env.E2E_RESULTS ?? 'test-results'}/screens`;

const palette = (page: Page) => page.getByRole('dialog', { name: 'Commands' });
const shortcuts = (page: Page) => page.getByRole('dialog', { name: 'Keyboard shortcuts' });
const openPanelHeading = (page: Page) => page.getByRole('main').getByRole('heading', { level: 1 });

/** The explorer opened on LeNet-5, which needs neither a dataset nor the engine. */
async function openLab(page: Page) {
  await page.goto('./#v=1&panel=architecture&preset=lenet5');
  await expect(openPanelHeading(page)).toHaveText('Architecture explorer');
}

test.describe('commands and keyboard shortcuts', () => {
  test('Ctrl+K finds a panel by a word of its name and Enter opens it', async ({ lab }) => {
    await openLab(lab);
    await lab.keyboard.press('Control+K');
    await expect(palette(lab)).toBeVisible();
    const box = palette(lab).getByRole('combobox');
    await expect(box).toBeFocused();
    await box.fill('receptive');
    await expect(palette(lab).getByRole('option', { selected: true })).toContainText(
      'Open Receptive fields',
    );
    await lab.keyboard.press('Enter');
    await expect(palette(lab)).toBeHidden();
    await expect(openPanelHeading(lab)).toHaveText('Receptive fields', { timeout: 60_000 });
    await expect(lab).toHaveURL(/panel=receptive/);
  });

  test('arrows move the highlight; an action without the engine is greyed and does nothing', async ({
    lab,
  }) => {
    await openLab(lab);
    await lab.getByTestId('open-commands').click();
    const box = palette(lab).getByRole('combobox');
    await box.fill('train one epoch');
    const epoch = palette(lab).getByRole('option', { name: /Train one epoch/ });
    await expect(epoch).toHaveAttribute('aria-disabled', 'true');
    await expect(epoch).toContainText('Open a panel that runs the network first');
    await lab.keyboard.press('Enter');
    await expect(palette(lab)).toBeVisible();

    await box.fill('open');
    const options = palette(lab).getByRole('option');
    await expect(options.first()).toHaveAttribute('aria-selected', 'true');
    await lab.keyboard.press('ArrowDown');
    await expect(options.nth(1)).toHaveAttribute('aria-selected', 'true');
    await expect(options.first()).toHaveAttribute('aria-selected', 'false');
    const chosen = (await options.nth(1).locator('.command-label').textContent()) ?? '';
    await lab.keyboard.press('Enter');
    const title = chosen.replace(/^Open /, '');
    await expect(
      lab.getByRole('navigation', { name: 'Panels' }).getByRole('button', { name: title }),
    ).toHaveAttribute('aria-current', 'page');
  });

  test('the palette keeps focus inside, Escape closes it and focus goes back', async ({ lab }) => {
    await openLab(lab);
    const button = lab.getByTestId('open-commands');
    await button.click();
    await expect(palette(lab)).toBeVisible();
    for (let i = 0; i < 4; i++) {
      await lab.keyboard.press('Tab');
      expect(await palette(lab).evaluate((d) => d.contains(document.activeElement))).toBe(true);
    }
    const results = await new AxeBuilder({ page: lab })
      .include('[role="dialog"]')
      .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
      .analyze();
    expect(results.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
    await lab.keyboard.press('Escape');
    await expect(palette(lab)).toBeHidden();
    await expect(button).toBeFocused();
  });

  test('? lists the shortcuts, training keys included, each key in <kbd>', async ({ lab }) => {
    await openLab(lab);
    await lab.keyboard.press('?');
    await expect(shortcuts(lab)).toBeVisible();
    const training = shortcuts(lab).getByRole('region', { name: 'Training' });
    await expect(training).toContainText('On the Training panel');
    for (const [key, label] of [
      ['Space', 'Train or pause'],
      ['S', 'Train one step'],
      ['E', 'Train one epoch'],
      ['R', 'Reset to the seed'],
    ]) {
      const row = training.locator('dl > div', { hasText: label });
      await expect(row.locator('kbd').first()).toHaveText(key ?? '');
    }
    const panels = shortcuts(lab).getByRole('region', { name: 'Panels' });
    await expect(
      panels.locator('dl > div', { hasText: 'Open Training' }).locator('kbd'),
    ).toHaveText('3');
    // Keys do nothing behind an open dialog.
    await lab.keyboard.press('3');
    await expect(openPanelHeading(lab)).toHaveText('Architecture explorer');
    await lab.keyboard.press('Escape');
    await expect(shortcuts(lab)).toBeHidden();
  });

  test('number keys open panels, but never while typing in a text field', async ({ lab }) => {
    await openLab(lab);
    const name = lab.getByRole('textbox', { name: 'Name' });
    await name.fill('');
    await name.pressSequentially('Net 3 s?');
    await expect(name).toHaveValue('Net 3 s?');
    await expect(openPanelHeading(lab)).toHaveText('Architecture explorer');
    await expect(shortcuts(lab)).toBeHidden();

    await name.blur();
    // A key held with Alt or Ctrl belongs to the browser or the system, not to the lab.
    await lab.keyboard.press('Alt+3');
    await lab.keyboard.press('Control+3');
    // Give the page a frame to show a switch, had there been one.
    await lab.evaluate(() => new Promise((done) => requestAnimationFrame(() => done(null))));
    await expect(
      lab.getByRole('navigation', { name: 'Panels' }).getByRole('button', { name: 'Architecture' }),
    ).toHaveAttribute('aria-current', 'page');
    await lab.keyboard.press('3');
    await expect(openPanelHeading(lab)).toHaveText('Training', { timeout: 60_000 });
    await expect(
      lab.getByRole('navigation', { name: 'Panels' }).getByRole('button', { name: 'Training' }),
    ).toHaveAttribute('aria-current', 'page');
    // The training panel's keys line is the registry's, the same the shortcut list shows.
    await expect(lab.locator('.run-controls')).toContainText('S train one step (one batch)');
    await lab.keyboard.press('1');
    await expect(openPanelHeading(lab)).toHaveText('Architecture explorer');
  });

  test('training keys: S steps once, Space trains and pauses, Space on a focused button presses it', async ({
    lab,
  }) => {
    const training = trainingPage(lab);
    await training.open('preset=mlp&data=mnist&seed=3');
    const status = lab.getByTestId('run-status');
    const before = await training.stepShown();
    await lab.locator('body').press('s');
    await expect.poll(training.stepShown, UNTIL_THE_TEST_ENDS).toBe(before + 1);

    // Space on the focused Step button is that button's press: one more step, no training run.
    await lab.getByTestId('step').focus();
    await lab.keyboard.press(' ');
    await expect.poll(training.stepShown, UNTIL_THE_TEST_ENDS).toBe(before + 2);
    await expect(status).not.toHaveAttribute('data-phase', 'running');

    await lab.getByTestId('step').blur();
    await lab.keyboard.press(' ');
    await expect(status).toHaveAttribute('data-phase', 'running', UNTIL_THE_TEST_ENDS);
    await lab.keyboard.press(' ');
    await expect(status).toHaveAttribute('data-phase', 'paused', UNTIL_THE_TEST_ENDS);
  });

  for (const [width, height, large] of [
    [1400, 900, false],
    [390, 844, false],
    [390, 844, true],
  ] as const) {
    test(`the palette and the shortcut list fit ${width}×${height}${large ? ' with large type' : ''}`, async ({
      lab,
    }) => {
      await lab.setViewportSize({ width, height });
      await openLab(lab);
      if (large) await lab.getByRole('button', { name: 'Large type' }).click();
      const name = `${width}x${height}${large ? '-large' : ''}`;
      await lab.screenshot({ path: `${SCREENS}/commands-header-${name}.png` });
      await lab.keyboard.press('Control+K');
      await palette(lab).getByRole('combobox').fill('train');
      await expect(palette(lab).getByRole('option').first()).toBeVisible();
      const box = await palette(lab).boundingBox();
      expect(box && box.x >= 0 && box.x + box.width <= width).toBe(true);
      await lab.screenshot({ path: `${SCREENS}/commands-palette-${name}.png` });
      await lab.keyboard.press('Escape');
      await lab.keyboard.press('?');
      await expect(shortcuts(lab)).toBeVisible();
      const list = await shortcuts(lab).boundingBox();
      expect(list && list.x >= 0 && list.x + list.width <= width).toBe(true);
      await lab.screenshot({ path: `${SCREENS}/commands-shortcuts-${name}.png` });
    });
  }
});
