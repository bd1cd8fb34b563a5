/**
 * The panel registry: every panel of the lab, once, in navigation order. Navigation,
 * routing (`app/panelViews.tsx` maps each id to its lazily loaded component), error
 * boundaries, the keyboard shortcuts that open panels, dataset loading and the engine's
 * start all derive from this table. Adding a panel is one row here plus its folder.
 */
const PANEL_TABLE = [
  {
    id: 'architecture',
    title: 'Architecture',
    what: 'The architecture explorer',
    needsDataset: false,
    needsEngine: false,
    key: '1',
  },
  {
    id: 'datasets',
    title: 'Datasets',
    what: 'The dataset browser',
    needsDataset: true,
    needsEngine: false,
    key: '2',
  },
  {
    id: 'training',
    title: 'Training',
    what: 'The training panel',
    needsDataset: true,
    needsEngine: true,
    key: '3',
  },
  {
    id: 'network',
    title: 'Forward & backward',
    what: 'The forward and backward view',
    needsDataset: true,
    needsEngine: true,
    key: '4',
  },
  {
    id: 'maths',
    title: 'The maths',
    what: 'The maths panel',
    needsDataset: true,
    needsEngine: true,
    key: '5',
  },
  {
    id: 'neurons',
    title: 'Neurons',
    what: 'The neuron view',
    needsDataset: false,
    needsEngine: false,
    key: '6',
  },
  {
    id: 'convolution',
    title: 'Convolution & pooling',
    what: 'The convolution explainer',
    needsDataset: true,
    needsEngine: true,
    key: '7',
  },
  {
    id: 'features',
    title: 'Feature maps',
    what: 'The feature maps panel',
    needsDataset: true,
    needsEngine: true,
    key: '8',
  },
  {
    id: 'receptive',
    title: 'Receptive fields',
    what: 'The receptive field panel',
    needsDataset: true,
    needsEngine: true,
    key: '9',
  },
  {
    id: 'experiments',
    title: 'Experiments',
    what: 'The experiments panel',
    needsDataset: true,
    needsEngine: true,
    key: 'x',
  },
  {
    id: 'code',
    title: 'Code',
    what: 'The code view',
    needsDataset: false,
    needsEngine: false,
    key: 'c',
  },
  {
    id: 'lessons',
    title: 'Lessons',
    what: 'The lessons panel',
    needsDataset: false,
    needsEngine: false,
    key: '0',
  },
] as const satisfies readonly PanelInfo[];

export type PanelId = (typeof PANEL_TABLE)[number]['id'];

/** One row of the panel registry. */
export interface PanelInfo {
  readonly id: string;
  /** The name in the navigation and the command palette. */
  readonly title: string;
  /** How an error notice names the panel ("The training panel stopped working"). */
  readonly what: string;
  /** The panel shows or trains on images: opening it downloads the chosen dataset. */
  readonly needsDataset: boolean;
  /** The panel shows what the network computes: opening it starts the engine's worker. */
  readonly needsEngine: boolean;
  /** The key that opens the panel when no text field has focus. */
  readonly key: string;
}

/** The registry's rows, typed by their ids. */
export const PANEL_INFOS: readonly (PanelInfo & { readonly id: PanelId })[] = PANEL_TABLE;

/** The panel ids in navigation order (the URL codec's list of values). */
export const PANELS: readonly PanelId[] = PANEL_TABLE.map((p) => p.id);

/** The registry row of a panel. */
export function panelInfoOf(id: PanelId): PanelInfo & { readonly id: PanelId } {
  const info = PANEL_INFOS.find((p) => p.id === id);
  if (!info) throw new Error(`No panel "${id}" in the registry`);
  return info;
}

/** True when the panel shows or trains on images, so its dataset must be loaded. */
export const panelNeedsDataset = (id: PanelId): boolean => panelInfoOf(id).needsDataset;

/** True when the panel shows what the network computes, so the engine must be running. */
export const panelNeedsEngine = (id: PanelId): boolean => panelInfoOf(id).needsEngine;
