import * as encoding from 'lib0/encoding';
import { describe, expect, test, vi } from 'vitest';
import { Awareness } from 'y-protocols/awareness';
import * as Y from 'yjs';
import { BoardModel } from '../../../../shared/board/board-doc.js';
import { sampleStroke } from '../../../../shared/board/test-items.js';
import { createSyncStatusStore } from '../sync-status.js';
import { createCallChannel, type CallLink, type CallLinkListener } from './call-channel.js';
import { RECHECK_INTERVAL_MS, RECORDING_ADDRESSEE, RESYNC_AFTER_EDIT_MS } from './call-document.js';
import { PULL_TIMEOUT_MS } from './current-pull.js';
import { decodeEnvelope, encodeEnvelope, ENVELOPE_KIND } from './envelope.js';

/**
 * Stands in for a VideoRoom: what a member sends reaches every other member
 * (as Janus relays a publisher's data to its subscribers), in order, a task
 * later. Node has no RTCPeerConnection, so catch-ups here take the path
 * through the room; the direct channel is proven end to end.
 */
class FakeRoom {
  readonly members = new Map<string, { link: CallLink; listeners: Set<CallLinkListener>; sent: Uint8Array[] }>();
  /** Removed from the room (kicked) but still sending for a moment, as a stale channel might. */
  private readonly removed = new Set<string>();
  /** Pairs `from>to` whose messages are lost until a time: a subscription that is not up yet. */
  private readonly deaf = new Map<string, number>();

  /** Catch-ups take this long to arrive: a big board over a loaded machine. */
  catchUpDelayMs = 0;

  /** What `from` sends does not reach `to` for the next `ms`. */
  deafen(from: string, to: string, ms: number): void {
    this.deaf.set(`${from}>${to}`, Date.now() + ms);
  }

  join(feed: string): CallLink {
    const listeners = new Set<CallLinkListener>();
    const sent: Uint8Array[] = [];
    const others = (): ReadonlySet<string> => new Set([...this.members.keys()].filter((other) => other !== feed && !this.removed.has(other)));
    const link: CallLink = {
      selfId: () => feed,
      members: others,
      isOpen: () => this.members.has(feed),
      bufferedAmount: () => 0,
      rtc: () => ({}),
      send: (bytes) => {
        sent.push(bytes);
        for (const [other, member] of this.members) {
          if (other === feed || Date.now() < (this.deaf.get(`${feed}>${other}`) ?? 0)) continue;
          const delay = decodeEnvelope(bytes)?.kind === ENVELOPE_KIND.catchUp ? this.catchUpDelayMs : 0;
          setTimeout(() => member.listeners.forEach((listener) => listener.data(bytes)), delay);
        }
      },
      listen: (listener) => {
        listeners.add(listener);
        return () => listeners.delete(listener);
      },
    };
    this.members.set(feed, { link, listeners, sent });
    for (const [other, member] of this.members) if (other !== feed) member.listeners.forEach((listener) => listener.membersChanged());
    return link;
  }

  remove(feed: string): void {
    this.removed.add(feed);
    for (const member of this.members.values()) member.listeners.forEach((listener) => listener.membersChanged());
  }

  sentBy(feed: string): Uint8Array[] {
    return this.members.get(feed)?.sent ?? [];
  }
}

/** A board with `strokes` drawn before it joins the call, their seeds counted from `firstSeed`. */
function openBoard(link: CallLink, strokes = 0, firstSeed = 0) {
  const doc = new Y.Doc();
  const model = new BoardModel(doc);
  if (strokes > 0) model.put(Array.from({ length: strokes }, (_, index) => sampleStroke(firstSeed + index, firstSeed + index, firstSeed + index)));
  const awareness = new Awareness(doc);
  const status = createSyncStatusStore();
  const channel = createCallChannel(link);
  const connection = channel.connect({ name: 'confer-board:room', doc, awareness, status, label: 'Board' });
  return { doc, model, awareness, status, channel, connection };
}

/** Lets every message in flight arrive. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 20));

/** A y-webrtc peer message carrying one sync update. */
function updateMessage(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, 0);
  encoding.writeVarUint(encoder, 2);
  encoding.writeVarUint8Array(encoder, update);
  return encoding.toUint8Array(encoder);
}

