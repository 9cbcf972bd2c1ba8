import type Session from 'janus-gateway-js/src/session.js';
import { completeLocalDescription, watchConnection } from '../media/peer.js';
import { ROOM_CHANNEL_LABEL } from '../chat/room-messages.js';
import { CAMERA_ENCODINGS } from '../media/simulcast.js';
import { feedWireId, type RoomAddress } from './room-ids.js';
import { VideoRoomHandle, type VideoRoomListener } from './videoroom-handle.js';

export interface PublisherOptions {
  readonly session: Session;
  /** A handle already attached (the room check ran on it), to save a round trip; attached here otherwise. */
  readonly handle?: VideoRoomHandle;
  readonly address: RoomAddress;
  /** Our feed id, of the kind the room takes: chosen by us, so a screen share can name its owner before Janus announces it. */
  readonly feedId: string;
  readonly display: string;
  readonly pin: string | undefined;
  /** A token of the room's `allowed` list, for a room with a waiting room. */
  readonly token?: string | undefined;
  readonly rtc: RTCConfiguration;
  /** The camera publisher carries audio and simulcast video; a screen share one plain video track, and the computer's sound when shared. */
  readonly kind: 'camera' | 'screen';
  readonly audio: MediaStreamTrack | null;
  readonly video: MediaStreamTrack | null;
  /** The connection opened ahead of the join, offer and all; its tracks are set to `audio` and `video` here. */
  readonly connection?: PublisherConnection;
  readonly descriptions: (mids: PublisherMids) => Array<{ mid: string; description: string }>;
  readonly onEvent?: VideoRoomListener;
  readonly warn: (message: string) => void;
}

export interface PublisherMids {
  readonly audio: string | null;
  readonly video: string | null;
}

/**
 * A publisher's PeerConnection before any signaling: its transceivers, the camera's data channel, and its offer
 * with candidates gathered. Nothing in it depends on the room, so it can be made while the lobby is open.
 */
export interface PublisherConnection {
  readonly pc: RTCPeerConnection;
  readonly audioTransceiver: RTCRtpTransceiver | null;
  readonly videoTransceiver: RTCRtpTransceiver;
  readonly dataChannel: RTCDataChannel | null;
  readonly offer: Promise<RTCSessionDescriptionInit>;
  /** Puts the tracks to send in place, without renegotiating: they may have changed since the offer. */
  sendTracks(audio: MediaStreamTrack | null, video: MediaStreamTrack | null): Promise<void>;
}

/** The camera's connection carries audio and simulcast video and the room's data channel; a screen's a video track, and the computer's sound when shared. */
export function openPublisherConnection(rtc: RTCConfiguration, kind: PublisherOptions['kind'], audio: MediaStreamTrack | null, video: MediaStreamTrack | null): PublisherConnection {
  const pc = new RTCPeerConnection(rtc);
  const stream = new MediaStream([audio, video].filter((track): track is MediaStreamTrack => track !== null));
  const audioTransceiver = kind === 'camera' || audio ? pc.addTransceiver(audio ?? 'audio', { direction: 'sendonly', streams: [stream] }) : null;
  const videoTransceiver = pc.addTransceiver(video ?? 'video', { direction: 'sendonly', streams: [stream], ...(kind === 'camera' ? { sendEncodings: CAMERA_ENCODINGS } : {}) });
  const dataChannel = kind === 'camera' ? pc.createDataChannel(ROOM_CHANNEL_LABEL, { ordered: true }) : null;
  const offer = pc.createOffer().then((created) => completeLocalDescription(pc, created));
  // Awaited by the join; a connection closed before it (a lobby left) must not leave a rejection unheard.
  offer.catch(() => undefined);
  return {
    pc,
    audioTransceiver,
    videoTransceiver,
    dataChannel,
    offer,
    sendTracks: async (sentAudio, sentVideo) => {
      await Promise.all([audioTransceiver?.sender.replaceTrack(sentAudio), videoTransceiver.sender.replaceTrack(sentVideo)]);
    },
  };
}

/**
 * One VideoRoom publisher: a handle joined as publisher and the
 * PeerConnection it sends on. The PeerConnection is our own (unified plan,
 * transceivers); Janus only ever sees complete SDPs.
 */
