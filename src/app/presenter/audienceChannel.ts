import { useEffect } from 'react';
import { performAction } from '../../state/actions/registry';
import { panelInfoOf } from '../../state/panels';
import { useLabStore, type LabStore } from '../../state/store';
import {
  audienceConnectedAfter,
  CHANNEL_NAME,
  COMMAND_ACTIONS,
  parseMessage,
  sameAudienceState,
  type AudienceState,
  type ChannelMessage,
} from './channel';
import { usePresenterUi } from './presenterUi';

/** The audience window's state as the presenter window sees it. */
export function audienceStateOf(s: LabStore, blanked: boolean): AudienceState {
  return {
    panel: s.panel,
    panelTitle: panelInfoOf(s.panel).title,
    lesson: s.lesson,
    step: s.step,
    blanked,
    presenting: s.presenting,
  };
}

/**
 * The audience side of the presenter link, while the shell is mounted: answers a presenter
 * window's hello with the state, broadcasts every change of it, and runs the commands the
 * presenter window sends as the registered actions the keys run.
 */
export function useAudienceChannel(): void {
  useEffect(() => {
    if (typeof BroadcastChannel === 'undefined') return;
    const channel = new BroadcastChannel(CHANNEL_NAME);
    const post = (message: ChannelMessage) => channel.postMessage(message);
    let sent: AudienceState | null = null;
    const send = (force = false) => {
      const state = audienceStateOf(useLabStore.getState(), usePresenterUi.getState().blanked);
      if (!force && sameAudienceState(sent, state)) return;
      sent = state;
      post({ kind: 'state', state });
    };
    channel.onmessage = (event: MessageEvent<unknown>) => {
      const message = parseMessage(event.data);
      if (!message) return;
      const ui = usePresenterUi.getState();
      ui.setRemoteConnected(audienceConnectedAfter(ui.remoteConnected, message));
      if (message.kind === 'hello') send(true);
      if (message.kind === 'command') {
        performAction(COMMAND_ACTIONS[message.command]);
        send(true);
      }
    };
    const unsubscribeLab = useLabStore.subscribe(() => send());
    const unsubscribeUi = usePresenterUi.subscribe(() => send());
    const bye = () => post({ kind: 'bye', from: 'audience' });
    window.addEventListener('pagehide', bye);
    return () => {
      window.removeEventListener('pagehide', bye);
      unsubscribeLab();
      unsubscribeUi();
      channel.close();
    };
  }, []);
}
