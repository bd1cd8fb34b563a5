import { mkdirSync } from 'node:fs';
import type { Locator, Page } from '@playwright/test';
import { PANEL_INFOS, panelInfoOf, type PanelId } from '../../src/state/panels';
import { UNTIL_THE_TEST_ENDS } from './pages';
import { expect, test } from './fixtures';

/**
 * Every panel at the four screens the lab is used on: a phone, a tablet, a projector at
 * 1024x768 with large type, and a desktop. The page is never wider than the screen (wide
 * pictures scroll inside their own card), and each panel is saved as a picture for a
 * person to look at.
 */

const SCREENS = `${process.env.E2E_RESULTS ?? 'test-results'}/screens`;

interface ScreenSize {
  readonly name: string;
  readonly width: number;
  readonly height: number;
  readonly largeType: boolean;
  /** A phone or tablet: a touch screen, so `(pointer: coarse)` rules (44 px targets) apply. */
  readonly touch: boolean;
}

const SIZES: readonly ScreenSize[] = [
  { name: 'phone-390', width: 390, height: 844, largeType: false, touch: true },
  { name: 'tablet-768', width: 768, height: 1024, largeType: false, touch: true },
  { name: 'projector-1024-large', width: 1024, height: 768, largeType: true, touch: false },
  { name: 'desktop-1920', width: 1920, height: 1080, largeType: false, touch: false },
];

/** One network and dataset for every panel, so the pictures compare across sizes. */
const SETTINGS = 'preset=lenet5&data=mnist&seed=3';

/**
 * What each panel shows once its data and engine are ready: its main picture, table or
 * canvas. Keyed by the registry's ids, so a new panel fails to compile until it says here
 * how it signals ready.
 */
const READY: Record<PanelId, (page: Page) => Locator> = {
  architecture: (p) => p.getByTestId('total-params'),
  datasets: (p) => p.getByTestId('dataset-thumb').first(),
  training: (p) => p.locator('.curve-canvas').first(),
  network: (p) => p.getByTestId('stage-op'),
  maths: (p) => p.getByTestId('maths-status'),
  neurons: (p) =>
    p.getByRole('region', { name: 'Neurons and decision regions' }).locator('canvas').first(),
  convolution: (p) => p.getByTestId('conv-output-0'),
  features: (p) => p.getByTestId('channel-thumb').first(),
  receptive: (p) => p.getByTestId('unit-grid'),
  // The open experiment's own picture (the loss surface, by default).
  experiments: (p) => p.locator('#experiment-view .panel-main-figure').first(),
  code: (p) => p.getByRole('heading', { name: 'Show as code' }),
  lessons: (p) => p.getByTestId('lesson-card').first(),
};

/** How far the page reaches past the screen's right edge, in CSS pixels (0 when it fits). */
async function overflowOf(page: Page, width: number): Promise<{ over: number; widest: string }> {
  return page.evaluate((screen) => {
    const root = document.scrollingElement ?? document.documentElement;
    // Against the screen's width too: a mobile browser may widen innerWidth to the page.
    const over = root.scrollWidth - Math.min(window.innerWidth, screen);
    // Name the element that reaches furthest right, so a failure says where to look.
    let widest = '';
    let right = window.innerWidth;
    const clipped = (el: Element): boolean => {
      for (let a = el.parentElement; a && a !== document.body; a = a.parentElement) {
        if (getComputedStyle(a).overflowX !== 'visible') return true;
      }
      return false;
    };
    for (const el of Array.from(document.querySelectorAll<HTMLElement>('body *'))) {
      const box = el.getBoundingClientRect();
      if (box.right <= right + 0.5 || clipped(el)) continue;
      right = box.right;
      const classes =
        typeof el.className === 'string' && el.className
          ? `.${el.className.split(' ').join('.')}`
          : '';
      widest = `${el.tagName.toLowerCase()}${classes} (right edge ${Math.round(box.right)} px)`;
    }
    return { over, widest };
  }, width);
}

