import { describe, expect, it } from 'vitest';
import type { LoadedDataset } from '../../../src/data/loader';
import { createEngine } from '../../../src/worker/engine';
import { syntheticDigits } from '../engine/fixtures';
import { mlpSetup } from './fixtures';

/** A dataset made in the page, as the own images are: `count` training images. */
function given(count: number, name: string): LoadedDataset {
  return {
    info: {
      id: 'own',
      title: 'Your own images',
      classNames: [...'0123456789'],
    } as unknown as LoadedDataset['info'],
    train: syntheticDigits(count, name),
    test: syntheticDigits(20, `${name} test`),
    fromCache: false,
  };
}

const setup = mlpSetup({ dataset: 'own', validationSplit: 0.25, learningRate: 0.003 });

describe('a dataset handed to the worker', () => {
  it('is trained on instead of one loaded by id, and new images under the same setup rebuild the run', async () => {
    const loads: string[] = [];
    const engine = createEngine({
      loadDataset: (id) => {
        loads.push(id);
        return Promise.reject(new Error(`There is no dataset "${id}".`));
      },
      now: () => performance.now(),
    });
    await engine.start({ preferred: 'cpu', dataBaseUrl: 'http://localhost/data/' });
    await engine.provideDataset('own', given(120, 'first'));
    expect(await engine.setup(setup)).toEqual({
      rebuilt: true,
      trainCount: 90,
      validationCount: 30,
    });
    await engine.step();
    // The same setup again is no change...
    expect((await engine.setup(setup)).rebuilt).toBe(false);
    // ...but new images are: the run starts afresh on them.
    await engine.provideDataset('own', given(200, 'second'));
    expect(await engine.setup(setup)).toEqual({
      rebuilt: true,
      trainCount: 150,
      validationCount: 50,
    });
    expect(loads).toEqual([]);
  });
});
