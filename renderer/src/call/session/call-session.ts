import { cameraDescriptions } from '../feed-labels.js';
import { reclaimJanusSession, type JanusSession } from '../janus/janus-session.js';
import { watchLiveness } from '../janus/liveness-watch.js';
import { Publisher } from '../janus/publisher.js';
import { newFeedId, type IdKind, type RoomAddress } from '../janus/room-ids.js';
import { Subscriber } from '../janus/subscriber.js';
import { VIDEOROOM_PLUGIN, type VideoRoomHandle } from '../janus/videoroom-handle.js';
import { ParticipantListSchema, type VideoRoomEvent } from '../janus/videoroom-messages.js';
import type { ScreenCapture } from '../media/capture.js';
import { realTimerClock } from '../timer-clock.js';
import { activeEncodings, type EncodedTop } from '../media/dynacast.js';
import { LayerPacer, MIN_SWITCH_INTERVAL_MS } from '../media/layer-pacer.js';
import type { RelayInput } from '../media/subscription-policy.js';
import { JANUS_START_SUBSTREAM, type Substream } from '../media/simulcast.js';
import type { ListedParticipant } from '../participants.js';
import { JoinRefusedError, PublishDeclinedError, serverProblem } from './join-errors.js';
import { leaveStep } from './leave-step.js';
import { closeSessionParts, openSessionParts, type SessionParts } from './session-parts.js';
import type { JanusEndpoint, SessionEvents, SessionMedia } from './session-contract.js';
import { WaitingRoomGate } from '../waiting/waiting-gate.js';
import { cameraPublisherOptions, findOrCreateRoom, roomSendsTalking, screenPublisherOptions, type CallParams, type FoundRoom } from './room-entry.js';

/**
 * Everything that lives as long as one Janus session: the WebSocket, the
 * camera publisher, the optional screen publisher and the one multistream
 * subscription with its layer pacer. `claim` keeps it over a new socket; a
 * rejoin replaces it whole. Once disposed (`end`, `abandon`), nothing it
 * started reports anything.
 */
export class CallSession {
  private disposed = false;
  /** True once connected: publisher and subscription are in place. */
  private ready = false;
  private janus: JanusSession | null = null;
  private camera: Publisher | null = null;
  private screen: Publisher | null = null;
  private subscriber: Subscriber | null = null;
  private pacer: LayerPacer | null = null;
  /** Our camera's feed id: chosen by us, of the kind the room takes. */
  private feedId: string | null = null;
  /** The room on the server, once found: every request addresses it with the ids it takes. */
  private room: FoundRoom | null = null;
  /** The room's waiting room, passed before publishing; a moderator's stays open as the door. */
  private gate: WaitingRoomGate | null = null;
  /** The socket the liveness watch gave up on: its loss is the node's silence. */
  private silentSocket: JanusSession | null = null;

  constructor(
    private readonly janusServer: JanusEndpoint,
    /** The id kind to try first: what the server took last time, so a rejoin does not ask twice. */
    private readonly preferredKind: IdKind,
    readonly params: CallParams,
    private readonly media: SessionMedia,
    private readonly events: SessionEvents,
    private readonly warn: (message: string) => void,
  ) {}

  /** Connected and not disposed: the session's publishers and subscription may be used. */
  get active(): boolean {
    return this.ready && !this.disposed;
  }

  get sharingScreen(): boolean {
    return this.screen !== null;
  }

  /** The room and the kind of ids it takes, once found. */
  get address(): RoomAddress | null {
    return this.room?.address ?? null;
  }

