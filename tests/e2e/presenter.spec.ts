import { mkdirSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { PANEL_INFOS } from '../../src/state/panels';
import { UNTIL_THE_TEST_ENDS } from './pages';
import { expect, test } from './fixtures';

/**
 * Presenter mode as an instructor uses it on a 1024x768 projector with large type: a
 * prepared lesson link, the remote's PageDown, the presenter window on the lectern
 * screen, the black screen, the spotlight for the back row, and the link's type size and
 * high-contrast theme.
 */

const SCREENS = `${process.env.E2E_RESULTS ?? 'test-results'}/screens`;
const LESSON = './#v=1&lesson=conv-arithmetic&step=1&panel=convolution&present=1&type=large';

/** The header's height as a share of the window's, and how far the page reaches past its right edge. */
async function layoutOf(page: Page): Promise<{ headerShare: number; over: number }> {
  return page.evaluate(() => {
    const header = document.querySelector('.app-header')?.getBoundingClientRect().height ?? 0;
    const root = document.scrollingElement ?? document.documentElement;
    return { headerShare: header / window.innerHeight, over: root.scrollWidth - window.innerWidth };
  });
}

test.describe('presenter mode', () => {
  test.setTimeout(120_000);
  mkdirSync(SCREENS, { recursive: true });

  test('a lesson link with present=1 at 1024x768: a thin bar, PageDown steps, the presenter window follows and leads', async ({
    lab,
  }) => {
    await lab.setViewportSize({ width: 1024, height: 768 });
    await lab.goto(LESSON);
    await expect(lab.locator('html')).toHaveClass(/present/);
    await expect(lab.locator('html')).toHaveClass(/large-type/);
    await expect(lab.getByTestId('lesson-dock')).toContainText(
      'A kernel sliding over a small input',
    );
    await expect(lab.getByTestId('menu-current-panel')).toHaveText('Convolution & pooling');
    const { headerShare, over } = await layoutOf(lab);
    expect(headerShare, 'the header is at most 12% of the screen').toBeLessThanOrEqual(0.12);
    expect(over, 'the page does not scroll sideways').toBeLessThanOrEqual(0);
    await lab.screenshot({ path: `${SCREENS}/presenter-1024-large.png` });

    await lab.keyboard.press('PageDown');
    await expect(lab.getByTestId('lesson-dock')).toContainText('A bigger stride');
    await expect(lab).toHaveURL(/step=2/);

    const [presenter] = await Promise.all([
      lab.waitForEvent('popup'),
      lab.getByTestId('open-presenter-view').click(),
    ]);
    await expect(presenter.getByTestId('pv-step')).toContainText('Step 2 of');
    await expect(presenter.getByRole('heading', { name: 'A bigger stride' })).toBeVisible();
    await expect(presenter.getByTestId('pv-next-title')).toContainText(
      'A stride that does not fit',
    );
    // The audience window now shows only the picture: the notes are in the presenter's.
    await expect(lab.getByTestId('lesson-dock')).toBeHidden();

    await presenter.getByTestId('pv-next').click();
    await expect(lab).toHaveURL(/step=3/);
    await expect(
      presenter.getByRole('heading', { name: 'A stride that does not fit' }),
    ).toBeVisible();

    await lab.keyboard.press('PageUp');
    await expect(presenter.getByRole('heading', { name: 'A bigger stride' })).toBeVisible();
    await expect(lab).toHaveURL(/step=2/);

    await presenter.getByRole('button', { name: 'Start timer' }).click();
    await expect(presenter.getByTestId('pv-elapsed')).not.toHaveText('0:00', UNTIL_THE_TEST_ENDS);
    await presenter.screenshot({ path: `${SCREENS}/presenter-view.png` });

    // The blank screen, from the presenter window and from the key; any key brings it back.
    await presenter.getByTestId('pv-blank').click();
    await expect(lab.getByTestId('blank-screen')).toBeVisible();
    await expect(presenter.getByTestId('pv-blank')).toHaveAttribute('aria-pressed', 'true');
    await lab.keyboard.press('x');
    await expect(lab.getByTestId('blank-screen')).toBeHidden();
    await lab.keyboard.press('b');
    await expect(lab.getByTestId('blank-screen')).toBeVisible();
    await lab.keyboard.press('PageDown');
    await expect(lab.getByTestId('blank-screen')).toBeHidden();
    // The key that took the black screen down did nothing else.
    await expect(lab).toHaveURL(/step=2/);
    await presenter.close();
  });

  test('the spotlight magnifies a feature map, and Escape closes it', async ({ lab }) => {
    await lab.setViewportSize({ width: 1024, height: 768 });
    await lab.goto('./#v=1&panel=features&preset=lenet5&data=mnist&seed=3&present=1');
    const thumb = lab.getByTestId('channel-thumb').first();
    await expect(thumb).toBeVisible(UNTIL_THE_TEST_ENDS);
    await thumb.focus();
    await lab.keyboard.press('z');
    const spotlight = lab.getByTestId('spotlight');
    await expect(spotlight).toBeVisible();
    const big = await spotlight.locator('canvas').boundingBox();
    expect(big?.height ?? 0, 'the map fills most of the screen').toBeGreaterThan(768 * 0.6);
    await lab.screenshot({ path: `${SCREENS}/presenter-spotlight.png` });
    await lab.keyboard.press('Escape');
    await expect(spotlight).toBeHidden();
  });

  test('type=large and theme=high-contrast travel in the link, and the contrast passes axe', async ({
    lab,
  }) => {
    await lab.goto('./#v=1&panel=architecture&type=large&theme=high-contrast');
    await expect(lab.getByTestId('total-params')).toBeVisible();
    await expect(lab.locator('html')).toHaveAttribute('data-theme', 'high-contrast');
    await expect(lab.getByRole('button', { name: 'Large type' })).toHaveAttribute(
      'aria-pressed',
      'true',
    );
    expect(await lab.evaluate(() => getComputedStyle(document.documentElement).fontSize)).toBe(
      '20px',
    );
    const results = await new AxeBuilder({ page: lab }).withRules(['color-contrast']).analyze();
    const lines = results.violations.flatMap((v) =>
      v.nodes.slice(0, 5).map((n) => `${v.id}: ${n.target.join(' ')}: ${n.failureSummary ?? ''}`),
    );
    expect(lines).toEqual([]);
    await lab.screenshot({ path: `${SCREENS}/theme-high-contrast.png` });
  });

  test('the navigation is a Panels menu on a phone, keyboard operable, naming the open panel', async ({
    lab,
  }) => {
    await lab.setViewportSize({ width: 390, height: 844 });
    await lab.goto('./#v=1&panel=architecture');
    await expect(lab.getByTestId('total-params')).toBeVisible();
    const menu = lab.getByRole('button', { name: /^Panels: Architecture/ });
    await expect(menu).toHaveAttribute('aria-expanded', 'false');
    await expect(lab.getByRole('navigation', { name: 'Panels' })).toBeHidden();
    await lab.screenshot({ path: `${SCREENS}/phone-menu-closed.png` });
    await menu.click();
    await expect(menu).toHaveAttribute('aria-expanded', 'true');
    const list = lab.getByRole('list', { name: 'Panels' });
    await expect(list.getByRole('button')).toHaveCount(PANEL_INFOS.length);
    await expect(list.getByRole('button', { name: /Architecture/ })).toBeFocused();
    await lab.screenshot({ path: `${SCREENS}/phone-menu-open.png` });
    await lab.keyboard.press('ArrowDown');
    await expect(list.getByRole('button', { name: /Datasets/ })).toBeFocused();
    await lab.keyboard.press('Escape');
    await expect(menu).toBeFocused();
    await expect(list).toBeHidden();
    await menu.click();
    await list.getByRole('button', { name: /Code/ }).click();
    await expect(lab.getByRole('button', { name: /^Panels: Code/ })).toBeVisible();
    expect((await layoutOf(lab)).over).toBeLessThanOrEqual(0);
  });

  test('at 1920x1080 in presenter mode the bar is thin and the picture has the screen', async ({
    lab,
  }) => {
    await lab.setViewportSize({ width: 1920, height: 1080 });
    await lab.goto('./#v=1&panel=convolution&present=1');
    await expect(lab.getByTestId('conv-step-count')).toBeVisible(UNTIL_THE_TEST_ENDS);
    const { headerShare, over } = await layoutOf(lab);
    expect(headerShare).toBeLessThanOrEqual(0.12);
    expect(over).toBeLessThanOrEqual(0);
    await lab.screenshot({ path: `${SCREENS}/presenter-1920.png` });
  });
});
