import { PANEL_INFOS, type PanelId } from '../../state/panels'; // (not '../panels': the lint rule would read that as src/panels)
import type { LabAction } from './types';

/** The id of the action that opens a panel. */
export const openPanelActionId = (panel: PanelId): string => `panel.open.${panel}`;

/** One "open" action per row of the panel registry, on the row's key, on every panel. */
export const PANEL_ACTIONS: readonly LabAction[] = PANEL_INFOS.map((info) => ({
  id: openPanelActionId(info.id),
  label: `Open ${info.title}`,
  group: 'Panels',
  key: info.key,
  keywords: `${info.what} panel show go to`,
  enabled: () => true,
  perform: (store) => store.getState().openPanel(info.id),
}));
