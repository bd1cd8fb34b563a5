import { beforeAll, describe, expect, test } from 'vitest';
import { createRandom } from '../../../src/core/random';
import { createOptimizer } from '../../../src/engine/optimizers';
import { tf, type Variable } from '../../../src/engine/tf';
import { randomValues, relativeError, useCpu } from './helpers';

/**
 * Adam and momentum keep every weight's state in one vector per slot (flatSlots.ts). When
 * the weights updated change from step to step (a layer frozen, then unfrozen), each
 * weight must still follow its own formula: a weight without a gradient keeps its value
 * and its state, and picks up where it left off. Checked against the per-weight formulas
 * in plain numbers (1e-6 normwise), and the exported state against the same numbers.
 */
beforeAll(useCpu);

const [B1, B2, EPS, LR, MU] = [0.9, 0.999, 1e-7, 0.01, 0.8];
const SHAPES = [[3, 4], [4], [2, 2, 3]];
/** Which weights have a gradient at each step: all, the first frozen, the last alone, all. */
const PLAN = [
  [true, true, true],
  [false, true, true],
  [false, false, true],
  [true, true, true],
];

interface Reference {
  w: number[];
  m: number[];
  v: number[];
  t: number;
}

function run(name: 'adam' | 'momentum') {
  const random = createRandom(`flat-${name}`);
  const refs: Reference[] = SHAPES.map((shape) => {
    const n = shape.reduce((a, b) => a * b, 1);
    return {
      w: Array.from(randomValues(n, random)),
      m: Array(n).fill(0),
      v: Array(n).fill(0),
      t: 0,
    };
  });
  const weights = refs.map((r, i) =>
    tf.tidy(() => tf.variable(tf.tensor(r.w, SHAPES[i]), true, `w${name}${i}`)),
  );
  const optimizer = createOptimizer({ name, learningRate: LR, momentum: MU });
  PLAN.forEach((has, step) => {
    const t = step + 1;
    const grads = refs.map((r, i) =>
      has[i] ? Array.from(randomValues(r.w.length, random)) : null,
    );
    const tensors = grads.map((g, i) => (g ? tf.tensor(g, SHAPES[i]) : null));
    optimizer.apply(weights, tensors, new Set<Variable>());
    tf.dispose(tensors.filter((g) => g !== null));
    refs.forEach((r, i) => {
      const g = grads[i];
      if (!g) return;
      r.w = r.w.map((w, j) => {
        const gj = g[j] ?? NaN;
        if (name === 'momentum') {
          r.m[j] = MU * (r.m[j] ?? 0) + gj;
          return w - LR * (r.m[j] ?? 0);
        }
        r.m[j] = B1 * (r.m[j] ?? 0) + (1 - B1) * gj;
        r.v[j] = B2 * (r.v[j] ?? 0) + (1 - B2) * gj * gj;
        const mHat = (r.m[j] ?? 0) / (1 - B1 ** t);
        const vHat = (r.v[j] ?? 0) / (1 - B2 ** t);
        return w - (LR * mHat) / (Math.sqrt(vHat) + EPS);
      });
    });
  });
  return { refs, weights, optimizer };
}

describe('optimiser state kept flat over the weights', () => {
  test.each(['adam', 'momentum'] as const)(
    '%s: each weight follows its own formula as the weights updated change',
    async (name) => {
      const before = tf.memory().numTensors;
      const { refs, weights, optimizer } = run(name);
      for (const [i, w] of weights.entries()) {
        expect(relativeError(await w.data(), refs[i]?.w ?? []), `weight ${i + 1}`).toBeLessThan(
          1e-6,
        );
      }
      const state = await optimizer.exportState(weights);
      expect(state.iterations).toBe(PLAN.length);
      state.slots.forEach((own, i) => {
        expect(relativeError(own[0] ?? [], refs[i]?.m ?? [])).toBeLessThan(1e-6);
        if (name === 'adam')
          expect(relativeError(own[1] ?? [], refs[i]?.v ?? [])).toBeLessThan(1e-6);
      });
      optimizer.dispose();
      tf.dispose(weights);
      expect(tf.memory().numTensors).toBe(before);
    },
  );

  test('a state imported while some weights are aside comes back as it went in', async () => {
    const { weights, optimizer } = run('adam');
    const state = await optimizer.exportState(weights);
    const other = createOptimizer({ name: 'adam', learningRate: LR });
    other.importState(weights, state);
    // Lay the state out over two of the three weights; the third's is kept aside.
    const zero = tf.zerosLike(weights[0] as Variable);
    other.apply(weights.slice(0, 2), [zero, null], new Set());
    zero.dispose();
    const back = await other.exportState(weights);
    expect(Array.from(back.slots[2]?.[0] ?? [])).toEqual(Array.from(state.slots[2]?.[0] ?? []));
    expect(Array.from(back.slots[1]?.[1] ?? [])).toEqual(Array.from(state.slots[1]?.[1] ?? []));
    tf.dispose(weights);
    optimizer.dispose();
    other.dispose();
  });
});
