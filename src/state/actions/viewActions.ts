import type { LabAction } from './types';

/** View-wide switches that live in the store's UI slice. */
export const VIEW_ACTIONS: readonly LabAction[] = [
  {
    id: 'view.large-type',
    label: 'Large type on or off',
    group: 'View',
    keywords: 'bigger text font size projector presenter',
    enabled: () => true,
    perform: (store) => {
      const { largeType, setLargeType } = store.getState();
      setLargeType(!largeType);
    },
  },
];
