import type { WebContents } from 'electron';
import { windowEventChannel } from '../../../shared/ipc/event.js';
import { windowEvents, type WindowEventKey, type WindowEventPayload } from '../../../shared/ipc/events.js';

/** The part of a WebContents an event is sent through. */
export type EventRecipient = Pick<WebContents, 'send' | 'isDestroyed'>;

/**
 * Sends a typed main→renderer event. The payload is checked against its
 * schema here too, so a bug in the main process shows up in its own log
 * rather than as a silently dropped event in the page.
 */
export function sendWindowEvent<K extends WindowEventKey>(target: EventRecipient, key: K, payload: WindowEventPayload<K>): void {
  const event = windowEvents[key];
  const parsed = event.payload.parse(payload);
  if (target.isDestroyed()) return;
  target.send(windowEventChannel(event.name), parsed);
}
