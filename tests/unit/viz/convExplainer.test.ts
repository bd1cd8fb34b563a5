import { describe, expect, test } from 'vitest';
import { IMAGE_KERNEL_IDS, imageKernelWeights } from '../../../src/core/imageKernels';
import { conv2dReference } from '../../../src/core/reference';
import { convModelOf } from '../../../src/viz/convolution/convModel';
import { convGeometryOf, convStepAt, type ConvHyper } from '../../../src/viz/convolution/convSteps';
import {
  busiestCropOf,
  cropOf,
  filterImage,
  greyOf,
} from '../../../src/viz/convolution/explainerData';
import { formatCell, formatCountInWords } from '../../../src/viz/convolution/format';
import { inputCellMarks, outputCellState } from '../../../src/viz/convolution/highlight';
import { outputSizeTextOf } from '../../../src/viz/convolution/outputSize';

const base: ConvHyper = {
  inputSize: 7,
  kernelSize: 3,
  stride: 1,
  padding: 0,
  dilation: 1,
  channels: 1,
  filters: 1,
};

const textOf = (h: ConvHyper) => {
  const g = convGeometryOf(h);
  if (!g.ok) throw new Error(g.message);
  return outputSizeTextOf(h, g);
};

/** A 6×6 grey image: black, with a bright 2×2 square whose top-left pixel is at (3, 1). */
const square = (() => {
  const pixels = new Uint8Array(36);
  for (const [y, x] of [
    [3, 1],
    [3, 2],
    [4, 1],
    [4, 2],
  ] as const)
    pixels[y * 6 + x] = 255;
  return { pixels, height: 6, width: 6, channels: 1 };
})();

describe('what the explainer highlights', () => {
  test('the window’s taps, its span with dilation, the padding and the cells never read', () => {
    const h = { ...base, inputSize: 5, stride: 3, padding: 1, dilation: 2 };
    const g = convGeometryOf(h);
    if (!g.ok) throw new Error(g.message);
    expect(g.out).toBe(1);
    const marks = inputCellMarks(h, g.out, convStepAt(g.out, 0));
    const taps = marks.flatMap((row, y) => row.flatMap((m, x) => (m.tap ? [[y, x]] : [])));
    expect(taps).toEqual([
      [0, 0],
      [0, 2],
      [0, 4],
      [2, 0],
      [2, 2],
      [2, 4],
      [4, 0],
      [4, 2],
      [4, 4],
    ]);
    expect(marks[1]?.[1]).toMatchObject({ tap: false, span: true, padding: false, unread: true });
    expect(marks[0]?.[3]).toMatchObject({ padding: true, unread: false });
    expect(marks[6]?.[6]).toMatchObject({ padding: true, span: false });
  });

  test('output cells are done before the step, current at it, and pending after it', () => {
    expect(outputCellState(3, 0, 0, 2, 4)).toBe('done');
    expect(outputCellState(3, 0, 1, 1, 4)).toBe('current');
    expect(outputCellState(3, 0, 2, 0, 4)).toBe('pending');
    expect(outputCellState(3, 1, 0, 0, 4)).toBe('pending');
  });
});

describe('the output-size text', () => {
  test('a tiling window has no notes', () => {
    const text = textOf(base);
    expect(text.formula).toBe('(7 − 3 + 2·0)/1 + 1 = 5');
    expect(text.tiles).toBe(true);
    expect(text.notes).toEqual([]);
    expect(text.dilatedKernel).toBeNull();
  });

  test('a window that does not tile names the rounding and the lost row', () => {
    const text = textOf({ ...base, stride: 3 });
    expect(text.formula).toBe('(7 − 3 + 2·0)/3 + 1 = 2.33');
    expect(text.notes[0]).toContain('round down to 2, and the last row and column of the input');
    expect(text.notes[1]).toBe(
      'That loses image row 7 (and the same column): no output depends on it.',
    );
  });

  test('when only padding is left over it says no pixel is lost', () => {
    const text = textOf({ ...base, inputSize: 6, stride: 2, padding: 1 });
    expect(text.notes).toEqual([
      expect.stringContaining('of the padded input are never covered'),
      'Only zero padding is left over, so no image pixel is lost.',
    ]);
  });

  test('dilation shows the spread kernel and the rows that fall between taps', () => {
    const text = textOf({ ...base, inputSize: 9, stride: 2, dilation: 2 });
    expect(text.dilatedKernel).toBe('D·(F − 1) + 1 = 2·(3 − 1) + 1 = 5');
    expect(text.formula).toBe('(9 − 5 + 2·0)/2 + 1 = 3');
    expect(text.notes).toEqual([
      'With dilation 2 and stride 2, image rows 2, 4, 6 and 8 (and the same columns) fall between the taps of every window and are never read.',
    ]);
  });
});

