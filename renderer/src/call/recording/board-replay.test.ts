import * as encoding from 'lib0/encoding';
import { describe, expect, test } from 'vitest';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import { BoardModel } from '../../../../shared/board/board-doc.js';
import { sampleShape, sampleStroke } from '../../../../shared/board/test-items.js';
import { MESSAGE_KIND } from '../../../../shared/board/update-guard.js';
import type { RecordedMessage } from '../../../../shared/recording/recording-manifest.js';
import { encodeEnvelope, ENVELOPE_KIND, fragmentEnvelope, type EnvelopeKind } from '../../sync/call-room/envelope.js';
import { boardFrame, boardUpdatesOf, BoardReplay, replayedBoardJson, replayedItems } from './board-replay.js';

const ROOM = 'demo';
const DOC = `confer-board:${ROOM}`;

function syncUpdateMessage(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE_KIND.sync);
  syncProtocol.writeUpdate(encoder, update);
  return encoding.toUint8Array(encoder);
}

const base64 = (bytes: Uint8Array): string => btoa(String.fromCharCode(...bytes));

function recorded(atMs: number, from: string, kind: EnvelopeKind, payload: Uint8Array, doc = DOC, sender = from): RecordedMessage {
  return { atMs, feedId: sender, base64: base64(encodeEnvelope({ from, kind, doc, to: '', more: false, payload })) };
}

/** A live board whose every edit is kept as the recording would keep it: a sync update on its sender's channel. */
function liveBoard(): { model: BoardModel; edits: Uint8Array[] } {
  const doc = new Y.Doc();
  const edits: Uint8Array[] = [];
  doc.on('update', (update: Uint8Array) => edits.push(update));
  return { model: new BoardModel(doc), edits };
}

describe('replaying a recorded board', () => {
  test('the board at each moment holds the edits made until then, forward and back', () => {
    const { model, edits } = liveBoard();
    const stroke = sampleStroke(0, 0, 1);
    model.put([stroke]);
    model.put([sampleShape('rectangle', 2)]);
    model.remove([stroke.id]);
    const messages = edits.map((edit, index) => recorded(1000 * (index + 1), 'ann', ENVELOPE_KIND.peerMessage, syncUpdateMessage(edit)));
    const replay = new BoardReplay(boardUpdatesOf(messages, ROOM));
    expect(replay.endMs).toBe(3000);
    const countAt = (ms: number) => {
      replay.seek(ms);
      return replayedItems(replay.doc).map((read) => read.item.type);
    };
    expect(countAt(0)).toEqual([]);
    expect(countAt(1500)).toEqual(['stroke']);
    expect(countAt(2000).sort()).toEqual(['shape', 'stroke']);
    expect(countAt(3000)).toEqual(['shape']);
    expect(countAt(1000)).toEqual(['stroke']);
    replay.seek(Number.POSITIVE_INFINITY);
    expect(replayedBoardJson(replay.doc)).toBe(replayedBoardJson(model.doc));
  });

  test('cursors, chat, other documents, envelopes naming another sender and malformed bytes are left out', () => {
    const { model, edits } = liveBoard();
    model.put([sampleStroke(10, 10, 1)]);
    const edit = edits[0] as Uint8Array;
    const awareness = Uint8Array.from([MESSAGE_KIND.awareness, 2, 0, 0]);
    const messages: RecordedMessage[] = [
      recorded(100, 'ann', ENVELOPE_KIND.peerMessage, awareness),
      { atMs: 200, feedId: 'ann', base64: btoa('{"type":"chat","text":"hello"}') },
      recorded(300, 'ann', ENVELOPE_KIND.peerMessage, syncUpdateMessage(edit), 'confer-annotations:demo:x'),
      recorded(400, 'ben', ENVELOPE_KIND.peerMessage, syncUpdateMessage(edit), DOC, 'ann'),
      recorded(500, 'ann', ENVELOPE_KIND.peerMessage, Uint8Array.from([0, 2, 200, 1])),
    ];
    expect(boardUpdatesOf(messages, ROOM)).toEqual([]);
  });

  test('a long message cut into fragments and a catch-up sent through Janus are both replayed', () => {
    const { model, edits } = liveBoard();
    model.put(Array.from({ length: 40 }, (_unused, index) => sampleStroke(index * 30, 0, index, 200)));
    const big = syncUpdateMessage(edits[0] as Uint8Array);
    const fragments = fragmentEnvelope({ from: 'ann', kind: ENVELOPE_KIND.peerMessage, doc: DOC, to: '', payload: big }, 1024);
    expect(fragments.length).toBeGreaterThan(2);
    const messages: RecordedMessage[] = fragments.map((bytes, index) => ({ atMs: 100 + index, feedId: 'ann', base64: base64(bytes) }));
    const other = liveBoard();
    other.model.put([sampleShape('ellipse', 99)]);
    messages.push(recorded(5000, 'ben', ENVELOPE_KIND.catchUp, Y.encodeStateAsUpdate(other.model.doc)));
    const updates = boardUpdatesOf(messages, ROOM);
    expect(updates.map((update) => update.atMs)).toEqual([100 + fragments.length - 1, 5000]);
    const replay = new BoardReplay(updates);
    replay.seek(5000);
    expect(replayedItems(replay.doc)).toHaveLength(41);
  });

  test('the frame is what the whole recording drew, and nothing for an empty board', () => {
    const { model, edits } = liveBoard();
    model.put([sampleShape('line', 1)]);
    const frame = boardFrame(boardUpdatesOf([recorded(10, 'ann', ENVELOPE_KIND.peerMessage, syncUpdateMessage(edits[0] as Uint8Array))], ROOM));
    expect(frame?.maxX).toBeGreaterThan(frame?.minX ?? Infinity);
    expect(boardFrame([])).toBeNull();
  });
});
