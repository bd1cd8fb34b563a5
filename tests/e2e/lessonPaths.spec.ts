import { expect, test } from './fixtures';
import {
  CONV_ARITHMETIC,
  layerField,
  outputSide,
  POOLING,
  tabOutOfFields,
  tabTo,
  walkLesson,
  wcagViolations,
} from './lessonPlans';
import { labPage, lessonsPage, playgroundPage, UNTIL_THE_TEST_ENDS } from './pages';

/**
 * Learners' paths through the lessons, as a person would take them: every step opened with
 * Next or PageDown, each exercise answered wrong first and then right (the plans and their
 * independently computed answers are in lessonPlans.ts), the lab changed until "Check my
 * lab" passes, including the figures the playground and the gradient check report.
 */

const SCREENS = `${process.env.E2E_RESULTS ?? 'test-results'}/screens`;

test.describe('learners’ paths through the lessons', () => {
  test.setTimeout(180_000);

  test('two whole lessons step by step, progress kept over a reload and reset', async ({ lab }) => {
    const lessons = lessonsPage(lab);
    await lessons.openIndex();
    await walkLesson(lab, 'Convolution arithmetic', CONV_ARITHMETIC);
    await lessons.main.getByRole('button', { name: 'All lessons' }).click();
    await expect(lessons.progressOf('Convolution arithmetic')).toHaveText(
      `${CONV_ARITHMETIC.length} of ${CONV_ARITHMETIC.length} exercises solved`,
    );
    await walkLesson(lab, 'Pooling', POOLING);

    // The link follows the lab a moment later; reload once it shows the lesson again.
    await expect(lab).toHaveURL(new RegExp(`panel=lessons.*lesson=pooling&step=${POOLING.length}`));
    await lab.reload();
    await lessons.main.getByRole('button', { name: 'All lessons' }).click();
    await expect(lessons.progressOf('Convolution arithmetic')).toHaveText(
      `${CONV_ARITHMETIC.length} of ${CONV_ARITHMETIC.length} exercises solved`,
    );
    await expect(lessons.progressOf('Pooling')).toHaveText(
      `${POOLING.length} of ${POOLING.length} exercises solved`,
    );
    await expect(lessons.progressOf('Softmax and cross-entropy')).toHaveText(/^0 of \d+/);

    // Reset asks first: dismissing keeps everything, accepting clears it.
    lab.once('dialog', (dialog) => void dialog.dismiss());
    await lessons.main.getByRole('button', { name: 'Reset my progress' }).click();
    await expect(lessons.progressOf('Pooling')).toHaveText(new RegExp(`^${POOLING.length} of `));
    lab.once('dialog', (dialog) => void dialog.accept());
    await lessons.main.getByRole('button', { name: 'Reset my progress' }).click();
    await expect(lessons.progressOf('Pooling')).toHaveText(
      `0 of ${POOLING.length} exercises solved`,
    );
    await expect(lessons.progressOf('Convolution arithmetic')).toHaveText(/^0 of /);
    await expect(lessons.main.getByRole('button', { name: 'Reset my progress' })).toBeDisabled();
    // The index is open: reload once the link has followed it there too.
    await expect(lab).not.toHaveURL(/lesson=/);
    await lab.reload();
    await expect(lessons.progressOf('Pooling')).toHaveText(/^0 of /);
  });
});

