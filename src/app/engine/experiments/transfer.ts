import { messageOf } from '../../../core/errors';
import { decodeWeight, parseCheckpoint } from '../../../data/checkpoint';
import type { TransferPort } from '../../../state/experimentPorts/transfer';
import type { PretrainedWeights } from '../../../worker/experiments/transfer';
import type { ClientParts } from '../parts';

/** The lab's trained LeNet-5 on MNIST (public/models/index.json): the network that transfers. */
export const TRANSFER_PRETRAINED_ID = 'lenet5-mnist';

/** Reads the pretrained checkpoint from the page's own origin, once; throws a message in words. */
async function readPretrained(): Promise<PretrainedWeights> {
  const where = (path: string) => new URL(path, document.baseURI);
  try {
    const index = await fetch(where('models/index.json'));
    if (!index.ok) throw new Error(`models/index.json: status ${index.status}`);
    const models = ((await index.json()) as { models?: { id: string; file: string }[] }).models;
    const entry = models?.find((m) => m.id === TRANSFER_PRETRAINED_ID);
    if (!entry) throw new Error(`models/index.json lists no ${TRANSFER_PRETRAINED_ID}`);
    const response = await fetch(where(`models/${entry.file}`));
    if (!response.ok) throw new Error(`models/${entry.file}: status ${response.status}`);
    const checkpoint = parseCheckpoint(await response.json());
    return { network: checkpoint.network, weights: checkpoint.weights.map(decodeWeight) };
  } catch (error) {
    throw new Error(
      `The trained LeNet-5 weights could not be read (${messageOf(error)}); reload the page, or rebuild them with npm run pretrain.`,
      { cause: error },
    );
  }
}

/**
 * The transfer port over the bridge: the page reads the trained weights and hands them to
 * the worker with the request; the runs start in one short call and are polled, so they
 * never hold the bridge's queue while they train.
 */
export function createTransferPort({ bridge }: ClientParts): TransferPort {
  let pretrained: Promise<PretrainedWeights> | null = null;
  return {
    async startTransfer(request) {
      pretrained ??= readPretrained();
      const weights = await pretrained.catch((error: unknown) => {
        pretrained = null;
        throw error;
      });
      await bridge.serial(async (api) => {
        if (!api) throw new Error('The engine is not running yet.');
        await api.startTransfer(request, weights);
      });
    },
    transferStatus: () =>
      bridge.serial(async (api) => (api ? api.transferStatus() : { state: 'idle' as const })),
    cancelTransfer: () =>
      bridge.serial(async (api) => {
        await api?.cancelTransfer();
      }),
  };
}
