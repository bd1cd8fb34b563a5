import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { PANEL_INFOS, type PanelId } from '../../src/state/panels';
import { playgroundPage, trainingPage, UNTIL_THE_TEST_ENDS } from './pages';
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
  experiments: async (p) => {
    await expect(p.locator('#experiment-view .panel-main-figure').first()).toBeVisible(UNTIL);
  },
  code: async (p) => {
    await expect(p.getByRole('heading', { name: 'Show as code' })).toBeVisible();
  },
  lessons: async (p) => {
    await expect(p.getByTestId('lesson-card').first()).toBeVisible();
  },
};
/** Turns large type on or off with the header's button, as a person does, unless it already is. */
async function setLargeType(page: Page, on: boolean): Promise<void> {
  const root = page.locator('html');
  const isOn = async () =>
    (await root.getAttribute('class'))?.split(' ').includes('large-type') ?? false;
  if ((await isOn()) !== on) await page.getByRole('button', { name: 'Large type' }).click();
  await expect.poll(isOn).toBe(on);
}

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

  test('the pictures’ text alternatives say what they show and follow it', async ({ lab }) => {
    const training = trainingPage(lab);
    // Ten steps a second, so the run pauses near step 30 however fast the engine is: at full
    // speed the MLP ran past 120 steps before the pause landed, where its loss is level.
    await training.open('preset=mlp&data=mnist&seed=3&speed=fast');
    const loss = lab.getByRole('img', { name: /^Loss over/ });
    await expect(loss).toHaveAttribute(
      'aria-label',
      'Loss over training steps: nothing trained yet.',
    );
    await training.trainSteps(30);
    await expect(loss).toHaveAttribute(
      'aria-label',
      /^Loss over [\d,]+ training steps: training loss [\d.]+ \(smoothed\) and (falling|level|rising); /,
    );
    // A fresh network's loss only falls over its first steps.
    await expect(loss).toHaveAttribute(
      'aria-label',
      /training loss [\d.]+ \(smoothed\) and falling/,
    );
    await expect(lab.getByRole('img', { name: /^Accuracy over/ })).toHaveAttribute(
      'aria-label',
      /training accuracy [\d.]+% \(smoothed\)/,
    );

    await lab.goto('./#v=1&panel=neurons');
    const plane = lab.getByTestId('toy-plane');
    await playgroundPage(lab).trainEpochs(3);
    const accuracy = await playgroundPage(lab).accuracy();
    await expect(plane).toHaveAttribute(
      'aria-label',
      new RegExp(
        `^Decision regions, training accuracy ${(accuracy * 100).toFixed(1)}%: class 1 .* holds \\d+% of the plane`,
      ),
    );

    await lab.goto(`./#v=1&panel=convolution&${SETTINGS}`);
    const output = lab.getByTestId('conv-output-0');
    await expect(output).toHaveAttribute(
      'aria-label',
      /: nothing computed yet; computing row 1, column 1 = /,
    );
    await lab.getByTestId('conv-forward').click();
    await expect(output).toHaveAttribute(
      'aria-label',
      /: 1 of \d+ values computed; computing row 1, column 2 = /,
    );
  });

  test.describe('on a HiDPI screen', () => {
    test.use({ deviceScaleFactor: 2 });

    test('large type scales the pictures’ labels and boxes, and canvases stay sharp', async ({
      lab,
    }) => {
      await lab.goto(`./#v=1&panel=convolution&${SETTINGS}`);
      const grid = lab.getByTestId('conv-input-0');
      await expect(grid).toBeVisible(UNTIL);
      await setLargeType(lab, false);
      const normal = (await grid.boundingBox())?.width ?? 0;
      await setLargeType(lab, true);
      await expect
        .poll(async () => ((await grid.boundingBox())?.width ?? 0) / normal)
        .toBeCloseTo(20 / 15, 1);

      await setLargeType(lab, false);
      await lab
        .getByRole('navigation', { name: 'Panels' })
        .getByRole('button', { name: 'Training', exact: true })
        .click();
      const canvas = lab.locator('.curve-canvas').first();
      await expect(canvas).toBeVisible(UNTIL);
      const size = () =>
        // The box the canvas draws in: inside its border, in CSS pixels.
        canvas.evaluate((c: HTMLCanvasElement) => ({ css: c.clientHeight, backing: c.height }));
      const small = await size();
      await setLargeType(lab, true);
      // Read once the layout has settled: the box grows with the type (15 px to 20 px).
      await expect.poll(async () => (await size()).css / small.css).toBeCloseTo(20 / 15, 1);
      // The backing store follows the box at the device's pixel ratio: no blurry upscaling.
      // Box and store are read together, so a layout still moving is not a mismatch.
      await expect
        .poll(async () => {
          const now = await size();
          return Math.abs(now.backing - now.css * 2);
        })
        .toBeLessThanOrEqual(1);
    });
  });

  test('focus is always visible: every element Tab reaches shows a focus ring', async ({ lab }) => {
    for (const panel of ['architecture', 'training', 'convolution', 'neurons'] as const) {
      await lab.goto(`./#v=1&panel=${panel}&${SETTINGS}`);
      await DRAWN[panel](lab);
      const unseen: string[] = [];
      for (let i = 0; i < 40; i++) {
        await lab.keyboard.press('Tab');
        const seen = await lab.evaluate(() => {
          const el = document.activeElement;
          if (!el || el === document.body) return null;
          const style = getComputedStyle(el);
          const ring =
            (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2) ||
            style.boxShadow !== 'none' ||
            // SVG blocks of the diagram draw their own ring (a thick stroke on focus).
            (el instanceof SVGElement && el.querySelector('.hit') !== null);
          const name = `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${el.getAttribute('aria-label') ? `[${el.getAttribute('aria-label')}]` : ` “${(el.textContent ?? '').trim().slice(0, 30)}”`}`;
          return ring ? '' : name;
        });
        if (seen) unseen.push(seen);
      }
      expect(unseen, `focus rings on the ${panel} panel`).toEqual([]);
    }
  });

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
