import AxeBuilder from '@axe-core/playwright';
import type { Browser, Locator, Page } from '@playwright/test';
import LZString from 'lz-string';
import { expect, test } from './fixtures';

/**
 * "Make an exercise link": an instructor writes a question and picks a checker in the
 * editor, a learner in a fresh browser opens the link and is checked; and hostile links
 * (script in the question, a checker that does not exist, absurd parameters, a damaged
 * value) show why they cannot be used and run nothing.
 */

const SCREENS = `${process.env.E2E_RESULTS ?? 'test-results'}/screens`;

const editor = (page: Page) => page.getByRole('dialog', { name: 'Make an exercise link' });
const card = (page: Page) => page.getByTestId('linked-exercise');
const feedback = (page: Page) => card(page).getByTestId('exercise-feedback');
const layerField = (page: Page, layer: number, field: string): Locator =>
  page.getByRole('textbox', { name: new RegExp(`^Layer ${layer} .*: ${field}$`) });

/** axe's WCAG 2.1 A/AA rules on the page as it is now. */
async function wcagViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  return results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.length} nodes)`);
}

/**
 * Everything a page does that a link must never make it do: open an alert/confirm/prompt,
 * request anything outside its origin, throw. Returned as a list that must stay empty.
 */
function watch(page: Page, origin: string): string[] {
  const seen: string[] = [];
  page.on('dialog', (dialog) => {
    seen.push(`a ${dialog.type()} opened: ${dialog.message()}`);
    void dialog.dismiss();
  });
  page.on('request', (request) => {
    const url = request.url();
    if (!url.startsWith(origin) && !/^(data|blob):/.test(url)) seen.push(`request to ${url}`);
  });
  page.on('pageerror', (error) => seen.push(`page error: ${error.message}`));
  return seen;
}

/** A fresh browser context (no storage, no history shared with the instructor's) and its page. */
async function freshPage(browser: Browser, viewport = { width: 1280, height: 800 }) {
  const context = await browser.newContext({ viewport });
  return { context, page: await context.newPage() };
}

/** An `ex=` value written as the lab writes one, from any JSON (so tests can write hostile ones). */
const exValue = (json: unknown): string =>
  LZString.compressToEncodedURIComponent(JSON.stringify(json));

test.describe('exercise links', () => {
  test('an instructor makes a link from their own lab; a fresh browser opens it and is checked', async ({
    lab,
    browser,
    baseURL,
  }) => {
    const origin = new URL(baseURL ?? 'http://localhost').origin;
    await lab.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin });
    await lab.setViewportSize({ width: 1280, height: 800 });
    await lab.goto('./#v=1&panel=architecture&preset=lenet5&layer=0');
    // The instructor's own start: conv1 with 8 filters instead of LeNet-5's 6.
    await layerField(lab, 1, 'filters').fill('8');

    await lab.keyboard.press('Control+K');
    await lab.getByTestId('command-input').fill('exercise link');
    const palette = lab.getByRole('dialog', { name: 'Commands' });
    await expect(palette.getByRole('option', { selected: true })).toContainText(
      'Make an exercise link…',
    );
    await lab.keyboard.press('Enter');
    const dialog = editor(lab);
    await expect(dialog).toBeVisible();
    const question = dialog.getByLabel(/^Question for the learner/);
    await expect(question).toBeFocused();
    await question.fill(
      'Change **conv1** so it outputs $14 \\times 14 \\times 8$, keeping its 5×5 kernel.',
    );
    await expect(dialog.getByTestId('exercise-preview').locator('strong')).toHaveText('conv1');
    await expect(dialog.getByTestId('exercise-preview').locator('.katex')).toHaveCount(1);
    await expect(dialog.getByText(/^\d+ of 4,000 characters$/)).toBeVisible();

    await dialog
      .getByLabel('What the lab checks')
      .selectOption({ label: 'A layer outputs a given shape' });
    // Filled from the lab: the selected layer and its shape now (so the check passes as it is).
    const layer = dialog.getByTestId('param-layer');
    await expect(layer).toHaveValue('conv2d_1');
    await expect(dialog.getByTestId('param-c')).toHaveValue('8');
    await expect(dialog.getByTestId('exercise-verdict')).toContainText(
      'Your lab as it is now passes this check',
    );
    await expect(dialog.getByTestId('exercise-verdict')).toContainText(
      'A learner opening this link would be done at once',
    );
    await dialog.getByLabel(/^Output height/).fill('14');
    await dialog.getByLabel(/^Output width/).fill('14');
    await expect(dialog.getByTestId('exercise-task')).toContainText(
      'Change the network so conv2d_1 outputs 14×14×8.',
    );
    await expect(dialog.getByTestId('exercise-verdict')).toContainText(
      'Your lab as it is now fails this check: conv2d_1 (layer 1) outputs 28×28×8',
    );
    // An impossible value is named under its field and there is no link until it is fixed.
    await dialog.getByLabel(/^Output channels/).fill('0');
    await expect(dialog.getByTestId('exercise-problems')).toContainText(
      'must be at least 1, not 0',
    );
    await expect(dialog.getByTestId('copy-exercise-link')).toHaveCount(0);
    await dialog.getByLabel(/^Output channels/).fill('8');
    await dialog.getByLabel('Hide the learning curves').check();

    await dialog.getByRole('button', { name: 'Copy link' }).click();
    await expect(dialog.getByRole('status')).toHaveText('Link copied to the clipboard.');
    const link = await dialog.getByLabel(/^The link/).inputValue();
    expect(await lab.evaluate(() => navigator.clipboard.readText())).toBe(link);
    expect(link).toMatch(/[#&]ex=[A-Za-z0-9+\-$]+/);
    expect(link).toMatch(/&hide=curves(&|$)/);
    expect(link).toMatch(/&panel=architecture&/);
    expect(await wcagViolations(lab)).toEqual([]);
    const form = dialog.getByTestId('exercise-editor');
    const scrollForm = (top: number) => form.evaluate((el, y) => el.scrollTo(0, y), top);
    await lab.screenshot({ path: `${SCREENS}/exercise-editor-1280-end.png` });
    await scrollForm(0);
    await lab.screenshot({ path: `${SCREENS}/exercise-editor-1280.png` });
    await lab.setViewportSize({ width: 390, height: 844 });
    await lab.screenshot({ path: `${SCREENS}/exercise-editor-390.png` });
    await scrollForm(100_000);
    await lab.screenshot({ path: `${SCREENS}/exercise-editor-390-end.png` });
    await lab.keyboard.press('Escape');
    await expect(dialog).toBeHidden();

    // A learner, in a browser that never saw the instructor's lab.
    const { context, page } = await freshPage(browser);
    const seen = watch(page, origin);
    await page.goto(link);
    await expect(card(page)).toBeVisible();
    await expect(card(page).getByRole('heading', { name: 'Exercise' })).toBeVisible();
    await expect(card(page).getByTestId('linked-question').locator('strong')).toHaveText('conv1');
    await expect(card(page).getByTestId('linked-task')).toHaveText(
      'Change the network so conv2d_1 outputs 14×14×8.',
    );
    await expect(page.getByRole('region', { name: 'Notices' }).getByRole('status')).toHaveCount(0);
    // The instructor's lab came with it: eight filters, and the curves hidden.
    await expect(layerField(page, 1, 'filters')).toHaveValue('8');
    expect(await page.evaluate(() => location.hash)).toMatch(/hide=curves/);

    await card(page).getByRole('button', { name: 'Check my lab' }).click();
    await expect(feedback(page)).toContainText('conv2d_1 (layer 1) outputs 28×28×8');
    await expect(feedback(page)).toContainText('try a stride of 2');
    await expect(card(page).getByTestId('exercise-solved')).toHaveCount(0);
    await page.screenshot({ path: `${SCREENS}/exercise-card-1280.png` });
    expect(await wcagViolations(page)).toEqual([]);

    await layerField(page, 1, 'stride').fill('2');
    await card(page).getByRole('button', { name: 'Check my lab' }).click();
    await expect(feedback(page)).toHaveText('conv2d_1 (layer 1) outputs 14×14×8.');
    await expect(card(page).getByTestId('exercise-solved')).toBeVisible();
    await page.setViewportSize({ width: 390, height: 844 });
    await card(page).scrollIntoViewIfNeeded();
    await expect(card(page)).toBeInViewport();
    await page.screenshot({ path: `${SCREENS}/exercise-card-390.png` });
    expect(seen).toEqual([]);
    await context.close();
  });

  test('the editor works from the keyboard alone', async ({ lab }) => {
    await lab.goto('./#v=1&panel=architecture&preset=lenet5&layer=0');
    await expect(lab.getByRole('main').getByRole('heading', { level: 1 })).toBeVisible();
    await lab.keyboard.press('Control+K');
    await lab.keyboard.type('make exercise');
    await lab.keyboard.press('Enter');
    const dialog = editor(lab);
    await expect(dialog.getByTestId('exercise-question')).toBeFocused();
    await lab.keyboard.type('Make **conv1** half as wide.');
    await lab.keyboard.press('Tab'); // the preview, which scrolls from the keyboard
    await lab.keyboard.press('Tab');
    await expect(dialog.getByTestId('exercise-checker')).toBeFocused();
    await lab.keyboard.press('Tab');
    await expect(dialog.getByTestId('param-layer')).toBeFocused();
    for (const side of ['h', 'w']) {
      await lab.keyboard.press('Tab');
      await expect(dialog.getByTestId(`param-${side}`)).toBeFocused();
      await lab.keyboard.press('Control+A');
      await lab.keyboard.type('14');
    }
    await expect(dialog.getByTestId('exercise-verdict')).toContainText('now fails this check');
    // On to Copy link, through the remaining fields, and Space on a checkbox on the way.
    const copy = dialog.getByTestId('copy-exercise-link');
    for (
      let presses = 0;
      presses < 12 && !(await copy.evaluate((b) => b === document.activeElement));
      presses++
    ) {
      await lab.keyboard.press('Tab');
      if (await dialog.getByTestId('hide-curves').evaluate((b) => b === document.activeElement))
        await lab.keyboard.press('Space');
    }
    await expect(copy).toBeFocused();
    await expect(dialog.getByTestId('hide-curves')).toBeChecked();
    await lab.keyboard.press('Enter');
    await expect(dialog.getByRole('status')).toHaveText(/Link copied|did not let the lab copy/);
    await expect(dialog.getByLabel(/^The link/)).toHaveValue(/&hide=curves&.*ex=/);
    await lab.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
  });

  test('a hostile exercise link shows why it cannot be used and runs nothing', async ({
    browser,
    baseURL,
  }) => {
    const origin = new URL(baseURL ?? 'http://localhost').origin;
    const hostile = [
      '# Exercise <script>window.__ran = 1; alert("script")</script>',
      '<img src="http://203.0.113.9/track.png" onerror="alert(\'img\')">',
      '![tracker](http://203.0.113.9/pixel.gif) [click me](javascript:alert(1)) [home](#v=1&preset=vgg16)',
      '$\\href{javascript:alert(1)}{x}$ <iframe src="http://203.0.113.9/"></iframe>',
    ].join('\n\n');
    const lenet = './#v=1&panel=architecture&preset=lenet5&layer=0';
    const { context, page } = await freshPage(browser);
    const seen = watch(page, origin);

    /** Opens a link with this `ex=` value, as a new page load, and waits for the lab. */
    const open = async (ex: string) => {
      await page.goto('about:blank');
      await page.goto(`${origin}/${lenet.slice(2)}&ex=${ex}`);
      await expect(page.getByRole('main').getByRole('heading', { level: 1 })).toHaveText(
        'Architecture explorer',
      );
    };
    /** Nothing the question said became markup: no script, image, frame, link or handler. */
    const expectInert = async () => {
      const question = card(page).getByTestId('linked-question');
      await expect(question).toContainText('<script>window.__ran = 1;');
      await expect(question).toContainText('<img src="http://203.0.113.9/track.png"');
      for (const tag of ['script', 'img', 'iframe', 'a', 'object', 'embed'])
        await expect(card(page).locator(tag)).toHaveCount(0);
      const handlers = await card(page).evaluate((el) =>
        Array.from(el.querySelectorAll('*')).flatMap((n) =>
          Array.from(n.attributes)
            .map((a) => a.name)
            .filter((name) => name.startsWith('on')),
        ),
      );
      expect(handlers).toEqual([]);
      expect(await page.evaluate(() => (window as { __ran?: number }).__ran)).toBeUndefined();
    };

    // 1. Script and HTML in the question, a checker that does not exist.
    await open(exValue({ q: hostile, c: { id: 'no-such-checker', p: { layer: 0 } } }));
    const problem = card(page).getByRole('alert');
    await expect(problem).toContainText(
      'This exercise link cannot be checked: There is no checker "no-such-checker"; the lab has layer-output-shape,',
    );
    await expect(card(page).getByRole('button', { name: 'Check my lab' })).toHaveCount(0);
    await expectInert();
    await page.screenshot({ path: `${SCREENS}/exercise-card-hostile-1280.png` });
    expect(await wcagViolations(page)).toEqual([]);

    // 2. The same question with a real checker: shown as text, and checking runs only the checker.
    await open(exValue({ q: hostile, c: { id: 'param-count-at-most', p: { max: 1000 } } }));
    await card(page).getByRole('button', { name: 'Check my lab' }).click();
    await expect(feedback(page)).toContainText('The network has 61,706 parameters');
    await expectInert();

    // 3. Absurd parameters: a layer a billion deep, text and NaN where numbers belong.
    await open(
      exValue({
        q: 'Make it so.',
        c: { id: 'layer-output-shape', p: { layer: 1e9, h: 'NaN', w: 'fourteen', c: -5 } },
      }),
    );
    await expect(card(page).getByRole('alert')).toContainText(
      "layer-output-shape: layer (the layer's index (0 is the first, −1 the last) or name) must be at most 499, not 1000000000.",
    );
    await expect(card(page).getByRole('alert')).toContainText(
      'h (output height) must be a number, not "NaN"',
    );
    await expect(card(page).getByRole('alert')).toContainText(
      'w (output width) must be a number, not "fourteen"',
    );
    await expect(card(page).getByRole('alert')).toContainText(
      'c (output channels) must be at least 1, not -5',
    );
    await expect(card(page).getByRole('button', { name: 'Check my lab' })).toHaveCount(0);

    // 4. A damaged value and an over-long question: a notice, no card, the lab as the rest of the link says.
    const notices = page.getByRole('region', { name: 'Notices' });
    await open('NoBwhatever%%%not-lz');
    await expect(notices).toContainText('Ignored the exercise: it is damaged');
    await expect(card(page)).toHaveCount(0);
    await open(exValue({ q: 'x'.repeat(100_000), c: { id: 'training-diverged' } }));
    await expect(notices).toContainText(
      'Ignored the exercise: it holds more text than an exercise can (a question has at most 4,000 characters).',
    );
    await expect(card(page)).toHaveCount(0);
    await expect(page.getByTestId('preset-picker')).toHaveValue('lenet5');

    expect(seen).toEqual([]);
    await context.close();
  });
});