  /**
   * One complete session: room, camera publisher, subscription, and the
   * screen share if one is running. A refusal retrying cannot change (a
   * wrong PIN, a server refusing our token) rejects with a JoinRefusedError.
   */
  async connect(prepared?: SessionParts): Promise<void> {
    try {
      const parts = prepared ?? (await openSessionParts(this.janusServer, this.params.rtc, this.warn));
      const { janus } = parts;
      if (this.janusServer.watchSilence) watchLiveness(janus, () => (this.silentSocket = janus));
      this.janus = janus;
      try {
        await this.enterRoom(parts);
      } catch (error) {
        await closeSessionParts(parts);
        throw error;
      }
    } catch (error) {
      const { credentials } = this.janusServer;
      const problem = serverProblem(error, { room: this.params.room, token: Boolean(credentials.token), apiSecret: Boolean(credentials.apiSecret) });
      throw problem === null ? error : new JoinRefusedError(problem);
    }
    this.learnTalkingEvents();
    await this.republishScreen();
  }

  /** A room we created sends `talking`; for one that existed, its entry in the room list says, read without holding up the join. */
  private learnTalkingEvents(): void {
    const { room, camera } = this;
    if (!room || !camera) return;
    const sent = room.created ? Promise.resolve(true) : roomSendsTalking(camera.handle, room.address);
    void sent.then((value) => this.emit('talkingEvents', value), () => this.emit('talkingEvents', null));
  }

  private async enterRoom(parts: SessionParts): Promise<void> {
    const { room, access } = this.params;
    const gate = (this.gate = new WaitingRoomGate(parts.janus.session, parts.publisherHandle, this.params, this.warn));
    // The room check (and its waiting room), media and the recording question in parallel: opening devices is the slow part of a first join.
    const [, audio, video, mayPublish] = await Promise.all([
      findOrCreateRoom(parts.publisherHandle, room, access, this.preferredKind).then((found) => gate.pass((this.room = found))),
      this.media.microphone(),
      this.media.camera(),
      this.params.mayPublish?.() ?? true,
    ]);
    if (!mayPublish) throw new PublishDeclinedError();
    const address = this.address;
    if (this.disposed || !address) throw new Error('superseded');
    const subscriber = this.openSubscription(parts, address);
    const feedId = newFeedId(address.kind);
    const camera = await Publisher.start(
      cameraPublisherOptions(
        parts.janus.session,
        this.params,
        { handle: parts.publisherHandle, connection: parts.camera, address, feedId, audio: this.media.sentAudio(audio), video, muted: () => this.media.muted() },
        (event) => this.onCameraEvent(event, subscriber),
        this.warn,
      ),
    ).catch(async (error: unknown) => {
      await subscriber.close();
      throw error;
    });
    if (this.disposed) {
      await subscriber.close();
      await camera.stop(true);
      throw new Error('superseded');
    }
    this.camera = camera;
    this.feedId = feedId;
    this.ready = true;
    camera.dataChannel?.addEventListener('open', () => this.emit('roomChannelOpen'));
    this.emit('published');
  }

  /** The subscription starts from our `joined` event, in parallel with publishing: a joiner sees others sooner. */
  private openSubscription({ janus, subscriberHandle, subscriberPc }: SessionParts, address: RoomAddress): Subscriber {
    const { access, rtc } = this.params;
    const subscriber = new Subscriber({
      session: janus.session, address, pin: access.pin, token: access.waiting?.token ?? undefined, rtc, handle: subscriberHandle, pc: subscriberPc, warn: this.warn,
      onData: (data) => this.emit('roomData', data),
      onMedia: (media) => this.emit('remoteMedia', media),
    });
    this.subscriber = subscriber;
    this.pacer = new LayerPacer((mid, layer) => subscriber.setLayer(mid, layer), realTimerClock, MIN_SWITCH_INTERVAL_MS, JANUS_START_SUBSTREAM);
    return subscriber;
  }

  private onCameraEvent(event: VideoRoomEvent, subscriber: Subscriber): void {
    if (this.disposed) return;
    if (event.videoroom === 'joined') subscriber.start(event.private_id);
    this.emit('roomEvent', event);
    // In the room (the pin was right): the call shows while our own media is still being published.
    // In the next task, so that the subscription's request leaves before React renders the call view.
    if (event.videoroom === 'joined') setTimeout(() => this.emit('admitted'), 0);
  }