export class Publisher {
  readonly mids: PublisherMids;
  /** The camera publisher's data channel: chat, hands and reactions go out on it. */
  dataChannel: RTCDataChannel | null = null;
  private stopWatching: () => void = () => undefined;
  private restarting: Promise<void> | null = null;
  /** Encoding changes one after another: a second `setParameters` on stale parameters is refused. */
  private encodingWork: Promise<void> = Promise.resolve();
  /** How many ICE restarts this publisher went through, for the stats panel. */
  iceRestarts = 0;

  private constructor(
    readonly handle: VideoRoomHandle,
    readonly pc: RTCPeerConnection,
    private readonly audioTransceiver: RTCRtpTransceiver | null,
    private readonly videoTransceiver: RTCRtpTransceiver,
  ) {
    this.mids = { audio: audioTransceiver?.mid ?? null, video: videoTransceiver.mid };
  }

  /**
   * Joins the room as a publisher and publishes; a wrong pin rejects with Janus's error code. The offer, made
   * ahead (`options.connection`) or here, is gathered while the join request is answered.
   */
  static async start(options: PublisherOptions): Promise<Publisher> {
    const handle = options.handle ?? (await VideoRoomHandle.attach(options.session, options.warn));
    if (options.onEvent) handle.onEvent(options.onEvent);
    const connection = options.connection ?? openPublisherConnection(options.rtc, options.kind, options.audio, options.video);
    const { pc } = connection;
    try {
      const [, offer] = await Promise.all([
        handle.request({
          request: 'join',
          ptype: 'publisher',
          room: options.address.room,
          id: feedWireId(options.feedId, options.address.kind),
          display: options.display,
          ...(options.pin ? { pin: options.pin } : {}),
          ...(options.token ? { token: options.token } : {}),
        }),
        connection.offer,
        options.connection ? connection.sendTracks(options.audio, options.video) : undefined,
      ]);
      const publisher = new Publisher(handle, pc, connection.audioTransceiver, connection.videoTransceiver);
      publisher.dataChannel = connection.dataChannel;
      const { jsep } = await handle.negotiate(
        { request: 'publish', display: options.display, descriptions: options.descriptions(publisher.mids) },
        offer,
      );
      if (!jsep || jsep.type !== 'answer') throw new Error('Janus did not answer the publish offer');
      await pc.setRemoteDescription(jsep);
      publisher.stopWatching = watchConnection(pc, () => void publisher.restartIce().catch((error: unknown) => options.warn(`ICE restart failed: ${String(error)}`)));
      return publisher;
    } catch (error) {
      pc.close();
      await handle.detach();
      throw error;
    }
  }

  /** Swaps the sent track without renegotiating: device changes and camera on/off. */
  async replaceTrack(kind: 'audio' | 'video', track: MediaStreamTrack | null): Promise<void> {
    const transceiver = kind === 'audio' ? this.audioTransceiver : this.videoTransceiver;
    await transceiver?.sender.replaceTrack(track);
  }

  /** Turns simulcast encodings on and off (in CAMERA_ENCODINGS order), without renegotiating. */
  setActiveEncodings(active: readonly boolean[]): Promise<void> {
    const sender = this.videoTransceiver.sender;
    const run = this.encodingWork.then(async () => {
      const parameters = sender.getParameters();
      if (parameters.encodings.length !== active.length || parameters.encodings.every((encoding, index) => (encoding.active ?? true) === active[index])) return;
      parameters.encodings.forEach((encoding, index) => (encoding.active = active[index] ?? true));
      await sender.setParameters(parameters);
    });
    this.encodingWork = run.catch(() => undefined);
    return run;
  }

  /** Tells the room about new stream descriptions (the mute state rides on them). */
  async describe(descriptions: Array<{ mid: string; description: string }>): Promise<void> {
    await this.handle.request({ request: 'configure', descriptions });
  }

  /** A new offer with fresh ICE credentials, sent as a `configure`; concurrent calls share one restart. */
  restartIce(): Promise<void> {
    this.restarting ??= (async () => {
      try {
        this.iceRestarts += 1;
        const offer = await completeLocalDescription(this.pc, await this.pc.createOffer({ iceRestart: true }));
        const { jsep } = await this.handle.negotiate({ request: 'configure' }, offer);
        if (jsep?.type === 'answer') await this.pc.setRemoteDescription(jsep);
      } finally {
        this.restarting = null;
      }
    })();
    return this.restarting;
  }

  /** Leaves the room on this handle and closes the connection; tracks stay with their owner. */
  async stop(leave: boolean): Promise<void> {
    this.stopWatching();
    this.pc.close();
    if (leave) await this.handle.request({ request: 'leave' }).catch(() => undefined);
    await this.handle.detach();
  }
}
