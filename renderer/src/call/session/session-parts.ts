import { RoomNameSchema } from '../../../../shared/call/join-request.js';
import type { RuntimeConfig } from '../../../../shared/config/runtime-config.js';
import { openJanusSession, type JanusSession } from '../janus/janus-session.js';
import { openPublisherConnection, type PublisherConnection } from '../janus/publisher.js';
import { VideoRoomHandle } from '../janus/videoroom-handle.js';
import { resolveRtcConfiguration } from '../media/ice-config.js';
import { realTimerClock } from '../timer-clock.js';
import type { RoomNodes } from './room-nodes.js';
import { leaveStep } from './leave-step.js';
import type { JanusEndpoint } from './session-contract.js';
import { WarmStart } from './warm-start.js';

/**
 * What a call session opens before it knows its room: the Janus session, the publisher's and the subscription's
 * VideoRoom handles, the camera's connection with its offer gathered, and the subscription's connection, whose
 * candidate pool fills while the room is entered. Made at the join, or ahead of it while the lobby is open.
 */
export interface SessionParts {
  readonly janus: JanusSession;
  readonly publisherHandle: VideoRoomHandle;
  readonly subscriberHandle: VideoRoomHandle;
  readonly camera: PublisherConnection;
  readonly subscriberPc: RTCPeerConnection;
}

/** Opens every part; the connections first, so that their candidates gather while Janus answers. */
export async function openSessionParts(endpoint: JanusEndpoint, rtc: RTCConfiguration, warn: (message: string) => void): Promise<SessionParts> {
  const camera = openPublisherConnection(rtc, 'camera', null, null);
  const subscriberPc = new RTCPeerConnection(rtc);
  try {
    const janus = await openJanusSession(endpoint.url, endpoint.credentials);
    try {
      const [publisherHandle, subscriberHandle] = await Promise.all([VideoRoomHandle.attach(janus.session, warn), VideoRoomHandle.attach(janus.session, warn)]);
      return { janus, publisherHandle, subscriberHandle, camera, subscriberPc };
    } catch (error) {
      await janus.close().catch(() => undefined);
      throw error;
    }
  } catch (error) {
    camera.pc.close();
    subscriberPc.close();
    throw error;
  }
}

/** Closes the parts: the connections, then the session on Janus (its handles with it) and the socket. */
export async function closeSessionParts(parts: SessionParts): Promise<void> {
  parts.camera.pc.close();
  parts.subscriberPc.close();
  await leaveStep(parts.janus.session.destroy());
  await parts.janus.close().catch(() => undefined);
}

/**
 * The warm join's parts, on the node the join will use: the configured one, or with several the node the lobby's
 * room ranks first (a join that places the room elsewhere, its first node being down, starts cold). Nothing with a
 * control plane, whose ticket names the node and the credentials only at the join.
 */
export function warmSessionParts(config: RuntimeConfig, nodes: RoomNodes, warn: (message: string) => void): WarmStart<SessionParts> {
  return new WarmStart<SessionParts>({
    node: (room) => {
      if (config.controlPlaneUrl) return null;
      if (!nodes.failover) return nodes.current;
      const name = RoomNameSchema.safeParse(room);
      return name.success ? nodes.firstFor(name.data) : null;
    },
    rtc: () => resolveRtcConfiguration(config, warn),
    open: (endpoint, rtc) => openSessionParts(endpoint, rtc, warn),
    close: closeSessionParts,
    clock: realTimerClock,
    warn,
  });
}
