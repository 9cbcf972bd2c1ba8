import * as decoding from 'lib0/decoding';
import * as Y from 'yjs';
import { itemsOf } from '../../../../shared/board/board-doc.js';
import { boardToJson } from '../../../../shared/board/board-json.js';
import { itemBounds, unionBounds, type Bounds } from '../../../../shared/board/geometry.js';
import { readItem, type ReadItem } from '../../../../shared/board/schema.js';
import { checkPeerMessage, checkUpdate, MAX_PEER_MESSAGE_BYTES, MESSAGE_KIND } from '../../../../shared/board/update-guard.js';
import type { RecordedMessage } from '../../../../shared/recording/recording-manifest.js';
import { boardRoomName } from '../../board/board-session.js';
import { createEnvelopeReassembler, decodeEnvelope, ENVELOPE_KIND } from '../../sync/call-room/envelope.js';

/** y-protocols' sync message types: step 1 carries a state vector, step 2 and update carry Yjs updates. */
const SYNC_STEP_2 = 1;
const SYNC_UPDATE = 2;

export interface TimedUpdate {
  /** From the start of the recording. */
  readonly atMs: number;
  readonly update: Uint8Array;
}

function base64Bytes(text: string): Uint8Array {
  return Uint8Array.from(atob(text), (char) => char.charCodeAt(0));
}

/** The Yjs update a board peer message carries, or null for awareness, state vectors and anything malformed. */
function updateOfPeerMessage(message: Uint8Array): Uint8Array | null {
  if (!checkPeerMessage(message).ok) return null;
  const decoder = decoding.createDecoder(message);
  if (decoding.readVarUint(decoder) !== MESSAGE_KIND.sync) return null;
  const type = decoding.readVarUint(decoder);
  return type === SYNC_STEP_2 || type === SYNC_UPDATE ? decoding.readVarUint8Array(decoder) : null;
}

/**
 * The board's edits as the recording kept them: every data-channel message
 * Janus recorded, read as the call reads it (envelopes, reassembled per
 * sender), keeping the updates of this room's board, each checked by the
 * update guard as a live one would be. Chat, cursors and other documents
 * are left out.
 */
export function boardUpdatesOf(messages: readonly RecordedMessage[], room: string): TimedUpdate[] {
  const doc = boardRoomName(room);
  const reassemblers = new Map<string, ReturnType<typeof createEnvelopeReassembler>>();
  const updates: TimedUpdate[] = [];
  for (const message of messages) {
    const envelope = decodeEnvelope(base64Bytes(message.base64));
    // A publisher sends only on its own channel: an envelope claiming another sender is not to be believed.
    if (!envelope || envelope.doc !== doc || envelope.from !== message.feedId) continue;
    const reassembler = reassemblers.get(envelope.from) ?? createEnvelopeReassembler(MAX_PEER_MESSAGE_BYTES);
    reassemblers.set(envelope.from, reassembler);
    const whole = reassembler.push(envelope);
    if (whole.kind !== 'message') continue;
    const { kind, payload } = whole.envelope;
    const update = kind === ENVELOPE_KIND.peerMessage ? updateOfPeerMessage(payload) : kind === ENVELOPE_KIND.catchUp && checkUpdate(payload).ok ? payload : null;
    if (update) updates.push({ atMs: message.atMs, update });
  }
  return updates.sort((a, b) => a.atMs - b.atMs);
}

/**
 * The board at any moment of a recording: a document that moves forward by
 * applying the next updates, and is rebuilt from the first when the player
 * goes back (Yjs cannot take an update back out).
 */
export class BoardReplay {
  private docValue = new Y.Doc();
  private applied = 0;

  constructor(private readonly updates: readonly TimedUpdate[]) {}

  get doc(): Y.Doc {
    return this.docValue;
  }

  /** When the last edit was made: the end of the board's timeline. */
  get endMs(): number {
    return this.updates.at(-1)?.atMs ?? 0;
  }

  /** The times of the edits, for marks on the timeline. */
  get times(): readonly number[] {
    return this.updates.map((update) => update.atMs);
  }

  /** Moves the board to `ms`; true when the document changed. */
  seek(ms: number): boolean {
    const wanted = this.countUpTo(ms);
    if (wanted === this.applied) return false;
    if (wanted < this.applied) {
      this.docValue.destroy();
      this.docValue = new Y.Doc();
      this.applied = 0;
    }
    Y.transact(this.docValue, () => {
      for (; this.applied < wanted; this.applied += 1) {
        const next = this.updates[this.applied];
        if (next) Y.applyUpdate(this.docValue, next.update);
      }
    });
    return true;
  }

  private countUpTo(ms: number): number {
    let count = 0;
    while (count < this.updates.length && (this.updates[count]?.atMs ?? Infinity) <= ms) count += 1;
    return count;
  }
}

/** The board's valid items, as the live board reads them: anything that fails its schema is not drawn. */
export function replayedItems(doc: Y.Doc): ReadItem[] {
  const items: ReadItem[] = [];
  itemsOf(doc).forEach((value, key) => {
    const read = readItem(key, value);
    if (read) items.push(read);
  });
  return items;
}

/** The board's JSON export (items sorted by id), so a replayed board compares with a live one byte for byte. */
export function replayedBoardJson(doc: Y.Doc): string {
  return boardToJson(replayedItems(doc).map((read) => read.item).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)));
}

/** What the board covers at its end: the frame the replay keeps, so the drawing does not jump as it grows. */
export function boardFrame(updates: readonly TimedUpdate[]): Bounds | null {
  const replay = new BoardReplay(updates);
  replay.seek(Number.POSITIVE_INFINITY);
  let bounds: Bounds | null = null;
  for (const read of replayedItems(replay.doc)) bounds = unionBounds(bounds, itemBounds(read));
  replay.doc.destroy();
  return bounds;
}
