import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { PANEL_INFOS, type PanelId } from '../../src/state/panels';
import { UNTIL_THE_TEST_ENDS } from './pages';
import { expect, saveScreen, test } from './fixtures';

/** The rules axe checks: WCAG 2.0 and 2.1, levels A and AA. */
const WCAG_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/** A desktop and a phone: every panel is checked at both. */
const SIZES = [
  { name: 'desktop', width: 1280, height: 800 },
  { name: 'phone', width: 390, height: 844 },
] as const;

/** One network and dataset for every panel. */
const SETTINGS = 'preset=lenet5&data=mnist&seed=3';

const UNTIL = UNTIL_THE_TEST_ENDS;

/**
 * Waits until a panel shows what it is for: its data loaded, the engine's picture drawn.
 * Keyed by the registry's ids, so a new panel does not compile here until it says how it
 * signals that its picture is on screen (axe on a "starting…" placeholder checks nothing).
 */
const DRAWN: Record<PanelId, (page: Page) => Promise<void>> = {
  architecture: async (p) => {
    await expect(p.getByTestId('total-params')).toBeVisible();
  },
  datasets: async (p) => {
    await expect(p.getByTestId('load-status')).toHaveAttribute('data-state', 'ready', UNTIL);
    await expect(p.getByTestId('dataset-thumb').first()).toBeVisible(UNTIL);
  },
  training: async (p) => {
    await expect(p.getByTestId('play')).toBeEnabled(UNTIL);
    await expect(p.getByTestId('backend')).not.toHaveText('starting…');
    await expect(p.getByRole('img', { name: /^Loss over training steps/ })).toBeVisible();
  },
  network: async (p) => {
    await expect(p.getByTestId('stage-op')).toBeVisible(UNTIL);
    await expect(p.getByTestId('pass-layer').first()).toBeVisible(UNTIL);
  },
  maths: async (p) => {
    await expect(p.getByTestId('softmax-table')).toBeVisible(UNTIL);
  },
  neurons: async (p) => {
    await expect(p.getByTestId('toy-plane')).toBeVisible();
  },
  convolution: async (p) => {
    await expect(p.getByTestId('conv-output-0')).toBeVisible(UNTIL);
  },
  features: async (p) => {
    await expect(p.getByTestId('channel-thumb').first()).toBeVisible(UNTIL);
  },
  receptive: async (p) => {
    await expect(p.getByTestId('unit-grid')).toBeVisible(UNTIL);
    await expect(p.getByTestId('effective-field')).toBeVisible(UNTIL);
  },
  code: async (p) => {
    await expect(p.getByRole('heading', { name: 'Show as code' })).toBeVisible();
  },
  lessons: async (p) => {
    await expect(p.getByTestId('lesson-card').first()).toBeVisible();
  },
};
/** axe's WCAG A/AA violations on the page as it is, one line each, naming the first nodes. */
async function violationsOn(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(WCAG_AA).analyze();
  return results.violations.map(
    (v) =>
      `${v.id}: ${v.help} (${v.nodes.length} nodes: ${v.nodes
        .slice(0, 3)
        .map((n) => n.target.join(' '))
        .join(', ')})`,
  );
}

test.describe('accessibility', () => {
  for (const size of SIZES) {
    for (const panel of PANEL_INFOS) {
      test(`${panel.title} at ${size.width}x${size.height} has no WCAG 2.1 A/AA violations`, async ({
        lab,
      }) => {
        await lab.setViewportSize({ width: size.width, height: size.height });
        await lab.goto(`./#v=1&panel=${panel.id}&${SETTINGS}`);
        await DRAWN[panel.id](lab);
        expect(await violationsOn(lab)).toEqual([]);
      });
    }
  }

  for (const preset of ['resnet18']) {
    test(`the explorer with ${preset} has no WCAG A/AA violations`, async ({ lab }) => {
      await lab.goto(`./#v=1&preset=${preset}`);
      await expect(lab.getByTestId('total-params')).toBeVisible();
      expect(await violationsOn(lab)).toEqual([]);
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
