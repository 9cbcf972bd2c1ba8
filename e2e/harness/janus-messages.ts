import type { Page } from 'playwright-core';

/** One message Janus sent the page over its WebSocket, as parsed JSON. */
export type JanusMessage = Readonly<Record<string, unknown>>;

/**
 * Keeps every message Janus sends the page from now on, to prove what a
 * client was told, whether or not its screen shows it. Other WebSockets on
 * the page (board signaling) are ignored: only messages with a `janus` field count.
 */
export function recordJanusMessages(page: Page): JanusMessage[] {
  const messages: JanusMessage[] = [];
  page.on('websocket', (socket) => {
    socket.on('framereceived', ({ payload }) => {
      try {
        const message: unknown = JSON.parse(String(payload));
        if (typeof message === 'object' && message !== null && 'janus' in message) messages.push(message as JanusMessage);
      } catch {
        // Not JSON: not a Janus message.
      }
    });
  });
  return messages;
}

/** The VideoRoom plugin's payload of a Janus event, if it carries one. */
export function videoRoomData(message: JanusMessage): Readonly<Record<string, unknown>> | null {
  const plugindata = message['plugindata'];
  if (typeof plugindata !== 'object' || plugindata === null) return null;
  const data = (plugindata as Record<string, unknown>)['data'];
  return typeof data === 'object' && data !== null ? (data as Record<string, unknown>) : null;
}
