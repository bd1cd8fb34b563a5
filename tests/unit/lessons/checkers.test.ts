import { describe, expect, it } from 'vitest';
import { CHECKERS, describeCheck, runCheck } from '../../../src/lessons/checkers';
import type { CheckerRef } from '../../../src/lessons/types';
import { ctxWith, DECK_NETWORK } from './helpers';

/** Runs a checker that must be valid, returning its outcome. */
function outcome(ref: CheckerRef, ctx = ctxWith({ network: DECK_NETWORK })) {
  const result = runCheck(ref, ctx);
  if (!result.ok) throw new Error(result.problems.join(' '));
  return result.outcome;
}

const shape = (params: Record<string, number | string>) =>
  outcome({ id: 'layer-output-shape', params });

describe('layer-output-shape', () => {
  it('passes the deck numbers: ten 5×5 filters with pad 2 keep 32×32, giving 32×32×10', () => {
    expect(shape({ layer: 0, h: 32, w: 32, c: 10 })).toEqual({
      pass: true,
      feedback: 'conv1 (layer 1) outputs 32×32×10.',
    });
    expect(shape({ layer: 'conv1', h: 32, w: 32, c: 10 }).pass).toBe(true);
    expect(shape({ layer: 'pool1', h: 16, w: 16, c: 10 }).pass).toBe(true);
  });

  it('names the wrong dimension, its value and a nudge', () => {
    const height = shape({ layer: 'conv1', h: 16, w: 32, c: 10 });
    expect(height.pass).toBe(false);
    expect(height.feedback).toBe(
      'conv1 (layer 1) outputs 32×32×10: the height is still 32, not 16; try a stride of 2 (or a pooling layer).',
    );
    expect(shape({ layer: 0, h: 16, w: 16, c: 10 }).feedback).toBe(
      'conv1 (layer 1) outputs 32×32×10: the height and width are still 32, not 16; try a stride of 2 (or a pooling layer).',
    );
    const channels = shape({ layer: 0, h: 32, w: 32, c: 8 });
    expect(channels.feedback).toContain(
      'the channels are still 10, not 8: set its number of filters',
    );
    expect(channels.feedback).not.toContain('height');
    expect(shape({ layer: 0, h: 34, w: 32, c: 10 }).feedback).toContain(
      'the height is still 32, not 34; try more padding',
    );
  });

  it('works out (7 − 3)/2 + 1 = 3 for a 3×3 kernel at stride 2 on 7×7', () => {
    const network = {
      input: [7, 7, 1],
      layers: [{ type: 'conv2d', filters: 1, kernel: 3, stride: 2 }],
    };
    const ctx = ctxWith({ network });
    expect(
      outcome({ id: 'layer-output-shape', params: { layer: -1, h: 3, w: 3, c: 1 } }, ctx).pass,
    ).toBe(true);
  });

  it('fails with a reason for a layer that does not exist or a vector output', () => {
    expect(shape({ layer: 'conv9', h: 1, w: 1, c: 1 }).feedback).toContain('no layer called conv9');
    expect(shape({ layer: 7, h: 1, w: 1, c: 1 }).feedback).toBe(
      'The network has 4 layers, so layer 8 does not exist.',
    );
    expect(shape({ layer: -1, h: 1, w: 1, c: 10 }).feedback).toContain(
      'outputs a vector of 10 values',
    );
  });
});

describe('parameter counts', () => {
  it('counts the deck layer as (5·5·3 + 1)·10 = 760', () => {
    expect(outcome({ id: 'param-count-equals', params: { count: 760, layer: 'conv1' } }).pass).toBe(
      true,
    );
    const off = outcome({ id: 'param-count-equals', params: { count: 750, layer: 'conv1' } });
    expect(off.feedback).toBe(
      'conv1 (layer 1) has 760 parameters, 10 more than the 750 asked for.',
    );
  });

  it('compares the whole network with a limit: 760 + 2560·10 + 10 = 26,370', () => {
    expect(outcome({ id: 'param-count-at-most', params: { max: 26_370 } }).pass).toBe(true);
    const over = outcome({ id: 'param-count-at-most', params: { max: 20_000 } });
    expect(over.pass).toBe(false);
    expect(over.feedback).toContain('The network has 26,370 parameters, 6,370 more than 20,000');
  });
});

