import { describe, expect, it } from 'vitest';
import { analyzeNetwork, type NetworkReport } from '../../../src/core/analyze';
import { catalogueEntryOf } from '../../../src/core/catalogue';
import { fieldOfUnit } from '../../../src/core/receptiveField';
import { spatialLayerIndices, type IndexRect } from '../../../src/viz/receptive/feeding';
import {
  clampUnit,
  clipRect,
  fieldScene,
  moveUnit,
  paddingParts,
} from '../../../src/viz/receptive/scene';
import { centreOf, gradientPerPixel, gradientShares } from '../../../src/viz/receptive/effective';

function reportOf(id: string): NetworkReport {
  const entry = catalogueEntryOf(id);
  if (!entry) throw new Error(`no catalogue entry ${id}`);
  return analyzeNetwork(entry.network);
}

const area = (r: IndexRect) => (r.bottom - r.top + 1) * (r.right - r.left + 1);

describe('the drawn scene', () => {
  const CHECKED = ['lenet5', 'vgg-mini-28', 'vgg-mini-32', 'resnet-mini', 'vgg16', 'dilated-stack'];

  it.each(CHECKED)('%s: the input map shows fieldOfUnit, split into image and padding', (id) => {
    const report = reportOf(id);
    for (const index of spatialLayerIndices(report)) {
      const layer = report.layers[index];
      const [h = 1, w = 1] = layer?.outputShape ?? [];
      const field = layer?.receptiveField;
      if (!field) throw new Error('no field');
      for (const unit of [
        { row: 0, col: 0 },
        { row: h - 1, col: w - 1 },
        { row: Math.floor(h / 2), col: 0 },
      ]) {
        const scene = fieldScene(report, index, unit);
        const input = scene[0];
        expect(input?.key).toBe(-1);
        expect(input?.rect).toEqual(fieldOfUnit(field, unit.row, unit.col));
        // The chosen layer comes last, with the chosen unit alone marked.
        expect(scene.at(-1)?.key).toBe(index);
        expect(scene.at(-1)?.rect).toEqual({
          top: unit.row,
          left: unit.col,
          bottom: unit.row,
          right: unit.col,
        });
        for (const map of scene) {
          // Inside part and padding bands tile the rectangle exactly.
          const parts = [...(map.inside ? [map.inside] : []), ...map.padding];
          expect(parts.reduce((sum, r) => sum + area(r), 0)).toBe(area(map.rect));
          // The view holds the map and the rectangle.
          expect(map.view.top).toBeLessThanOrEqual(Math.min(0, map.rect.top));
          expect(map.view.left).toBeLessThanOrEqual(Math.min(0, map.rect.left));
          expect(map.view.bottom).toBeGreaterThanOrEqual(
            Math.max(map.size[0] - 1, map.rect.bottom),
          );
          expect(map.view.right).toBeGreaterThanOrEqual(Math.max(map.size[1] - 1, map.rect.right));
        }
      }
    }
  });

  it('LeNet-5 maxpool2d_2, unit (2, 3): input rows 6–21, columns 10–25, through every layer', () => {
    const scene = fieldScene(reportOf('lenet5'), 3, { row: 2, col: 3 });
    expect(scene.map((m) => [m.name, m.rect])).toEqual([
      ['input', { top: 6, left: 10, bottom: 21, right: 25 }],
      ['conv2d_1', { top: 8, left: 12, bottom: 19, right: 23 }],
      ['maxpool2d_1', { top: 4, left: 6, bottom: 9, right: 11 }],
      ['conv2d_2', { top: 4, left: 6, bottom: 5, right: 7 }],
      ['maxpool2d_2', { top: 2, left: 3, bottom: 2, right: 3 }],
    ]);
    expect(scene[0]?.padding).toEqual([]);
  });

  it('LeNet-5 maxpool2d_2, unit (0, 0): two rows and columns of padding at the top left', () => {
    const input = fieldScene(reportOf('lenet5'), 3, { row: 0, col: 0 })[0];
    expect(input?.rect).toEqual({ top: -2, left: -2, bottom: 13, right: 13 });
    expect(input?.inside).toEqual({ top: 0, left: 0, bottom: 13, right: 13 });
    expect(input?.padding).toEqual([
      { top: -2, left: -2, bottom: -1, right: 13 },
      { top: 0, left: -2, bottom: 13, right: -1 },
    ]);
    // The view reaches from −2 to the far corner unit's field: −2 + 4·4 + 15 = 29.
    expect(input?.view).toEqual({ top: -2, left: -2, bottom: 29, right: 29 });
  });

  it('a resnet-mini shortcut shows both paths into the add', () => {
    const report = reportOf('resnet-mini');
    const keys = fieldScene(report, 17, { row: 5, col: 5 }).map((m) => m.name);
    expect(keys).toContain('s2b1_down');
    expect(keys).toContain('s2b1_conv1');
    expect(keys[0]).toBe('input');
  });

  it('is empty for a layer without a feature map', () => {
    expect(fieldScene(reportOf('lenet5'), 5, { row: 0, col: 0 })).toEqual([]);
  });
});

