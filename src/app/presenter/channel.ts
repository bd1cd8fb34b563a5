/**
 * The protocol between the audience window (the lab on the projector) and the presenter
 * window (notes, next step, timer, controls), over a BroadcastChannel: same origin, no
 * server. The audience window is the source of truth: it broadcasts its state whenever it
 * changes and answers a presenter window's `hello`; the presenter window only sends
 * commands, which the audience window runs as its registered actions, so a step taken in
 * either window is one action in one place and the other window follows from the state.
 * Messages are checked on arrival (`parseMessage`): another tab of another version of the
 * lab may share the channel's name.
 */

export const CHANNEL_NAME = 'cnn-lab.presenter.v1';

/** What the presenter window needs of the audience window's state. */
export interface AudienceState {
  readonly panel: string;
  /** The panel's name, as the navigation says it. */
  readonly panelTitle: string;
  /** The open lesson's id, or empty. */
  readonly lesson: string;
  /** The lesson step, from 1. */
  readonly step: number;
  readonly blanked: boolean;
  readonly presenting: boolean;
}

/** What the presenter window's buttons ask for. */
export const COMMANDS = ['next', 'previous', 'play', 'blank'] as const;
export type PresenterCommand = (typeof COMMANDS)[number];

/** The registered action each command runs in the audience window. */
export const COMMAND_ACTIONS: Readonly<Record<PresenterCommand, string>> = {
  next: 'present.next',
  previous: 'present.previous',
  play: 'present.play',
  blank: 'present.blank',
};

export type ChannelMessage =
  /** Presenter window → audience: I am here, send your state. */
  | { readonly kind: 'hello' }
  /** Audience → presenter window: the state now. */
  | { readonly kind: 'state'; readonly state: AudienceState }
  /** Presenter window → audience: run a command. */
  | { readonly kind: 'command'; readonly command: PresenterCommand }
  /** Either window is closing. */
  | { readonly kind: 'bye'; readonly from: 'audience' | 'presenter' };

/** What the presenter window shows, as a function of the messages it has had. */
export interface PresenterViewState {
  /** The audience window's latest state, or null before it has answered. */
  readonly audience: AudienceState | null;
  /** False once the audience window said goodbye (closed or reloaded). */
  readonly connected: boolean;
}

export const INITIAL_PRESENTER_VIEW: PresenterViewState = { audience: null, connected: false };

/**
 * The presenter window's reducer: a state message replaces what it shows, a goodbye from
 * the audience marks it disconnected (keeping the last state on screen, greyed); its own
 * messages and commands change nothing, since only the audience window's answer counts.
 */
export function presenterReduce(
  view: PresenterViewState,
  message: ChannelMessage,
): PresenterViewState {
  switch (message.kind) {
    case 'state':
      return { audience: message.state, connected: true };
    case 'bye':
      return message.from === 'audience' ? { ...view, connected: false } : view;
    default:
      return view;
  }
}

/** The audience window's side: whether a presenter window is listening after this message. */
export function audienceConnectedAfter(connected: boolean, message: ChannelMessage): boolean {
  if (message.kind === 'hello' || message.kind === 'command') return true;
  if (message.kind === 'bye' && message.from === 'presenter') return false;
  return connected;
}

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

function parseAudienceState(v: unknown): AudienceState | null {
  if (!isRecord(v)) return null;
  const { panel, panelTitle, lesson, step, blanked, presenting } = v;
  if (typeof panel !== 'string' || typeof panelTitle !== 'string' || typeof lesson !== 'string')
    return null;
  if (typeof step !== 'number' || !Number.isInteger(step) || step < 1) return null;
  if (typeof blanked !== 'boolean' || typeof presenting !== 'boolean') return null;
  return { panel, panelTitle, lesson, step, blanked, presenting };
}

/** A message from the channel, checked field by field; null for anything else. */
export function parseMessage(data: unknown): ChannelMessage | null {
  if (!isRecord(data)) return null;
  switch (data.kind) {
    case 'hello':
      return { kind: 'hello' };
    case 'state': {
      const state = parseAudienceState(data.state);
      return state ? { kind: 'state', state } : null;
    }
    case 'command':
      return (COMMANDS as readonly unknown[]).includes(data.command)
        ? { kind: 'command', command: data.command as PresenterCommand }
        : null;
    case 'bye':
      return data.from === 'audience' || data.from === 'presenter'
        ? { kind: 'bye', from: data.from }
        : null;
    default:
      return null;
  }
}

/** True when two states would show the same (so the audience does not resend on every store change). */
export const sameAudienceState = (a: AudienceState | null, b: AudienceState): boolean =>
  a !== null &&
  (Object.keys(b) as (keyof AudienceState)[]).every((key) => Object.is(a[key], b[key]));
