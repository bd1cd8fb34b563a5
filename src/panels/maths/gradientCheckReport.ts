/**
 * What the maths panel's gradient check tells "Check my lab": the relative error and ε of the
 * check it shows, and nothing when it shows none or the network, data or seed it ran on
 * changed, so the "make the check disagree" exercise never passes on an old figure.
 */
import { isZeroGradientCheck } from '../../core/inspectionMaths';
import type { LabStore, PanelReports } from '../../state/store';
import type { GradientCheckResult } from '../../state/trainingSlice';

/** No gradient check to report. */
export const NO_GRADIENT_CHECK: PanelReports = {
  gradientCheckRelativeError: undefined,
  gradientCheckEpsilon: undefined,
};

/**
 * The report for the check the card shows (null: none shown, or one running). A weight that
 * does not affect the loss (both gradients 0) reports a relative error of 0, as the card
 * says it agrees: rounding noise over a zero slope is not the disagreement the lesson means.
 */
export function gradientCheckReportOf(result: GradientCheckResult | null): PanelReports {
  if (!result) return NO_GRADIENT_CHECK;
  return {
    gradientCheckRelativeError: isZeroGradientCheck(result) ? 0 : result.relativeError,
    gradientCheckEpsilon: result.epsilon,
  };
}

/** The patch that makes the store's report say `next`, or null when it already does. */
export function gradientCheckPatch(current: PanelReports, next: PanelReports): PanelReports | null {
  const same =
    Object.is(current.gradientCheckRelativeError, next.gradientCheckRelativeError) &&
    Object.is(current.gradientCheckEpsilon, next.gradientCheckEpsilon);
  return same ? null : next;
}

/** What a gradient check ran on, in the store: the network, the dataset and the seed. */
type CheckBasis = Pick<LabStore, 'network' | 'dataset' | 'seed'>;

/** The patch that clears the check's figures when their basis changed, or null when they hold. */
export function staleGradientCheckPatch(
  before: CheckBasis,
  after: CheckBasis,
  current: PanelReports,
): PanelReports | null {
  if (
    current.gradientCheckRelativeError === undefined &&
    current.gradientCheckEpsilon === undefined
  )
    return null;
  // A link applied again decodes an equal network into a new object: compare what it says.
  const networkChanged =
    before.network !== after.network &&
    JSON.stringify(before.network) !== JSON.stringify(after.network);
  const changed = networkChanged || before.dataset !== after.dataset || before.seed !== after.seed;
  return changed ? NO_GRADIENT_CHECK : null;
}

type ReportStore = {
  getState(): Pick<LabStore, 'reportFromPanel'>;
  subscribe(listener: (state: LabStore, previous: LabStore) => void): () => void;
};

let watching: (() => void) | null = null;

/**
 * Clears the check's figures whenever its basis changes, also while the maths panel is
 * closed. Installed once per page when the card's code first loads; returns the way to stop.
 */
export function watchGradientCheckBasis(store: ReportStore): () => void {
  if (watching) return watching;
  const stop = store.subscribe((state, previous) => {
    const patch = staleGradientCheckPatch(previous, state, state.panelReports);
    if (patch) store.getState().reportFromPanel(patch);
  });
  watching = () => {
    stop();
    watching = null;
  };
  return watching;
}