test.describe('make-it-so exercises that read what a panel measured', () => {
  test.setTimeout(240_000);

  test('the XOR exercise passes once the trained playground separates XOR, and not after', async ({
    lab,
  }) => {
    const lessons = lessonsPage(lab);
    const playground = playgroundPage(lab);
    await lessons.openIndex();
    await lessons.start('The perceptron and XOR');
    for (let step = 1; step < 4; step++) await lessons.next();
    await lessons.checkMyLab();
    await expect(lessons.feedback).toContainText('no accuracy yet');

    // The step starts from the perceptron, which cannot separate XOR however long it trains.
    await lessons.main.getByRole('button', { name: 'Go to Neurons' }).click();
    await expect(lab.getByTestId('toy-layers')).toHaveValue('0');
    await playground.trainEpochs(20);
    const perceptron = await playground.accuracy();
    expect(perceptron).toBeLessThan(0.95);
    await lessons.backToLesson();
    await lessons.checkMyLab();
    await expect(lessons.feedback).toContainText(`${(100 * perceptron).toFixed(1)}%`);
    await expect(lessons.feedback).toContainText('straight boundary');
    await expect(lessons.solved).toBeHidden();

    // A hidden layer of four tanh units, trained until the panel shows at least 95%.
    await labPage(lab).openPanel('Neurons');
    await lab.getByRole('button', { name: 'One hidden layer (4 tanh units)' }).click();
    await expect(lab.getByTestId('toy-layers')).toHaveValue('1');
    await lab.getByRole('button', { name: 'Play' }).click();
    await expect.poll(playground.accuracy, UNTIL_THE_TEST_ENDS).toBeGreaterThanOrEqual(0.95);
    await lab.getByRole('button', { name: 'Pause' }).click();
    await expect(lab.getByRole('button', { name: 'Play' })).toBeVisible();
    const trained = await playground.accuracy();
    expect(trained).toBeGreaterThanOrEqual(0.95);
    await lessons.backToLesson();
    await lessons.checkMyLab();
    await expect(lessons.feedback).toContainText(
      `classifies ${(100 * trained).toFixed(1)}% of its points correctly, at least 95.0%`,
    );
    await expect(lessons.solved).toBeVisible();

    // Back to the perceptron: the trained network's 95% is gone and must not count.
    await labPage(lab).openPanel('Neurons');
    await lab.getByRole('button', { name: 'Perceptron (no hidden layer)' }).click();
    await expect(lab.getByTestId('toy-layers')).toHaveValue('0');
    const shown = await playground.accuracy();
    await lessons.backToLesson();
    await lessons.checkMyLab();
    await expect(lessons.feedback).toContainText(`${(100 * shown).toFixed(1)}%`);
    await expect(lessons.feedback).toContainText('short of 95.0%');
  });

  test('Check my lab in the lesson beside the playground follows the playground as it trains', async ({
    lab,
  }) => {
    const lessons = lessonsPage(lab);
    const playground = playgroundPage(lab);
    await lessons.openIndex();
    await lessons.start('The perceptron and XOR');
    for (let step = 1; step < 4; step++) await lessons.next();
    await lessons.main.getByRole('button', { name: 'Go to Neurons' }).click();
    // The step stands beside the panel; everything below happens without leaving it.
    const dock = lab.getByRole('complementary', { name: /lesson/i });
    await expect(dock.getByText(/Step 4 of/)).toBeVisible();
    const check = dock.getByRole('button', { name: 'Check my lab' });
    const feedback = dock.getByTestId('exercise-feedback');

    await check.click();
    const untrained = await playground.accuracy();
    await expect(feedback).toContainText(`${(100 * untrained).toFixed(1)}%`);
    await expect(feedback).toContainText('straight boundary');

    await lab.getByRole('button', { name: 'One hidden layer (4 tanh units)' }).click();
    await playground.trainEpochs(1);
    await lab.getByRole('button', { name: 'Play' }).click();
    await expect.poll(playground.accuracy, UNTIL_THE_TEST_ENDS).toBeGreaterThanOrEqual(0.95);
    await lab.getByRole('button', { name: 'Pause' }).click();
    await expect(lab.getByRole('button', { name: 'Play' })).toBeVisible();
    await check.click();
    await expect(feedback).toContainText(
      `classifies ${(100 * (await playground.accuracy())).toFixed(1)}% of its points correctly, at least 95.0%`,
    );
    await expect(dock.getByTestId('exercise-solved')).toBeVisible();
    await lab.screenshot({ path: `${SCREENS}/lesson-paths-xor-dock.png` });

    // New weights for the same network: the figure follows what the panel shows now.
    await lab.getByRole('button', { name: 'Reset weights' }).click();
    const reset = await playground.accuracy();
    expect(reset).toBeLessThan(0.95);
    await check.click();
    await expect(feedback).toContainText(`${(100 * reset).toFixed(1)}%`);
    await expect(feedback).toContainText('short of 95.0%');
  });

  test('the gradient check exercise passes after a check with a large ε', async ({ lab }) => {
    const lessons = lessonsPage(lab);
    await lessons.openIndex();
    await lessons.start('Checking the gradient');
    for (let step = 1; step < 5; step++) await lessons.next();
    await lessons.checkMyLab();
    await expect(lessons.feedback).toContainText('no gradient check yet');

    await lessons.main.getByRole('button', { name: 'Go to The maths' }).click();
    await expect(lab.getByTestId('maths-status')).toBeVisible(UNTIL_THE_TEST_ENDS);
    const card = lab.getByRole('region', { name: 'The gradient check' });
    const relativeError = card.getByTestId('check-relative-error');
    const run = async (epsilon: string): Promise<number> => {
      await card.getByLabel('ε').selectOption({ label: epsilon });
      await expect(relativeError).toBeHidden();
      await card.getByRole('button', { name: 'Run the check' }).click();
      await expect(relativeError).toBeVisible(UNTIL_THE_TEST_ENDS);
      return Number((await relativeError.textContent())?.replace(/−/g, '-'));
    };

    // The hint's advice: a weight of the first layer, behind the most non-linearities.
    await card.getByLabel('Layer').selectOption({ label: 'conv2d_1' });
    const small = await run('0.001');
    expect(small, 'a small ε agrees to within 1%').toBeLessThanOrEqual(0.01);
    await lessons.backToLesson();
    await lessons.checkMyLab();
    await expect(lessons.feedback).toContainText('still agree');
    await expect(lessons.solved).toBeHidden();

    await labPage(lab).openPanel('The maths');
    await expect(card).toBeVisible(UNTIL_THE_TEST_ENDS);
    await card.getByLabel('Layer').selectOption({ label: 'conv2d_1' });
    const large = await run('0.1');
    expect(large, 'ε = 0.1 lets the loss curve inside the interval').toBeGreaterThan(0.01);
    await lessons.backToLesson();
    await lessons.checkMyLab();
    await expect(lessons.feedback).toContainText(/with ε = 0\.1, above 0\.01/);
    await expect(lessons.feedback).toContainText('disagree');
    await expect(lessons.solved).toBeVisible();

    // Another network: the old check no longer counts.
    await labPage(lab).openPanel('Architecture');
    await lab.getByLabel('Catalogue network').selectOption({ label: 'MLP 784-128-64-10' });
    await lessons.backToLesson();
    await lessons.checkMyLab();
    await expect(lessons.feedback).toContainText('no gradient check yet');
  });
});

