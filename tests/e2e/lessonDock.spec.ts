import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { labPage, openPanelName } from './pages';

const SCREENS = `${process.env.E2E_RESULTS ?? 'test-results'}/screens`;

const dock = (page: Page) => page.getByTestId('lesson-dock');
const dockCount = (page: Page) => dock(page).getByTestId('lesson-step-count');
const presetPicker = (page: Page) => page.getByTestId('preset-picker');
const curves = (page: Page) => page.getByRole('heading', { name: 'Learning curves' });

/** axe's WCAG 2.1 A/AA rules on the page as it is now. */
async function wcagViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  return results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.length} nodes)`);
}

/** True when the page is no wider than the window (no sideways scrolling). */
const fitsWidth = (page: Page) =>
  page.evaluate(() => (document.scrollingElement?.scrollWidth ?? 0) <= window.innerWidth);

test.describe('the lesson beside the lab', () => {
  test("a lesson's step stays beside the panel it sends the learner to, and the keys step it there", async ({
    lab,
  }) => {
    await lab.setViewportSize({ width: 1280, height: 800 });
    await lab.goto('./#v=1&panel=lessons');
    // The instructor's way in is on the index.
    await lab.getByRole('button', { name: 'Make an exercise link' }).click();
    await expect(lab.getByRole('dialog')).toBeVisible();
    await lab.keyboard.press('Escape');
    await expect(lab.getByRole('dialog')).toHaveCount(0);
    await lab.getByRole('button', { name: 'Start Convolution arithmetic' }).click();
    // On the Lessons panel the panel shows the step; there is no dock.
    await expect(lab.getByTestId('lesson-step-count')).toHaveText(/Step 1 of 6/);
    await expect(dock(lab)).toHaveCount(0);

    await lab.getByRole('button', { name: 'Go to Convolution & pooling' }).click();
    await expect(openPanelName(lab)).toHaveText('Convolution & pooling');
    await expect(dockCount(lab)).toHaveText('Step 1 of 6');
    await expect(dock(lab).getByRole('heading', { level: 2 })).toHaveText(
      'A kernel sliding over a small input',
    );
    // Already here: the dock does not offer to go where the learner is.
    await expect(dock(lab).getByRole('button', { name: /^Go to/ })).toHaveCount(0);

    await dock(lab).getByRole('button', { name: 'Next' }).click();
    await expect(dockCount(lab)).toHaveText('Step 2 of 6');
    await lab.locator('body').press('PageDown');
    await expect(dockCount(lab)).toHaveText('Step 3 of 6');
    await expect(lab).toHaveURL(/lesson=conv-arithmetic&step=3/);
    await lab.locator('body').press('PageUp');
    await expect(dockCount(lab)).toHaveText('Step 2 of 6');

    // Step 5 is done on the Architecture panel: the lab follows the lesson there.
    await lab.locator('body').press('PageDown');
    await lab.locator('body').press('PageDown');
    await lab.locator('body').press('PageDown');
    await expect(dockCount(lab)).toHaveText('Step 5 of 6');
    await expect(openPanelName(lab)).toHaveText('Architecture');
    await expect(presetPicker(lab)).toHaveValue('conv-example');
    expect(await wcagViolations(lab)).toEqual([]);

    await dock(lab).getByRole('button', { name: 'Close the lesson' }).click();
    await expect(dock(lab)).toHaveCount(0);
    await expect(openPanelName(lab)).toHaveText('Architecture');
    await expect(lab).not.toHaveURL(/lesson=/);
  });

  test("a link with only a lesson and a step opens the step's lab; the link's own keys win", async ({
    lab,
  }) => {
    await lab.setViewportSize({ width: 1280, height: 800 });
    await lab.goto('./#v=1&lesson=architectures&step=4');
    await expect(openPanelName(lab)).toHaveText('Architecture');
    await expect(presetPicker(lab)).toHaveValue('vgg16');
    await expect(dockCount(lab)).toHaveText(/^Step 4 of \d+$/);
    await expect(dock(lab).getByRole('heading', { level: 2 })).toHaveText(/VGG-16/);

    // An instructor's own network: the link's preset stays, the step's text still shows.
    await lab.goto('./#v=1&lesson=architectures&step=4&preset=mlp');
    await expect(dockCount(lab)).toHaveText(/^Step 4 of \d+$/);
    await expect(presetPicker(lab)).toHaveValue('mlp');
    await lab.reload();
    await expect(presetPicker(lab)).toHaveValue('mlp');
    await expect(dockCount(lab)).toHaveText(/^Step 4 of \d+$/);

    // "All lessons" in the dock goes to the index.
    await dock(lab).getByRole('button', { name: 'All lessons' }).click();
    await expect(lab.getByTestId('lessons-index')).toBeVisible();
    await expect(dock(lab)).toHaveCount(0);
  });

  test('hidden parts show a note whose "Show everything" brings them back', async ({ lab }) => {
    await lab.setViewportSize({ width: 1280, height: 800 });
    await lab.goto('./#v=1&panel=training&hide=curves');
    const note = lab.getByTestId('hidden-note');
    await expect(note).toHaveText(/Hidden for this exercise: the learning curves/);
    await expect(curves(lab)).toHaveCount(0);
    await expect(lab.getByRole('heading', { name: 'Network and hyper-parameters' })).toBeVisible();
    await note.getByRole('button', { name: 'Show everything' }).click();
    await expect(curves(lab)).toBeVisible();
    await expect(note).toHaveCount(0);
    await expect(lab).not.toHaveURL(/hide=/);

    // The navigation and the network editor: the open panel's name stays, the numbers stay.
    await lab.goto('./#v=1&panel=architecture&hide=navigation,network-editor');
    await expect(lab.getByRole('navigation', { name: 'Panels' })).toHaveCount(0);
    await expect(lab.getByTestId('current-panel')).toHaveText('Architecture');
    await expect(presetPicker(lab)).toHaveCount(0);
    await expect(lab.getByTestId('total-params')).toBeVisible();
    await expect(lab.getByRole('button', { name: /^Remove Layer/ })).toHaveCount(0);
    await lab.screenshot({ path: `${SCREENS}/hidden-architecture-1280.png` });
    await lab.getByTestId('hidden-note').first().getByRole('button').click();
    await expect(presetPicker(lab)).toBeVisible();
    await labPage(lab).openPanel('Training');
  });

  test('on a phone the dock is one line above the panel, opens on request and remembers it', async ({
    lab,
  }) => {
    await lab.setViewportSize({ width: 390, height: 844 });
    await lab.goto('./#v=1&lesson=conv-arithmetic&step=5');
    const toggle = lab.getByTestId('lesson-dock-toggle');
    await expect(toggle).toHaveText(/Lesson: Convolution arithmetic · Step 5 of 6/);
    await expect(toggle).toHaveAttribute('aria-expanded', 'false');
    await expect(dock(lab).getByTestId('lesson-step')).toHaveCount(0);
    await expect(presetPicker(lab)).toHaveValue('conv-example');
    expect(await fitsWidth(lab)).toBe(true);
    // The card stands above the panel's heading.
    const dockBox = await dock(lab).boundingBox();
    const heading = await lab.getByRole('heading', { level: 1 }).boundingBox();
    expect(dockBox && heading && dockBox.y + dockBox.height <= heading.y).toBe(true);
    await lab.screenshot({ path: `${SCREENS}/lesson-dock-390-closed.png` });

    await toggle.click();
    await expect(toggle).toHaveAttribute('aria-expanded', 'true');
    await expect(dockCount(lab)).toHaveText('Step 5 of 6');
    expect(await fitsWidth(lab)).toBe(true);
    expect(await wcagViolations(lab)).toEqual([]);
    await lab.reload();
    await expect(dockCount(lab)).toHaveText('Step 5 of 6');

    await labPage(lab).openPanel('Training');
    await expect(dockCount(lab)).toHaveText('Step 5 of 6');
    expect(await fitsWidth(lab)).toBe(true);
    await lab.screenshot({ path: `${SCREENS}/lesson-dock-390-training.png`, fullPage: true });
  });

  test('screens of the dock beside three panels at three sizes', async ({ lab }) => {
    const links = {
      architecture: 'lesson=conv-arithmetic&step=5',
      convolution: 'lesson=conv-arithmetic&step=3',
      training: 'lesson=gradient-descent&step=1&panel=training',
    };
    const sizes = [
      { width: 1280, height: 800, large: false },
      { width: 1024, height: 768, large: true },
      { width: 390, height: 844, large: false },
    ];
    for (const { width, height, large } of sizes) {
      await lab.setViewportSize({ width, height });
      for (const [panel, link] of Object.entries(links)) {
        await lab.goto(`./#v=1&${link}`);
        await expect(dock(lab)).toBeVisible();
        const largeType = lab.getByRole('button', { name: 'Large type' });
        if (large && (await largeType.getAttribute('aria-pressed')) !== 'true')
          await largeType.click();
        await expect(largeType).toHaveAttribute('aria-pressed', String(large));
        await expect(lab.getByRole('heading', { level: 1 })).toBeVisible();
        expect(await fitsWidth(lab), `${panel} at ${width}`).toBe(true);
        await lab.screenshot({ path: `${SCREENS}/lesson-dock-${panel}-${width}.png` });
      }
      if (large) await lab.getByRole('button', { name: 'Large type' }).click();
    }
  });
});
