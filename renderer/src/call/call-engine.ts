import type { JoinRequest } from '../../../shared/call/join-request.js';
import type { CallEngine, CallEngineOptions } from './call-engine-api.js';
import type { CallLayout, CallState, CallStore } from './call-store.js';
import { initialRoomChatState, pruneHands, type ReactionEntry } from './chat/room-messages.js';
import { RoomChannel } from './chat/room-channel.js';
import { RoomMessaging } from './chat/room-messaging.js';
import type { VideoRoomEvent } from './janus/videoroom-messages.js';
import { LocalMedia } from './media/local-media.js';
import { ShownLayers } from './media/shown-layers.js';
import { Moderation } from './moderation.js';
import { applyVideoRoomEvent, canSpeak, publishingFeeds, reconcileRoster } from './participants.js';
import type { IdKind } from './janus/room-ids.js';
import { QualityLoop } from './quality/quality-loop.js';
import { CallSession } from './session/call-session.js';
import { warmSessionParts, type SessionParts } from './session/session-parts.js';
import type { WarmStart } from './session/warm-start.js';
import { RoomAdmission } from './session/control-join.js';
import type { SessionEvents } from './session/session-contract.js';
import { callErrorOf, type CallError } from './session/call-error.js';
import { PublishDeclinedError } from './session/join-errors.js';
import { callPhaseOf, initialReconnectState, nextReconnectState, type ReconnectEvent, type ReconnectStep } from './session/reconnect-policy.js';
import { recoverCall, type RecoveryCause } from './session/recovery.js';
import { NodeMediaWatch } from './session/node-media-watch.js';
import { RoomNodes } from './session/room-nodes.js';
import type { CallParams, RoomAccess } from './session/room-entry.js';
import { LevelSpeakerLoop } from './speaker/level-speaker-loop.js';
import { sleep } from './timer-clock.js';

export type { RoomAccess } from './session/room-entry.js';
export type { CallEngine, CallEngineOptions } from './call-engine-api.js';

/** What a rejoin and the end of a call clear: the room as the last session saw it. */
const EMPTY_ROOM = { selfId: null, selfScreenId: null, roster: {}, remoteMedia: {}, remoteVideoShown: {}, stats: {}, activeSpeakerId: null, mediaProblem: null, audioModerated: false, waitingPeople: [], waitingForAdmission: false } as const;

/**
 * The call: local media, one call session at a time (camera publisher, optional screen publisher and one
 * multistream subscription on one Janus session) on the room's node, the reconnect policy that decides how a
 * lost session comes back, the subscription's layers, the quality loop, room messages and moderation.
 * State goes to the store; components call these methods and read the store.
 */
export function createCallEngine(options: CallEngineOptions): CallEngine {
  return new Call(options);
}

class Call implements CallEngine {
  private readonly store: CallStore;
  private readonly warn: (message: string) => void;
  private readonly localMedia: LocalMedia;
  readonly layers: ShownLayers;
  private readonly quality: QualityLoop;
  private readonly speaker: LevelSpeakerLoop;
  /** The kind of ids the server took last: a rejoin tries it first. */
  private idKind: IdKind = 'string';
  private readonly messaging: RoomMessaging;
  readonly roomChannel: RoomChannel;
  readonly moderation: Moderation;
  private reconnect = initialReconnectState;
  /** The call on now; null between calls. A recovery stops once this is no longer its call. */
  private params: CallParams | null = null;
  /** A join still resolving its ICE servers: a leave or another join meanwhile replaces it. */
  private pendingJoin: JoinRequest | null = null;
  private session: CallSession | null = null;
  private readonly nodes: RoomNodes;
  /** Straight to Janus, or through the control plane: the join's node, access and ICE servers, and the renewals. */
  private readonly admission: RoomAdmission;
  /** The lobby's head start: the next join's session parts, opened while the preview runs. */
  readonly warm: WarmStart<SessionParts>;
  private readonly nodeMedia = new NodeMediaWatch(() => (this.reconnect.phase === 'in-call' && this.session?.active ? this.session.iceStates() : null), () => this.leaveNode());

  constructor({ config, store, warn = () => undefined }: CallEngineOptions) {
    this.store = store;
    this.warn = warn;
    this.localMedia = new LocalMedia(store);
    this.nodes = new RoomNodes(config, warn);
    this.warm = warmSessionParts(config, this.nodes, warn);
    this.admission = new RoomAdmission(config, store, this.nodes, () => this.session?.peerConnections() ?? [], warn);
    this.quality = new QualityLoop({ store, session: () => this.session, onBudgetChange: () => this.layers.update(), warn });
    this.layers = new ShownLayers(config.dynacast !== false, store, () => this.session, () => this.quality.budgetBps, warn);
    this.speaker = new LevelSpeakerLoop(store, () => this.session);
    this.messaging = new RoomMessaging(store, () => this.session?.roomChannel ?? null);
    this.roomChannel = new RoomChannel(() => this.session?.roomChannel ?? null);
    this.moderation = new Moderation(store, () => this.session, () => this.localMedia.setAudioMuted(true));
  }

