import { describe, expect, it } from 'vitest';
import type { StepPoint } from '../../../src/core/metrics';
import {
  describeCurve,
  describeFlow,
  describeRun,
  formatMetric,
  trendOf,
} from '../../../src/viz/describeCurves';
import { describeConvOutput, describeFeatureMap, strongestOf } from '../../../src/viz/describeMaps';
import { describePlane, listInWords, planeRegions } from '../../../src/viz/describePlane';

/** A run whose loss and accuracy follow these functions of the step. */
function run(steps: number, loss: (s: number) => number, accuracy: (s: number) => number) {
  return Array.from({ length: steps }, (_, i): StepPoint => ({
    step: i + 1,
    epoch: 0,
    loss: loss(i + 1),
    accuracy: accuracy(i + 1),
  }));
}

describe('learning curves in words', () => {
  const falling = run(
    200,
    (s) => 2 / Math.sqrt(s),
    (s) => 1 - 0.9 / Math.sqrt(s),
  );

  it('says which way a noisy line goes, and nothing for a single point', () => {
    const noisy = Array.from(
      { length: 300 },
      (_, i) => 2 * Math.exp(-i / 100) + (i % 2 ? 0.05 : -0.05),
    );
    expect(trendOf(noisy, 'loss')).toBe('falling');
    expect(trendOf([...noisy].reverse(), 'loss')).toBe('rising');
    expect(
      trendOf(
        Array.from({ length: 50 }, (_, i) => 0.5 + (i % 2 ? 0.001 : -0.001)),
        'loss',
      ),
    ).toBe('level');
    expect(trendOf([0.9], 'accuracy')).toBeNull();
    expect(trendOf([], 'loss')).toBeNull();
  });

  it('reads the bold smoothed line, so one bad batch at the end does not turn a level run', () => {
    const level = run(
      200,
      (s) => (s < 100 ? 2 - s / 60 : 0.4 + (s % 2 ? 0.03 : -0.03)),
      () => 0.9,
    );
    const spiked = [...level.slice(0, -1), { ...level[199]!, loss: 0.55 }];
    expect(describeCurve({ train: spiked, validation: [] }, 'loss')).toMatch(
      /training loss 0\.4\d* \(smoothed\) and level/,
    );
  });

  it('reads a half-point accuracy change as level and a two-point one as a trend', () => {
    expect(trendOf([0.9, 0.9, 0.902, 0.903], 'accuracy')).toBe('level');
    expect(trendOf([0.88, 0.89, 0.9, 0.91], 'accuracy')).toBe('rising');
  });

  it('names the latest loss and its trend for training and validation', () => {
    const data = {
      train: falling,
      validation: run(
        4,
        (s) => 1 / s,
        () => 0.9,
      ),
    };
    expect(describeCurve(data, 'loss')).toBe(
      'Loss over 200 training steps: training loss 0.145 (smoothed) and falling; validation loss 0.25 and falling.',
    );
    expect(describeCurve(data, 'accuracy')).toMatch(
      /^Accuracy over 200 training steps: training accuracy 93\.5% \(smoothed\) and rising; validation accuracy 90\.0% and level\.$/,
    );
  });

  it('says when nothing is trained and when there is no validation yet', () => {
    expect(describeCurve({ train: [], validation: [] }, 'loss')).toBe(
      'Loss over training steps: nothing trained yet.',
    );
    expect(describeCurve({ train: falling.slice(0, 1), validation: [] }, 'accuracy')).toBe(
      'Accuracy over 1 training step: training accuracy 10.0%; no validation yet.',
    );
  });

  it('sums a run up as the issue asks: latest loss and trend, validation accuracy', () => {
    const data = {
      train: falling,
      validation: run(
        3,
        () => 0.3,
        (s) => 0.85 + s / 100,
      ),
    };
    expect(describeRun(data)).toBe(
      'Training loss 0.145 (smoothed) and falling; validation accuracy 88.0%.',
    );
    expect(describeRun({ train: [], validation: [] })).toBe('');
  });

  it('prints losses to three digits without trailing zeros, and keeps 100 whole', () => {
    expect(formatMetric('loss', 0.3)).toBe('0.3');
    expect(formatMetric('loss', 100)).toBe('100');
    expect(formatMetric('accuracy', 0.9123)).toBe('91.2%');
  });

  it('says how many decades lie between the layers’ gradients', () => {
    expect(
      describeFlow(
        [
          { name: 'dense1', norm: 0.0002 },
          { name: 'dense2', norm: 0.05 },
          { name: 'dense3', norm: 0.4 },
        ],
        120,
      ),
    ).toBe(
      "Weight-gradient norm per layer over 120 training steps, log scale. Latest: dense1 2.0e-4, dense2 0.0500, dense3 0.400. dense1's is 3.3 decades below dense3's.",
    );
    expect(
      describeFlow(
        [
          { name: 'a', norm: 1 },
          { name: 'b', norm: 2 },
        ],
        5,
      ),
    ).toMatch(/All layers are within one decade of each other\.$/);
    expect(describeFlow([], null)).toMatch(/appear here once training runs/);
  });
});

