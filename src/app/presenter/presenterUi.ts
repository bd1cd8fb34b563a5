import { create } from 'zustand';

/**
 * What presenter mode shows for the moment and no link should carry: the blank screen,
 * the spotlight and whether a presenter window is listening. A small store of its own, so
 * none of it reaches the URL codec (which walks the lab store's settings).
 */
export interface PresenterUi {
  /** The black screen `B` puts up; any key or click takes it down. */
  blanked: boolean;
  /** The element the spotlight magnifies, or null. */
  spotlight: Element | null;
  /** True while a presenter window answers on the channel. */
  remoteConnected: boolean;
  setBlanked(on: boolean): void;
  setSpotlight(element: Element | null): void;
  setRemoteConnected(on: boolean): void;
}

export const usePresenterUi = create<PresenterUi>()((set) => ({
  blanked: false,
  spotlight: null,
  remoteConnected: false,
  setBlanked: (on) => set({ blanked: on }),
  setSpotlight: (element) => set({ spotlight: element }),
  setRemoteConnected: (on) => set({ remoteConnected: on }),
}));