test.describe('the lessons for everyone', () => {
  test.setTimeout(180_000);

  test('no WCAG 2.1 AA violations on the index and on a step of each exercise kind', async ({
    lab,
  }) => {
    const lessons = lessonsPage(lab);
    await lessons.openIndex();
    expect(await wcagViolations(lab)).toEqual([]);
    await lab.screenshot({ path: `${SCREENS}/lesson-paths-index.png` });

    // A numeric exercise with its feedback and its hint showing.
    await lessons.start('Convolution arithmetic');
    await lessons.answer('9');
    await lessons.answer('8');
    await expect(lessons.hint).toBeVisible();
    expect(await wcagViolations(lab)).toEqual([]);
    await lab.screenshot({ path: `${SCREENS}/lesson-paths-numeric.png`, fullPage: true });

    // A choice with a wrong one's explanation showing.
    await lessons.next();
    await lessons.next();
    await lessons.choose(/the output is 3 ?× ?3/);
    await expect(lessons.feedback).toContainText('Not quite');
    expect(await wcagViolations(lab)).toEqual([]);
    await lab.screenshot({ path: `${SCREENS}/lesson-paths-choice.png`, fullPage: true });

    // A make-it-so with its failing feedback and hint showing.
    await lessons.main.getByRole('button', { name: 'All lessons' }).click();
    await lessons.start('Pooling');
    for (let step = 1; step < POOLING.length; step++) await lessons.next();
    await lessons.checkMyLab();
    await expect(lessons.hint).toBeVisible();
    expect(await wcagViolations(lab)).toEqual([]);
    await lab.screenshot({ path: `${SCREENS}/lesson-paths-make-it-so.png`, fullPage: true });
  });

  test('every kind of exercise works with the keyboard alone', async ({ lab }) => {
    const lessons = lessonsPage(lab);
    const keys = lab.keyboard;
    await lessons.openIndex();

    // The index: Tab to a lesson's Start button and press Enter.
    await tabTo(lab, lessons.main.getByRole('button', { name: 'Start Convolution arithmetic' }));
    await keys.press('Enter');
    await expect(lessons.stepCount).toHaveText(/^Step 1 of/);

    // Numeric: type into the answer box and press Enter; focus stays there for the next try.
    const box = lessons.exercise.getByRole('textbox');
    // The feedback's status region is there, empty, before the first answer, so screen
    // readers announce the first message.
    await expect(lessons.exercise.getByRole('status')).toHaveText('');
    await tabTo(lab, box);
    await keys.type(String(outputSide(7, 3, 1) + 4));
    await keys.press('Enter');
    await expect(lessons.exercise.getByRole('status')).toContainText('Too large');
    await expect(box).toBeFocused();
    // Enter again on the same number is not a second try: no hint yet.
    await keys.press('Enter');
    await expect(lessons.feedback).toContainText('Too large');
    await expect(lessons.hint).toBeHidden();
    await keys.press('Control+A');
    await keys.type(String(outputSide(7, 3, 1)));
    await keys.press('Enter');
    await expect(lessons.feedback).toContainText('Correct');
    await expect(lessons.solved).toBeVisible();

    // Tab out of the box, then PageDown twice to the choice of step 3.
    await keys.press('Tab');
    await keys.press('PageDown');
    await expect(lessons.stepCount).toHaveText(/^Step 2 of/);
    await keys.press('PageDown');
    await expect(lessons.stepCount).toHaveText(/^Step 3 of/);

    // Choice: Tab into the group, arrow keys move the choice, Space picks, Enter on Check.
    const radios = lessons.exercise.getByRole('radio');
    const right = lessons.exercise.getByRole('radio', { name: /do not tile the input/ });
    const check = lessons.exercise.getByRole('button', { name: 'Check', exact: true });
    await tabTo(lab, radios.first());
    await keys.press('Space');
    await expect(radios.first()).toBeChecked();
    for (let i = 0; i < 4 && !(await right.isChecked()); i++) await keys.press('ArrowDown');
    await expect(right).toBeChecked();
    await keys.press('ArrowDown');
    await expect(right).not.toBeChecked();
    await tabTo(lab, check);
    await keys.press('Enter');
    await expect(lessons.feedback).toContainText('Not quite');
    await expect(check).toBeFocused();
    await keys.press('Shift+Tab');
    await keys.press('ArrowUp');
    await expect(right).toBeChecked();
    await tabTo(lab, check);
    await keys.press('Space');
    await expect(lessons.feedback).toContainText(/^Right\./);
    await expect(lessons.solved).toBeVisible();

    // Make it so: Pooling's last step, its lab changed from the keyboard too.
    await tabTo(lab, lessons.main.getByRole('button', { name: 'All lessons' }));
    await keys.press('Enter');
    await tabTo(lab, lessons.main.getByRole('button', { name: 'Start Pooling' }));
    await keys.press('Enter');
    for (let step = 1; step < POOLING.length; step++) await keys.press('PageDown');
    await expect(lessons.stepCount).toHaveText(`Step ${POOLING.length} of ${POOLING.length}`);
    const checkLab = lessons.exercise.getByRole('button', { name: 'Check my lab' });
    await tabTo(lab, checkLab);
    await keys.press('Enter');
    await expect(lessons.feedback).toContainText(/28\s*[x×]\s*28\s*[x×]\s*6/);
    await expect(checkLab).toBeFocused();
    await tabTo(lab, lessons.main.getByRole('button', { name: 'Go to Architecture' }), -1);
    await keys.press('Enter');
    await tabTo(lab, layerField(lab, 1, 'filters'));
    await keys.press('Control+A');
    await keys.type('8');
    await tabTo(lab, layerField(lab, 1, 'stride'));
    await keys.press('Control+A');
    await keys.type('2');
    // Out of the fields (keys typed in a field belong to it), then 0 opens the Lessons panel.
    await tabOutOfFields(lab);
    await keys.press('0');
    await expect(lessons.stepCount).toHaveText(`Step ${POOLING.length} of ${POOLING.length}`);
    await tabTo(lab, checkLab);
    await keys.press('Space');
    await expect(lessons.feedback).toContainText(/14\s*[x×]\s*14\s*[x×]\s*8/);
    await expect(lessons.solved).toBeVisible();
  });
});
