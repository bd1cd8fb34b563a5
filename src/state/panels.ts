/** The lab's panels, in navigation order; later issues add more. */
export const PANELS = [
  'architecture',
  'datasets',
  'training',
  'network',
  'maths',
  'neurons',
  'convolution',
  'features',
  'receptive',
] as const;
export type PanelId = (typeof PANELS)[number];

export const PANEL_TITLES: Readonly<Record<PanelId, string>> = {
  architecture: 'Architecture',
  datasets: 'Datasets',
  training: 'Training',
  network: 'Forward & backward',
  maths: 'The maths',
  neurons: 'Neurons',
  convolution: 'Convolution & pooling',
  features: 'Feature maps',
  receptive: 'Receptive fields',
};
