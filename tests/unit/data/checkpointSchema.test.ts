import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  CheckpointFormatError,
  encodeWeight,
  parseCheckpoint,
  type Checkpoint,
} from '../../../src/data/checkpoint';

/** A small, sound checkpoint the lab could have written: a 4-input, 2-unit dense network. */
function soundCheckpoint(kernel: readonly number[] = [0.1, -0.2, 0.3, -0.4, 0.5, -0.6, 0.7, -0.8]) {
  return {
    format: 'cnn-lab-checkpoint',
    version: 1,
    createdAt: '2026-12-02T18:00:00.000Z',
    network: { name: 'tiny', input: [4], layers: [{ type: 'dense', units: 2 }] },
    dataset: 'mnist',
    settings: {
      seed: 1,
      init: 'he',
      normalisation: 'scale',
      validationSplit: 0.1,
      optimizer: 'adam',
      learningRate: 0.001,
      l1: 0,
      l2: 0,
      batchSize: 32,
      augmentation: { flip: false, shift: 1, rotation: 0, scale: 0, brightness: 0, noise: 0 },
      epochs: 5,
      patience: 0,
      delayMs: 0,
    },
    step: 40,
    epoch: 1,
    testAccuracy: 0.5,
    history: {
      train: [{ step: 20, epoch: 0, loss: 2.1, accuracy: 0.2 }],
      validation: [{ step: 40, epoch: 1, loss: 1.9, accuracy: 0.3 }],
    },
    weights: [
      encodeWeight({
        layerIndex: 0,
        name: 'dense_1',
        role: 'kernel',
        shape: [4, 2],
        data: Float32Array.from(kernel),
      }),
      encodeWeight({
        layerIndex: 0,
        name: 'dense_1',
        role: 'bias',
        shape: [2],
        data: Float32Array.from([0, 0]),
      }),
    ],
  };
}

type Doc = ReturnType<typeof soundCheckpoint>;

/** The message a refused checkpoint throws; fails the test when it loads. */
function refusal(doc: unknown): string {
  try {
    parseCheckpoint(doc);
  } catch (error) {
    expect(error).toBeInstanceOf(CheckpointFormatError);
    return (error as Error).message;
  }
  throw new Error('the checkpoint was accepted');
}

const withHistory = (train: unknown): unknown => ({
  ...soundCheckpoint(),
  history: { train, validation: [] },
});

