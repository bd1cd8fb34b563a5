import { beforeAll, describe, expect, it } from 'vitest';
import { analyzeNetwork, type NetworkReport } from '../../../src/core/analyze';
import { catalogueEntryOf } from '../../../src/core/catalogue';
import type { InspectionData } from '../../../src/core/inspection';
import {
  chainRuleBreakdown,
  denseContextOf,
  denseLayersOf,
  denseUnitBreakdown,
  relativeDifference,
  softmaxBreakdown,
  type DenseContext,
} from '../../../src/core/inspectionMaths';
import { NO_AUGMENTATION } from '../../../src/data/augment';
import type { LoadedDataset } from '../../../src/data/loader';
import type { RunSetup } from '../../../src/worker/api';
import { createEngine } from '../../../src/worker/engine';
import { syntheticDigits } from '../engine/fixtures';

/**
 * The maths panel's numbers are worked out from the engine's report of one input; here the
 * real engine (CPU backend, in Node) trains the MLP a few steps, and every number the panel
 * would show must equal the engine's own: dense outputs, softmax, loss and gradients.
 */

const dataset = (): LoadedDataset => ({
  info: { id: 'mnist', title: 'MNIST', classNames: [...'0123456789'] } as never,
  train: syntheticDigits(160, 'maths train'),
  test: syntheticDigits(40, 'maths test'),
  fromCache: false,
});

const mlp = catalogueEntryOf('mlp')?.network ?? { input: [1], layers: [] };
const setup: RunSetup = {
  network: mlp,
  seed: 3,
  init: 'he',
  dataset: 'mnist',
  normalisation: 'scale',
  validationSplit: 0.25,
  optimizer: 'adam',
  learningRate: 0.003,
  l1: 0,
  l2: 0,
  batchSize: 16,
  augmentation: NO_AUGMENTATION,
  epochs: 1,
  patience: 0,
  delayMs: 0,
};

let engine: ReturnType<typeof createEngine>;
let inspection: InspectionData;
const report: NetworkReport = analyzeNetwork(mlp);

function context(layerIndex: number): DenseContext {
  const ctx = denseContextOf(report, inspection, layerIndex);
  if (!ctx) throw new Error(`no dense context for layer ${layerIndex}`);
  return ctx;
}

beforeAll(async () => {
  engine = createEngine({ loadDataset: async () => dataset(), now: () => performance.now() });
  await engine.start({ preferred: 'cpu', dataBaseUrl: 'http://localhost/data/' });
  await engine.setup(setup);
  for (let s = 0; s < 3; s++) await engine.step();
  inspection = await engine.inspect({ source: 'test', index: 7 }, true);
}, 60_000);

describe('the maths panel’s numbers against the engine (MLP, CPU backend)', () => {
  it('finds the three dense layers and what feeds them', () => {
    expect(denseLayersOf(report)).toEqual([1, 2, 3]);
    expect(context(1).inputs).toBe(784);
    expect(context(2)).toMatchObject({ inputs: 128, units: 64, activation: 'relu' });
    expect(context(3)).toMatchObject({
      inputs: 64,
      units: 10,
      activation: 'softmax',
      isLast: true,
    });
  });

  it('every unit’s Σ xᵢwᵢ + b through its activation equals the engine’s activation', () => {
    for (const layer of [1, 2, 3]) {
      const ctx = context(layer);
      let active = 0;
      for (let j = 0; j < ctx.units; j++) {
        const b = denseUnitBreakdown(ctx, inspection, j);
        expect(b.terms).toHaveLength(ctx.inputs);
        expect(b.preActivation).toBeCloseTo(b.sum + b.bias, 12);
        expect(Math.abs(b.output - b.engineOutput)).toBeLessThan(1e-4);
        if (b.preActivation > 0) active++;
      }
      // A test that cannot fail is worse than none: some ReLU units are on, so the values are real.
      if (layer < 3) expect(active).toBeGreaterThan(0);
    }
  });

  it('softmax of the logits equals the engine’s probabilities, and −log p_y its loss', () => {
    const s = softmaxBreakdown(inspection);
    expect(s.rows).toHaveLength(10);
    const sum = s.rows.reduce((a, r) => a + r.probability, 0);
    expect(sum).toBeCloseTo(1, 12);
    s.rows.forEach((r, k) => {
      expect(Math.abs(r.probability - (inspection.probabilities[k] ?? NaN))).toBeLessThan(1e-6);
      expect(r.target).toBe(k === inspection.label ? 1 : 0);
      // dL/dz = p − y, against backprop's gradient at the logits.
      expect(Math.abs(r.gradient - r.engineGradient)).toBeLessThan(1e-5);
    });
    expect(relativeDifference(s.loss, s.engineLoss)).toBeLessThan(1e-5);
    // The last layer's logits are its pre-activations: Σ h_i W_ij + b_j.
    const last = context(3);
    for (let j = 0; j < 10; j++) {
      const b = denseUnitBreakdown(last, inspection, j);
      expect(Math.abs(b.preActivation - (s.rows[j]?.logit ?? NaN))).toBeLessThan(1e-4);
    }
  });

  it('the chain rule’s product equals the engine’s weight gradient, output layer and hidden layer', () => {
    const out = context(3);
    const hidden = context(2);
    let gated = 0;
    for (const [ctx, picks] of [
      [out, [0, 5, 17, 63]],
      [hidden, [0, 3, 64, 127]],
    ] as const) {
      for (const i of picks) {
        for (let j = 0; j < ctx.units; j += ctx.isLast ? 1 : 7) {
          const c = chainRuleBreakdown(report, inspection, ctx, i, j);
          const tolerance = 1e-5 + 1e-4 * Math.abs(c.engineGradient);
          expect(Math.abs(c.product - c.engineGradient)).toBeLessThan(tolerance);
          if (ctx.isLast) {
            expect(c.derivative).toBe(1);
            expect(c.input).toBe(ctx.input[i]);
          } else {
            // ∂L/∂h_j worked out as Σₖ W'[j, k]·(p_k − y_k) equals the engine's.
            expect(Math.abs((c.upstreamFromNext ?? NaN) - c.upstream)).toBeLessThan(1e-5);
            // ReLU gates the gradient: off units pass nothing back.
            expect(c.derivative).toBe(c.preActivation > 0 ? 1 : 0);
            if (c.derivative === 0) {
              gated++;
              expect(c.engineGradient).toBe(0);
            }
          }
        }
      }
    }
    expect(gated).toBeGreaterThan(0);
  });

  it('the gradient check on the selected weights agrees with backprop to better than 1e-3', async () => {
    const out = context(3);
    const hidden = context(2);
    for (const [ctx, i, j] of [
      [out, 5, inspection.label],
      [hidden, 3, 1],
    ] as const) {
      const c = chainRuleBreakdown(report, inspection, ctx, i, j);
      const check = await engine.gradientCheck(
        { source: 'test', index: 7 },
        { layerIndex: ctx.layerIndex, role: 'kernel', index: i * ctx.units + j },
        1e-2,
      );
      expect(check.backprop).toBeCloseTo(c.engineGradient, 6);
      if (Math.abs(check.backprop) > 1e-6) expect(check.relativeError).toBeLessThan(1e-3);
      else expect(Math.abs(check.numerical)).toBeLessThan(1e-4);
    }
  });
});
