import { describe, expect, it } from 'vitest';
import { catalogueEntryOf } from '../../../src/core/catalogue';
import type { LoadedDataset } from '../../../src/data/loader';
import { NO_AUGMENTATION } from '../../../src/data/augment';
import type { EngineEvent, RunSetup } from '../../../src/worker/api';
import { createEngine } from '../../../src/worker/engine';
import { createSession } from '../../../src/engine/session';
import { NetworkMismatchError } from '../../../src/core/fit';
import { syntheticDigits } from '../engine/fixtures';

/** A tiny dataset shaped like the lab's loaded ones. */
function fakeDataset(): LoadedDataset {
  return {
    info: {
      id: 'mnist',
      title: 'MNIST',
      classNames: [...'0123456789'],
    } as unknown as LoadedDataset['info'],
    train: syntheticDigits(320, 'worker train'),
    test: syntheticDigits(100, 'worker test'),
    fromCache: false,
  };
}

const setupFor = (changes: Partial<RunSetup> = {}): RunSetup => ({
  network: catalogueEntryOf('mlp')?.network ?? { input: [1], layers: [] },
  seed: 1,
  init: 'he',
  dataset: 'mnist',
  normalisation: 'scale',
  validationSplit: 0.25,
  optimizer: 'adam',
  learningRate: 0.003,
  l1: 0,
  l2: 0,
  batchSize: 32,
  augmentation: NO_AUGMENTATION,
  epochs: 2,
  patience: 0,
  delayMs: 0,
  ...changes,
});

async function startedEngine() {
  const events: EngineEvent[] = [];
  let loads = 0;
  const engine = createEngine({
    loadDataset: async () => {
      loads++;
      return fakeDataset();
    },
    now: () => performance.now(),
  });
  engine.listen((e) => events.push(e));
  const started = await engine.start({ preferred: 'cpu', dataBaseUrl: 'http://localhost/data/' });
  return { engine, events, started, loads: () => loads };
}

