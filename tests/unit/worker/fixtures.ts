import { catalogueEntryOf } from '../../../src/core/catalogue';
import { NO_AUGMENTATION } from '../../../src/data/augment';
import type { LoadedDataset } from '../../../src/data/loader';
import type { EngineApi, EngineEvent, RunSetup } from '../../../src/worker/api';
import { createEngine, type EngineDeps } from '../../../src/worker/engine';
import { syntheticDigits } from '../engine/fixtures';

/** Synthetic digits as the engine's dataset loader returns them (`label` seeds the images). */
export function digitsDataset(
  train: number,
  test: number,
  label: string,
  id = 'mnist',
): LoadedDataset {
  return {
    info: { id, title: id, classNames: [...'0123456789'] } as unknown as LoadedDataset['info'],
    train: syntheticDigits(train, `${label} train`),
    test: syntheticDigits(test, `${label} test`),
    fromCache: false,
  };
}

/** A run of the catalogue's MLP on MNIST; each test overrides what it varies. */
export function mlpSetup(overrides: Partial<RunSetup> = {}): RunSetup {
  return {
    network: catalogueEntryOf('mlp')?.network ?? { input: [1], layers: [] },
    seed: 1,
    init: 'he',
    dataset: 'mnist',
    normalisation: 'scale',
    validationSplit: 0.1,
    optimizer: 'adam',
    learningRate: 0.001,
    l1: 0,
    l2: 0,
    batchSize: 32,
    augmentation: NO_AUGMENTATION,
    epochs: 1,
    patience: 0,
    delayMs: 0,
    ...overrides,
  };
}

/**
 * An engine on the CPU backend, started, and set up with `setup` when one is given.
 * `loadDataset` answers every dataset id; `onEvent` hears what the engine tells the page.
 */
export async function cpuEngine(
  loadDataset: EngineDeps['loadDataset'],
  setup?: RunSetup,
  more: Partial<EngineDeps> & { onEvent?: (event: EngineEvent) => void } = {},
): Promise<EngineApi> {
  const { onEvent, ...deps } = more;
  const engine = createEngine({ loadDataset, now: () => performance.now(), ...deps });
  engine.listen(onEvent ?? (() => undefined));
  await engine.start({ preferred: 'cpu', dataBaseUrl: 'http://localhost/data/' });
  if (setup) await engine.setup(setup);
  return engine;
}

/** Polls an experiment's status until it is no longer running; `seen` collects every status. */
export async function settledStatus<S extends { readonly state: string }>(
  poll: () => Promise<S>,
  seen: S[] = [],
  everyMs = 5,
): Promise<S> {
  for (;;) {
    const status = await poll();
    seen.push(status);
    if (status.state !== 'running') return status;
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
}
