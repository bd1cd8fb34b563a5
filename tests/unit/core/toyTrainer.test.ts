import { describe, expect, test } from 'vitest';
import { forwardSmallMlp, type SmallMlpSpec } from '../../../src/core/smallMlp';
import { createToyData } from '../../../src/core/toyData';
import {
  createToyTrainer,
  DEFAULT_TOY_TRAINING,
  evaluateToy,
  sampleToyPlane,
  trainToyEpochs,
} from '../../../src/core/toyTrainer';

const xor = createToyData({ dataset: 'xor', count: 200, noise: 0.05, seed: 1 });
const perceptron: SmallMlpSpec = { hidden: [], activation: 'tanh', output: 'sigmoid' };
const oneHidden: SmallMlpSpec = { hidden: [4], activation: 'tanh', output: 'sigmoid' };

describe('training on the toy data', () => {
  test.each([1, 2, 3])('seed %i: one hidden layer solves XOR, the perceptron cannot', (seed) => {
    const mlp = createToyTrainer(oneHidden, seed);
    trainToyEpochs(mlp, xor, DEFAULT_TOY_TRAINING, 60);
    expect(evaluateToy(mlp.net, xor).accuracy).toBeGreaterThan(0.95);

    const line = createToyTrainer(perceptron, seed);
    trainToyEpochs(line, xor, DEFAULT_TOY_TRAINING, 60);
    expect(evaluateToy(line.net, xor).accuracy).toBeLessThan(0.8);
  });

  test('the perceptron does solve linearly separable data', () => {
    const data = createToyData({ dataset: 'linear', count: 200, noise: 0, seed: 4 });
    const line = createToyTrainer(perceptron, 4);
    trainToyEpochs(line, data, DEFAULT_TOY_TRAINING, 20);
    expect(evaluateToy(line.net, data).accuracy).toBeGreaterThan(0.97);
  });

  test('training is deterministic and counts steps and epochs', () => {
    const a = createToyTrainer(oneHidden, 9);
    const b = createToyTrainer(oneHidden, 9);
    trainToyEpochs(a, xor, DEFAULT_TOY_TRAINING, 3);
    trainToyEpochs(b, xor, DEFAULT_TOY_TRAINING, 3);
    expect(a.net.weights).toEqual(b.net.weights);
    expect(a.epochs).toBe(3);
    expect(a.steps).toBe(60);
  });

  test('the plane samples match the forward pass at a cell centre', () => {
    const t = createToyTrainer({ hidden: [3, 2], activation: 'relu', output: 'softmax' }, 2);
    const plane = sampleToyPlane(t.net, 4, 1);
    expect(plane.hidden.map((l) => l.length)).toEqual([3, 2]);
    // Row 0, column 3 is the top-right cell, centred at (0.75, 0.75).
    expect(plane.output[3]).toBe(forwardSmallMlp(t.net, 0.75, 0.75).probability);
    expect(plane.hidden[1]?.[0]?.[12]).toBe(forwardSmallMlp(t.net, -0.75, -0.75).post[2]?.[0]);
    expect(plane.output.every((p) => p > 0 && p < 1)).toBe(true);
    // Every cell and every hidden unit, for a sigmoid output too.
    for (const output of ['softmax', 'sigmoid'] as const) {
      const net = createToyTrainer({ hidden: [3, 2], activation: 'tanh', output }, 5).net;
      net.biases.forEach((b) => b.fill(0.2));
      const grid = sampleToyPlane(net, 5, 1.3);
      for (let row = 0; row < 5; row++) {
        for (let col = 0; col < 5; col++) {
          const x = -1.3 + ((col + 0.5) * 2.6) / 5;
          const y = 1.3 - ((row + 0.5) * 2.6) / 5;
          const trace = forwardSmallMlp(net, x, y);
          expect(grid.output[row * 5 + col]).toBeCloseTo(trace.probability, 14);
          expect(grid.hidden[0]?.[2]?.[row * 5 + col]).toBeCloseTo(trace.post[1]?.[2] ?? NaN, 14);
          expect(grid.hidden[1]?.[1]?.[row * 5 + col]).toBeCloseTo(trace.post[2]?.[1] ?? NaN, 14);
        }
      }
    }
  });
});
