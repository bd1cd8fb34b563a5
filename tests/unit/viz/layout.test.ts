import { describe, expect, it } from 'vitest';
import { analyzeNetwork } from '../../../src/core/analyze';
import { CATALOGUE, catalogueEntryOf } from '../../../src/core/catalogue';
import {
  depthFor,
  faceHeightFor,
  layoutArchitecture,
  type DiagramBlock,
  type DiagramLayout,
} from '../../../src/viz/architecture/layout';

/** draw.ts draws a block's depth as a slanted side: 0.6 of it to the right, 0.4 up. */
const SLANT_X = 0.6;
const SLANT_Y = 0.4;

function layoutOf(id: string): DiagramLayout {
  const entry = catalogueEntryOf(id);
  if (!entry) throw new Error(`no catalogue entry ${id}`);
  return layoutArchitecture(analyzeNetwork(entry.network));
}

function blockAt(layout: DiagramLayout, index: number): DiagramBlock {
  const block = layout.blocks.find((b) => b.index === index);
  if (!block) throw new Error(`no block ${index}`);
  return block;
}

const rightEdge = (b: DiagramBlock) => b.x + b.faceWidth + b.depth * SLANT_X;

describe.each(CATALOGUE.map((e) => e.id))('the diagram of %s', (id) => {
  const entry = catalogueEntryOf(id);
  const layout = layoutOf(id);

  it('has the input block then one block per layer, in document order', () => {
    expect(layout.blocks.map((b) => b.index)).toEqual([
      -1,
      ...(entry?.network.layers.map((_, i) => i) ?? []),
    ]);
    expect(layout.blocks[0]?.kind).toBe('input');
  });

  it('places blocks left to right without overlap', () => {
    layout.blocks.forEach((block, i) => {
      const next = layout.blocks[i + 1];
      if (next) expect(rightEdge(block)).toBeLessThanOrEqual(next.x);
    });
    expect(layout.blocks[0]?.x).toBeGreaterThan(0);
  });

  it('fits every block inside the drawing, below the arc space and above the labels', () => {
    expect(layout.width).toBeGreaterThan(0);
    expect(layout.height).toBeGreaterThan(0);
    for (const b of layout.blocks) {
      expect(b.faceWidth).toBeGreaterThan(0);
      expect(b.faceHeight).toBeGreaterThan(0);
      expect(rightEdge(b)).toBeLessThanOrEqual(layout.width);
      expect(b.y - b.depth * SLANT_Y).toBeGreaterThanOrEqual(layout.arcSpace);
      expect(b.y + b.faceHeight).toBeLessThan(layout.labelY);
    }
    expect(layout.labelY).toBeLessThan(layout.height);
  });

  it('keeps face heights within bounds and marks no block failed', () => {
    for (const b of layout.blocks) {
      expect(b.faceHeight).toBeGreaterThanOrEqual(faceHeightFor(1, 2));
      expect(b.faceHeight).toBeLessThanOrEqual(faceHeightFor(2, 2));
      expect(b.failed).toBe(false);
      expect(b.shapeLabel).not.toBe('?');
    }
  });

  it('draws batch norm, activation and dropout layers as thin markers', () => {
    for (const b of layout.blocks) {
      const minor = ['norm', 'activation', 'dropout'].includes(b.kind);
      expect(b.minor).toBe(minor);
      if (minor) expect(b.depth).toBe(0);
    }
  });
});