/** The link's settings at this size: large type travels in the link (`type=large`). */
const settingsFor = (size: ScreenSize): string =>
  `${SETTINGS}${size.largeType ? '&type=large' : ''}`;

/** Opens a panel by its link in the page already loaded, and waits until it is ready. */
async function openByLink(page: Page, id: PanelId, size: ScreenSize): Promise<void> {
  await page.evaluate(
    (hash) => {
      window.location.hash = hash;
    },
    `v=1&panel=${id}&${settingsFor(size)}`,
  );
  await expect(page.getByRole('main')).toBeVisible();
  await expect(READY[id](page)).toBeVisible(UNTIL_THE_TEST_ENDS);
}

mkdirSync(SCREENS, { recursive: true });

for (const size of SIZES) {
  test.describe(`layouts at ${size.name}`, () => {
    test.use({ viewport: { width: size.width, height: size.height }, hasTouch: size.touch });
    test.setTimeout(240_000);

    test(`every panel fits a ${size.width}x${size.height} screen${size.largeType ? ' with large type' : ''}${size.touch ? ' (touch)' : ''}`, async ({
      lab,
    }) => {
      await lab.goto(`./#v=1&panel=architecture&${settingsFor(size)}`);
      await expect(READY.architecture(lab)).toBeVisible();
      await expect(lab.locator('html')).toHaveClass(
        size.largeType ? /large-type/ : /^(?!.*large-type)/,
      );
      const problems: string[] = [];
      // One page for the size, each panel opened by its link, as a shared link opens it.
      for (const { id } of PANEL_INFOS) {
        await openByLink(lab, id, size);
        const { over, widest } = await overflowOf(lab, size.width);
        if (over > 0)
          problems.push(`${id}: the page is ${over} px wider than the screen; widest: ${widest}`);
        const named = await openPanelNamed(lab, panelInfoOf(id).title);
        if (!named) problems.push(`${id}: the header does not show the open panel's name whole`);
        await lab.screenshot({ path: `${SCREENS}/layout-${size.name}-${id}.png`, fullPage: true });
      }
      expect(problems, 'no panel scrolls the page sideways').toEqual([]);
    });

    test(`in presenter mode at ${size.width}x${size.height} the bar is thin and each panel's picture is on the first screen`, async ({
      lab,
    }) => {
      const problems: string[] = [];
      await lab.goto(`./#v=1&panel=architecture&${settingsFor(size)}&present=1`);
      await expect(lab.locator('html')).toHaveClass(/present/);
      for (const { id } of PANEL_INFOS) {
        await lab.evaluate(
          (hash) => {
            window.location.hash = hash;
          },
          `v=1&panel=${id}&${settingsFor(size)}&present=1`,
        );
        await expect(READY[id](lab)).toBeVisible(UNTIL_THE_TEST_ENDS);
        const figure = lab.locator('main .panel-main-figure').first();
        await expect(figure, `${id} marks its main picture`).toBeAttached();
        const bar = (await lab.getByRole('banner').boundingBox())?.height ?? Infinity;
        if (bar > size.height * 0.12)
          problems.push(`${id}: the bar is ${Math.round(bar)} px, over 12% of ${size.height}`);
        // The picture is brought just below the bar when the panel opens (and held there
        // while the panel settles): wait for it to arrive, neither under the bar nor low.
        await expect
          .poll(async () => {
            const top = (await figure.boundingBox())?.y ?? Infinity;
            return top < bar - 1 ? `under the bar (${top} px)` : top < size.height * 0.5;
          }, UNTIL_THE_TEST_ENDS)
          .toBe(true);
        await lab.screenshot({ path: `${SCREENS}/present-${size.name}-${id}.png` });
      }
      expect(problems).toEqual([]);
    });
  });
}

/**
 * True when the header shows the open panel's name whole: its button in the strip, inside
 * the strip's visible box, or the Panels menu naming it. A strip scrolled or clipped so the
 * open panel is out of sight fails (as it did at 1024x768 with large type).
 */
