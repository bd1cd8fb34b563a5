import { parseCheckpoint, type Checkpoint } from '../../data/checkpoint';
import { presetNetwork, sameNetwork } from '../../state/settings';
import type { LabStore } from '../../state/store';

interface PretrainedEntry {
  readonly network: string;
  readonly dataset: string;
  readonly title?: string;
  readonly file: string;
}

/** The lab's pretrained checkpoint for the current network and dataset, or why there is none. */
export async function findPretrained(
  s: LabStore,
): Promise<{ checkpoint: Checkpoint } | { problem: string }> {
  let entries: PretrainedEntry[];
  try {
    const response = await fetch(new URL('models/index.json', document.baseURI));
    if (!response.ok) throw new Error(`status ${response.status}`);
    const index = (await response.json()) as { models?: PretrainedEntry[] } | PretrainedEntry[];
    entries = Array.isArray(index) ? index : (index.models ?? []);
  } catch (error) {
    return {
      problem: `The list of trained weights (models/index.json) could not be read: ${(error as Error).message}.`,
    };
  }
  const available = entries.map((e) => `${e.title ?? e.network} on ${e.dataset}`).join('; ');
  const entry = entries.find((e) => e.network === s.presetId && e.dataset === s.dataset);
  if (!entry) {
    return {
      problem: `No trained weights ship for this network on ${s.dataset}. Trained weights exist for: ${available || 'none'}.`,
    };
  }
  if (!sameNetwork(s.network, presetNetwork(s.presetId))) {
    return {
      problem:
        'The network has been edited, so the catalogue’s trained weights no longer fit it. Revert it in the Architecture panel first.',
    };
  }
  try {
    const response = await fetch(new URL(`models/${entry.file}`, document.baseURI));
    if (!response.ok) throw new Error(`status ${response.status}`);
    return { checkpoint: parseCheckpoint(await response.json()) };
  } catch (error) {
    return {
      problem: `The trained weights in models/${entry.file} could not be read: ${(error as Error).message}.`,
    };
  }
}
