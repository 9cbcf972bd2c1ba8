import type { Page } from 'playwright-core';

/**
 * What the page's own WebRTC stack says, read past the app: every
 * RTCPeerConnection the page creates is kept in a list the test can query,
 * so a test proves what happened on the wire rather than what the app shows.
 */
const PEERS_KEY = 'e2ePeerConnections';

/** Must run before the page loads the app (call it right after launching the participant). */
export async function watchPeerConnections(page: Page): Promise<void> {
  await page.addInitScript((key: string) => {
    const Native = window.RTCPeerConnection;
    const peers: RTCPeerConnection[] = [];
    Object.defineProperty(window, key, { value: peers });
    window.RTCPeerConnection = class extends Native {
      constructor(configuration?: RTCConfiguration) {
        super(configuration);
        peers.push(this);
      }
    };
  }, PEERS_KEY);
}

/** The ICE path one media PeerConnection uses: its selected candidate pair and what it carried so far. */
export interface SelectedPath {
  /** Whether the connection publishes (sends media) or subscribes (only receives). */
  readonly role: 'publisher' | 'subscriber';
  readonly pairId: string;
  readonly localUsernameFragment: string;
  readonly localPort: number;
  readonly remotePort: number;
  readonly packetsSent: number;
  readonly packetsReceived: number;
}

/** The selected path of every open PeerConnection that carries media (board data channels have no transceivers). */
export function selectedPaths(page: Page): Promise<SelectedPath[]> {
  return page.evaluate(async (key: string) => {
    const peers = (window as unknown as Record<string, RTCPeerConnection[]>)[key] ?? [];
    const media = peers.filter((pc) => pc.connectionState !== 'closed' && pc.getTransceivers().length > 0);
    return Promise.all(
      media.map(async (pc) => {
        const reports = new Map<string, Record<string, unknown>>();
        (await pc.getStats()).forEach((report: Record<string, unknown>) => reports.set(String(report['id']), report));
        const transport = [...reports.values()].find((report) => report['type'] === 'transport' && report['selectedCandidatePairId']);
        const pair = reports.get(String(transport?.['selectedCandidatePairId'] ?? '')) ?? {};
        const local = reports.get(String(pair['localCandidateId'] ?? '')) ?? {};
        const remote = reports.get(String(pair['remoteCandidateId'] ?? '')) ?? {};
        const sends = pc.getTransceivers().some((transceiver) => transceiver.direction === 'sendonly' || transceiver.direction === 'sendrecv');
        return {
          role: sends ? ('publisher' as const) : ('subscriber' as const),
          pairId: String(pair['id'] ?? ''),
          localUsernameFragment: String(transport?.['iceLocalUsernameFragment'] ?? local['usernameFragment'] ?? ''),
          localPort: Number(local['port'] ?? 0),
          remotePort: Number(remote['port'] ?? 0),
          packetsSent: Number(pair['packetsSent'] ?? 0),
          packetsReceived: Number(pair['packetsReceived'] ?? 0),
        };
      }),
    );
  }, PEERS_KEY);
}

/** Packets received so far from one remote participant, per kind; null for a kind the tile does not play. */
export interface InboundPackets {
  readonly audio: number | null;
  readonly video: number | null;
}

/** One inbound-rtp report of a track that a remote tile plays. */
interface TileInbound {
  readonly kind: 'audio' | 'video';
  readonly packetsReceived: number;
  /** 0 to 1; audio only. */
  readonly audioLevel: number;
  /** Video only. */
  readonly framesDecoded: number;
}

/** The inbound-rtp reports of the very tracks that one remote tile's <audio> and <video> elements play. */
type TileTestId = 'tile' | 'screen-tile';

