import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';
import { MESSAGE_KIND } from '../../../../shared/board/update-guard.js';

/**
 * The y-webrtc messages a call document sends, in y-webrtc's own layout
 * (message kind, then the y-protocols message), so that one update guard
 * reads what arrives on every path.
 */

function message(kind: number, write: (encoder: encoding.Encoder) => void): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, kind);
  write(encoder);
  return encoding.toUint8Array(encoder);
}

/** An edit, for everyone. */
export function syncUpdateMessage(update: Uint8Array): Uint8Array {
  return message(MESSAGE_KIND.sync, (encoder) => syncProtocol.writeUpdate(encoder, update));
}

/** A catch-up, for one member. */
export function syncStep2Message(update: Uint8Array): Uint8Array {
  return message(MESSAGE_KIND.sync, (encoder) => {
    encoding.writeVarUint(encoder, syncProtocol.messageYjsSyncStep2);
    encoding.writeVarUint8Array(encoder, update);
  });
}

export function awarenessMessage(update: Uint8Array): Uint8Array {
  return message(MESSAGE_KIND.awareness, (encoder) => encoding.writeVarUint8Array(encoder, update));
}

/** The awareness clients an awareness update speaks for (y-protocols' layout: count, then client, clock, state per entry). */
export function awarenessClientsOf(update: Uint8Array): number[] {
  const decoder = decoding.createDecoder(update);
  const clients: number[] = [];
  for (let count = decoding.readVarUint(decoder); count > 0; count -= 1) {
    clients.push(decoding.readVarUint(decoder));
    decoding.readVarUint(decoder);
    decoding.readVarString(decoder);
  }
  return clients;
}
