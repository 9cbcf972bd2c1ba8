import { MAX_PEER_MESSAGE_BYTES } from '../../../../shared/board/update-guard.js';
import type { DocumentRoom, DocumentTransport, TransportConnection } from '../document-transport.js';
import { DISCONNECTED } from '../sync-status.js';
import { CallDocument, type CallChannelPort } from './call-document.js';
import { createEnvelopeReassembler, decodeEnvelope, fragmentEnvelope, type EnvelopeKind } from './envelope.js';

/**
 * What the call gives documents: its publisher's data channel, who we are
 * and who else Janus let into the room. The meeting builds it from the call
 * engine; documents never see Janus.
 */
export interface CallLink {
  /** Our feed id, or null between call sessions. */
  selfId(): string | null;
  /** The others in the room now, by feed id. */
  members(): ReadonlySet<string>;
  /** Whether our publisher's data channel is open. */
  isOpen(): boolean;
  /** Bytes waiting in our channel's send buffer. */
  bufferedAmount(): number;
  rtc(): RTCConfiguration;
  /** Sends one binary message on our channel; nothing happens while it is closed. */
  send(bytes: Uint8Array): void;
  /** Binary messages from the room; our channel opening (a new session); the room's members changing. */
  listen(listener: CallLinkListener): () => void;
}

export interface CallLinkListener {
  data(bytes: Uint8Array): void;
  opened(): void;
  membersChanged(): void;
}

/** Keep at most this much in the channel's buffer (Chromium refuses sends past 16 MiB); the rest waits here. */
const SEND_HIGH_WATER_BYTES = 1024 * 1024;
const FLUSH_RETRY_MS = 20;

/**
 * Documents through the call: one router per call link. Outgoing messages
 * are cut below Janus's message limit and queued against the channel's
 * buffer; incoming ones are reassembled per sender, dropped unless they are
 * for everyone or for us, and handed to their document.
 */
export function createCallChannel(link: CallLink): DocumentTransport & { recordSnapshots(): void } {
  const documents = new Map<string, CallDocument>();
  const reassembler = createEnvelopeReassembler(MAX_PEER_MESSAGE_BYTES);
  const queue: Uint8Array[] = [];
  let flushTimer: ReturnType<typeof setTimeout> | null = null;

  const flush = (): void => {
    flushTimer = null;
    while (queue.length > 0 && link.isOpen() && link.bufferedAmount() < SEND_HIGH_WATER_BYTES) link.send(queue.shift() as Uint8Array);
    if (!link.isOpen()) queue.length = 0;
    else if (queue.length > 0) flushTimer = setTimeout(flush, FLUSH_RETRY_MS);
  };

  const portFor = (doc: string): CallChannelPort => ({
    isOpen: () => link.isOpen(),
    members: () => link.members(),
    rtc: () => link.rtc(),
    send(kind: EnvelopeKind, to: string, payload: Uint8Array) {
      const from = link.selfId();
      if (!from || !link.isOpen()) return;
      queue.push(...fragmentEnvelope({ from, kind, doc, to, payload }));
      if (flushTimer === null) flush();
    },
  });

  let members = link.members();
  // The link lives as long as the meeting: so does this router.
  link.listen({
    data(bytes) {
      const envelope = decodeEnvelope(bytes);
      if (!envelope) return;
      const self = link.selfId();
      if (envelope.to !== '' && envelope.to !== self) return;
      const result = reassembler.push(envelope);
      if (result.kind === 'refused') console.warn(`Call documents: dropped a participant's message (${result.reason})`);
      if (result.kind === 'message') documents.get(result.envelope.doc)?.receive(result.envelope);
    },
    opened() {
      for (const document of documents.values()) document.channelOpened();
    },
    membersChanged() {
      const now = link.members();
      for (const feed of members) if (!now.has(feed)) reassembler.forget(feed);
      members = now;
      for (const document of documents.values()) document.membersChanged();
    },
  });

  return {
    /** Sends every open document's whole state once, for a recording that just started (see `CallDocument.sendSnapshot`). */
    recordSnapshots() {
      for (const document of documents.values()) document.sendSnapshot();
    },
    connect(room: DocumentRoom): TransportConnection {
      documents.get(room.name)?.destroy();
      const document = new CallDocument(room, portFor(room.name));
      documents.set(room.name, document);
      return {
        destroy() {
          document.destroy();
          if (documents.get(room.name) === document) documents.delete(room.name);
          room.status.setState(DISCONNECTED);
          return Promise.resolve();
        },
      };
    },
  };
}
