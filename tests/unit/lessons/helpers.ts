import type { NetworkDocument } from '../../../src/core/network';
import { contextOf } from '../../../src/lessons/runner';
import type { CheckContext } from '../../../src/lessons/checkers';
import type { EngineReport } from '../../../src/lessons/types';
import { defaultSettings, type LabSettings } from '../../../src/state/settings';

/** The decks' first layer: 32×32×3 through ten 5×5 filters, stride 1, pad 2 (then a 2×2 pool). */
export const DECK_NETWORK: NetworkDocument = {
  input: [32, 32, 3],
  layers: [
    { type: 'conv2d', id: 'conv1', filters: 10, kernel: 5, padding: 2 },
    { type: 'maxpool2d', id: 'pool1', size: 2 },
    { type: 'flatten' },
    { type: 'dense', units: 10, activation: 'softmax' },
  ],
};

/** A checker context over the defaults with some settings changed. */
export function ctxWith(
  changes: Partial<LabSettings> = {},
  engine: EngineReport = {},
): CheckContext {
  return contextOf({ ...defaultSettings(), ...changes }, engine);
}