describe('the checkpoint schema', () => {
  it('a sound checkpoint loads as it is', () => {
    const doc = soundCheckpoint();
    const loaded: Checkpoint = parseCheckpoint(JSON.parse(JSON.stringify(doc)));
    expect(loaded).toEqual(doc);
  });

  it('NaN, Infinity and 1e30 weights are refused with the weight named', () => {
    for (const bad of [NaN, Infinity, -Infinity, 1e30]) {
      const message = refusal(soundCheckpoint([0.1, 0.2, bad, 0, 0, 0, 0, 0]));
      expect(message).toContain('the kernel of dense_1 (layer 1)');
      expect(message).toContain(
        `holds ${bad === 1e30 ? '1.0000000150474662e+30' : String(bad)} at position 2`,
      );
    }
  });

  it('a history point that is null, 7, {step: "a"} or has a negative step is refused where it is', () => {
    expect(refusal(withHistory([null]))).toMatch(/^history\.train\[0\] must be an object/);
    expect(refusal(withHistory([7]))).toMatch(/^history\.train\[0\] must be an object/);
    expect(refusal(withHistory([{ step: 'a', epoch: 0, loss: 1, accuracy: 0.5 }]))).toBe(
      'history.train[0].step must be a whole number from 0 up, not "a"',
    );
    expect(refusal(withHistory([{ step: -1, epoch: 0, loss: 1, accuracy: 0.5 }]))).toBe(
      'history.train[0].step must be a whole number from 0 up, not -1',
    );
    expect(refusal(withHistory([{ step: 1, epoch: 0, loss: NaN, accuracy: 0.5 }]))).toBe(
      'history.train[0].loss must be a finite number, not NaN',
    );
    expect(refusal(withHistory('lots'))).toMatch(/^history\.train must be a list/);
  });

  it('settings of unknown keys or wrong types, an unknown dataset, a bad step are refused', () => {
    const doc = soundCheckpoint();
    expect(refusal({ ...doc, settings: { ...doc.settings, colour: 'red' } })).toMatch(
      /^settings\.colour is a field a checkpoint does not have/,
    );
    expect(refusal({ ...doc, settings: { ...doc.settings, batchSize: '32' } })).toBe(
      'settings.batchSize must be a whole number from 1 up, not "32"',
    );
    expect(refusal({ ...doc, settings: { ...doc.settings, normalisation: 'loud' } })).toMatch(
      /^settings\.normalisation must be one of none, scale, /,
    );
    expect(refusal({ ...doc, dataset: 'imagenet' })).toMatch(/^dataset must be one of mnist, /);
    expect(refusal({ ...doc, step: -5 })).toBe('step must be a whole number from 0 up, not -5');
    expect(refusal({ ...doc, epoch: 1.5 })).toBe('epoch must be a whole number from 0 up, not 1.5');
    expect(refusal({ ...doc, testAccuracy: 3 })).toBe(
      'testAccuracy must be a number from 0 to 1, not 3',
    );
    expect(refusal({ ...doc, extra: 1 })).toBe('extra is a field a checkpoint does not have');
  });

  it('its network is judged by the network schema', () => {
    const doc = soundCheckpoint();
    expect(refusal({ ...doc, network: { hello: 'world' } })).toMatch(
      /^network is not a network document: /,
    );
    expect(
      refusal({ ...doc, network: { input: [4], layers: [{ type: 'dense', units: 'x' }] } }),
    ).toMatch(
      /^network is not a network document: layer 1 \(dense\): units must be a whole number/,
    );
  });

  it('what is not a checkpoint, a newer one and a deeply nested one are refused', () => {
    expect(refusal({ hello: 1 })).toMatch(/not a CNN Lab checkpoint/);
    expect(refusal(null)).toMatch(/not a CNN Lab checkpoint/);
    expect(refusal({ ...soundCheckpoint(), version: 2 })).toMatch(/version 2, newer than/);
    let nested: unknown = 0;
    for (let i = 0; i < 30_000; i++) nested = [nested];
    expect(refusal({ ...soundCheckpoint(), settings: nested })).toMatch(/nests lists and objects/);
  });

  it('a weight whose values do not fill its shape is refused by name', () => {
    const doc = soundCheckpoint();
    const [kernel, bias] = doc.weights as [Doc['weights'][0], Doc['weights'][0]];
    expect(refusal({ ...doc, weights: [{ ...kernel, shape: [4, 3] }, bias] })).toMatch(
      /^the kernel of dense_1 \(layer 1\) cannot be read: /,
    );
    expect(refusal({ ...doc, weights: [{ ...kernel, role: 'magic' }, bias] })).toMatch(
      /^weights\[0\]\.role must be one of kernel, bias/,
    );
  });
});

describe('checkpoint properties', () => {
  const fields = Object.keys(soundCheckpoint());

  it('any field replaced by anything: loaded or refused with a CheckpointFormatError, never another throw', () => {
    fc.assert(
      fc.property(fc.constantFrom(...fields), fc.anything(), (field, value) => {
        const doc = { ...soundCheckpoint(), [field]: value };
        try {
          parseCheckpoint(doc);
        } catch (error) {
          expect(error).toBeInstanceOf(CheckpointFormatError);
          expect((error as Error).message.length).toBeGreaterThan(0);
        }
      }),
      { numRuns: 400 },
    );
  });

  it('random junk is refused as a typed error', () => {
    fc.assert(
      fc.property(fc.anything(), (junk) => {
        expect(() => parseCheckpoint(junk)).toThrow(CheckpointFormatError);
      }),
    );
  });

  it('any finite weights within the limit round-trip', () => {
    const value = fc.float({ min: -1000, max: 1000, noNaN: true });
    fc.assert(
      fc.property(fc.array(value, { minLength: 8, maxLength: 8 }), (kernel) => {
        const doc = soundCheckpoint(kernel);
        expect(parseCheckpoint(JSON.parse(JSON.stringify(doc)))).toEqual(doc);
      }),
      { numRuns: 100 },
    );
  });
});
