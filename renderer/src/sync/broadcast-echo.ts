import * as bc from 'lib0/broadcastchannel';

/** The fields of y-webrtc's `Room` this module reads and swaps. */
export interface EchoRoom {
  readonly name: string;
  /** y-webrtc sets it in `connect()` and clears it in `disconnect()`, with its broadcast-channel subscription. */
  readonly bcconnected: boolean;
  /** y-webrtc's mutex: it publishes to the broadcast channel inside it. */
  mux: (run: () => void, otherwise?: () => void) => void;
  _bcSubscriber: (data: ArrayBuffer) => unknown;
}

/**
 * y-webrtc shares each update with the browser's other tabs through lib0's
 * broadcast channel, whose `publish` also hands the message to the
 * subscribers in the same page: y-webrtc's own, which decodes and applies
 * the update it has just sent a second time (a whole import or restore,
 * twice). y-webrtc publishes inside its room's mutex, and a message from
 * another tab arrives as an event of its own, never inside it: what reaches
 * the subscriber while the mutex is held is our own echo, and is dropped.
 *
 * Returns the function that puts y-webrtc's own subscriber and mutex back.
 */
export function stopBroadcastEcho(room: EchoRoom): () => void {
  const mux = room.mux;
  const subscriber = room._bcSubscriber;
  let inside = false;
  const guardedMux: EchoRoom['mux'] = (run, otherwise) =>
    mux(() => {
      inside = true;
      try {
        run();
      } finally {
        inside = false;
      }
    }, otherwise);
  const fromOtherTabs = (data: ArrayBuffer): unknown => (inside ? undefined : subscriber(data));
  swapSubscriber(room, subscriber, fromOtherTabs);
  room.mux = guardedMux;
  let restored = false;
  return () => {
    if (restored) return;
    restored = true;
    room.mux = mux;
    swapSubscriber(room, fromOtherTabs, subscriber);
  };
}

/** Replaces the subscriber, subscribed exactly when y-webrtc had it subscribed; its later connect() and disconnect() use the field. */
function swapSubscriber(room: EchoRoom, current: EchoRoom['_bcSubscriber'], next: EchoRoom['_bcSubscriber']): void {
  if (room.bcconnected) {
    bc.unsubscribe(room.name, current);
    bc.subscribe(room.name, next);
  }
  room._bcSubscriber = next;
}
