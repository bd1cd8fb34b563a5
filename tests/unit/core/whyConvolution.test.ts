import { describe, expect, test } from 'vitest';
import { analyzeNetwork } from '../../../src/core/analyze';
import {
  connectivityProblems,
  convolutionalParams,
  convolutionalUnits,
  DECK_QUESTION,
  fullyConnectedParams,
  locallyConnectedParams,
} from '../../../src/core/whyConvolution';

describe('why convolution: the decks’ 200×200 example', () => {
  test('fully connected: 200·200 inputs to 40,000 hidden units is 1.6 billion weights (the deck says ~2B)', () => {
    expect(fullyConnectedParams(DECK_QUESTION)).toBe(1_600_000_000);
  });

  test('locally connected with 10×10 fields: 40,000 · 100 = 4M, as the deck says', () => {
    expect(locallyConnectedParams(DECK_QUESTION)).toBe(4_000_000);
  });

  test('convolutional with 100 filters of 10×10: 10K, as the deck says', () => {
    expect(convolutionalParams(DECK_QUESTION)).toBe(10_000);
  });

  test('the decks count no biases; with them each count grows by one per unit or filter', () => {
    const withBiases = { ...DECK_QUESTION, includeBiases: true };
    expect(fullyConnectedParams(withBiases)).toBe(1_600_040_000);
    expect(locallyConnectedParams(withBiases)).toBe(4_040_000);
    expect(convolutionalParams(withBiases)).toBe(10_100);
  });

  test('the convolutional layer still has 4 million hidden units (100 maps of 200×200)', () => {
    expect(convolutionalUnits(DECK_QUESTION)).toBe(4_000_000);
  });

  test('deck 001: a 1k×1k grey image, 20 filters of 5×5 is 500 weights; fully connected to 1M units is 10¹²', () => {
    const q = {
      ...DECK_QUESTION,
      imageHeight: 1000,
      imageWidth: 1000,
      hiddenUnits: 1_000_000,
      field: 5,
      filters: 20,
    };
    expect(convolutionalParams(q)).toBe(500);
    expect(fullyConnectedParams(q)).toBe(1e12);
  });

  test('with biases the convolutional count equals the architecture explorer’s conv2d layer', () => {
    const q = {
      ...DECK_QUESTION,
      imageHeight: 32,
      imageWidth: 32,
      channels: 3,
      field: 5,
      filters: 10,
      includeBiases: true,
    };
    const report = analyzeNetwork({
      name: 'deck',
      input: [32, 32, 3],
      layers: [{ type: 'conv2d', filters: 10, kernel: 5, padding: 2 }],
    });
    expect(convolutionalParams(q)).toBe(760);
    expect(report.layers[0]?.paramCount).toBe(760);
  });

  test('names impossible questions', () => {
    expect(connectivityProblems(DECK_QUESTION)).toEqual([]);
    expect(connectivityProblems({ ...DECK_QUESTION, hiddenUnits: 0 })).toEqual([
      'The number of hidden units must be a whole number of at least 1.',
    ]);
    expect(connectivityProblems({ ...DECK_QUESTION, imageHeight: 8, imageWidth: 8 })).toEqual([
      'A 10×10 field does not fit in a 8×8 image.',
    ]);
  });
});
