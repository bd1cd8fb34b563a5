import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';
import { strToU8, zipSync } from 'fflate';
import { expect, saveScreen, test } from './fixtures';
import { datasetsPage, labPage, trainingPage, UNTIL_THE_TEST_ENDS } from './pages';

/** CRC-32 (IEEE), as PNG chunks need. */
function crc32(bytes: Uint8Array): number {
  let crc = ~0;
  for (const byte of bytes) {
    crc ^= byte;
    for (let k = 0; k < 8; k++) crc = (crc >>> 1) ^ (0xedb88320 & -(crc & 1));
  }
  return ~crc >>> 0;
}

/** A minimal RGB PNG of width × height whose pixel (x, y) is `colour(x, y)`. */
function png(
  width: number,
  height: number,
  colour: (x: number, y: number) => [number, number, number],
): Uint8Array {
  const chunk = (type: string, data: Uint8Array) => {
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const out = Buffer.alloc(12 + data.length);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(crc32(body), 8 + data.length);
    return out;
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8 bits, RGB, deflate, no filter method, no interlace
  const rows = Buffer.alloc(height * (1 + width * 3));
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) rows.set(colour(x, y), y * (1 + width * 3) + 1 + x * 3);
  }
  return Buffer.concat([
    Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows)),
    chunk('IEND', new Uint8Array(0)),
  ]);
}

/** Three classes of eight drawn shapes, of varied sizes, and a text file that is not an image. */
function shapesZip(): Buffer {
  const drawers: Record<string, (x: number, y: number, w: number, h: number) => boolean> = {
    discs: (x, y, w, h) => (x - w / 2) ** 2 + (y - h / 2) ** 2 < (Math.min(w, h) / 3) ** 2,
    bars: (x, _y, w) => Math.abs(x - w / 2) < w / 8,
    stripes: (_x, y, _w, h) => Math.floor((y / h) * 6) % 2 === 0,
  };
  const files: Record<string, Uint8Array> = { 'shapes/notes.txt': strToU8('not a picture') };
  for (const [name, inside] of Object.entries(drawers)) {
    for (let i = 0; i < 8; i++) {
      const [w, h] = [30 + 4 * i, 40 - 2 * i];
      files[`shapes/${name}/${i}.png`] = png(w, h, (x, y) =>
        inside(x, y, w, h) ? [240, 240, 240] : [10 * i, 20, 30],
      );
    }
  }
  return Buffer.from(zipSync(files));
}

