import { describe, expect, test } from 'vitest';
import { createCallStore, initialCallState } from '../call-store.js';
import { CHAT_QUEUE_BOUND_MS, RESEND_DELAYS_MS } from './chat-outbox.js';
import { RoomMessaging, type MessagingClock } from './room-messaging.js';

/** A clock whose time moves only when the test says so. */
function manualClock() {
  let now = 0;
  let timers: { at: number; callback: () => void }[] = [];
  const clock: MessagingClock = {
    now: () => now,
    setTimeout: (callback, ms) => {
      const timer = { at: now + ms, callback };
      timers.push(timer);
      return timer;
    },
    clearTimeout: (handle) => void (timers = timers.filter((timer) => timer !== handle)),
  };
  const advance = (ms: number) => {
    const until = now + ms;
    for (let next = timers.find((timer) => timer.at <= until); next; next = timers.find((timer) => timer.at <= until)) {
      timers = timers.filter((timer) => timer !== next);
      now = next.at;
      next.callback();
    }
    now = until;
  };
  return { clock, advance };
}

function setup() {
  const store = createCallStore();
  store.setState({ ...initialCallState, phase: 'in-call', room: 'standup', displayName: 'Ada', selfId: 'feed-1' });
  const sent: { id: string; from: string; text: string }[] = [];
  const channel = { readyState: 'connecting' as RTCDataChannelState, send: (data: string) => void sent.push(JSON.parse(data) as { id: string; from: string; text: string }) };
  const { clock, advance } = manualClock();
  const messaging = new RoomMessaging(store, () => channel as unknown as RTCDataChannel, clock);
  const deliveries = () => store.getState().roomChat.chat.map((entry) => `${entry.text}:${entry.delivery}`);
  return { store, sent, channel, advance, messaging, deliveries };
}

describe('chat while the room cannot hear us', () => {
  test('a message written before the channel opens waits, goes out when it opens, and is repeated under the same id', () => {
    const { sent, channel, advance, messaging, deliveries } = setup();
    messaging.sendChat('hello');
    expect(sent).toEqual([]);
    expect(deliveries()).toEqual(['hello:queued']);
    channel.readyState = 'open';
    messaging.channelOpened();
    expect(deliveries()).toEqual(['hello:sent']);
    expect(sent.map((message) => message.text)).toEqual(['hello']);
    advance(RESEND_DELAYS_MS.reduce((sum, delay) => sum + delay, 0) + 60_000);
    expect(sent).toHaveLength(1 + RESEND_DELAYS_MS.length);
    expect(new Set(sent.map((message) => message.id)).size).toBe(1);
  });

  test('during a reconnect an open channel is not trusted; the message goes when the call is back, from our new feed', () => {
    const { store, sent, channel, messaging, deliveries } = setup();
    channel.readyState = 'open';
    store.setState({ phase: 'reconnecting' });
    messaging.sendChat('still there?');
    expect(sent).toEqual([]);
    store.setState({ selfId: 'feed-2', phase: 'in-call' });
    expect(sent.map((message) => [message.from, message.text])).toEqual([['feed-2', 'still there?']]);
    expect(deliveries()).toEqual(['still there?:sent']);
    // Someone new publishing hears it again at once.
    messaging.roomEvent({ videoroom: 'event', publishers: [{ id: 'feed-9', streams: [] }] });
    expect(sent).toHaveLength(2);
  });

  test('a message that waited past the bound is marked failed and never sent', () => {
    const { sent, channel, advance, messaging, deliveries } = setup();
    messaging.sendChat('lost');
    advance(CHAT_QUEUE_BOUND_MS);
    expect(deliveries()).toEqual(['lost:failed']);
    channel.readyState = 'open';
    messaging.channelOpened();
    expect(sent).toEqual([]);
  });

  test('with the channel open, a message goes at once and once', () => {
    const { sent, channel, advance, messaging, deliveries } = setup();
    channel.readyState = 'open';
    messaging.sendChat('  hi  ');
    advance(60_000);
    expect(sent.map((message) => message.text)).toEqual(['hi']);
    expect(deliveries()).toEqual(['hi:sent']);
  });
});