describe('rectangles and the padding', () => {
  it('clips to the map, or gives null wholly outside', () => {
    expect(clipRect({ top: -2, left: 3, bottom: 5, right: 12 }, [10, 10])).toEqual({
      top: 0,
      left: 3,
      bottom: 5,
      right: 9,
    });
    expect(clipRect({ top: -3, left: 0, bottom: -1, right: 4 }, [10, 10])).toBeNull();
  });

  it('splits the outside into bands above, below, left and right', () => {
    const rect = { top: -1, left: -2, bottom: 10, right: 11 };
    expect(paddingParts(rect, [10, 10])).toEqual([
      { top: -1, left: -2, bottom: -1, right: 11 },
      { top: 10, left: -2, bottom: 10, right: 11 },
      { top: 0, left: -2, bottom: 9, right: -1 },
      { top: 0, left: 10, bottom: 9, right: 11 },
    ]);
    expect(paddingParts({ top: 2, left: 2, bottom: 3, right: 3 }, [10, 10])).toEqual([]);
  });
});

describe('moving the cursor', () => {
  it('moves by arrow keys and stops at the edges', () => {
    const size = [5, 5] as const;
    expect(moveUnit({ row: 2, col: 3 }, 'ArrowDown', size)).toEqual({ row: 3, col: 3 });
    expect(moveUnit({ row: 0, col: 0 }, 'ArrowUp', size)).toEqual({ row: 0, col: 0 });
    expect(moveUnit({ row: 2, col: 3 }, 'End', size)).toEqual({ row: 2, col: 4 });
    expect(moveUnit({ row: 2, col: 3 }, 'PageUp', size)).toEqual({ row: 0, col: 3 });
    expect(moveUnit({ row: 2, col: 3 }, 'a', size)).toBeNull();
  });

  it('clamps a unit from a link into the map', () => {
    expect(clampUnit({ row: 40, col: -3 }, [5, 7])).toEqual({ row: 4, col: 0 });
  });
});

describe('the effective field numbers', () => {
  it('sums the gradient over colour channels', () => {
    const g = Float32Array.of(1, 2, 3, -1, -1, -1);
    expect(Array.from(gradientPerPixel(g, 1, 2, 3))).toEqual([6, -3]);
  });

  it('takes the central half-by-half part of a field', () => {
    expect(centreOf({ top: 6, left: 10, bottom: 21, right: 25 })).toEqual({
      top: 10,
      left: 14,
      bottom: 17,
      right: 21,
    });
  });

  it('shares of Σ|g| inside the field and its centre', () => {
    // A 4×4 image; the field is the whole image, its centre the middle 2×2.
    const values = new Float32Array(16);
    values[5] = -3; // centre
    values[10] = 1; // centre
    values[0] = 4; // corner
    const shares = gradientShares(values, 4, 4, { top: 0, left: 0, bottom: 3, right: 3 });
    expect(shares.inField).toBeCloseTo(1);
    expect(shares.inCentre).toBeCloseTo(0.5);
    expect(shares.centreArea).toBeCloseTo(0.25);
    const outside = gradientShares(values, 4, 4, { top: 2, left: 2, bottom: 3, right: 3 });
    expect(outside.inField).toBeCloseTo(1 / 8);
  });
});
