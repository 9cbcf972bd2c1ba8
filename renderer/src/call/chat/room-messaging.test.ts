import { describe, expect, test } from 'vitest';
import { createCallStore, initialCallState } from '../call-store.js';
import { CHAT_QUEUE_BOUND_MS, RESEND_DELAYS_MS } from './chat-outbox.js';
import { RoomMessaging } from './room-messaging.js';
import { manualClock } from '../test-clock.js';

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
