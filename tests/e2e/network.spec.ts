import AxeBuilder from '@axe-core/playwright';
import { expect, saveScreen, test } from './fixtures';
import { passTrainingPage, UNTIL_THE_TEST_ENDS } from './pages';

/** LeNet-5's layers and the operation the view names for each. */
const LENET_OPS = [
  'convolution → ReLU',
  'max pooling',
  'convolution → ReLU',
  'max pooling',
  'flatten',
  'dense → ReLU',
  'dense → ReLU',
  'dense → softmax',
];

test.describe('forward and backward passes', () => {
  test.setTimeout(150_000);

  test('steps LeNet-5 forward through every layer and back to the input; a link reopens a stage', async ({
    lab,
  }) => {
    await lab.goto('./#v=1&panel=network&preset=lenet5&data=mnist');
    const op = lab.getByTestId('stage-op');
    await expect(op).toBeVisible(UNTIL_THE_TEST_ENDS);
    await expect(lab.getByTestId('pass-layer')).toHaveCount(LENET_OPS.length);
    const n = LENET_OPS.length;

    for (let i = 0; i < n; i++) {
      await expect(op).toHaveText(LENET_OPS[i] ?? '');
      await expect(lab.locator('#stage-heading')).toContainText(`Forward · layer ${i + 1} of ${n}`);
      await expect(lab.getByTestId('pass-layer').nth(i)).toHaveAttribute('aria-current', 'step');
      if (i === 0 || i === 1) await saveScreen(lab, `network-forward-${i + 1}`, true);
      await lab.getByTestId('pass-forward').click();
    }
    for (let i = n - 1; i >= 0; i--) {
      await expect(op).toHaveText(LENET_OPS[i] ?? '');
      await expect(lab.locator('#stage-heading')).toContainText(
        `Backward · layer ${i + 1} of ${n}`,
      );
      await expect(lab).toHaveURL(new RegExp(`pass=b${i}(&|$)`));
      if (LENET_OPS[i]?.endsWith('ReLU')) await expect(lab.getByTestId('gate')).toBeVisible();
      if (LENET_OPS[i] === 'max pooling') await expect(lab.getByTestId('routing')).toBeVisible();
      if (i === 0 || i === 2 || i === 5)
        await expect(lab.getByTestId('weight-gradient')).toBeVisible();
      if (i === n - 1 || i === 3 || i === 2)
        await saveScreen(lab, `network-backward-${i + 1}`, true);
      if (i > 0) await lab.getByTestId('pass-forward').click();
    }
    await expect(lab.getByTestId('pass-forward')).toBeDisabled();

    // Step back with the keyboard, then open a link at a given stage.
    await lab.keyboard.press('ArrowLeft');
    await expect(op).toHaveText(LENET_OPS[1] ?? '');
    await lab.goto('./#v=1&panel=network&preset=lenet5&data=mnist&pass=b3');
    await lab.reload();
    await expect(lab.locator('#stage-heading')).toContainText(
      `Backward · layer 4 of ${n}`,
      UNTIL_THE_TEST_ENDS,
    );
    await expect(op).toHaveText('max pooling');
    await expect(lab.getByTestId('routing')).toBeVisible();
    await expect(lab.getByTestId('pass-layer').nth(3)).toHaveAttribute('aria-current', 'step');
    const results = await new AxeBuilder({ page: lab })
      .include('.network-panel')
      .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
      .analyze();
    expect(
      results.violations.map(
        (v) =>
          `${v.id}: ${v.help} (${v.nodes.map((n) => `${n.target.join(' ')} ${n.failureSummary ?? ''}`).join('; ')})`,
      ),
    ).toEqual([]);
  });

  test('gradient flow: the deep sigmoid MLP’s first layers get far smaller gradients', async ({
    lab,
  }) => {
    await lab.goto('./#v=1&panel=network&preset=mlp-deep-sigmoid&data=mnist&pass=b6&seed=2');
    await expect(lab.getByTestId('stage-op')).toHaveText('dense → sigmoid', UNTIL_THE_TEST_ENDS);
    await expect(lab.getByTestId('gate')).toContainText('sigmoid slope');
    await passTrainingPage(lab).trainSteps(60);
    const norm = async (name: string) =>
      Number(
        (await lab.getByTestId(`flow-${name}`).textContent())
          ?.replace('×10^', 'e')
          .replace('−', '-'),
      );
    await expect.poll(() => norm('dense_1')).toBeGreaterThan(0);
    expect(await norm('dense_1')).toBeLessThan((await norm('dense_7')) / 10);
    await saveScreen(lab, 'network-flow-deep-sigmoid', true);
  });

  for (const [preset, data] of [
    ['mlp', 'mnist'],
    ['vgg-mini-28', 'mnist'],
    ['resnet-mini', 'mnist'],
  ] as const) {
    test(`${preset}: every stage opens with the keyboard, forward and back`, async ({ lab }) => {
      await lab.goto(`./#v=1&panel=network&preset=${preset}&data=${data}`);
      const op = lab.getByTestId('stage-op');
      await expect(op).toBeVisible(UNTIL_THE_TEST_ENDS);
      const n = await lab.getByTestId('pass-layer').count();
      for (let i = 0; i < 2 * n - 1; i++) await lab.keyboard.press('ArrowRight');
      await expect(lab.locator('#stage-heading')).toContainText(`Backward · layer 1 of ${n}`);
      await expect(lab.getByTestId('pass-forward')).toBeDisabled();
      await lab.keyboard.press('B');
      await expect(lab.locator('#stage-heading')).toContainText(`Backward · layer ${n} of ${n}`);
      await expect(op).toContainText('softmax');
      if (preset === 'resnet-mini') {
        // fc, then global average pooling, then the block's ReLU, then its addition.
        for (let i = 0; i < 3; i++) await lab.keyboard.press('ArrowRight');
        await expect(op).toHaveText('addition (skip connection)');
        await saveScreen(lab, 'network-resnet-add', true);
      }
    });
  }
});