describe('the explainer model', () => {
  test('its output is the reference convolution of what it shows', () => {
    const model = convModelOf({
      hyper: { ...base, inputSize: 5, stride: 2, padding: 1, channels: 2, filters: 3 },
      kernel: 'random',
      crop: null,
      seed: 4,
      image: null,
    });
    expect(model.output?.shape).toEqual([3, 3, 3]);
    const again = conv2dReference(model.input, model.weights.kernel, model.weights.bias, {
      stride: [2, 2],
      padding: [1, 1],
    });
    expect(Array.from(model.output?.data ?? [])).toEqual(Array.from(again.data));
  });

  test('a classic kernel is one 3×3 filter on one channel with bias 0', () => {
    for (const id of IMAGE_KERNEL_IDS) {
      const model = convModelOf({
        hyper: { ...base, kernelSize: 5, channels: 3, filters: 2 },
        kernel: id,
        crop: null,
        seed: 1,
        image: null,
      });
      expect(model.hyper).toMatchObject({ kernelSize: 3, channels: 1, filters: 1 });
      expect(Array.from(model.weights.kernel.data)).toEqual(imageKernelWeights(id));
      expect(Array.from(model.weights.bias)).toEqual([0]);
    }
  });

  test('a crop of a colour image keeps its three channels with a whole-number kernel', () => {
    const pixels = Uint8Array.from({ length: 8 * 8 * 3 }, (_, i) => i % 256);
    const image = { pixels, height: 8, width: 8, channels: 3 };
    const model = convModelOf({
      hyper: base,
      kernel: 'random',
      crop: { row: 1, col: 1 },
      seed: 1,
      image,
    });
    expect(model.fromImage).toBe(true);
    expect(model.hyper.channels).toBe(3);
    expect(model.input.shape).toEqual([7, 7, 3]);
    expect(model.input.data[0]).toBe(Math.round(((1 * 8 + 1) * 3 * 100) / 255) / 100);
  });

  test('without an image yet, a crop falls back to the seeded numbers', () => {
    const model = convModelOf({
      hyper: base,
      kernel: 'random',
      crop: { row: 1, col: 1 },
      seed: 1,
      image: null,
    });
    expect(model.fromImage).toBe(false);
    expect(model.input.data.every((v) => Number.isInteger(v) && v >= 0 && v <= 9)).toBe(true);
  });
});

describe('real images', () => {
  test('grey is the value itself, and luminance for colour', () => {
    expect(Array.from(greyOf([255, 0], { height: 1, width: 2, channels: 1 }))).toEqual([1, 0]);
    const [g] = greyOf([255, 0, 0], { height: 1, width: 1, channels: 3 });
    expect(g).toBeCloseTo(0.299, 10);
  });

  test('a crop is moved inside the image and rounded to two decimals', () => {
    const crop = cropOf(square.pixels, square, 99, -4, 3, true);
    expect(crop.shape).toEqual([3, 3, 1]);
    // Clamped to the bottom-left corner: rows 3–5, columns 0–2.
    expect(Array.from(crop.data)).toEqual([0, 1, 1, 0, 1, 1, 0, 0, 0]);
  });

  test('the busiest crop contains the square, not a black corner', () => {
    const [top, left] = busiestCropOf(square.pixels, square, 3);
    expect(top).toBeLessThanOrEqual(3);
    expect(top + 3).toBeGreaterThanOrEqual(5);
    expect(left).toBeLessThanOrEqual(1);
    expect(left + 3).toBeGreaterThanOrEqual(3);
  });

  test('Sobel x is positive on the left edge of a bright square and negative on its right edge', () => {
    const out = filterImage(square.pixels, square, 'sobel-x');
    expect(out).toHaveLength(36);
    expect(out[3 * 6 + 0]).toBeGreaterThan(0);
    expect(out[3 * 6 + 3]).toBeLessThan(0);
    expect(out[0]).toBe(0);
    // The box blur keeps the total brightness away from the borders: a 3×3 average of the square.
    const blur = filterImage(square.pixels, square, 'box-blur');
    expect(blur[3 * 6 + 1]).toBeCloseTo(4 / 9, 10);
  });
});

describe('numbers in cells', () => {
  test('whole numbers plainly, others with two decimals, a real minus sign and no −0', () => {
    expect(formatCell(7)).toBe('7');
    expect(formatCell(-3)).toBe('−3');
    expect(formatCell(-0)).toBe('0');
    expect(formatCell(-0.001)).toBe('0');
    expect(formatCell(2.3333)).toBe('2.33');
    expect(formatCell(0.5)).toBe('0.5');
    expect(formatCell(1 / 9)).toBe('0.11');
  });

  test('large counts in words', () => {
    expect(formatCountInWords(1_600_000_000)).toBe('1.6 billion');
    expect(formatCountInWords(4_000_000)).toBe('4 million');
    expect(formatCountInWords(10_000)).toBe('10 thousand');
    expect(formatCountInWords(760)).toBe('760');
  });
});