async function openPanelNamed(page: Page, title: string): Promise<boolean> {
  return page.evaluate((name) => {
    const visible = (el: Element | null): el is HTMLElement =>
      el instanceof HTMLElement &&
      el.getClientRects().length > 0 &&
      getComputedStyle(el).visibility !== 'hidden';
    const current = document.querySelector('.panel-nav [aria-current="page"]');
    const strip = document.querySelector('.panel-nav');
    if (visible(current) && visible(strip) && current.textContent === name) {
      const b = current.getBoundingClientRect();
      const s = strip.getBoundingClientRect();
      if (b.left >= s.left - 1 && b.right <= s.right + 1) return true;
    }
    const menu = document.querySelector('[data-testid="panels-menu"]');
    const label = document.querySelector('[data-testid="menu-current-panel"]');
    // The button cuts a long name with an ellipsis: then its content is wider than its box.
    return visible(menu) && label?.textContent === name && menu.scrollWidth <= menu.clientWidth + 1;
  }, title);
}

/** Each layer's figures as the table shows them, keyed by the column labels. */
async function layerFigures(page: Page): Promise<Record<string, string>[]> {
  return page
    .locator('tr.layer-row')
    .evaluateAll((rows) =>
      rows.map((row) =>
        Object.fromEntries(
          Array.from(row.querySelectorAll<HTMLElement>('[data-label]')).map((cell) => [
            cell.dataset.label ?? '',
            (cell.innerText || '').replace(/\s+/g, ' ').trim(),
          ]),
        ),
      ),
    );
}

test.describe('the layer table on a phone', () => {
  test.use({ viewport: { width: 1280, height: 900 }, hasTouch: true });

  test("LeNet-5's layers become one card each, every number of the wide table kept", async ({
    lab,
  }) => {
    await lab.goto('./#v=1&preset=lenet5');
    await expect(lab.getByTestId('total-params')).toHaveText('61,706');
    const wide = await layerFigures(lab);
    expect(wide).toHaveLength(8);
    expect(wide[0]).toMatchObject({ 'Output shape': '28×28×6', Parameters: '156' });

    await lab.setViewportSize({ width: 390, height: 844 });
    const first = lab.locator('tr.layer-row').first();
    // A card: the numbers sit under the layer's name, not beside it in one long row.
    await expect
      .poll(async () => {
        const name = await first.locator('th.layer-name').boundingBox();
        const shape = await first.getByTestId('output-shape').boundingBox();
        return name && shape ? shape.y >= name.y + name.height : false;
      })
      .toBe(true);
    expect(await layerFigures(lab), 'the same figures as the wide table').toEqual(wide);
    await expect(first.getByTestId('output-shape')).toHaveText('28×28×6');
    await expect(first.getByTestId('params')).toHaveText('156');
    await expect(lab.getByTestId('total-params')).toHaveText('61,706');

    // Every figure and control of every card is on screen: nothing to scroll sideways to.
    const offScreen = await lab.locator('.layer-table').evaluate((table, width) => {
      const out: string[] = [];
      for (const el of Array.from(
        table.querySelectorAll<HTMLElement>('td, th, select, button, input'),
      )) {
        if (el.closest('thead')) continue;
        const box = el.getBoundingClientRect();
        if (box.width > 0 && (box.left < 0 || box.right > width))
          out.push(
            `${el.tagName.toLowerCase()} "${el.innerText || el.getAttribute('aria-label')}"`,
          );
      }
      return out;
    }, 390);
    expect(offScreen).toEqual([]);
    // The row's controls stay, big enough for a finger.
    const up = lab.getByRole('button', { name: 'Move Layer 2 maxpool2d_1 up' });
    await expect(up).toBeVisible();
    const box = await up.boundingBox();
    expect(box?.height).toBeGreaterThanOrEqual(44);
    expect(box?.width).toBeGreaterThanOrEqual(44);
    await expect(lab.getByRole('combobox', { name: 'Layer 1 conv2d_1: type' })).toBeVisible();
    await lab.screenshot({
      path: `${SCREENS}/layout-phone-390-architecture-cards.png`,
      fullPage: true,
    });
  });
});