describe('receptive fields', () => {
  it('gives conv then pool a field of P + K − 1 = 2 + 5 − 1 = 6', () => {
    expect(
      outcome({ id: 'receptive-field-at-least', params: { layer: 'pool1', size: 6 } }).pass,
    ).toBe(true);
    const short = outcome({ id: 'receptive-field-at-least', params: { layer: 'pool1', size: 9 } });
    expect(short.feedback).toContain('is 6×6 pixels, 3 short of 9');
  });

  it("checks the selected unit's theoretical field against an input pixel", () => {
    // pool1's field: size 6, jump 2, start −2, so unit (r, c) sees rows 2r − 2 … 2r + 3.
    const at = (row: number, col: number, layer = 1) =>
      outcome(
        { id: 'unit-field-covers', params: { layer: 'pool1', row: 0, col: 0 } },
        ctxWith({ network: DECK_NETWORK, selectedLayer: layer, selectedUnit: { row, col } }),
      );
    expect(at(0, 0).pass).toBe(true);
    expect(at(1, 1).pass).toBe(true); // rows 0 … 5
    const far = at(3, 0); // rows 4 … 9
    expect(far.pass).toBe(false);
    expect(far.feedback).toBe(
      'Unit (3, 0) of pool1 (layer 2) sees rows 4 to 9 and columns -2 to 3 of the input, not pixel (0, 0); try a unit 2 units up.',
    );
    expect(at(0, 0, 0).feedback).toContain('Select a unit of pool1 (layer 2) first');
    expect(at(20, 0).feedback).toContain('outside pool1 (layer 2)');
  });
});

describe('training checkers', () => {
  const accuracy = (engine: object, params: Record<string, number | string>, changes = {}) =>
    outcome(
      { id: 'validation-accuracy-at-least', params },
      ctxWith({ network: DECK_NETWORK, ...changes }, engine),
    );

  it('asks for training first, then says how many points are missing', () => {
    expect(accuracy({}, { accuracy: 0.97 }).feedback).toContain('train the network');
    const short = accuracy({ validationAccuracy: 0.952 }, { accuracy: 0.97 });
    expect(short.feedback).toContain('95.2%, 1.8 points short of 97.0%');
    expect(accuracy({ validationAccuracy: 0.975 }, { accuracy: 0.97 }).pass).toBe(true);
  });

  it('refuses a network over the parameter limit however accurate, and the wrong dataset', () => {
    const big = accuracy({ validationAccuracy: 0.99 }, { accuracy: 0.97, maxParams: 20_000 });
    expect(big.pass).toBe(false);
    expect(big.feedback).toContain('26,370 parameters, 6,370 over the limit of 20,000');
    const elsewhere = accuracy({ validationAccuracy: 0.99 }, { accuracy: 0.9, dataset: 'cifar10' });
    expect(elsewhere.feedback).toContain('switch the dataset to cifar10');
  });

  it('checks the playground on its toy dataset', () => {
    const ref = { id: 'toy-accuracy-at-least', params: { accuracy: 0.95, dataset: 'xor' } };
    const noHidden = ctxWith(
      { toy: { ...ctxWith().settings.toy, hidden: [] } },
      { toyAccuracy: 0.5 },
    );
    const linear = outcome(ref, noHidden);
    expect(linear.feedback).toContain('50.0%');
    expect(linear.feedback).toContain('straight boundary');
    expect(outcome(ref, ctxWith({}, { toyAccuracy: 1 })).pass).toBe(true);
  });

  it('sees divergence as NaN, Infinity or a loss above the bound', () => {
    const ref = (lossAbove?: number): CheckerRef => ({
      id: 'training-diverged',
      params: lossAbove === undefined ? {} : { lossAbove },
    });
    const at = (loss: number, lossAbove?: number) =>
      outcome(ref(lossAbove), ctxWith({ learningRate: 5 }, { trainingLoss: loss, step: 200 }));
    expect(at(Number.NaN).pass).toBe(true);
    expect(at(Number.POSITIVE_INFINITY).pass).toBe(true);
    expect(at(50, 10).pass).toBe(true);
    const calm = at(0.31, 10);
    expect(calm.pass).toBe(false);
    expect(calm.feedback).toContain('The loss is 0.31 after 200 steps at learning rate 5');
  });

  it('wants a relative error above the bound, with ε at least the minimum', () => {
    const ref = {
      id: 'gradient-check-disagrees',
      params: { relativeError: 0.01, minEpsilon: 0.1 },
    };
    const check = (error: number, eps: number) =>
      outcome(ref, ctxWith({}, { gradientCheckRelativeError: error, gradientCheckEpsilon: eps }));
    expect(check(0.2, 0.5).pass).toBe(true);
    expect(check(3e-7, 1e-4).feedback).toContain('ε = 1.0e-4; it must be at least 0.1');
    expect(check(0.004, 0.5).feedback).toContain(
      'relative error is 0.004 with ε = 0.5, not above 0.01',
    );
  });
});

