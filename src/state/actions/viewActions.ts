import { TYPE_SIZES } from '../display';
import type { LabAction } from './types';

/** View-wide switches that live in the store's UI slice (and in the link: display.ts). */
export const VIEW_ACTIONS: readonly LabAction[] = [
  {
    id: 'view.large-type',
    label: 'Large type on or off',
    group: 'View',
    keywords: 'bigger text font size projector presenter',
    enabled: () => true,
    // Any scale above normal counts as "on", so the button turns a huge link back to normal.
    perform: (store) => {
      const { typeScale, setTypeScale } = store.getState();
      setTypeScale(typeScale > TYPE_SIZES.normal ? TYPE_SIZES.normal : TYPE_SIZES.large);
    },
  },
];