describe('the decision plane in words', () => {
  /** A grid whose class-1 region is where `inside(row, col)` holds. */
  const grid = (n: number, inside: (r: number, c: number) => boolean) =>
    Float64Array.from({ length: n * n }, (_, i) => (inside(Math.floor(i / n), i % n) ? 0.9 : 0.1));

  it('names the parts each class holds and the parts the boundary splits', () => {
    // Class 1 on the top half of a 30×30 plane: the top row of parts, the middle row split.
    const regions = planeRegions(
      grid(30, (r) => r < 15),
      30,
    );
    expect(regions.share1).toBe(0.5);
    expect(regions.class1).toEqual(['top left', 'top', 'top right']);
    expect(regions.split).toEqual(['left', 'centre', 'right']);
    expect(regions.class0).toEqual(['bottom left', 'bottom', 'bottom right']);
  });

  it('says the accuracy, the regions and the selected point', () => {
    const centre = grid(30, (r, c) => Math.hypot(r - 14.5, c - 14.5) < 6);
    expect(
      describePlane({
        output: centre,
        resolution: 30,
        accuracy: 0.945,
        count: 200,
        point: 4,
        pointClass: 0,
      }),
    ).toBe(
      'Decision regions, training accuracy 94.5%: class 1 (squares, purple) holds 12% of the plane: the centre; class 0 (circles, orange) holds 88% of the plane: the top left, the top, the top right, the left, the right, the bottom left, the bottom and the bottom right. 200 points; point 5 (class 0) is selected. Click a point to choose it.',
    );
    expect(
      describePlane({
        output: grid(9, () => false),
        resolution: 9,
        accuracy: 0.5,
        count: 10,
        point: 0,
        pointClass: 1,
      }),
    ).toMatch(
      /class 1 \(squares, purple\) holds 0% of the plane, no part of it outright; class 0 \(circles, orange\) holds the whole plane\./,
    );
  });

  it('lists in words', () => {
    expect(listInWords([])).toBe('');
    expect(listInWords(['a'])).toBe('a');
    expect(listInWords(['a', 'b', 'c'])).toBe('a, b and c');
  });
});

describe('maps in words', () => {
  it('gives a feature map’s layer, channel, size, value range and strongest unit', () => {
    const values = Float32Array.from([0, -0.5, 0.25, 1.5, 0, 0]);
    expect(
      describeFeatureMap({ layer: 'conv1', channel: 2, channels: 6, height: 2, width: 3, values }),
    ).toBe(
      'conv1, channel 3 of 6, 2×3 units: values from −0.5 to 1.5, strongest at row 2, column 1.',
    );
    expect(
      describeFeatureMap({
        layer: 'pool1',
        channel: 0,
        channels: 1,
        height: 1,
        width: 2,
        values: [0, 0],
      }),
    ).toBe('pool1, channel 1 of 1, 1×2 units: every value is 0.');
    expect(strongestOf([Number.NaN, 3, 2], 3)).toEqual({ row: 1, col: 2, value: 3 });
  });

  it('says how much of a convolution output is computed and which value is being computed', () => {
    expect(
      describeConvOutput({ filter: 0, side: 3, done: 4, current: { row: 2, col: 2, value: -3 } }),
    ).toBe('Output map of filter 1, 3×3: 4 of 9 values computed; computing row 2, column 2 = −3.');
    expect(describeConvOutput({ filter: 1, side: 2, done: 0 })).toBe(
      'Output map of filter 2, 2×2: nothing computed yet.',
    );
    expect(describeConvOutput({ filter: 0, side: 2, done: 4 })).toBe(
      'Output map of filter 1, 2×2: every value computed.',
    );
  });
});
