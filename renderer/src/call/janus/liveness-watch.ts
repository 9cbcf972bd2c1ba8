import type { JanusSession } from './janus-session.js';

/**
 * A node that dies with its process closes its sockets and is seen at once;
 * one that hangs, or whose network goes, keeps the WebSocket open and
 * answers nothing. This watch asks for a sign of life (a keep-alive, which
 * Janus acks in milliseconds) and closes the socket once the server has
 * been silent too long, so the call recovers as from any lost socket.
 */
export interface LivenessPolicy {
  /** How often a keep-alive is sent and the silence checked. */
  readonly everyMs: number;
  /** Silence longer than this (several unanswered keep-alives) means the server is gone. */
  readonly silentMs: number;
}

/** Four unanswered keep-alives: a loaded machine delays an answer by far less. */
export const NODE_LIVENESS: LivenessPolicy = { everyMs: 2000, silentMs: 8000 };

export function silentTooLong(lastHeardAt: number, now: number, policy: LivenessPolicy): boolean {
  return now - lastHeardAt >= policy.silentMs;
}

/** Watches one session's socket until it closes, for whatever reason; `onSilent` is told just before the watch closes it. */
export function watchLiveness(
  janus: Pick<JanusSession, 'session' | 'closed' | 'lastHeardAt' | 'close'>,
  onSilent: () => void,
  policy = NODE_LIVENESS,
  now = () => performance.now(),
): void {
  const timer = setInterval(() => {
    if (silentTooLong(janus.lastHeardAt(), now(), policy)) {
      clearInterval(timer);
      onSilent();
      void janus.close().catch(() => undefined);
      return;
    }
    void janus.session.send({ janus: 'keepalive' }).catch(() => undefined);
  }, policy.everyMs);
  void janus.closed.then(() => clearInterval(timer));
}
