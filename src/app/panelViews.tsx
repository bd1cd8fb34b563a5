import { lazy, type ComponentType, type LazyExoticComponent } from 'react';
import type { PanelId } from '../state/panels';

type PanelView = LazyExoticComponent<ComponentType>;

// Panels export named components; lazy() wants a default export.
const view = <K extends string>(
  load: () => Promise<Record<K, ComponentType>>,
  name: K,
): PanelView => lazy(() => load().then((m) => ({ default: m[name] })));

/**
 * The component of each panel, loaded when first opened so the first paint waits for one
 * panel only. Typed over every PanelId: a panel added to the registry without a view here
 * does not compile.
 */
export const PANEL_VIEWS: Record<PanelId, PanelView> = {
  architecture: view(() => import('../panels/architecture/ArchitecturePanel'), 'ArchitecturePanel'),
  datasets: view(() => import('../panels/datasets/DatasetsPanel'), 'DatasetsPanel'),
  training: view(() => import('../panels/training/TrainingPanel'), 'TrainingPanel'),
  network: view(() => import('../panels/network/NetworkViewPanel'), 'NetworkViewPanel'),
  maths: view(() => import('../panels/maths/MathsPanel'), 'MathsPanel'),
  neurons: view(() => import('../panels/neurons/NeuronPanel'), 'NeuronPanel'),
  convolution: view(() => import('../panels/convolution/ConvolutionPanel'), 'ConvolutionPanel'),
  features: view(() => import('../panels/features/FeatureMapsPanel'), 'FeatureMapsPanel'),
  receptive: view(() => import('../panels/receptive/ReceptiveFieldPanel'), 'ReceptiveFieldPanel'),
  experiments: view(() => import('../panels/experiments/ExperimentsPanel'), 'ExperimentsPanel'),
  code: view(() => import('../panels/code/CodePanel'), 'CodePanel'),
  lessons: view(() => import('../panels/lessons/LessonsPanel'), 'LessonsPanel'),
};