test.describe('your own images', () => {
  test('a zip of three classes is imported, browsed, kept after a reload and trained on', async ({
    lab,
  }) => {
    await datasetsPage(lab).open('data=mnist');
    await lab.getByTestId('own-zip').setInputFiles({
      name: 'shapes.zip',
      mimeType: 'application/zip',
      buffer: shapesZip(),
    });

    const report = lab.getByTestId('own-report');
    await expect(report).toContainText('24 images from shapes.zip', UNTIL_THE_TEST_ENDS);
    await expect(lab.getByTestId('own-skipped')).toContainText('1 file skipped');
    await lab.getByTestId('own-skipped').locator('summary').click();
    await expect(lab.getByTestId('own-skipped')).toContainText(
      'shapes/notes.txt: not inside a class folder',
    );
    // The import chooses the set: it is browsed like a built-in one.
    await expect(lab.getByRole('radio', { name: /^Your own images / })).toBeChecked();
    await expect(lab.getByTestId('load-status')).toContainText('Your own images loaded');
    for (const name of ['bars', 'discs', 'stripes']) {
      await expect(lab.getByRole('rowheader', { name }).first()).toBeVisible();
    }
    const splits = lab.locator('.split-summary');
    await expect(splits).toContainText('21 training images');
    await expect(splits).toContainText('3 test images');
    await expect(lab.getByTestId('dataset-thumb')).toHaveCount(3);
    await lab.getByRole('radio', { name: 'Training split', exact: true }).check();
    await expect(lab.getByTestId('dataset-thumb')).toHaveCount(21);
    await expect.poll(() => lab.evaluate(() => window.location.hash)).toContain('data=own');
    await saveScreen(lab, 'own-images-imported', true);

    // The next visit, with epochs enough that the run is still going when paused.
    await lab.evaluate(() => (window.location.hash = '#v=1&panel=datasets&data=own&epochs=100'));
    await lab.reload();
    await datasetsPage(lab).loaded();
    await expect(lab.getByRole('radio', { name: /^Your own images / })).toBeChecked();
    await expect(report).toContainText('24 images from shapes.zip');
    await expect(lab.getByTestId('dataset-thumb')).toHaveCount(3);

    await labPage(lab).openPanel('Training');
    const training = trainingPage(lab);
    await training.ready();
    expect(await training.trainSteps(3)).toBeGreaterThanOrEqual(3);
    await expect(lab.getByTestId('run-status')).not.toHaveAttribute('data-phase', 'error');
  });

  test('a picked folder of class sub-folders is imported, its text file listed as skipped, and forgotten', async ({
    lab,
  }) => {
    const root = join(mkdtempSync(join(tmpdir(), 'own-images-')), 'pets');
    for (const [name, rgb] of [
      ['cats', [200, 120, 40]],
      ['dogs', [40, 80, 200]],
    ] as const) {
      mkdirSync(join(root, name), { recursive: true });
      for (let i = 0; i < 5; i++)
        writeFileSync(
          join(root, name, `${i}.png`),
          png(20, 16, () => [...rgb]),
        );
    }
    writeFileSync(join(root, 'dogs', 'names.txt'), 'Rex, Fido');
    await datasetsPage(lab).open('data=mnist');
    await lab.getByTestId('own-folder').setInputFiles(root);
    await expect(lab.getByTestId('own-report')).toContainText(
      '10 images from the folder pets',
      UNTIL_THE_TEST_ENDS,
    );
    await lab.getByTestId('own-skipped').locator('summary').click();
    await expect(lab.getByTestId('own-skipped')).toContainText(
      'pets/dogs/names.txt: not an image (.txt)',
    );
    await expect(lab.locator('.split-summary')).toContainText('8 training images');

    await lab.getByRole('button', { name: 'Forget my images' }).click();
    await expect(lab.getByRole('radio', { name: /^MNIST / })).toBeChecked();
    await expect(lab.getByRole('radio', { name: /^Your own images / })).toBeDisabled();
    await lab.reload();
    await datasetsPage(lab).loaded();
    await expect(lab.getByRole('radio', { name: /^Your own images / })).toBeDisabled();
    await expect(lab.getByTestId('own-report')).toHaveCount(0);
  });

  test('a link naming own images opens on a machine without them with a notice and MNIST', async ({
    lab,
  }) => {
    await lab.goto('./#v=1&panel=datasets&data=own');
    await expect(lab.getByText('Your own images are not here')).toBeVisible(UNTIL_THE_TEST_ENDS);
    await datasetsPage(lab).loaded();
    await expect(lab.getByRole('radio', { name: /^MNIST / })).toBeChecked();
    await expect(lab.getByRole('radio', { name: /^Your own images / })).toBeDisabled();
  });

  test('a folder with one class is refused with what to do', async ({ lab }) => {
    await datasetsPage(lab).open('data=mnist');
    const one = png(8, 8, () => [0, 0, 0]);
    await lab.getByTestId('own-zip').setInputFiles({
      name: 'cats.zip',
      mimeType: 'application/zip',
      buffer: Buffer.from(zipSync({ 'cats/1.png': one, 'cats/2.png': one })),
    });
    await expect(lab.getByRole('alert').filter({ hasText: 'could not be imported' })).toContainText(
      'A dataset needs at least two classes',
    );
  });
});
