/**
 * What the neuron playground tells "Check my lab": its accuracy on its own points, as the panel
 * shows it, and nothing once the data or the network it was measured on changed. A checker
 * must never pass on a figure for a network the learner no longer has.
 */
import type { LabStore, PanelReports } from '../../state/store';
import type { ToySettings } from '../../state/toyPlayground';
import { toyNetworkKey } from './playgroundRunner';

/**
 * The patch that makes the store's report say this accuracy (0..1), or null when it already
 * does: the playground renders up to ten times a second while it trains, and an unchanged
 * figure should not wake every store subscriber. A non-finite accuracy clears the figure.
 */
export function toyAccuracyPatch(current: PanelReports, accuracy: number): PanelReports | null {
  const next = Number.isFinite(accuracy) ? accuracy : undefined;
  return current.toyAccuracy === next ? null : { toyAccuracy: next };
}

/**
 * The patch that clears the playground's figure when the toy settings changed what it was
 * measured on (data, noise, network, seed; a new learning rate keeps the trained network),
 * or null when the figure still holds.
 */
export function staleToyPatch(
  before: ToySettings,
  after: ToySettings,
  current: PanelReports,
): PanelReports | null {
  if (current.toyAccuracy === undefined || before === after) return null;
  return toyNetworkKey(before) === toyNetworkKey(after) ? null : { toyAccuracy: undefined };
}

type ReportStore = {
  getState(): Pick<LabStore, 'toy' | 'panelReports' | 'reportFromPanel'>;
  subscribe(
    listener: (
      state: Pick<LabStore, 'toy' | 'panelReports'>,
      previous: Pick<LabStore, 'toy'>,
    ) => void,
  ): () => void;
};

let watching: (() => void) | null = null;

/**
 * Clears the playground's figure whenever the toy settings change its basis, also while the
 * panel is closed (a lesson step or a link can change them from anywhere). Installed once
 * per page, when the playground's code first loads; returns the way to stop (for tests).
 */
export function watchToyReportBasis(store: ReportStore): () => void {
  if (watching) return watching;
  const stop = store.subscribe((state, previous) => {
    const patch = staleToyPatch(previous.toy, state.toy, state.panelReports);
    if (patch) store.getState().reportFromPanel(patch);
  });
  watching = () => {
    stop();
    watching = null;
  };
  return watching;
}
