import { expect, type Page } from '@playwright/test';

/**
 * For waits on something the page will show once the work is done (training steps, an
 * epoch, a worker's reply): no budget of its own, so a slow machine only makes the test
 * slower; the test's own timeout still ends a wait that never comes true.
 */
export const UNTIL_THE_TEST_ENDS = { timeout: 0 } as const;

/** A count as the lab prints it ("1,234"). */
const countIn = (text: string | null): number => Number((text ?? '').replace(/,/g, '').trim());

/**
 * The header's name of the open panel as a person reads it: the navigation's current
 * button where the strip of panels fits, the Panels menu's label where it is folded away
 * (narrow windows, large type). Exactly one of the two is visible.
 */
export const openPanelName = (page: Page) =>
  page
    .locator('.panel-nav [aria-current="page"], [data-testid="menu-current-panel"]')
    .filter({ visible: true });

/** The lab's shell: the panel navigation. */
export function labPage(page: Page) {
  return {
    /**
     * Opens a panel as a person does, and waits until it is the open one: from the
     * navigation on a wide screen, from the Panels menu where the screen is narrow.
     */
    async openPanel(title: string): Promise<void> {
      const nav = page.getByRole('navigation', { name: 'Panels' });
      const menu = page.getByRole('button', { name: /^Panels: / });
      if (!(await nav.isVisible()) && (await menu.isVisible())) {
        await menu.click();
        await page
          .getByRole('list', { name: 'Panels' })
          .getByRole('button', { name: title })
          .click();
        await expect(page.getByRole('button', { name: `Panels: ${title}` })).toBeVisible();
        return;
      }
      const link = nav.getByRole('button', { name: title, exact: true });
      await link.click();
      await expect(link).toHaveAttribute('aria-current', 'page');
    },
  };
}

/** The training panel: its run controls, run status and learning-curve read-outs. */
export function trainingPage(page: Page) {
  const status = page.getByTestId('run-status');
  const epoch = status
    .locator('div')
    .filter({ has: page.locator('dt', { hasText: /^Epoch$/ }) })
    .locator('dd');
  const stepShown = async () => countIn(await page.getByTestId('run-step').textContent());
  const epochShown = async () => countIn(await epoch.textContent());

  const training = {
    stepShown,
    /** The epoch the last step belonged to, counted from 0: 1 means the first epoch is done. */
    epochShown,
    /** The latest validation accuracy the accuracy curve reports, 0 to 1 (0 before the first). */
    async validationAccuracy(): Promise<number> {
      const value = await page.getByTestId('readout-accuracy').getAttribute('data-validation');
      return Number(value || 0);
    },

    /** Opens the training panel on a link's settings and waits until the engine is ready. */
    async open(settings: string): Promise<void> {
      await page.goto(`./#v=1&panel=training&${settings}`);
      await training.ready();
    },
    /** Waits until the engine has started on a backend and training can begin. */
    async ready(): Promise<void> {
      await expect(page.getByTestId('play')).toBeEnabled(UNTIL_THE_TEST_ENDS);
      await expect(page.getByTestId('backend')).not.toHaveText('starting…');
    },
    /** Presses play and waits until the run says it is running. */
    async play(): Promise<void> {
      await page.getByTestId('play').click();
      await expect(status).toHaveAttribute('data-phase', 'running');
    },
    /** Presses pause and waits until the run says it is paused. */
    async pause(): Promise<void> {
      await page.getByTestId('pause').click();
      await expect(status).toHaveAttribute('data-phase', 'paused', UNTIL_THE_TEST_ENDS);
    },
    /** Plays until the step counter shows at least `steps`, then pauses; returns the step shown. */
    async trainSteps(steps: number): Promise<number> {
      await training.play();
      await expect.poll(stepShown, UNTIL_THE_TEST_ENDS).toBeGreaterThanOrEqual(steps);
      await training.pause();
      return stepShown();
    },
    /** Plays until the run reports that `epochs` whole epochs are done, then pauses. */
    async trainEpochs(epochs: number): Promise<void> {
      await training.play();
      await expect.poll(epochShown, UNTIL_THE_TEST_ENDS).toBeGreaterThanOrEqual(epochs);
      await training.pause();
    },
    /** Loads the weights the lab ships for this network and waits for the page to say so. */
    async loadTrainedWeights(): Promise<void> {
      await page.getByTestId('load-pretrained').click();
      await expect(page.getByText(/Loaded the lab’s trained weights/)).toBeVisible(
        UNTIL_THE_TEST_ENDS,
      );
    },
  };
  return training;
}

/** The forward and backward view's own train / pause toggle and step counter. */
export function passTrainingPage(page: Page) {
  const toggle = page.getByTestId('pass-train');
  const stepShown = async () =>
    countIn((await page.getByTestId('pass-train-step').textContent())?.replace(/^step /, '') ?? '');
  return {
    stepShown,
    /** Trains until the view's counter shows at least `steps`, then pauses and waits for it to stop. */
    async trainSteps(steps: number): Promise<number> {
      await expect(toggle).toBeEnabled(UNTIL_THE_TEST_ENDS);
      await toggle.click();
      await expect(toggle).toHaveText(/Pause training/);
      await expect.poll(stepShown, UNTIL_THE_TEST_ENDS).toBeGreaterThanOrEqual(steps);
      await toggle.click();
      await expect(toggle).toHaveText(/^▶ Train$/, UNTIL_THE_TEST_ENDS);
      return stepShown();
    },
  };
}