describe('setting-equals', () => {
  it('compares a setting by its link name, as the link encodes it', () => {
    const ref = { id: 'setting-equals', params: { setting: 'opt', value: 'sgd' } };
    expect(outcome(ref, ctxWith({ optimizer: 'sgd' })).pass).toBe(true);
    expect(outcome(ref, ctxWith()).feedback).toBe('The optimiser is "adam", not "sgd".');
    const rate = { id: 'setting-equals', params: { setting: 'learningRate', value: '0.10' } };
    expect(outcome(rate, ctxWith({ learningRate: 0.1 })).pass).toBe(true);
  });
});

describe('checker references of unknown origin', () => {
  const problems = (ref: unknown) => {
    const result = runCheck(ref, ctxWith());
    return result.ok ? [] : result.problems;
  };

  it('turns an unknown id, missing, unknown or absurd parameters into problems, never a throw', () => {
    expect(problems({ id: 'rm -rf', params: {} })[0]).toContain('There is no checker "rm -rf"');
    expect(problems(null)[0]).toContain('There is no checker');
    expect(problems({ id: 'layer-output-shape', params: { layer: 0, h: 3 } })).toEqual([
      'layer-output-shape: w (output width) is missing.',
      'layer-output-shape: c (output channels) is missing.',
    ]);
    expect(problems({ id: 'param-count-at-most', params: { max: -5, evil: 1 } })).toEqual([
      'param-count-at-most: unknown parameter "evil" (it takes max, layer).',
      'param-count-at-most: max (the most parameters allowed) must be at least 0, not -5.',
    ]);
    expect(problems({ id: 'validation-accuracy-at-least', params: { accuracy: 97 } })[0]).toContain(
      'must be at most 1, not 97',
    );
    expect(
      problems({ id: 'layer-output-shape', params: { layer: '<script>', h: 1, w: 1, c: 1 } })[0],
    ).toContain("must be a layer's index or name");
    expect(
      problems({ id: 'setting-equals', params: { setting: 'opt', value: 'rmsprop' } })[0],
    ).toContain('unknown optimiser "rmsprop"');
  });

  it('reads number parameters written as text, as a link carries them', () => {
    expect(
      problems({ id: 'layer-output-shape', params: { layer: '0', h: '32', w: '32', c: '10' } }),
    ).toEqual([]);
  });

  it('describes every checker in words', () => {
    expect(
      describeCheck({ id: 'layer-output-shape', params: { layer: 0, h: 14, w: 14, c: 8 } }),
    ).toBe('Change the network so layer 1 outputs 14×14×8.');
    expect(
      describeCheck({
        id: 'validation-accuracy-at-least',
        params: { accuracy: 0.97, maxParams: 20000, dataset: 'mnist' },
      }),
    ).toBe('Reach 97.0% validation accuracy on mnist with at most 20,000 parameters.');
    expect([...CHECKERS.keys()]).toEqual([
      'layer-output-shape',
      'param-count-at-most',
      'param-count-equals',
      'receptive-field-at-least',
      'unit-field-covers',
      'validation-accuracy-at-least',
      'toy-accuracy-at-least',
      'training-diverged',
      'gradient-check-disagrees',
      'setting-equals',
    ]);
  });
});

describe('every checker', () => {
  /** The smallest parameters each spec accepts: the edge an instructor's link can reach. */
  const edgeParams = (id: string): Record<string, number | string> =>
    // setting-equals checks its value against the setting's codec, so it gets a real pair.
    id === 'setting-equals'
      ? { setting: 'seed', value: '0' }
      : Object.fromEntries(
          (CHECKERS.get(id)?.params ?? []).map((s) => [
            s.name,
            s.kind === 'string' ? (s.choices?.[0] ?? 'x') : s.kind === 'layer' ? -1 : (s.min ?? 0),
          ]),
        );
  const engines = [
    {},
    {
      validationAccuracy: Number.NaN,
      trainingLoss: Number.NaN,
      toyAccuracy: Number.NaN,
      gradientCheckRelativeError: Number.NaN,
    },
  ];

  it('gives an outcome with feedback for edge parameters on any lab, broken network included', () => {
    const broken = { input: [28, 28, 1], layers: [{ type: 'conv2d', filters: 1, kernel: 99 }] };
    for (const id of CHECKERS.keys()) {
      for (const engine of engines) {
        for (const changes of [{}, { network: DECK_NETWORK }, { network: broken }]) {
          const result = runCheck({ id, params: edgeParams(id) }, ctxWith(changes, engine));
          expect(result.ok, id).toBe(true);
          if (result.ok) expect(result.outcome.feedback.length, id).toBeGreaterThan(10);
        }
      }
    }
  });
});
