import { lazy, type ComponentType, type LazyExoticComponent } from 'react';
import type { ExperimentId } from '../../state/experiments';

type ExperimentView = LazyExoticComponent<ComponentType>;

// Experiments export named components; lazy() wants a default export.
const view = <K extends string>(
  load: () => Promise<Record<K, ComponentType>>,
  name: K,
): ExperimentView => lazy(() => load().then((m) => ({ default: m[name] })));

/**
 * The component of each experiment, loaded when its tab is first opened. Typed over every
 * ExperimentId: an experiment added to the registry without a view here does not compile.
 * Each experiment marks its own main picture with `panel-main-figure`.
 */
export const EXPERIMENT_VIEWS: Record<ExperimentId, ExperimentView> = {
  surface: view(() => import('./surface/SurfaceExperiment'), 'SurfaceExperiment'),
  initialisation: view(
    () => import('./initialisation/InitialisationExperiment'),
    'InitialisationExperiment',
  ),
  overfitting: view(() => import('./overfitting/OverfittingExperiment'), 'OverfittingExperiment'),
  shift: view(() => import('./shift/ShiftExperiment'), 'ShiftExperiment'),
  transfer: view(() => import('./transfer/TransferExperiment'), 'TransferExperiment'),
  adversarial: view(() => import('./adversarial/AdversarialExperiment'), 'AdversarialExperiment'),
};
