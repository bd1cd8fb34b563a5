import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { saveScreen } from './fixtures';

/** The screens an experiment is looked at on: a phone, a projector with large type, a desktop. */
export const EXPERIMENT_SCREENS = [
  { name: 'phone-390', width: 390, height: 844, largeType: false },
  { name: 'projector-1024-large', width: 1024, height: 768, largeType: true },
  { name: 'desktop-1440', width: 1440, height: 900, largeType: false },
] as const;

/** How far the page reaches past the window's right edge, in CSS pixels (0 when it fits). */
export async function sidewaysOverflow(page: Page): Promise<number> {
  return page.evaluate(() => {
    const root = document.scrollingElement ?? document.documentElement;
    return root.scrollWidth - window.innerWidth;
  });
}

/** axe's WCAG 2.1 A/AA violations on the page as it is, one line each. */
export async function wcagViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  return results.violations.map(
    (v) =>
      `${v.id}: ${v.help} (${v.nodes
        .map((n) => n.target.join(' '))
        .slice(0, 3)
        .join(', ')})`,
  );
}

/**
 * At each screen: the page does not scroll sideways, axe finds nothing, and a full-page
 * screenshot is saved as `experiment-<id>-<screen>` for a person to look at. `ready` waits
 * until the experiment shows its result at that size.
 */
export async function checkExperimentScreens(
  page: Page,
  id: string,
  ready: () => Promise<void>,
): Promise<string[]> {
  const problems: string[] = [];
  for (const screen of EXPERIMENT_SCREENS) {
    await page.setViewportSize({ width: screen.width, height: screen.height });
    const large = (await page.locator('html').getAttribute('class'))?.includes('large-type');
    if (Boolean(large) !== screen.largeType)
      await page.getByRole('button', { name: 'Large type' }).click();
    await ready();
    const over = await sidewaysOverflow(page);
    if (over > 0) problems.push(`${screen.name}: the page is ${over} px wider than the screen`);
    for (const v of await wcagViolations(page)) problems.push(`${screen.name}: ${v}`);
    await saveScreen(page, `experiment-${id}-${screen.name}`, true);
  }
  return problems;
}
