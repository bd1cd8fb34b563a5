import { describe, expect, it } from 'vitest';
import {
  audienceConnectedAfter,
  COMMAND_ACTIONS,
  COMMANDS,
  INITIAL_PRESENTER_VIEW,
  parseMessage,
  presenterReduce,
  sameAudienceState,
  type AudienceState,
  type ChannelMessage,
} from '../../../../src/app/presenter/channel';
import {
  elapsedMs,
  formatElapsed,
  pauseTimer,
  resetTimer,
  startTimer,
  STOPPED_TIMER,
} from '../../../../src/app/presenter/timer';

const state: AudienceState = {
  panel: 'convolution',
  panelTitle: 'Convolution & pooling',
  lesson: 'conv-arithmetic',
  step: 2,
  blanked: false,
  presenting: true,
};

describe('the presenter channel', () => {
  it('shows the audience window’s latest state, and keeps it greyed when that window leaves', () => {
    const messages: ChannelMessage[] = [
      { kind: 'hello' },
      { kind: 'state', state },
      { kind: 'command', command: 'next' },
      { kind: 'state', state: { ...state, step: 3 } },
      { kind: 'bye', from: 'presenter' },
    ];
    const view = messages.reduce(presenterReduce, INITIAL_PRESENTER_VIEW);
    expect(view).toEqual({ audience: { ...state, step: 3 }, connected: true });
    // The presenter's own command does not move its view: only the audience's answer does.
    expect(presenterReduce(INITIAL_PRESENTER_VIEW, { kind: 'command', command: 'next' })).toBe(
      INITIAL_PRESENTER_VIEW,
    );
    const gone = presenterReduce(view, { kind: 'bye', from: 'audience' });
    expect(gone).toEqual({ audience: { ...state, step: 3 }, connected: false });
    // A reloaded audience window answers again and reconnects.
    expect(presenterReduce(gone, { kind: 'state', state }).connected).toBe(true);
  });

  it('knows on the audience side when a presenter window listens', () => {
    expect(audienceConnectedAfter(false, { kind: 'hello' })).toBe(true);
    expect(audienceConnectedAfter(false, { kind: 'command', command: 'blank' })).toBe(true);
    expect(audienceConnectedAfter(true, { kind: 'bye', from: 'presenter' })).toBe(false);
    expect(audienceConnectedAfter(true, { kind: 'bye', from: 'audience' })).toBe(true);
    expect(audienceConnectedAfter(true, { kind: 'state', state })).toBe(true);
  });

  it('maps every command to a presenter action', () => {
    for (const command of COMMANDS) expect(COMMAND_ACTIONS[command]).toMatch(/^present\./);
  });

  it('reads only well-formed messages from the channel', () => {
    expect(parseMessage({ kind: 'state', state })).toEqual({ kind: 'state', state });
    expect(parseMessage({ kind: 'command', command: 'next' })).toEqual({
      kind: 'command',
      command: 'next',
    });
    for (const bad of [
      null,
      'hello',
      [],
      { kind: 'command', command: 'format-disk' },
      { kind: 'state', state: { ...state, step: 0 } },
      { kind: 'state', state: { ...state, blanked: 'no' } },
      { kind: 'bye', from: 'someone' },
      { kind: 'other' },
    ])
      expect(parseMessage(bad), JSON.stringify(bad)).toBeNull();
  });

  it('tells a changed state from a resend', () => {
    expect(sameAudienceState(null, state)).toBe(false);
    expect(sameAudienceState({ ...state }, state)).toBe(true);
    expect(sameAudienceState(state, { ...state, blanked: true })).toBe(false);
  });
});

describe('the talk timer', () => {
  it('counts while running, holds while paused, and resets to zero', () => {
    let t = startTimer(STOPPED_TIMER, 1_000);
    expect(elapsedMs(t, 6_000)).toBe(5_000);
    t = pauseTimer(t, 6_000);
    expect(elapsedMs(t, 60_000)).toBe(5_000);
    t = startTimer(t, 10_000);
    expect(elapsedMs(t, 12_500)).toBe(7_500);
    expect(startTimer(t, 11_000)).toBe(t);
    expect(elapsedMs(resetTimer(t, 13_000), 14_000)).toBe(1_000);
    expect(resetTimer(pauseTimer(t, 13_000), 14_000)).toEqual(STOPPED_TIMER);
  });

  it('reads as minutes and seconds, hours past the hour', () => {
    expect(formatElapsed(0)).toBe('0:00');
    expect(formatElapsed(65_400)).toBe('1:05');
    expect(formatElapsed(3_725_000)).toBe('1:02:05');
  });
});