  private async republishScreen(): Promise<void> {
    const screen = this.media.runningScreen();
    if (!screen || !this.feedId) return;
    this.screen = await this.publishScreen(screen, this.feedId).catch(() => null);
    if (!this.screen) this.emit('screenLost');
    else if (this.disposed) void this.stopScreen(false);
  }

  /** A screen publisher under a fresh feed id, announced first so our own roster leaves it out. */
  private async publishScreen(screen: ScreenCapture, ownerId: string): Promise<Publisher> {
    const { janus, address } = this;
    if (!janus || !address) throw new Error('no room to share the screen in');
    const feedId = newFeedId(address.kind);
    this.emit('screenFeed', feedId);
    try {
      return await Publisher.start(screenPublisherOptions(janus.session, this.params, { address, feedId, ownerId, screen }, this.warn));
    } catch (error) {
      this.emit('screenFeed', null);
      throw error;
    }
  }

  /**
   * Takes the session back over a new socket: publishers and subscription
   * keep their PeerConnections (media may never have stopped), only the
   * signaling is rebuilt. Returns the room's participants, re-read for
   * events missed meanwhile (null when the answer was malformed).
   */
  async claim(): Promise<readonly ListedParticipant[] | null> {
    const { janus: lost, camera, subscriber } = this;
    if (!lost || !camera || !subscriber) throw new Error('no session to claim');
    const handles = [camera.handle, this.screen?.handle, subscriber.videoRoomHandle].filter((handle): handle is VideoRoomHandle => handle !== null && handle !== undefined);
    const plugins = handles.map((handle) => ({ id: handle.id, name: VIDEOROOM_PLUGIN }));
    const { janus, plugins: reclaimed } = await reclaimJanusSession(this.janusServer.url, this.janusServer.credentials, lost.session.getId(), plugins);
    if (this.disposed) {
      await janus.close();
      throw new Error('superseded');
    }
    handles.forEach((handle, index) => {
      const plugin = reclaimed[index];
      if (plugin) handle.rebind(plugin);
    });
    subscriber.adoptSession(janus.session);
    if (this.janusServer.watchSilence) watchLiveness(janus, () => (this.silentSocket = janus));
    this.janus = janus;
    const listed = ParticipantListSchema.safeParse(await camera.handle.request({ request: 'listparticipants', room: this.address?.room }));
    return listed.success ? listed.data.participants : null;
  }

  /** Reports the loss of the current WebSocket (once); a claim replaces the socket, so it is watched again after one. */
  watchSocket(): void {
    const janus = this.janus;
    void janus?.closed.then(() => {
      if (this.janus === janus) this.emit('socketLost', this.silentSocket === janus);
    });
  }

  want(feeds: Iterable<string>): void {
    this.subscriber?.want(feeds);
  }

  /** Asks for a simulcast layer on one of the subscription's video m-lines, paced. */
  requestLayer(mid: string, layer: Substream): void {
    this.pacer?.request(mid, layer);
  }

  layerOf(mid: string): Substream | null {
    return this.pacer?.current(mid) ?? null;
  }

  feedOfMid(mid: string): string | undefined {
    return this.subscriber?.streamOf(mid)?.feed_id;
  }

  /** Encodes our camera's simulcast layers up to `top` only; none at all for null. */
  async setCameraLayers(top: EncodedTop): Promise<void> {
    if (this.active) await this.camera?.setActiveEncodings(activeEncodings(top));
  }

  /** What Janus relays of the video: cameras paused (audio-only fallback), feeds on no visible tile. */
  setVideoRelay(change: Partial<RelayInput>): void {
    if (this.active) this.subscriber?.setVideoRelay(change);
  }

  /** The subscription's and the camera's stats, for the quality loop. */
  async readStats(): Promise<{ incoming: RTCStatsReport; outgoing: RTCStatsReport } | null> {
    const { subscriber, camera } = this;
    if (!this.active || !subscriber || !camera) return null;
    const [incoming, outgoing] = await Promise.all([subscriber.pc.getStats(), camera.pc.getStats()]);
    return { incoming, outgoing };
  }