  async preview(): Promise<void> {
    await this.localMedia.openPreview();
    // Once the media is open: a page without a media permission gathers no ICE candidates.
    this.warm.prepare();
  }

  async join(request: JoinRequest, access: RoomAccess = {}, mayPublish?: () => Promise<boolean>): Promise<void> {
    await this.teardown(true);
    const { room, displayName } = request;
    this.transition({ type: 'join', failover: this.nodes.failover }, { room, displayName, moderator: Boolean(access.secret) });
    this.nodes.forgetFailures();
    this.pendingJoin = request;
    const warm = this.warm.claim();
    const admitted = await this.admission.join(room, access, this.idKind, warm?.rtc);
    if (this.pendingJoin !== request || !admitted.ok) warm?.release();
    if (this.pendingJoin !== request) return;
    this.pendingJoin = null;
    if (!admitted.ok) return this.endCall({ reason: 'failed', detail: admitted.error });
    // Asked once: a rejoin after a network change does not ask again.
    let asked: Promise<boolean> | undefined;
    const once = mayPublish && (() => (asked ??= mayPublish()));
    const session = this.openSession((this.params = { room, displayName, access: admitted.access, rtc: admitted.rtc, ...(once ? { mayPublish: once } : {}) }));
    try {
      await session.connect((await warm?.partsFor(this.nodes.current)) ?? undefined);
    } catch (error) {
      if (this.session === session) await this.endCall(error instanceof PublishDeclinedError ? null : callErrorOf(error));
      return;
    }
    if (this.session !== session) return;
    this.idKind = session.address?.kind ?? this.idKind;
    this.transition({ type: 'connected' });
    this.quality.start();
    this.speaker.start();
    this.layers.dynacast.start();
    if (this.nodes.failover) this.nodeMedia.start();
    void this.localMedia.followDevices();
  }

  leave(): Promise<void> {
    return this.endCall(null);
  }

  setAudioMuted(muted: boolean): Promise<void> {
    return this.localMedia.setAudioMuted(muted);
  }

  setVideoMuted(muted: boolean): Promise<void> {
    return this.localMedia.setVideoMuted(muted);
  }

  selectCamera(deviceId: string): Promise<void> {
    return this.localMedia.selectCamera(deviceId);
  }

  selectMicrophone(deviceId: string): Promise<void> {
    return this.localMedia.selectMicrophone(deviceId);
  }

  async startScreenShare(): Promise<void> {
    const session = this.session;
    const selfId = this.store.getState().selfId;
    if (!session?.active || !selfId || session.sharingScreen) return;
    const screen = await this.localMedia.openScreen(() => void this.stopScreenShare());
    if (!screen) return; // The user closed the picker: nothing to share.
    try {
      await session.startScreen(screen, selfId);
    } catch (error) {
      this.warn(`screen share failed: ${String(error)}`);
      this.localMedia.stopScreen();
    }
  }

  async stopScreenShare(): Promise<void> {
    const stopping = this.session?.stopScreen();
    this.localMedia.stopScreen();
    await stopping;
  }

  setLayout(layout: CallLayout): void {
    this.store.setState({ layout });
  }

  reportFrameShown(feedId: string): void {
    const { remoteMedia, remoteVideoShown } = this.store.getState();
    if (remoteMedia[feedId]?.video && !remoteVideoShown[feedId]) this.store.setState({ remoteVideoShown: { ...remoteVideoShown, [feedId]: true } });
  }

  rtcConfiguration(): RTCConfiguration | null {
    return this.params?.rtc ?? null;
  }

  async restartIce(): Promise<void> {
    await this.session?.restartIce();
  }

  sendChat(text: string): void {
    this.messaging.sendChat(text);
  }

  setHandRaised(raised: boolean): void {
    this.messaging.setHandRaised(raised);
  }

  react(emoji: ReactionEntry['emoji']): void {
    this.messaging.react(emoji);
  }

  muteParticipant(feedId: string): Promise<void> {
    return this.moderation.mute(feedId);
  }

  removeParticipant(feedId: string): Promise<void> {
    return this.moderation.remove(feedId);
  }

  /**
   * Feeds the reconnect policy; the one place the phase (and with it the
   * error and the reconnect count) is written, together with `change`.
   */
  private transition(event: ReconnectEvent, change: Partial<CallState> = {}): ReconnectStep {
    const { state, step } = nextReconnectState(this.reconnect, event);
    if (state !== this.reconnect) {
      this.reconnect = state;
      this.store.setState({ ...change, phase: callPhaseOf(state), error: state.error, reconnects: state.reconnects });
    } else if (Object.keys(change).length > 0) {
      this.store.setState(change);
    }
    // A session that is complete again reports the loss of its (new) WebSocket from now on.
    if ((event.type === 'connected' || event.type === 'claimed') && state.phase === 'in-call') this.session?.watchSocket();
    return step;
  }

  private openSession(params: CallParams): CallSession {
    const session = new CallSession(this.nodes.current, this.idKind, params, this.localMedia, this.sessionEvents(), this.warn);
    this.session = session;
    this.localMedia.sendTo(session);
    return session;
  }