describe('documents through the call', () => {
  test('a recording that starts gets the whole board once, as a catch-up addressed to no participant', async () => {
    const room = new FakeRoom();
    const alice = openBoard(room.join('a'), 5);
    const bob = openBoard(room.join('b'));
    await vi.waitFor(() => expect(bob.model.readAll().size).toBe(5));
    const before = room.sentBy('a').length;
    alice.channel.recordSnapshots();
    await settle();
    const snapshots = room.sentBy('a').slice(before).map((bytes) => decodeEnvelope(bytes)).filter((envelope) => envelope?.kind === ENVELOPE_KIND.catchUp);
    expect(snapshots.map((envelope) => envelope?.to)).toEqual([RECORDING_ADDRESSEE]);
    const replayed = new Y.Doc();
    Y.applyUpdate(replayed, snapshots[0]?.payload ?? new Uint8Array());
    expect([...new BoardModel(replayed).readAll().keys()].sort()).toEqual([...alice.model.readAll().keys()].sort());
  });

  test('a newcomer catches up from one peer, and an edit then costs one message for the whole room', async () => {
    const room = new FakeRoom();
    const alice = openBoard(room.join('a'), 30);
    const bob = openBoard(room.join('b'));
    await vi.waitFor(() => expect(bob.model.readAll().size).toBe(30));
    const carol = openBoard(room.join('c'));
    await vi.waitFor(() => expect(carol.model.readAll().size).toBe(30));
    // One catch-up for Carol: from whoever offered first, not from everyone.
    const catchUps = ['a', 'b'].flatMap((feed) => room.sentBy(feed)).map((bytes) => decodeEnvelope(bytes)).filter((envelope) => envelope?.kind === ENVELOPE_KIND.catchUp && envelope.to === 'c');
    expect(catchUps).toHaveLength(1);

    const before = new Map(['a', 'b', 'c'].map((feed) => [feed, room.sentBy(feed).length]));
    bob.model.put([sampleStroke(500, 500, 99)]);
    await vi.waitFor(() => expect([alice, carol].map((each) => each.model.readAll().size)).toEqual([31, 31]));
    await settle();
    const sentSince = ['a', 'b', 'c'].map((feed) => room.sentBy(feed).length - (before.get(feed) ?? 0));
    expect(sentSince).toEqual([0, 1, 0]);
    for (const each of [alice, bob, carol]) await each.connection.destroy();
  });

  test('a catch-up that arrives after the newcomer gave up waiting for it is still applied', async () => {
    vi.useFakeTimers();
    try {
      const room = new FakeRoom();
      room.catchUpDelayMs = PULL_TIMEOUT_MS + 2000;
      const alice = openBoard(room.join('a'), 30);
      const carol = openBoard(room.join('c'));
      await vi.advanceTimersByTimeAsync(PULL_TIMEOUT_MS + 1000);
      expect(carol.model.readAll().size).toBe(0);
      await vi.advanceTimersByTimeAsync(2000);
      expect(carol.model.readAll().size).toBe(30);
      for (const each of [alice, carol]) await each.connection.destroy();
    } finally {
      vi.useRealTimers();
    }
  });

  test('edits a newcomer made apart from the call reach every member, even one that subscribed to it late', async () => {
    const room = new FakeRoom();
    const alice = openBoard(room.join('a'), 3);
    const bob = openBoard(room.join('b'));
    await vi.waitFor(() => expect(bob.model.readAll().size).toBe(3));
    // Dana drew offline; Bob's subscription to her comes up a second after she joins.
    room.deafen('d', 'b', 1000);
    const dana = openBoard(room.join('d'), 1, 900);
    await vi.waitFor(() => expect([alice, bob, dana].map((each) => each.model.readAll().size)).toEqual([4, 4, 4]), { timeout: 5000 });
    for (const each of [alice, bob, dana]) await each.connection.destroy();
  });

  test('a stroke a member drew before we were subscribed to it still reaches us', async () => {
    const room = new FakeRoom();
    const alice = openBoard(room.join('a'), 2);
    const bob = openBoard(room.join('b'));
    await vi.waitFor(() => expect(bob.model.readAll().size).toBe(2));
    // Carol drew before Bob was subscribed to her, and says so only after he heard her state vector.
    room.deafen('c', 'b', 300);
    const carol = openBoard(room.join('c'));
    await vi.waitFor(() => expect(carol.model.readAll().size).toBe(2));
    carol.model.put([sampleStroke(700, 700, 70)]);
    await new Promise((resolve) => setTimeout(resolve, 400));
    carol.model.put([sampleStroke(800, 800, 80)]);
    await vi.waitFor(() => expect(bob.model.readAll().size).toBe(4));
    for (const each of [alice, bob, carol]) await each.connection.destroy();
  });

  test('a stroke lost on the way, with nothing drawn after it, still arrives: its author tells its state vector again', async () => {
    const room = new FakeRoom();
    const alice = openBoard(room.join('a'), 1);
    const bob = openBoard(room.join('b'));
    await vi.waitFor(() => expect(bob.model.readAll().size).toBe(1));
    await new Promise((resolve) => setTimeout(resolve, 500));
    room.deafen('a', 'b', 100);
    alice.model.put([sampleStroke(300, 300, 30)]);
    await settle();
    expect(bob.model.readAll().size).toBe(1);
    await vi.waitFor(() => expect(bob.model.readAll().size).toBe(2), { timeout: RESYNC_AFTER_EDIT_MS + 2000 });
    for (const each of [alice, bob]) await each.connection.destroy();
  });

  test('a pull sent before the member pulled from subscribed to us is sent again at its next hello', async () => {
    const room = new FakeRoom();
    const alice = openBoard(room.join('a'), 30);
    const link = room.join('b');
    // Bob hears Alice at once, Alice hears Bob only after a while: his first pull is lost.
    room.deafen('b', 'a', 700);
    const bob = openBoard(link);
    await vi.waitFor(() => expect(bob.model.readAll().size).toBe(30), { timeout: PULL_TIMEOUT_MS / 3 });
    const pulls = room.sentBy('b').map((bytes) => decodeEnvelope(bytes)).filter((envelope) => envelope?.kind === ENVELOPE_KIND.pull);
    expect(pulls.length).toBeGreaterThan(1);
    for (const each of [alice, bob]) await each.connection.destroy();
  });

  test('a stroke lost together with the resync after it arrives at the next recheck', async () => {
    vi.useFakeTimers();
    try {
      const room = new FakeRoom();
      const alice = openBoard(room.join('a'), 1);
      const bob = openBoard(room.join('b'));
      await vi.advanceTimersByTimeAsync(2000);
      expect(bob.model.readAll().size).toBe(1);
      room.deafen('a', 'b', RESYNC_AFTER_EDIT_MS + 1000);
      alice.model.put([sampleStroke(300, 300, 30)]);
      await vi.advanceTimersByTimeAsync(RESYNC_AFTER_EDIT_MS + 2000);
      expect(bob.model.readAll().size).toBe(1);
      await vi.advanceTimersByTimeAsync(RECHECK_INTERVAL_MS);
      expect(bob.model.readAll().size).toBe(2);
      for (const each of [alice, bob]) await each.connection.destroy();
    } finally {
      vi.useRealTimers();
    }
  });

  test("a member's damaged update is refused with a reason, and nothing more from them is applied", async () => {
    const room = new FakeRoom();
    const alice = openBoard(room.join('a'), 2);
    const mallory = room.join('m');
    // A sync update (0, 2) announcing 2^31 structs: the decoder-hang shape of yjs issue 687.
    const crafted = new Uint8Array([0, 2, 8, 1, 0x80, 0x80, 0x80, 0x80, 0x08, 7, 0]);
    mallory.send(encodeEnvelope({ from: 'm', kind: ENVELOPE_KIND.peerMessage, doc: 'confer-board:room', to: '', more: false, payload: crafted }));
    await vi.waitFor(() => expect(alice.status.getState().refusedPeer).toBe('message: malformed'));
    const honest = new Y.Doc();
    new BoardModel(honest).put([sampleStroke(1, 1, 1)]);
    mallory.send(encodeEnvelope({ from: 'm', kind: ENVELOPE_KIND.peerMessage, doc: 'confer-board:room', to: '', more: false, payload: updateMessage(Y.encodeStateAsUpdate(honest)) }));
    await settle();
    expect(alice.model.readAll().size).toBe(2);
    await alice.connection.destroy();
  });

  test('someone outside the room is not listened to, and a departed member\u2019s cursor goes', async () => {
    const room = new FakeRoom();
    const alice = openBoard(room.join('a'));
    const bob = openBoard(room.join('b'));
    bob.awareness.setLocalStateField('cursor', { x: 1, y: 2 });
    await vi.waitFor(() => expect(alice.awareness.getStates().has(bob.doc.clientID)).toBe(true));
    room.remove('b');
    await vi.waitFor(() => expect(alice.awareness.getStates().has(bob.doc.clientID)).toBe(false));
    // Bob's channel still sends (as a kicked peer's might for a moment): nothing of it is applied.
    bob.model.put([sampleStroke(3, 3, 3)]);
    await settle();
    expect(alice.model.readAll().size).toBe(0);
    await alice.connection.destroy();
    await bob.connection.destroy();
  });
});
