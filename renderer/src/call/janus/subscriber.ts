import type Session from 'janus-gateway-js/src/session.js';
import { ROOM_CHANNEL_LABEL } from '../chat/room-messages.js';
import { completeLocalDescription, watchConnection } from '../media/peer.js';
import type { Substream } from '../media/simulcast.js';
import { videoRelayPlan, type RelayInput } from '../media/subscription-policy.js';
import { JanusRequestError } from './janus-request-error.js';
import { feedWireId, type RoomAddress, type WireId } from './room-ids.js';
import { VideoRoomHandle } from './videoroom-handle.js';
import type { SubscriptionStream, VideoRoomEvent } from './videoroom-messages.js';

/** What one remote feed delivers on the subscription. */
export interface RemoteFeedMedia {
  readonly audio: MediaStreamTrack | null;
  readonly video: MediaStreamTrack | null;
  /** Our m-line for the feed's video: layer switches and stats address it. */
  readonly videoMid: string | null;
}

export interface SubscriberOptions {
  readonly session: Session;
  readonly address: RoomAddress;
  readonly pin: string | undefined;
  /** A token of the room's `allowed` list, for a room with a waiting room. */
  readonly token?: string | undefined;
  readonly rtc: RTCConfiguration;
  /** A handle attached ahead of time, in parallel with the publisher's: one round trip less before the first frame. */
  readonly handle?: VideoRoomHandle;
  /** A connection made ahead (configured with `rtc`), its candidates pooled by the time Janus's offer comes. */
  readonly pc?: RTCPeerConnection;
  readonly onMedia: (media: Readonly<Record<string, RemoteFeedMedia>>) => void;
  /** A data-channel message relayed from any publisher we subscribe to. */
  readonly onData: (data: unknown) => void;
  readonly warn: (message: string) => void;
}

/** Janus answers "No such feed" to a subscription racing its publisher's setup: try again shortly. */
const RETRY_MS = 250;
const NO_SUCH_FEED = 428;

/**
 * The one multistream subscription of a participant: a single
 * PeerConnection receiving every feed it is told to want, kept in step with
 * `want()` through Janus's `update` request. Offers from Janus (after our
 * updates, or on its own when a publisher leaves) are answered one at a time.
 */
export class Subscriber {
  readonly pc: RTCPeerConnection;
  private handle: VideoRoomHandle | null = null;
  /** Set by `start`: the subscription joins the room only once our publisher did. */
  private started = false;
  /** Our publisher's private id: it ties the subscription to us. */
  private privateId: number | undefined;
  private joined = false;
  private wanted = new Set<string>();
  private subscribed = new Set<string>();
  private streams: SubscriptionStream[] = [];
  private work: Promise<void> = Promise.resolve();
  private retryTimer: ReturnType<typeof setTimeout> | null = null;
  private closed = false;
  private readonly stopWatching: () => void;
  iceRestarts = 0;

  private session: Session;
  private dataChannel: RTCDataChannel | null = null;
  private relay: RelayInput = { camerasPaused: false, screenFeeds: new Set(), hiddenFeeds: new Set() };
  /** Whether Janus relays each video m-line, as we last told it, by m-line and feed (Janus reuses m-lines); it starts relaying. */
  private relayed = new Map<string, boolean>();

  constructor(private readonly options: SubscriberOptions) {
    this.session = options.session;
    this.pc = options.pc ?? new RTCPeerConnection(options.rtc);
    this.pc.addEventListener('track', () => this.publishMedia());
    this.pc.addEventListener('datachannel', (event) => this.listenTo(event.channel));
    this.stopWatching = watchConnection(this.pc, () => void this.restartIce());
    if (options.handle) this.adoptHandle(options.handle);
  }

  /** Our publisher is in the room (its `joined` event): the subscription may join now, tied to it. */
  start(privateId: number | undefined): void {
    this.started = true;
    this.privateId = privateId;
    this.enqueue(() => this.sync());
  }

  /** Sets the feeds to receive; the difference to the current subscription is sent as one update. */
  want(feeds: Iterable<string>): void {
    this.wanted = new Set(feeds);
    this.enqueue(() => this.sync());
  }

  /** Picks a simulcast layer for one of our video m-lines. */
  setLayer(mid: string, substream: Substream): void {
    this.enqueue(() => this.configure({ streams: [{ mid, substream }] }));
  }

  /**
   * What Janus relays of the video: every camera paused or not (the audio-only fallback, which leaves screen
   * shares flowing, being what is presented), and the feeds on no visible tile, neither received nor decoded.
   */
  setVideoRelay(change: Partial<RelayInput>): void {
    this.relay = { ...this.relay, ...change };
    this.enqueue(() => this.applyRelay());
  }

  /** Asks Janus for an offer with fresh ICE credentials; it arrives as an event and is answered there. */
  restartIce(): Promise<void> {
    return this.enqueue(async () => {
      if (!this.joined) return;
      this.iceRestarts += 1;
      await this.configure({ restart: true });
    });
  }

  /** The subscription's handle, once it exists: a claimed session rebinds it. */
  get videoRoomHandle(): VideoRoomHandle | null {
    return this.handle;
  }

  /** Continues on a session claimed over a new WebSocket. */
  adoptSession(session: Session): void {
    this.session = session;
  }

