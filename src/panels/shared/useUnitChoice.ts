import { useShallow } from 'zustand/react/shallow';
import { useLabStore } from '../../state/store';

/**
 * The unit the person has chosen (a layer and a channel or unit of it) and the setters that
 * choose another, as the panels that let a person pick a unit all read them.
 */
export function useUnitChoice() {
  return useLabStore(
    useShallow((s) => ({
      selectedLayer: s.selectedLayer,
      selectedChannel: s.selectedChannel,
      selectLayer: s.selectLayer,
      selectUnit: s.selectUnit,
    })),
  );
}
