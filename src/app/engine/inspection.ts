import { selectInputImage } from '../../state/selectedInput';
import type { LabStore } from '../../state/store';
import type { EngineProbes } from '../../state/trainingSlice';
import type { SampleRequest } from '../../worker/api';
import type { ClientParts } from './parts';
import { throttle } from './throttle';

/** While training, the selected input's prediction is asked again at most this often. */
export const PREDICT_EVERY_MS = 600;

/** The selected input as the worker takes it, or null when there is none. */
export function sampleRequestOf(state: LabStore): SampleRequest | null {
  const selected = selectInputImage(state);
  if (!selected.ok) return null;
  const { sample } = state;
  return sample.source === 'own'
    ? {
        source: 'own',
        pixels: selected.image.pixels,
        height: selected.image.height,
        width: selected.image.width,
        channels: selected.image.channels,
      }
    : sample;
}

export interface InspectionDeps extends ClientParts {
  /** True once the worker has a run to inspect. */
  isSetUp(): boolean;
}

export interface Inspection {
  /** Asks the engine about the selected input; the answer feeds the prediction bars and the explainers. */
  predictSelected(): Promise<void>;
  /** `predictSelected`, at most once per `PREDICT_EVERY_MS`. */
  refreshPrediction(): void;
  /** The explainers' questions about the selected input and the network. */
  readonly probes: EngineProbes;
}

/** The selected input's inspection and the explainers' probes. */
export function createInspection({ store, bridge, isSetUp }: InspectionDeps): Inspection {
  const state = () => store.getState();
  const setRun = (changes: Partial<LabStore['run']>) => state().setRun(changes);
  const clear = () => {
    bridge.supersede('inspect');
    state().setInspection(null);
    setRun({ probabilities: null });
  };

  async function predictSelected(): Promise<void> {
    const request = sampleRequestOf(state());
    if (!bridge.api || !isSetUp() || !request) return clear();
    // The training panel shows only the probabilities; the weights (and their gradients) are
    // sent only when a panel that draws them is open, to spare the page the copying.
    const includeWeights = state().panel !== 'training';
    try {
      const reply = await bridge.latest('inspect', (api) => api.inspect(request, includeWeights));
      if (!reply.current) return;
      state().setInspection(reply.value);
      setRun({ probabilities: Array.from(reply.value.probabilities) });
    } catch {
      clear();
    }
  }

  const probes: EngineProbes = {
    topActivations: (layerIndex, channel, count) =>
      bridge.serial(async (api) => (api ? api.topActivations(layerIndex, channel, count) : [])),
    gradientCheck: (weight, epsilon) =>
      bridge.serial(async (api) => {
        const request = sampleRequestOf(state());
        return api && request ? api.gradientCheck(request, weight, epsilon) : null;
      }),
    unitInputGradient: (layerIndex, unit) =>
      bridge.serial(async (api) => {
        const request = sampleRequestOf(state());
        return api && request ? api.unitInputGradient(request, layerIndex, unit) : null;
      }),
  };

  return {
    predictSelected,
    refreshPrediction: throttle(() => void predictSelected(), PREDICT_EVERY_MS),
    probes,
  };
}