describe('face height', () => {
  it('runs from the smallest face for one pixel to the largest for the largest side', () => {
    const smallest = faceHeightFor(1, 224);
    const largest = faceHeightFor(224, 224);
    expect(smallest).toBeGreaterThan(5);
    expect(largest).toBeGreaterThan(smallest * 4);
    expect(faceHeightFor(0, 224)).toBe(smallest);
  });

  it('grows with the side, on a log scale so 7 and 224 both stay visible', () => {
    const sides = [1, 2, 7, 14, 28, 56, 112, 224];
    const heights = sides.map((n) => faceHeightFor(n, 224));
    heights.slice(1).forEach((h, i) => expect(h).toBeGreaterThan(heights[i] ?? Infinity));
    // Each halving of the side takes off the same height.
    const step = faceHeightFor(224, 224) - faceHeightFor(112, 224);
    expect(faceHeightFor(14, 224) - faceHeightFor(7, 224)).toBeCloseTo(step, 9);
    // The geometric middle lands in the middle.
    const middle = (faceHeightFor(1, 224) + faceHeightFor(224, 224)) / 2;
    expect(faceHeightFor(Math.sqrt(224), 224)).toBeCloseTo(middle, 9);
  });

  it('follows the output shape in VGG-16: each pooling shrinks the next blocks', () => {
    const layout = layoutOf('vgg16');
    const report = analyzeNetwork(catalogueEntryOf('vgg16')?.network);
    const sideOf = (index: number) => report.layers[index]?.outputShape?.[0] ?? 0;
    const spatial = layout.blocks.filter(
      (b) => b.index >= 0 && b.shapeLabel.split('×').length === 3,
    );
    for (const a of spatial) {
      for (const b of spatial) {
        if (sideOf(a.index) > sideOf(b.index)) expect(a.faceHeight).toBeGreaterThan(b.faceHeight);
        if (sideOf(a.index) === sideOf(b.index)) expect(a.faceHeight).toBe(b.faceHeight);
      }
    }
  });

  it('gives more channels more depth, up to a limit', () => {
    expect(depthFor(64)).toBeGreaterThan(depthFor(3));
    expect(depthFor(512)).toBeGreaterThan(depthFor(64));
    expect(depthFor(100_000)).toBeLessThanOrEqual(48);
    const vgg = layoutOf('vgg16');
    expect(blockAt(vgg, 0).depth).toBeGreaterThan(blockAt(vgg, -1).depth);
  });

  it('draws vectors flat', () => {
    const mlp = layoutOf('mlp');
    for (const b of mlp.blocks.filter((b) => b.index >= 0)) expect(b.depth).toBe(0);
    // 128 units are drawn taller than 10.
    expect(blockAt(mlp, 1).faceHeight).toBeGreaterThan(blockAt(mlp, 3).faceHeight);
  });
});

describe('connections', () => {
  it('VGG-16 is a plain chain with no skip arcs', () => {
    const layout = layoutOf('vgg16');
    expect(layout.edges).toHaveLength(layout.blocks.length - 1);
    expect(layout.edges.some((e) => e.skip)).toBe(false);
    layout.edges.forEach((e, i) => expect(e).toEqual({ from: i - 1, to: i, skip: false }));
  });

  it('ResNet-18 has a skip arc into every add, with room reserved for the arcs', () => {
    const layout = layoutOf('resnet18');
    const network = catalogueEntryOf('resnet18')?.network;
    const adds = (network?.layers ?? []).flatMap((l, i) => (l.type === 'add' ? [i] : []));
    expect(adds).toHaveLength(8);
    for (const add of adds) {
      const into = layout.edges.filter((e) => e.to === add);
      expect(into).toHaveLength(2);
      expect(into.some((e) => e.skip)).toBe(true);
    }
    for (const e of layout.edges) expect(e.skip).toBe(e.from !== e.to - 1);
    expect(layout.arcSpace).toBeGreaterThan(layoutOf('vgg16').arcSpace);
  });

  it('a residual block’s shortcut starts at the block input', () => {
    const layout = layoutArchitecture(
      analyzeNetwork({
        input: [8, 8, 4],
        layers: [
          { type: 'conv2d', id: 'a', filters: 4, kernel: 3, padding: 'same' },
          { type: 'conv2d', id: 'b', filters: 4, kernel: 3, padding: 'same' },
          { type: 'add', inputs: ['b', 'input'] },
        ],
      }),
    );
    expect(layout.edges).toEqual([
      { from: -1, to: 0, skip: false },
      { from: 0, to: 1, skip: false },
      { from: 1, to: 2, skip: false },
      { from: -1, to: 2, skip: true },
    ]);
  });
});

describe('a network with an error', () => {
  const report = analyzeNetwork({
    input: [8, 8, 1],
    layers: [
      { type: 'conv2d', filters: 2, kernel: 3 },
      { type: 'conv2d', filters: 2, kernel: 9 },
      { type: 'flatten' },
      { type: 'dense', units: 3 },
    ],
  });
  const layout = layoutArchitecture(report);

  it('marks the layer whose kernel does not fit as failed, and not the ones before it', () => {
    expect(report.errors[0]?.layerIndex).toBe(1);
    expect(blockAt(layout, -1).failed).toBe(false);
    expect(blockAt(layout, 0).failed).toBe(false);
    expect(blockAt(layout, 1).failed).toBe(true);
    expect(blockAt(layout, 1).shapeLabel).toBe('?');
  });

  it('still draws every block at a sensible size', () => {
    expect(layout.blocks).toHaveLength(5);
    for (const b of layout.blocks) {
      expect(Number.isFinite(b.x)).toBe(true);
      expect(Number.isFinite(b.faceHeight)).toBe(true);
      expect(b.faceHeight).toBeGreaterThan(0);
    }
  });

  it('draws a network with no readable input without crashing', () => {
    const broken = layoutArchitecture(
      analyzeNetwork({ input: 'big', layers: [{ type: 'flatten' }] }),
    );
    expect(broken.blocks.map((b) => b.failed)).toEqual([true, true]);
    expect(broken.width).toBeGreaterThan(0);
  });
});
