import { beforeAll, describe, expect, it } from 'vitest';
import { keptOptimizerOf } from '../../../src/app/engine/checkpoints';
import { checkpointOf } from '../../../src/app/engine/persistence';
import { NO_AUGMENTATION } from '../../../src/data/augment';
import { decodeWeight, parseCheckpoint, type Checkpoint } from '../../../src/data/checkpoint';
import { computeStats } from '../../../src/data/stats';
import { chooseBackend } from '../../../src/engine/backend';
import { createSession, type SessionOptions } from '../../../src/engine/session';
import { tf } from '../../../src/engine/tf';
import { useLabStore } from '../../../src/state/store';
import { syntheticDigits } from '../engine/fixtures';

/**
 * A run kept as a checkpoint (the store's checkpointOf, written as JSON, read back by
 * parseCheckpoint and unpacked as apply() does) resumes on the path of the run never stopped.
 */
beforeAll(async () => {
  tf.env().set('IS_TEST', true);
  await chooseBackend({ preferred: 'cpu' });
});

const train = syntheticDigits(30, 'checkpoint resume', 8, 3);
const options: SessionOptions = {
  network: {
    input: [8, 8, 1],
    layers: [
      { type: 'flatten' },
      { type: 'dense', units: 5, activation: 'tanh' },
      { type: 'dense', units: 3, activation: 'softmax' },
    ],
  },
  seed: 'checkpoint resume',
  init: 'glorot',
  train,
  normalisation: 'scale',
  stats: computeStats(train),
  config: {
    batchSize: 4,
    optimizer: { name: 'adam', learningRate: 0.02 },
    augmentation: NO_AUGMENTATION,
  },
};

async function weightsAfter(session: ReturnType<typeof createSession>, steps: number) {
  for (let i = 0; i < steps; i++) await session.trainStep();
  const { weights } = await session.snapshot();
  session.dispose();
  return weights.map((w) => Array.from(w.data));
}

/** A checkpoint file of a run stopped at step 7, through JSON text and back. */
async function fileAtStep7(): Promise<Checkpoint> {
  const session = createSession(options);
  for (let i = 0; i < 7; i++) await session.trainStep();
  const snap = await session.snapshot();
  session.dispose();
  const state = { step: snap.step, epoch: snap.position.epoch, offset: snap.position.offset };
  const written = checkpointOf(useLabStore.getState(), snap.weights, state, {
    optimizer: snap.optimizer,
  });
  return parseCheckpoint(JSON.parse(JSON.stringify(written)));
}

function restoredFrom(checkpoint: Checkpoint, current: string) {
  const session = createSession(options);
  const { optimizer, note } = keptOptimizerOf(checkpoint, current);
  session.restore({
    step: checkpoint.step,
    position: { epoch: checkpoint.epoch, offset: checkpoint.offset ?? 0 },
    weights: checkpoint.weights.map(decodeWeight),
    ...(optimizer ? { optimizer } : {}),
  });
  return { session, note };
}

describe('checkpointOf → JSON → parseCheckpoint → restore', () => {
  it('an Adam run resumes exactly; an older file (no state, no offset) does not', async () => {
    expect(useLabStore.getState().optimizer).toBe('adam');
    const whole = await weightsAfter(createSession(options), 12);
    const file = await fileAtStep7();
    expect(file.offset).toBe(28);
    expect(file.optimizer?.iterations).toBe(7);

    const { session, note } = restoredFrom(file, 'adam');
    expect(note).toBe('');
    expect(await weightsAfter(session, 5)).toEqual(whole);

    // JSON leaves undefined fields out: the file as the lab wrote it before they existed.
    const older = { ...file, optimizer: undefined, offset: undefined };
    const old = restoredFrom(parseCheckpoint(JSON.parse(JSON.stringify(older))), 'adam');
    expect(old.note).toBe('');
    expect(await weightsAfter(old.session, 5)).not.toEqual(whole);
  });

  it('a state of another optimiser than the run’s is set aside, and the load message says so', async () => {
    const file = await fileAtStep7();
    const { optimizer, note } = keptOptimizerOf(file, 'sgd');
    expect(optimizer).toBeUndefined();
    expect(note).toMatch(
      /Its adam optimiser state does not apply to sgd, so the optimiser starts afresh\./,
    );
  });
});
