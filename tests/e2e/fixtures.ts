import { expect, test as base, type Page } from '@playwright/test';

/**
 * Every browser test fails if the page throws, logs an error, or makes a request
 * beyond its own origin (the lab promises no network but its own).
 */
export const test = base.extend<{ lab: Page }>({
  lab: async ({ page, baseURL }, use) => {
    const problems: string[] = [];
    const origin = new URL(baseURL ?? 'http://localhost').origin;
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
    });
    page.on('request', (request) => {
      const url = request.url();
      if (!url.startsWith(origin) && !url.startsWith('data:') && !url.startsWith('blob:')) {
        problems.push(`request outside the page's origin: ${url}`);
      }
    });
    await use(page);
    // A test that breaks a download on purpose says so; the browser then logs the failed request itself.
    const expectsFailures = test
      .info()
      .annotations.some((a) => a.type === 'expects-failed-requests');
    const real = problems.filter(
      (p) => !(expectsFailures && p.includes('Failed to load resource')),
    );
    expect(real, 'the page stayed healthy and local').toEqual([]);
  },
});

export { expect };

/** The table row of the layer with this display name. */
export function layerRow(page: Page, name: string) {
  return page
    .locator('tr.layer-row', {
      has: page.getByRole('button', { name: `Select Layer`, exact: false }),
    })
    .filter({
      has: page.locator('th.layer-name', { hasText: new RegExp(`^${name}$`) }),
    });
}

/** The problems listed under a layer's row. */
export function layerProblems(page: Page, name: string) {
  return layerRow(page, name).locator(
    'xpath=following-sibling::tr[1][contains(@class, "diagnostics-row")]',
  );
}

/** Saves a screenshot under test-results/screens for a person to look at. */
export async function saveScreen(page: Page, name: string, fullPage = false): Promise<void> {
  await page.screenshot({ path: `test-results/screens/${name}.png`, fullPage });
}