describe('the worker engine', () => {
  it('starts on the backend asked for and says so', async () => {
    const { started, events } = await startedEngine();
    expect(started.backend).toBe('cpu');
    expect(events.some((e) => e.kind === 'backend' && e.name === 'cpu')).toBe(true);
  });

  it('holds back a validation share, steps one batch at a time, and plays to the end of its epochs', async () => {
    const { engine, events } = await startedEngine();
    const { rebuilt, trainCount, validationCount } = await engine.setup(setupFor());
    expect(rebuilt).toBe(true);
    expect(validationCount).toBe(80);
    expect(trainCount).toBe(240);
    await engine.step();
    expect(events.filter((e) => e.kind === 'step')).toHaveLength(1);
    expect(events.at(-1)).toMatchObject({ kind: 'stopped', reason: 'paused' });
    await engine.play();
    const steps = events.filter((e) => e.kind === 'step');
    // 240 images in batches of 32 is 8 steps an epoch; 2 epochs in all.
    expect(steps).toHaveLength(16);
    expect(events.filter((e) => e.kind === 'validation')).toHaveLength(2);
    expect(events.at(-1)).toMatchObject({ kind: 'stopped', reason: 'finished' });
  });

  it('with patience 0 never stops early (0 means off)', async () => {
    const { engine, events } = await startedEngine();
    await engine.setup(setupFor({ epochs: 3, patience: 0, learningRate: 10 }));
    await engine.play();
    expect(events.at(-1)).toMatchObject({ kind: 'stopped', reason: 'finished' });
  });

  it('changes hyper-parameters in place but rebuilds for a new seed, and loads data once', async () => {
    const { engine, loads } = await startedEngine();
    await engine.setup(setupFor());
    expect((await engine.setup(setupFor({ learningRate: 0.01, batchSize: 16 }))).rebuilt).toBe(
      false,
    );
    expect((await engine.setup(setupFor({ seed: 2 }))).rebuilt).toBe(true);
    expect(loads()).toBe(1);
  });

  it('predicts, evaluates with a confusion matrix, and restores a snapshot exactly', async () => {
    const { engine } = await startedEngine();
    await engine.setup(setupFor());
    await engine.epoch();
    const probabilities = await engine.predict({ source: 'test', index: 3 });
    expect(probabilities).toHaveLength(10);
    expect(probabilities.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 5);
    const evaluation = await engine.evaluateTest();
    expect(evaluation.confusion.flat().reduce((a, b) => a + b, 0)).toBe(100);
    const snapshot = await engine.snapshot();
    await engine.reset();
    expect(await engine.predict({ source: 'test', index: 3 })).not.toEqual(probabilities);
    await engine.restore(snapshot.weights, snapshot.state);
    expect(await engine.predict({ source: 'test', index: 3 })).toEqual(probabilities);
  });

  it('carries Adam’s state and the place in the epoch across a snapshot and restore', async () => {
    const { engine } = await startedEngine();
    await engine.setup(setupFor());
    for (let i = 0; i < 2; i++) await engine.step();
    const stopped = await engine.snapshot();
    expect(stopped.state).toEqual({ step: 2, epoch: 0, offset: 64 });
    expect(stopped.optimizer).toMatchObject({ name: 'adam', iterations: 2 });
    for (let i = 0; i < 2; i++) await engine.step();
    const straight = await engine.snapshot();
    await engine.reset();
    await engine.restore(stopped.weights, stopped.state, stopped.optimizer);
    for (let i = 0; i < 2; i++) await engine.step();
    expect((await engine.snapshot()).weights).toEqual(straight.weights);
    // Without the state, Adam's first step after the restore is a fresh one: another path.
    await engine.restore(stopped.weights, stopped.state);
    for (let i = 0; i < 2; i++) await engine.step();
    expect((await engine.snapshot()).weights).not.toEqual(straight.weights);
  });

  it('refuses weights that do not fit, naming the layer', async () => {
    const { engine } = await startedEngine();
    await engine.setup(setupFor());
    const { weights, state } = await engine.snapshot();
    const wrong = weights.map((w, i) =>
      i === 0 ? { ...w, shape: [2, 2], data: new Float32Array(4) } : w,
    );
    await expect(engine.restore(wrong, state)).rejects.toThrow(/dense_1/);
  });
});

/** From here on a relative error of 1e-3 is above the float32 rounding of the two losses. */
const LARGE_GRADIENT = 1e-2;
/**
 * The central difference divides two float32 losses near 2.3 (a few ulps of 2.4e-7 each)
 * by 2ε = 0.02, so below LARGE_GRADIENT it can only be trusted to about 1e-5; 1e-4 leaves
 * room while still catching a wrong gradient of any size that matters.
 */
const FLOAT32_DIFFERENCE_NOISE = 1e-4;

describe('the gradient check and gradient flow', () => {
  it('finite differences agree with backprop on the CPU backend, weight by weight', async () => {
    const { engine } = await startedEngine();
    await engine.setup(
      setupFor({ network: catalogueEntryOf('lenet5')?.network ?? { input: [1], layers: [] } }),
    );
    await engine.step();
    const weights = await engine.snapshot();
    const kernel = weights.weights.find((w) => w.name === 'dense_1' && w.role === 'kernel');
    if (!kernel) throw new Error('LeNet-5 has no dense_1 kernel');
    // Weights spread over the whole 400×120 kernel; many get exactly zero gradient (a ReLU
    // that is off, or a zero input), which only an absolute comparison can judge.
    const indices = Array.from(
      { length: Math.ceil(kernel.data.length / 1999) },
      (_, i) => i * 1999,
    );
    let large = 0;
    for (const index of indices) {
      const check = await engine.gradientCheck(
        { source: 'test', index: 5 },
        { layerIndex: 5, role: 'kernel', index },
        1e-2,
      );
      expect(check.weight, `weight ${index}`).toBe(kernel.data[index]);
      const error = Math.abs(check.numerical - check.backprop);
      if (Math.abs(check.backprop) >= LARGE_GRADIENT) {
        large++;
        expect(check.relativeError, `weight ${index}: relative error`).toBeLessThan(1e-3);
      } else {
        expect(error, `weight ${index}: absolute error`).toBeLessThan(FLOAT32_DIFFERENCE_NOISE);
      }
    }
    // Otherwise only the loose absolute bound would have been tested.
    expect(large).toBeGreaterThanOrEqual(indices.length / 5);
    // The weight is put back exactly.
    const after = await engine.snapshot();
    expect(after.weights.find((w) => w.name === 'dense_1' && w.role === 'kernel')?.data).toEqual(
      kernel.data,
    );
  });

  it('every step reports each layer’s kernel-gradient norm', async () => {
    const { engine, events } = await startedEngine();
    await engine.setup(setupFor());
    await engine.step();
    const step = events.find((e) => e.kind === 'step');
    if (step?.kind !== 'step') throw new Error('no step event');
    // MLP: flatten (no kernel), then three dense layers.
    expect(step.gradNorms[0]).toBe(0);
    expect([...step.gradNorms.slice(1)].every((n) => n > 0)).toBe(true);
  });
});