/** The neuron playground, which trains in the page itself (no worker). */
export function playgroundPage(page: Page) {
  const stats = page.locator('.toy-stats');
  const epochShown = async () => Number(/Epoch (\d+)/.exec((await stats.textContent()) ?? '')?.[1]);
  return {
    epochShown,
    /** The accuracy the playground shows, 0 to 1. */
    async accuracy(): Promise<number> {
      return Number(await page.getByTestId('toy-accuracy').getAttribute('data-value'));
    },
    /** Plays until the epoch counter shows at least `epochs`, then pauses. */
    async trainEpochs(epochs: number): Promise<void> {
      await page.getByRole('button', { name: 'Play' }).click();
      await expect.poll(epochShown, UNTIL_THE_TEST_ENDS).toBeGreaterThanOrEqual(epochs);
      await page.getByRole('button', { name: 'Pause' }).click();
      await expect(page.getByRole('button', { name: 'Play' })).toBeVisible();
    },
  };
}

/** The dataset browser: its loading bar. */
export function datasetsPage(page: Page) {
  const status = page.getByTestId('load-status');
  const datasets = {
    status,
    /** Opens the dataset browser on a link's settings and waits until the dataset is loaded. */
    async open(settings: string): Promise<void> {
      await page.goto(`./#v=1&panel=datasets&${settings}`);
      await datasets.loaded();
    },
    /** Waits until the loading bar says the dataset is ready. */
    async loaded(): Promise<void> {
      await expect(status).toHaveAttribute('data-state', 'ready', UNTIL_THE_TEST_ENDS);
    },
  };
  return datasets;
}

/**
 * The Lessons panel as a learner uses it: the index with each lesson's progress, one step
 * with its count, its exercise and Back / Next. Everything is looked up inside the page's
 * main region, so the same step shown again beside the lab (a lesson dock) does not make a
 * locator ambiguous.
 */
export function lessonsPage(page: Page) {
  const main = page.getByRole('main');
  const stepCount = main.getByTestId('lesson-step-count');
  const exercise = main.getByRole('region', { name: 'Exercise' });
  const card = (title: string) => main.getByTestId('lesson-card').filter({ hasText: title });
  const stepShown = async () => {
    const match = /Step (\d+) of (\d+)/.exec((await stepCount.textContent()) ?? '');
    if (!match) throw new Error(`The step count reads “${await stepCount.textContent()}”.`);
    return { step: Number(match[1]), of: Number(match[2]) };
  };
  return {
    main,
    stepCount,
    exercise,
    feedback: exercise.getByTestId('exercise-feedback'),
    hint: exercise.getByTestId('exercise-hint'),
    solved: exercise.getByTestId('exercise-solved'),
    /** The step shown and the lesson's number of steps. */
    stepShown,
    /** Opens the lessons index through a link. */
    async openIndex(): Promise<void> {
      await page.goto('./#v=1&panel=lessons');
      await expect(main.getByTestId('lessons-index')).toBeVisible();
    },
    /** The index's card of one lesson. */
    card,
    /** "n of m exercises solved" on a lesson's card. */
    progressOf: (title: string) => card(title).getByTestId('lesson-progress'),
    /** Presses a lesson's Start (or Continue) button on the index and waits for its step. */
    async start(title: string): Promise<void> {
      await card(title)
        .getByRole('button', { name: new RegExp(`^(Start|Continue) ${title}$`) })
        .click();
      await expect(main.getByRole('heading', { level: 1 })).toHaveText(title);
      await expect(stepCount).toBeVisible();
    },
    /** Moves to the next step with the Next button and waits until it shows. */
    async next(): Promise<void> {
      const { step } = await stepShown();
      await main.getByRole('button', { name: 'Next', exact: true }).click();
      await expect(stepCount).toHaveText(new RegExp(`^Step ${step + 1} of`));
    },
    /**
     * Moves to the next step with PageDown, as a presenter's remote does, and waits. Keys in a
     * form field belong to the field, so a learner whose focus is in one first Tabs out of it.
     */
    async nextByKey(): Promise<void> {
      const { step } = await stepShown();
      const inField = await page.evaluate(() =>
        ['INPUT', 'TEXTAREA', 'SELECT'].includes(document.activeElement?.tagName ?? ''),
      );
      if (inField) await page.keyboard.press('Tab');
      await page.keyboard.press('PageDown');
      await expect(stepCount).toHaveText(new RegExp(`^Step ${step + 1} of`));
    },
    /** Types an answer into a numeric exercise and submits it with Enter. */
    async answer(text: string): Promise<void> {
      const box = exercise.getByRole('textbox');
      await box.fill(text);
      await box.press('Enter');
    },
    /** Picks the choice whose text matches and presses Check. */
    async choose(text: RegExp): Promise<void> {
      await exercise.getByRole('radio', { name: text }).check();
      await exercise.getByRole('button', { name: 'Check', exact: true }).click();
    },
    /** Presses a make-it-so exercise's "Check my lab". */
    async checkMyLab(): Promise<void> {
      await exercise.getByRole('button', { name: 'Check my lab' }).click();
    },
    /** Comes back to the Lessons panel from the lab by its button in the navigation. */
    async backToLesson(): Promise<void> {
      await labPage(page).openPanel('Lessons');
      await expect(stepCount).toBeVisible();
    },
  };
}