  /** The camera's, the subscription's and the screen's PeerConnections, those there are. */
  peerConnections(): RTCPeerConnection[] {
    return [this.camera?.pc, this.subscriber?.pc, this.screen?.pc].filter((pc): pc is RTCPeerConnection => pc !== undefined);
  }

  iceStates(): RTCIceConnectionState[] {
    return this.peerConnections().map((pc) => pc.iceConnectionState);
  }

  get iceRestarts(): number {
    return (this.subscriber?.iceRestarts ?? 0) + (this.camera?.iceRestarts ?? 0);
  }

  /** Restarts ICE on every PeerConnection of the session. */
  async restartIce(): Promise<void> {
    if (!this.active) return;
    await Promise.all([this.camera?.restartIce(), this.subscriber?.restartIce(), this.screen?.restartIce()]);
  }

  /** Swaps the camera publisher's sent track (device change, camera on/off). */
  async replaceTrack(kind: 'audio' | 'video', track: MediaStreamTrack | null): Promise<void> {
    if (this.active) await this.camera?.replaceTrack(kind, track);
  }

  /** Tells the room our mute state, which rides on the stream descriptions. */
  describeCamera(audioMuted: boolean, videoMuted: boolean): void {
    const camera = this.active ? this.camera : null;
    if (!camera) return;
    void camera.describe(cameraDescriptions(camera.mids.audio, camera.mids.video, audioMuted, videoMuted)).catch((error: unknown) => this.warn(`mute state not sent: ${String(error)}`));
  }

  /** The camera publisher's data channel: chat, hands and reactions go out on it. */
  get roomChannel(): RTCDataChannel | null {
    return this.active ? (this.camera?.dataChannel ?? null) : null;
  }

  /** Sends a VideoRoom request on the camera publisher's handle (moderation). */
  async request(body: Record<string, unknown>): Promise<unknown> {
    return this.active ? this.camera?.handle.request(body) : undefined;
  }

  /** Publishes a screen share; rejects when Janus refused it. */
  async startScreen(screen: ScreenCapture, ownerId: string): Promise<void> {
    if (!this.active || this.screen) return;
    this.screen = await this.publishScreen(screen, ownerId);
  }

  async stopScreen(leaveRoom = true): Promise<void> {
    const publisher = this.screen;
    this.screen = null;
    if (publisher) this.emit('screenFeed', null);
    await leaveStep(publisher?.stop(leaveRoom));
  }

  /** Leaves (or, after a failure, just closes) everything, each step bounded in time. */
  async end(leaveRoom: boolean): Promise<void> {
    const wasReady = this.dispose();
    const { janus, camera, subscriber } = this;
    if (!wasReady || !janus || !camera || !subscriber) return;
    await subscriber.close().catch(() => undefined);
    await this.stopScreen(leaveRoom);
    await leaveStep(camera.stop(leaveRoom));
    await leaveStep(janus.session.destroy());
    await janus.close().catch(() => undefined);
  }

  /** Drops the session's objects without telling Janus: it is gone or will time us out. */
  abandon(): void {
    const wasReady = this.dispose();
    if (!wasReady) return;
    void this.subscriber?.close();
    void this.camera?.stop(false);
    void this.screen?.stop(false);
    void this.janus?.close().catch(() => undefined);
  }

  /** Marks the session disposed; returns whether it had connected (a session still connecting cleans up after itself). */
  private dispose(): boolean {
    const wasReady = this.active;
    this.disposed = true;
    this.pacer?.forget();
    void this.gate?.close();
    return wasReady;
  }

  private emit<Name extends keyof SessionEvents>(name: Name, ...args: Parameters<SessionEvents[Name]>): void {
    if (this.disposed) return;
    (this.events[name] as (...values: Parameters<SessionEvents[Name]>) => void)(...args);
  }
}
