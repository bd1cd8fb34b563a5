import AxeBuilder from '@axe-core/playwright';
import { expect, saveScreen, test } from './fixtures';
import { playgroundPage } from './pages';

test.describe('neuron playground', () => {
  test.setTimeout(150_000);

  test('the perceptron fails on XOR, one hidden layer solves it, a unit shows its numbers', async ({
    lab,
  }) => {
    await lab.goto('./#v=1&panel=neurons');
    const panel = lab.getByRole('region', { name: 'Neurons and decision regions' });
    const playground = playgroundPage(lab);
    await expect(panel).toBeVisible();
    await lab.getByTestId('toy-dataset').selectOption('xor');

    await lab.getByRole('button', { name: 'Perceptron (no hidden layer)' }).click();
    await expect(panel).toContainText('one straight line');
    // With no hidden layer the output unit is layer 1, and it is selected.
    await expect(lab.getByTestId('unit-details')).toContainText('output unit');
    await playground.trainEpochs(40);
    expect(await playground.accuracy()).toBeLessThan(0.8);
    await saveScreen(lab, 'neurons-perceptron-xor', true);

    await lab.getByRole('button', { name: 'One hidden layer (4 tanh units)' }).click();
    await expect(lab.locator('.toy-stats')).toContainText('Epoch 0');
    await playground.trainEpochs(60);
    expect(await playground.accuracy()).toBeGreaterThan(0.9);

    // Pick a point on the plane, then a hidden unit by keyboard.
    const plane = lab.getByTestId('toy-plane');
    await plane.click({ position: { x: 80, y: 80 } });
    const pointBefore = await lab.getByTestId('toy-point').inputValue();
    await lab.getByTestId('neuron-1-2').focus();
    await lab.keyboard.press('Enter');
    const details = lab.getByTestId('unit-details');
    await expect(details).toContainText('hidden layer 1, unit 3');
    await expect(details).toContainText(`For point ${pointBefore} at`);
    await expect(lab.getByTestId('unit-weights').locator('tbody tr')).toHaveCount(3);
    await expect(lab.getByTestId('unit-gradient')).toHaveText(/^−?\d\.\d+(e−\d+)?$/);
    await expect(lab.getByTestId('unit-pre')).toHaveText(/^−?\d+\.\d{4}$/);
    await saveScreen(lab, 'neurons-hidden-xor', true);
    await lab
      .getByTestId('neuron-graph')
      .screenshot({ path: 'test-results/screens/neurons-graph.png' });

    // The output unit: its gradient is p − y.
    await lab.getByTestId('neuron-2-0').click();
    await expect(details).toContainText('output unit');
    await expect(details).toContainText('p − y');

    const axe = await new AxeBuilder({ page: lab }).include('.neuron-panel').analyze();
    expect(axe.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
  });

  test('other datasets and a deeper network draw every unit', async ({ lab }) => {
    await lab.goto('./#v=1&panel=neurons');
    await lab.getByTestId('toy-dataset').selectOption('spirals');
    await lab.getByTestId('toy-layers').fill('3');
    await expect(lab.locator('.neuron-graph button.neuron-node')).toHaveCount(4 * 3 + 1);
    await expect(lab.locator('.neuron-graph line')).toHaveCount(2 * 4 + 4 * 4 + 4 * 4 + 4);
    await lab.getByRole('button', { name: 'Step one epoch' }).click();
    await expect(lab.locator('.toy-stats')).toContainText('Epoch 1');
    await saveScreen(lab, 'neurons-spirals', true);
  });

  test('a link opens the playground as it was, and changes travel in the link', async ({ lab }) => {
    await lab.goto('./#v=1&panel=neurons&toy=circles_8-3_relu_softmax_0.05_0.1_7');
    await expect(lab.getByTestId('toy-dataset')).toHaveValue('circles');
    await expect(lab.getByTestId('toy-layers')).toHaveValue('2');
    await expect(lab.getByTestId('toy-seed')).toHaveValue('7');
    // Two softmax output units, 8 + 3 hidden units.
    await expect(lab.locator('.neuron-graph button.neuron-node')).toHaveCount(8 + 3 + 2);
    await lab.getByTestId('toy-seed').fill('12');
    await expect(lab).toHaveURL(/toy=circles_8-3_relu_softmax_0\.05_0\.1_12/);
    // Readable when projected: large type, after some training.
    await lab.getByRole('button', { name: 'Large type' }).click();
    await lab.getByRole('button', { name: 'Step one epoch' }).click();
    await lab.getByRole('button', { name: 'Step one epoch' }).click();
    await expect(lab.locator('.toy-stats')).toContainText('Epoch 2');
    await saveScreen(lab, 'neurons-circles-large-type', true);
  });
});