  /** The feed and kind each of our m-lines carries. */
  streamOf(mid: string): SubscriptionStream | undefined {
    return this.streams.find((stream) => stream.mid === mid);
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.retryTimer !== null) clearTimeout(this.retryTimer);
    this.stopWatching();
    this.pc.close();
    await this.handle?.detach();
    this.handle = null;
  }

  private enqueue(task: () => Promise<void>): Promise<void> {
    const run = this.work.then(async () => {
      if (this.closed) return;
      try {
        await task();
      } catch (error) {
        if (this.closed) return;
        if (error instanceof JanusRequestError && error.code === NO_SUCH_FEED) {
          this.scheduleRetry();
          return;
        }
        this.options.warn(`subscription: ${error instanceof Error ? error.message : String(error)}`);
      }
    });
    this.work = run;
    return run;
  }

  private scheduleRetry(): void {
    if (this.retryTimer !== null) return;
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      this.enqueue(() => this.sync());
    }, RETRY_MS);
  }

  private async ensureHandle(): Promise<VideoRoomHandle> {
    if (this.handle) return this.handle;
    return this.adoptHandle(await VideoRoomHandle.attach(this.session, this.options.warn));
  }

  private adoptHandle(handle: VideoRoomHandle): VideoRoomHandle {
    handle.onEvent((event, jsep) => this.onEvent(event, jsep));
    this.handle = handle;
    return handle;
  }

  private async sync(): Promise<void> {
    if (!this.started) return;
    const add = [...this.wanted].filter((feed) => !this.subscribed.has(feed));
    const remove = [...this.subscribed].filter((feed) => !this.wanted.has(feed));
    if (add.length === 0 && remove.length === 0) return;
    const handle = await this.ensureHandle();
    if (!this.joined) {
      if (add.length === 0) return;
      await handle.request({
        request: 'join',
        ptype: 'subscriber',
        room: this.options.address.room,
        streams: add.map((feed) => this.feedRef(feed)),
        ...(this.privateId !== undefined ? { private_id: this.privateId } : {}),
        ...(this.options.pin ? { pin: this.options.pin } : {}),
        ...(this.options.token ? { token: this.options.token } : {}),
      });
      this.joined = true;
      for (const feed of add) this.subscribed.add(feed);
      return;
    }
    // Janus may have dropped a departed feed already; forgetting it first keeps a failed update from retrying it forever.
    for (const feed of remove) this.subscribed.delete(feed);
    await handle.request({
      request: 'update',
      ...(add.length > 0 ? { subscribe: add.map((feed) => this.feedRef(feed)) } : {}),
      ...(remove.length > 0 ? { unsubscribe: remove.map((feed) => this.feedRef(feed)) } : {}),
    });
    for (const feed of add) this.subscribed.add(feed);
  }

  /** A feed as subscription requests name it: a number when the room takes numbers. */
  private feedRef(feed: string): { feed: WireId } {
    return { feed: feedWireId(feed, this.options.address.kind) };
  }

  /** Tells Janus which video m-lines to relay, where that changed. */
  private async applyRelay(): Promise<void> {
    if (!this.handle || !this.joined) return;
    const plan = videoRelayPlan(this.streams, this.relay);
    const relayed = new Map<string, boolean>();
    const changes: Array<{ mid: string; send: boolean }> = [];
    for (const { mid, feed, send } of plan) {
      const key = `${mid}/${feed}`;
      if ((this.relayed.get(key) ?? true) !== send) changes.push({ mid, send });
      relayed.set(key, send);
    }
    this.relayed = relayed;
    if (changes.length > 0) await this.configure({ streams: changes });
  }

  private async configure(body: Record<string, unknown>): Promise<void> {
    if (!this.handle || !this.joined) return;
    await this.handle.request({ request: 'configure', ...body });
  }

  private onEvent(event: VideoRoomEvent, jsep: RTCSessionDescriptionInit | undefined): void {
    const streamsChanged = (event.videoroom === 'attached' || event.videoroom === 'updated') && event.streams !== undefined;
    if (streamsChanged) this.streams = (event.streams ?? []).filter((stream) => stream.active !== false);
    if (jsep?.type === 'offer') {
      void this.enqueue(() => this.answer(jsep));
    }
    // A feed subscribed while its tile is hidden, or while cameras are paused, is paused too, once its m-line is agreed.
    if (streamsChanged) void this.enqueue(() => this.applyRelay());
  }

  private listenTo(channel: RTCDataChannel): void {
    // Documents travel as binary messages beside chat's text: read them as bytes, not blobs.
    channel.binaryType = 'arraybuffer';
    channel.addEventListener('message', (message) => this.options.onData(message.data));
  }

  private async answer(offer: RTCSessionDescriptionInit): Promise<void> {
    const handle = this.handle;
    if (!handle) return;
    await this.pc.setRemoteDescription(offer);
    // Like janus.js: open a channel of our own so the SCTP association comes up; Janus relays on the label it knows.
    if (!this.dataChannel && offer.sdp?.includes('m=application')) {
      this.dataChannel = this.pc.createDataChannel(ROOM_CHANNEL_LABEL, { ordered: true });
      this.listenTo(this.dataChannel);
    }
    const answer = await completeLocalDescription(this.pc, await this.pc.createAnswer());
    await handle.request({ request: 'start' }, answer);
    this.publishMedia();
  }

  private publishMedia(): void {
    const media: Record<string, { audio: MediaStreamTrack | null; video: MediaStreamTrack | null; videoMid: string | null }> = {};
    for (const transceiver of this.pc.getTransceivers()) {
      const stream = transceiver.mid === null ? undefined : this.streamOf(transceiver.mid);
      if (!stream?.feed_id || transceiver.currentDirection === 'inactive' || transceiver.currentDirection === 'stopped') continue;
      const entry = (media[stream.feed_id] ??= { audio: null, video: null, videoMid: null });
      if (stream.type === 'audio') entry.audio = transceiver.receiver.track;
      if (stream.type === 'video') {
        entry.video = transceiver.receiver.track;
        entry.videoMid = stream.mid;
      }
    }
    this.options.onMedia(media);
  }
}