function tileInbound(page: Page, name: string, testId: TileTestId = 'tile'): Promise<TileInbound[]> {
  return page.evaluate(
    async ({ key, name, testId }) => {
      const tile = document.querySelector(`[data-testid="${testId}"][data-name="${name}"]`);
      const trackOf = (selector: string) => {
        const element = tile?.querySelector<HTMLMediaElement>(selector);
        return element?.srcObject instanceof MediaStream ? element.srcObject.getTracks()[0]?.id : undefined;
      };
      const tracks = { audio: trackOf('audio'), video: trackOf('video') };
      const found: TileInbound[] = [];
      const peers = (window as unknown as Record<string, RTCPeerConnection[]>)[key] ?? [];
      for (const pc of peers.filter((peer) => peer.connectionState !== 'closed')) {
        (await pc.getStats()).forEach((report: Record<string, unknown>) => {
          if (report['type'] !== 'inbound-rtp') return;
          const kind = report['kind'] === 'audio' ? 'audio' : 'video';
          if (tracks[kind] !== undefined && report['trackIdentifier'] === tracks[kind]) {
            found.push({ kind, packetsReceived: Number(report['packetsReceived'] ?? 0), audioLevel: Number(report['audioLevel'] ?? 0), framesDecoded: Number(report['framesDecoded'] ?? 0) });
          }
        });
      }
      return found;
    },
    { key: PEERS_KEY, name, testId },
  );
}

export async function inboundPackets(page: Page, name: string): Promise<InboundPackets> {
  const received: Record<'audio' | 'video', number | null> = { audio: null, video: null };
  for (const report of await tileInbound(page, name)) received[report.kind] = report.packetsReceived;
  return received;
}

/**
 * How many packets of each kind arrived from `name` during `windowMs`. Video
 * is the control for audio: a window where neither grew says the page
 * stalled, not that the audio stopped.
 */
export async function packetsDuring(page: Page, name: string, windowMs: number): Promise<InboundPackets> {
  const before = await inboundPackets(page, name);
  await page.waitForTimeout(windowMs);
  const after = await inboundPackets(page, name);
  const growth = (kind: keyof InboundPackets) => {
    const [start, end] = [before[kind], after[kind]];
    return start === null || end === null ? null : end - start;
  };
  return { audio: growth('audio'), video: growth('video') };
}

/**
 * Loudness of what the page receives from `name`'s camera tile (or screen
 * tile): the inbound-rtp `audioLevel` (0 to 1) of the very track its
 * <audio> element plays; 0 when the tile plays no audio.
 */
export async function receivedLevel(page: Page, name: string, testId: TileTestId = 'tile'): Promise<number> {
  return Math.max(0, ...(await tileInbound(page, name, testId)).filter((report) => report.kind === 'audio').map((report) => report.audioLevel));
}

/** One simulcast layer of the page's camera, as its RTCRtpSender's parameters and its outbound-rtp stats say. */
export interface CameraLayer {
  readonly rid: string;
  /** `RTCRtpSender.getParameters()`. */
  readonly active: boolean;
  /** The outbound-rtp report's own `active`. */
  readonly statsActive: boolean;
  readonly framesEncoded: number;
  readonly frameWidth: number;
}

/** The camera's simulcast layers (the one sender with several encodings), by rid. */
export function cameraLayers(page: Page): Promise<Record<string, CameraLayer>> {
  return page.evaluate(async (key: string) => {
    const peers = (window as unknown as Record<string, RTCPeerConnection[]>)[key] ?? [];
    const layers: Record<string, CameraLayer> = {};
    for (const pc of peers.filter((peer) => peer.connectionState !== 'closed')) {
      const sender = pc.getSenders().find((candidate) => candidate.getParameters().encodings.length > 1);
      if (!sender) continue;
      const outbound = new Map<string, Record<string, unknown>>();
      (await sender.getStats()).forEach((report: Record<string, unknown>) => {
        if (report['type'] === 'outbound-rtp') outbound.set(String(report['rid'] ?? ''), report);
      });
      for (const encoding of sender.getParameters().encodings) {
        const rid = encoding.rid ?? '';
        const report = outbound.get(rid) ?? {};
        layers[rid] = {
          rid,
          active: encoding.active !== false,
          statsActive: report['active'] !== false,
          framesEncoded: Number(report['framesEncoded'] ?? 0),
          frameWidth: Number(report['frameWidth'] ?? 0),
        };
      }
    }
    return layers;
  }, PEERS_KEY);
}

/** Frames decoded so far of the video that one remote tile plays, from its inbound-rtp report; null when it plays none. */
export async function framesDecoded(page: Page, name: string): Promise<number | null> {
  return (await tileInbound(page, name)).find((report) => report.kind === 'video')?.framesDecoded ?? null;
}