describe('when the backend fails mid-run', () => {
  it('moves to the next backend, says so, and carries on with the same settings', async () => {
    const events: EngineEvent[] = [];
    let sessions = 0;
    const engine = createEngine({
      loadDataset: async () => fakeDataset(),
      now: () => performance.now(),
      // The first session's second step fails as a lost GPU device would.
      createSession: (options) => {
        const session = createSession(options);
        if (sessions++ > 0) return session;
        let steps = 0;
        const trainStep = session.trainStep.bind(session);
        return Object.assign(Object.create(session) as typeof session, {
          trainStep: () => (++steps === 2 ? Promise.reject(new Error('device lost')) : trainStep()),
        });
      },
    });
    engine.listen((e) => events.push(e));
    await engine.start({ preferred: 'wasm', dataBaseUrl: 'http://localhost/data/' });
    await engine.setup(setupFor({ epochs: 1 }));
    await engine.step();
    await engine.step();
    const fallback = events.find((e) => e.kind === 'backend' && e.fellBack);
    expect(fallback).toMatchObject({ kind: 'backend', name: 'cpu', fellBack: true });
    if (fallback?.kind === 'backend') expect(fallback.note).toContain('device lost');
    expect(events.filter((e) => e.kind === 'step')).toHaveLength(2);
    await engine.play();
    expect(events.at(-1)).toMatchObject({ kind: 'stopped', reason: 'finished' });
    expect(sessions).toBe(2);
  });
});

describe('a network that does not fit the dataset', () => {
  it('is refused at setup with a typed error naming both shapes', async () => {
    const { engine } = await startedEngine();
    const colour = {
      name: 'Colour net',
      input: [32, 32, 3],
      layers: [{ type: 'flatten' }, { type: 'dense', units: 10 }],
    };
    const refused = engine.setup(setupFor({ network: colour }));
    await expect(refused).rejects.toMatchObject({ name: 'NetworkMismatchError' });
    await expect(refused).rejects.toThrow(
      "Colour net expects 32x32x3 images; MNIST's are 28x28x1: pick a 28x28x1 network or change the input.",
    );
  });

  it('failing at a step stops the run without moving it to another backend', async () => {
    const events: EngineEvent[] = [];
    const engine = createEngine({
      loadDataset: async () => fakeDataset(),
      now: () => performance.now(),
      // A step that fails as a misfit network does, whatever the backend.
      createSession: (options) => {
        const session = createSession(options);
        return Object.assign(Object.create(session) as typeof session, {
          trainStep: () =>
            Promise.reject(
              new NetworkMismatchError('32 images of 28×28×1 are 25088 values, not 98304.'),
            ),
        });
      },
    });
    engine.listen((e) => events.push(e));
    await engine.start({ preferred: 'cpu', dataBaseUrl: 'http://localhost/data/' });
    await engine.setup(setupFor());
    await engine.step();
    expect(events.some((e) => e.kind === 'backend' && e.fellBack)).toBe(false);
    expect(events.at(-1)).toMatchObject({ kind: 'stopped', reason: 'error' });
  });
});
