import AxeBuilder from '@axe-core/playwright';
import '@tensorflow/tfjs-backend-cpu';
import * as tf from '@tensorflow/tfjs-core';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  constantDigitModel,
  saveModel,
  unknownLayerModel,
  type SavedModel,
} from '../unit/data/tfjsModels';
import { expect, layerRow, saveScreen, test } from './fixtures';
import { labPage, UNTIL_THE_TEST_ENDS } from './pages';
import type { Page } from '@playwright/test';

/** axe's WCAG A/AA violations inside the import card. */
async function cardViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page })
    .include('.model-import')
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  return results.violations.map((v) => `${v.id}: ${v.help}`);
}

/**
 * "Your own model": real tfjs-layers models written to disk as the converter's files, picked
 * in the architecture panel. One that fits becomes the network and, with its weights, gives
 * its prediction in the training panel; a refused one leaves the network as it was.
 */

// Made in the worker that runs the tests (the runner also loads this file to list them).
let work = '';
test.beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'cnn-lab-model-import-'));
  await tf.setBackend('cpu');
});
test.afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Writes a saved model's model.json and .bin into their own folder; returns their paths. */
function writeModel(folder: string, saved: SavedModel): string[] {
  const dir = join(work, folder);
  mkdirSync(dir, { recursive: true });
  const jsonPath = join(dir, 'model.json');
  const binPath = join(dir, saved.binName);
  writeFileSync(jsonPath, JSON.stringify(saved.json));
  writeFileSync(binPath, saved.bin);
  return [jsonPath, binPath];
}

test.describe('importing a TensorFlow.js model', () => {
  test('a model that always says 7 becomes the network and says 7 in the training panel', async ({
    lab,
  }) => {
    await lab.goto('./#v=1&preset=lenet5');
    await expect(lab.getByTestId('total-params')).toHaveText('61,706');
    const files = writeModel('always7', await saveModel(constantDigitModel(7)));
    await lab.getByTestId('model-import-files').setInputFiles(files);

    const status = lab.getByTestId('model-import-status');
    // 5·5·1·2 + 2 = 52 for the convolution, 8·8·2·10 + 10 = 1,290 for the dense layer.
    await expect(status).toContainText('Imported always_7: 3 layers, 1,342 parameters');
    await expect(status).toContainText('to run on MNIST');
    await expect(lab.getByTestId('total-params')).toHaveText('1,342');
    await expect(layerRow(lab, 'features').getByTestId('output-shape')).toHaveText('8×8×2');
    await expect(layerRow(lab, 'digits').getByTestId('params')).toHaveText('1,290');
    await saveScreen(lab, 'model-import-imported', true);
    expect(await cardViolations(lab)).toEqual([]);

    await lab.getByRole('button', { name: 'See its predictions' }).click();
    const best = lab.getByTestId('prediction-bars').locator('tr.best');
    // softmax with the 7's bias 4 and the others 0: e⁴ / (e⁴ + 9) = 85.8%, whatever the image.
    await expect(best.locator('th')).toHaveText('7', UNTIL_THE_TEST_ENDS);
    await expect(best.locator('td.num')).toHaveText('85.8%');
    await saveScreen(lab, 'model-import-prediction');

    // With the engine running, a second model's weights load at once.
    await labPage(lab).openPanel('Architecture');
    await lab
      .getByTestId('model-import-files')
      .setInputFiles(writeModel('always3', await saveModel(constantDigitModel(3))));
    await expect(status).toContainText('Imported always_3');
    await expect(status).toContainText('Its weights are loading into the training engine.');
    await expect(status).toContainText('The training engine: Loaded the checkpoint always_3');
    await labPage(lab).openPanel('Training');
    await expect(best.locator('th')).toHaveText('3', UNTIL_THE_TEST_ENDS);
    await expect(best.locator('td.num')).toHaveText('85.8%');
  });

  test('a model with a layer the lab does not know is refused and the network stays', async ({
    lab,
  }) => {
    await lab.goto('./#v=1&preset=lenet5');
    await expect(lab.getByTestId('total-params')).toHaveText('61,706');
    const files = writeModel('normed', await saveModel(unknownLayerModel()));
    await lab.getByTestId('model-import-files').setInputFiles(files);
    const alert = lab.getByTestId('model-import-status').getByRole('alert');
    await expect(alert).toContainText(
      'Layer 3 (“norm”, LayerNormalization) is not a layer the lab knows; it knows Conv2D,',
    );
    await expect(alert).toContainText('The network was not changed.');
    await expect(lab.getByTestId('total-params')).toHaveText('61,706');
    await saveScreen(lab, 'model-import-refused', true);
    expect(await cardViolations(lab)).toEqual([]);

    // Only the model.json: the missing weight file is named, and still nothing changes.
    const [jsonOnly] = writeModel('always3', await saveModel(constantDigitModel(3)));
    await lab.getByTestId('model-import-files').setInputFiles([jsonOnly ?? '']);
    await expect(alert).toContainText('The weight file group1-shard1of1.bin is missing');
    await labPage(lab).openPanel('Training');
    await labPage(lab).openPanel('Architecture');
    await expect(lab.getByTestId('total-params')).toHaveText('61,706');
  });
});
