import { describe, expect, it } from 'vitest';
import { analyzeNetwork, type NetworkReport } from '../../../src/core/analyze';
import { CATALOGUE, catalogueEntryOf } from '../../../src/core/catalogue';
import { fieldOfUnit } from '../../../src/core/receptiveField';
import {
  feedingRects,
  INPUT_INDEX,
  rectBeforeLayer,
  sourcesByLayer,
  spatialLayerIndices,
  type IndexRect,
} from '../../../src/viz/receptive/feeding';

function reportOf(id: string): NetworkReport {
  const entry = catalogueEntryOf(id);
  if (!entry) throw new Error(`no catalogue entry ${id}`);
  return analyzeNetwork(entry.network);
}

/** The four corners, the centre and a unit near the top-left of an H×W map. */
function unitsOf(report: NetworkReport, index: number): { row: number; col: number }[] {
  const [h = 1, w = 1] = report.layers[index]?.outputShape ?? [];
  const units = [
    { row: 0, col: 0 },
    { row: 0, col: w - 1 },
    { row: h - 1, col: 0 },
    { row: h - 1, col: w - 1 },
    { row: Math.floor(h / 2), col: Math.floor(w / 2) },
    { row: Math.min(1, h - 1), col: Math.min(2, w - 1) },
  ];
  return units;
}

const pairOf = (v: unknown, fallback: number): [number, number] =>
  Array.isArray(v) ? [Number(v[0]), Number(v[1])] : [fallback, fallback];

/**
 * An independent oracle: the exact sets of row and column indices that feed a unit,
 * enumerated tap by tap (o·s − p + i·d for every kernel tap i), layer by layer from
 * the layer's own kernel, pooling size, stride and dilation.
 */
function bruteForce(report: NetworkReport, layerIndex: number, unit: { row: number; col: number }) {
  const sets = new Map<number, [Set<number>, Set<number>]>();
  sets.set(layerIndex, [new Set([unit.row]), new Set([unit.col])]);
  const sources = sourcesByLayer(report);
  for (let k = layerIndex; k >= 0; k--) {
    const here = sets.get(k);
    const layer = report.layers[k];
    if (!here || !layer) continue;
    const p = layer.params ?? {};
    const kernel = pairOf(p['kernel'] ?? p['size'], 1);
    const stride = pairOf(p['stride'], 1);
    const dilation = pairOf(p['dilation'], 1);
    const windowed = layer.window !== null;
    const pads = [layer.window?.height.padBefore ?? 0, layer.window?.width.padBefore ?? 0];
    const before = here.map((set, a) => {
      if (!windowed) return new Set(set);
      const out = new Set<number>();
      for (const o of set)
        for (let i = 0; i < (kernel[a] ?? 1); i++)
          out.add(o * (stride[a] ?? 1) - (pads[a] ?? 0) + i * (dilation[a] ?? 1));
      return out;
    }) as [Set<number>, Set<number>];
    for (const s of sources[k] ?? []) {
      const known = sets.get(s);
      if (!known) sets.set(s, [new Set(before[0]), new Set(before[1])]);
      else before.forEach((set, a) => set.forEach((v) => known[a]?.add(v)));
    }
  }
  const hulls = new Map<number, IndexRect>();
  for (const [key, [rows, cols]] of sets) {
    hulls.set(key, {
      top: Math.min(...rows),
      bottom: Math.max(...rows),
      left: Math.min(...cols),
      right: Math.max(...cols),
    });
  }
  return hulls;
}

const CHECKED = ['lenet5', 'vgg-mini-28', 'vgg-mini-32', 'resnet-mini', 'vgg16', 'dilated-stack'];

describe.each(CHECKED)('the receptive-field drawing of %s', (id) => {
  const report = reportOf(id);
  const spatial = spatialLayerIndices(report);

  it('has spatial layers to click', () => {
    expect(spatial.length).toBeGreaterThan(0);
  });

  it.each(spatial)('layer %i: the input rectangle is the core’s fieldOfUnit', (index) => {
    const field = report.layers[index]?.receptiveField;
    if (!field) throw new Error('no field');
    for (const unit of unitsOf(report, index)) {
      const rects = feedingRects(report, index, unit);
      expect(rects.get(INPUT_INDEX), `unit ${unit.row},${unit.col}`).toEqual(
        fieldOfUnit(field, unit.row, unit.col),
      );
    }
  });

  it.each(spatial)(
    'layer %i: every layer’s rectangle is the hull of the tap-by-tap sets',
    (index) => {
      for (const unit of unitsOf(report, index)) {
        const rects = feedingRects(report, index, unit);
        const oracle = bruteForce(report, index, unit);
        expect(Object.fromEntries(rects)).toEqual(Object.fromEntries(oracle));
      }
    },
  );

  const isChain = report.layers.every((l) => l.inputNames.length <= 1);

  it.each(spatial)(
    'layer %i: each intermediate rectangle, seen through its own field, stays inside the input rectangle',
    (index) => {
      for (const unit of unitsOf(report, index)) {
        const rects = feedingRects(report, index, unit);
        const input = rects.get(INPUT_INDEX);
        if (!input) throw new Error('no input rectangle');
        for (const [key, rect] of rects) {
          const field = report.layers[key]?.receptiveField;
          if (key === INPUT_INDEX || !field) continue;
          const first = fieldOfUnit(field, rect.top, rect.left);
          const last = fieldOfUnit(field, rect.bottom, rect.right);
          const seen = { top: first.top, left: first.left, bottom: last.bottom, right: last.right };
          // In a chain it is exactly the input rectangle; a side path (a 1×1 shortcut) sees less.
          if (isChain) expect(seen).toEqual(input);
          expect(seen.top).toBeGreaterThanOrEqual(input.top);
          expect(seen.left).toBeGreaterThanOrEqual(input.left);
          expect(seen.bottom).toBeLessThanOrEqual(input.bottom);
          expect(seen.right).toBeLessThanOrEqual(input.right);
        }
      }
    },
  );
});

describe('every catalogue network', () => {
  it.each(CATALOGUE.map((e) => e.id))('%s: the input rectangle agrees with fieldOfUnit', (id) => {
    const report = reportOf(id);
    for (const index of spatialLayerIndices(report)) {
      const field = report.layers[index]?.receptiveField;
      if (!field) continue;
      for (const unit of unitsOf(report, index)) {
        expect(feedingRects(report, index, unit).get(INPUT_INDEX)).toEqual(
          fieldOfUnit(field, unit.row, unit.col),
        );
      }
    }
  });
});

describe('one layer backwards', () => {
  const report = analyzeNetwork({
    input: [9, 9, 1],
    layers: [
      { type: 'conv2d', filters: 1, kernel: 3, stride: 2, padding: 1, dilation: 2 },
      { type: 'maxpool2d', size: 2 },
      { type: 'flatten' },
    ],
  });

  it('maps output rows a..b to a·s − p .. b·s − p + d·(k − 1)', () => {
    const conv = report.layers[0];
    if (!conv) throw new Error('no layer');
    // k_eff = 2·2 + 1 = 5: rows 1..2 → 1·2 − 1 = 1 .. 2·2 − 1 + 4 = 7.
    expect(rectBeforeLayer(conv, { top: 1, left: 0, bottom: 2, right: 0 })).toEqual({
      top: 1,
      left: -1,
      bottom: 7,
      right: 3,
    });
  });

  it('lists only spatial layers and stops at flatten', () => {
    expect(spatialLayerIndices(report)).toEqual([0, 1]);
    expect(feedingRects(report, 2, { row: 0, col: 0 }).size).toBe(0);
  });
});