  /** The current session's reports; a disposed session reports nothing, so these need no check of their own. */
  private sessionEvents(): SessionEvents {
    return {
      roomEvent: (event) => this.onRoomEvent(event),
      admitted: () => void this.transition({ type: 'admitted' }),
      published: () => {
        this.session?.want(publishingFeeds(this.store.getState().roster));
        this.layers.dynacast.roomChanged();
      },
      remoteMedia: (remoteMedia) => {
        this.store.setState({ remoteMedia });
        this.layers.update();
      },
      roomData: (data) => {
        if (data instanceof ArrayBuffer) this.roomChannel.receive(data);
        else if (typeof data !== 'string' || !this.layers.dynacast.receive(data)) this.messaging.receiveData(data);
      },
      roomChannelOpen: () => {
        this.layers.dynacast.channelOpened();
        this.messaging.channelOpened();
        this.roomChannel.opened();
      },
      screenLost: () => this.localMedia.stopScreen(),
      screenFeed: (selfScreenId) => this.store.setState({ selfScreenId }),
      talkingEvents: (sent) => this.speaker.talkingEvents(sent),
      socketLost: (silent) => this.recover(silent ? 'node-failed' : 'socket-lost'),
    };
  }

  private onRoomEvent(event: VideoRoomEvent): void {
    if (event.videoroom === 'event' && event.leaving === 'ok' && event.reason === 'kicked') {
      void this.endCall({ reason: 'removed' });
      return;
    }
    this.store.setState((current) => {
      const selfId = event.videoroom === 'joined' ? event.id : current.selfId;
      if (selfId === null) return current;
      const roster = applyVideoRoomEvent(current.roster, event, { camera: selfId, screen: current.selfScreenId });
      const talkingId = event.videoroom === 'talking' && canSpeak(roster, event.id) ? event.id : current.activeSpeakerId;
      return { selfId, roster, activeSpeakerId: talkingId, roomChat: pruneHands(current.roomChat, (id) => id === selfId || id in roster) };
    });
    this.session?.want(publishingFeeds(this.store.getState().roster));
    this.layers.dynacast.roomChanged();
    if (event.videoroom === 'talking') this.speaker.heardTalkingEvent();
    this.moderation.heard(event);
    this.messaging.roomEvent(event);
  }

  /** The node answers but our media to it stays broken: the room is placed again without it. */
  private leaveNode(): void {
    this.nodes.avoidCurrent();
    this.recover('node-failed');
  }

  /** The reconnect policy decides between claiming the session and joining again. */
  private recover(cause: RecoveryCause): void {
    const params = this.params;
    if (!params) return;
    void recoverCall({
      transition: (event) => this.transition(event),
      claim: () => this.claim(),
      rejoin: () => this.rejoin(params),
      end: (error) => this.endCall(error),
      sleep,
      now: () => performance.now(),
      ongoing: () => this.params === params,
    }, cause);
  }

  /** Claims the session over a new socket, then brings the roster back in line with what was missed. */
  private async claim(): Promise<void> {
    const session = this.session;
    if (!session) throw new Error('no session to claim');
    const participants = await session.claim();
    const selfId = this.store.getState().selfId;
    if (participants && selfId) this.store.setState((now) => ({ roster: reconcileRoster(now.roster, participants, { camera: selfId, screen: now.selfScreenId }) }));
    session.want(publishingFeeds(this.store.getState().roster));
  }

  /**
   * Joins again with the same tracks, mute state and share, on the room's node found anew; the first attempt
   * drops what the lost session left. Placed on the same node, the lost session is claimed first: our network blinked.
   */
  private async rejoin(params: CallParams): Promise<void> {
    const moved = await this.admission.place(params.room, this.idKind);
    if (this.params !== params) return;
    if (this.session && this.nodes.failover && !moved) {
      const claimed = await this.claim().then(() => true, () => false);
      if (claimed || this.params !== params) return;
    }
    if (this.session) {
      this.session.abandon();
      this.session = null;
      this.quality.resetHealth();
      this.store.setState(EMPTY_ROOM);
    }
    const session = this.openSession(params);
    try {
      await session.connect();
    } catch (error) {
      session.abandon();
      if (this.session === session) this.session = null;
      throw error;
    }
    this.idKind = session.address?.kind ?? this.idKind;
  }

  private async teardown(leaveRoom: boolean): Promise<void> {
    const session = this.session;
    this.session = null;
    this.params = null;
    this.pendingJoin = null;
    this.localMedia.sendTo(null);
    this.quality.stop();
    this.speaker.stop();
    this.nodeMedia.stop();
    this.admission.stop();
    this.layers.clear();
    await session?.end(leaveRoom);
  }

  private async endCall(error: CallError | null): Promise<void> {
    await this.teardown(error === null);
    this.localMedia.stopTracks();
    this.transition({ type: 'ended', error }, { ...EMPTY_ROOM, audioOnly: false, moderator: false, roomChat: initialRoomChatState, handRaised: false });
  }
}
