import type { JoinRequest } from '../../../shared/call/join-request.js';
import type { RuntimeConfig } from '../../../shared/config/runtime-config.js';
import type { CallLayout, CallState, CallStore } from './call-store.js';
import { applyRoomMessage, initialRoomChatState, parseRoomMessage, pruneHands, type RoomMessage, type ReactionEntry } from './chat/room-messages.js';
import { cameraDescriptions, screenFeedId, StreamDescription } from './feed-labels.js';
import { openJanusSession, reclaimJanusSession, type JanusSession } from './janus/janus-session.js';
import { JanusRequestError, VideoRoomErrorCode } from './janus/janus-request-error.js';
import { Publisher } from './janus/publisher.js';
import { Subscriber } from './janus/subscriber.js';
import { VIDEOROOM_PLUGIN, VideoRoomHandle } from './janus/videoroom-handle.js';
import { ParticipantListSchema, RoomExistsSchema, type VideoRoomEvent } from './janus/videoroom-messages.js';
import { resolveRtcConfiguration } from './media/ice-config.js';
import { LayerPacer, MIN_SWITCH_INTERVAL_MS } from './media/layer-pacer.js';
import { deviceErrorMessage, listDevices, openCamera, openMicrophone, openScreen } from './media/local-media.js';
import { fitLayersToBudget, JANUS_START_SUBSTREAM, layerForTile, type LayerWant, type TileRole } from './media/simulcast.js';
import { applyVideoRoomEvent, reconcileRoster } from './participants.js';
import { initialFallbackState, nextFallbackState } from './quality/audio-only-fallback.js';
import { initialBudgetState, nextBudget } from './quality/downlink-budget.js';
import { initialMediaHealth, mediaProblemMessage, nextMediaHealth } from './quality/media-health.js';
import type { InboundCounters } from './quality/network-quality.js';
import { readPublisherStats, readSubscriberStats, SELF_STATS } from './quality/stats-monitor.js';
import { roomCreationRequest } from './room-settings.js';
import { timeLimit } from './time-limit.js';

/** What protects a room: the pin to enter it and the secret to moderate it. Both optional. */
export interface RoomAccess {
  readonly pin?: string | undefined;
  readonly secret?: string | undefined;
}

export interface CallEngineOptions {
  readonly config: RuntimeConfig;
  readonly store: CallStore;
  readonly warn?: (message: string) => void;
}

export interface CallEngine {
  /** Opens camera and microphone (as the mute flags allow) for the lobby's preview. */
  preview(): Promise<void>;
  join(request: JoinRequest, access?: RoomAccess): Promise<void>;
  leave(): Promise<void>;
  setAudioMuted(muted: boolean): Promise<void>;
  setVideoMuted(muted: boolean): Promise<void>;
  selectCamera(deviceId: string): Promise<void>;
  selectMicrophone(deviceId: string): Promise<void>;
  startScreenShare(): Promise<void>;
  stopScreenShare(): Promise<void>;
  setLayout(layout: CallLayout): void;
  /** A tile reports its role and rendered height so the right simulcast layer is received. */
  reportTile(feedId: string, role: TileRole, heightDevicePx: number): void;
  forgetTile(feedId: string): void;
  /** Restarts ICE on every connection now (the stats panel's "Reconnect media"). */
  restartIce(): Promise<void>;
  sendChat(text: string): void;
  setHandRaised(raised: boolean): void;
  react(emoji: ReactionEntry['emoji']): void;
  muteParticipant(feedId: string): Promise<void>;
  removeParticipant(feedId: string): Promise<void>;
}

/** Leaving must not hang on a server that stopped answering. */
const LEAVE_TIMEOUT_MS = 2000;
/** Between attempts to reach Janus again: short, so a restarted server is found at once. */
const RECONNECT_INTERVAL_MS = 250;
const STATS_INTERVAL_MS = 1000;
/**
 * How long a lost WebSocket is answered with `claim` before joining from
 * scratch: inside the stack's 30 s reclaim_session_timeout, with room for
 * the round trips.
 */
const RECLAIM_WINDOW_MS = 25_000;
/** How long a reaction floats over its tile. */
const REACTION_SHOW_MS = 4000;

/** Waits for a step of leaving, at most LEAVE_TIMEOUT_MS; its failure or silence does not stop the rest. */
async function leaveStep(step: Promise<unknown> | undefined): Promise<void> {
  if (step) await timeLimit(step, LEAVE_TIMEOUT_MS, () => new Error('timed out')).catch(() => undefined);
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

async function ensureRoom(handle: VideoRoomHandle, room: string, access: RoomAccess): Promise<void> {
  const exists = RoomExistsSchema.safeParse(await handle.request({ request: 'exists', room }));
  if (exists.success && exists.data.exists) return;
  try {
    await handle.request(roomCreationRequest(room, access));
  } catch (error) {
    // Another participant created it between our two requests: that is the room we want.
    if (!(error instanceof JanusRequestError && error.code === VideoRoomErrorCode.roomExists)) throw error;
  }
}

function joinErrorMessage(error: unknown): string {
  if (error instanceof JanusRequestError && error.code === VideoRoomErrorCode.unauthorized) {
    return 'Wrong PIN: this room needs the PIN its host set. Check it and try again.';
  }
  return error instanceof Error ? error.message : String(error);
}

/** Everything that lives as long as one Janus session; a reconnect replaces it whole. */
interface Connection {
  janus: JanusSession;
  readonly camera: Publisher;
  screen: Publisher | null;
  readonly subscriber: Subscriber;
}

interface CallParams {
  readonly room: string;
  readonly displayName: string;
  readonly access: RoomAccess;
  readonly rtc: RTCConfiguration;
}

/**
 * The call: local media, one camera publisher, an optional screen
 * publisher and one multistream subscription, all on one Janus session.
 * State goes to the store; components call these methods and read the store.
 */
export function createCallEngine({ config, store, warn = () => undefined }: CallEngineOptions): CallEngine {
  let connection: Connection | null = null;
  let params: CallParams | null = null;
  /** Bumped on leave and on every reconnect, so work from an older session stops touching state. */
  let generation = 0;
  let statsTimer: ReturnType<typeof setInterval> | null = null;
  let fallback = initialFallbackState;
  let budget = initialBudgetState;
  const downlinkBudget = () => budget.budgetBps;
  let mediaHealth = initialMediaHealth;
  const counters = new Map<string, InboundCounters>();
  const tiles = new Map<string, { role: TileRole; height: number }>();
  /** The subscription being set up, before `connection` holds it: tiles may already pick layers. */
  let joiningSubscriber: Subscriber | null = null;
  const pacer = new LayerPacer(
    (mid, layer) => (connection?.subscriber ?? joiningSubscriber)?.setLayer(mid, layer),
    {
      now: () => performance.now(),
      setTimeout: (callback, ms) => setTimeout(callback, ms),
      clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
    },
    MIN_SWITCH_INTERVAL_MS,
    JANUS_START_SUBSTREAM,
  );

  const set = (change: Partial<CallState>) => store.setState(change);
  const state = () => store.getState();

  /** Plugging a device in or out updates the pickers; an unplugged device in use also ends its track (watchEnded). */
  let watchingDevices = false;
  function watchDevices(): void {
    if (watchingDevices || !navigator.mediaDevices) return;
    watchingDevices = true;
    navigator.mediaDevices.addEventListener('devicechange', () => void refreshDevices().catch(() => undefined));
  }

  async function refreshDevices(): Promise<void> {
    const { cameras, microphones } = await listDevices();
    const choice = (device: MediaDeviceInfo, index: number, kind: string) => ({ deviceId: device.deviceId, label: device.label || `${kind} ${index + 1}` });
    set({
      cameras: cameras.map((device, index) => choice(device, index, 'Camera')),
      microphones: microphones.map((device, index) => choice(device, index, 'Microphone')),
    });
  }

  /** An unplugged device ends its track: say so and show the camera as off, never a frozen frame. */
  function watchEnded(kind: 'camera' | 'microphone', track: MediaStreamTrack): void {
    track.addEventListener('ended', () => {
      const current = kind === 'camera' ? state().localVideo : state().localAudio;
      if (current !== track) return;
      set({ deviceProblem: `Your ${kind} was disconnected. Pick another one, or plug it back in and turn it on again.` });
      if (kind === 'camera') void setVideoMuted(true);
      else void setAudioMuted(true);
      void refreshDevices().catch(() => undefined);
    });
  }

  /** Opens in flight, so the lobby's preview and a join racing it share one device open. */
  let openingMicrophone: Promise<MediaStreamTrack | null> | null = null;
  let openingCamera: Promise<MediaStreamTrack | null> | null = null;

  function ensureMicrophone(): Promise<MediaStreamTrack | null> {
    openingMicrophone ??= openMicrophoneOnce().finally(() => (openingMicrophone = null));
    return openingMicrophone;
  }

  function ensureCamera(): Promise<MediaStreamTrack | null> {
    openingCamera ??= openCameraOnce().finally(() => (openingCamera = null));
    return openingCamera;
  }

  async function openMicrophoneOnce(): Promise<MediaStreamTrack | null> {
    const existing = state().localAudio;
    if (existing && existing.readyState === 'live') return existing;
    try {
      const track = await openMicrophone(state().microphoneId);
      track.enabled = !state().audioMuted;
      watchEnded('microphone', track);
      set({ localAudio: track, microphoneId: track.getSettings().deviceId ?? state().microphoneId });
      return track;
    } catch (error) {
      set({ deviceProblem: deviceErrorMessage('microphone', error), audioMuted: true });
      return null;
    }
  }

  async function openCameraOnce(): Promise<MediaStreamTrack | null> {
    if (state().videoMuted) return null;
    const existing = state().localVideo;
    if (existing && existing.readyState === 'live') return existing;
    try {
      const track = await openCamera(state().cameraId);
      watchEnded('camera', track);
      set({ localVideo: track, cameraId: track.getSettings().deviceId ?? state().cameraId });
      return track;
    } catch (error) {
      set({ deviceProblem: deviceErrorMessage('camera', error), videoMuted: true });
      return null;
    }
  }

  function stopLocalTracks(): void {
    const { localAudio, localVideo, localScreen } = state();
    for (const track of [localAudio, localVideo, localScreen]) track?.stop();
    set({ localAudio: null, localVideo: null, localScreen: null, screenSharing: false });
  }

  function describeCamera(): void {
    const camera = connection?.camera;
    if (!camera) return;
    const { audioMuted, videoMuted } = state();
    void camera.describe(cameraDescriptions(camera.mids.audio, camera.mids.video, audioMuted, videoMuted)).catch((error: unknown) => warn(`mute state not sent: ${String(error)}`));
  }

  function wantedFeeds(): string[] {
    return Object.values(state().roster)
      .filter((participant) => participant.publishing)
      .map((participant) => participant.id);
  }

  function updateLayers(): void {
    const media = state().remoteMedia;
    const priority: Record<TileRole, number> = { speaker: 0, screen: 0, grid: 1, thumbnail: 2 };
    const wants: Array<LayerWant & { rank: number }> = [];
    for (const [feedId, tile] of tiles) {
      const mid = media[feedId]?.videoMid;
      if (mid) wants.push({ mid, layer: layerForTile(tile.role, tile.height), rank: priority[tile.role] });
    }
    wants.sort((a, b) => a.rank - b.rank);
    for (const [mid, layer] of fitLayersToBudget(wants, downlinkBudget())) pacer.request(mid, layer);
  }

  function receiveRoomMessage(message: RoomMessage): void {
    store.setState((now) => ({ roomChat: applyRoomMessage(now.roomChat, message, now.selfId) }));
    if (message.type === 'reaction') {
      setTimeout(() => {
        store.setState((now) => ({ roomChat: { ...now.roomChat, reactions: now.roomChat.reactions.filter((entry) => entry.id !== message.id) } }));
      }, REACTION_SHOW_MS);
    }
  }

  /** Sends on our data channel and applies locally (Janus does not echo our own data back). */
  function sendRoomMessage(build: (sender: { from: string; name: string }) => RoomMessage): void {
    const { selfId, displayName } = state();
    if (!selfId) return;
    const message = build({ from: selfId, name: displayName });
    const channel = connection?.camera.dataChannel;
    if (channel?.readyState === 'open') channel.send(JSON.stringify(message));
    receiveRoomMessage(message);
  }

  /** Newcomers and reconnects do not know our hand: tell the room again. */
  function announceHand(): void {
    if (state().handRaised) sendRoomMessage((sender) => ({ type: 'hand', ...sender, raised: true }));
  }

  function onRoomEvent(event: VideoRoomEvent, myGeneration: number, subscriber: Subscriber): void {
    if (myGeneration !== generation) return;
    if (event.videoroom === 'event' && event.leaving === 'ok' && event.reason === 'kicked') {
      void endCall('A moderator removed you from the meeting.');
      return;
    }
    store.setState((current) => {
      const selfId = event.videoroom === 'joined' ? event.id : current.selfId;
      if (selfId === null) return current;
      const talkingId = event.videoroom === 'talking' ? event.id : current.activeSpeakerId;
      const roster = applyVideoRoomEvent(current.roster, event, selfId);
      return { selfId, roster, activeSpeakerId: talkingId, roomChat: pruneHands(current.roomChat, (id) => id === selfId || id in roster) };
    });
    subscriber.want(wantedFeeds());
    if (event.videoroom === 'event' && event.publishers?.length) announceHand();
  }

  async function pollStats(myGeneration: number): Promise<void> {
    const current = connection;
    if (!current || myGeneration !== generation) return;
    const [incoming, outgoing] = await Promise.all([current.subscriber.pc.getStats(), current.camera.pc.getStats()]);
    if (myGeneration !== generation) return;
    const reading = readSubscriberStats(
      incoming,
      (mid) => current.subscriber.streamOf(mid)?.feed_id,
      (mid) => pacer.current(mid),
      state().stats,
      counters,
    );
    const stats = { ...reading.feeds, [SELF_STATS]: readPublisherStats(outgoing, state().stats[SELF_STATS]) };
    const previousBudget = budget.budgetBps;
    budget = nextBudget(budget, reading.downlink);
    // No budget means nothing limits the downlink: as good as unlimited for the fallback.
    const next = nextFallbackState(fallback, { budgetBps: budget.budgetBps ?? Number.POSITIVE_INFINITY, lossFraction: reading.downlink.lossFraction }, performance.now());
    if (next.audioOnly !== fallback.audioOnly) current.subscriber.setVideoPaused(next.audioOnly);
    fallback = next;
    const health = nextMediaHealth(mediaHealth, [current.camera.pc, current.subscriber.pc, current.screen?.pc].flatMap((pc) => (pc ? [pc.iceConnectionState] : [])), performance.now());
    mediaHealth = health.health;
    if (health.retry) void restartAllIce(current).catch((error: unknown) => warn(`ICE restart failed: ${String(error)}`));
    const mediaProblem = health.broken ? mediaProblemMessage(params?.rtc.iceTransportPolicy === 'relay') : null;
    set({ stats, audioOnly: fallback.audioOnly, mediaProblem, iceRestarts: current.subscriber.iceRestarts + current.camera.iceRestarts });
    if (previousBudget !== budget.budgetBps) updateLayers();
  }

  async function restartAllIce(current: Connection): Promise<void> {
    await Promise.all([current.camera.restartIce(), current.subscriber.restartIce(), current.screen?.restartIce()]);
  }

  async function startScreenPublisher(current: Connection, track: MediaStreamTrack, p: CallParams, selfId: string): Promise<Publisher> {
    return Publisher.start({
      session: current.janus.session,
      room: p.room,
      feedId: screenFeedId(selfId),
      display: p.displayName,
      pin: p.access.pin,
      rtc: p.rtc,
      kind: 'screen',
      audio: null,
      video: track,
      descriptions: (mids) => (mids.video ? [{ mid: mids.video, description: StreamDescription.screen }] : []),
      warn,
    });
  }

  /** One complete session: room, camera publisher, subscription, and the screen share if one is running. */
  async function connect(p: CallParams, myGeneration: number): Promise<void> {
    const janus = await openJanusSession(config.janusUrl);
    try {
      // Media, the room check and the subscription's handle in parallel: opening devices is the slow part of a first join.
      const [handle, subscriberHandle, audio, video] = await Promise.all([
        VideoRoomHandle.attach(janus.session, warn).then(async (attached) => {
          await ensureRoom(attached, p.room, p.access);
          return attached;
        }),
        VideoRoomHandle.attach(janus.session, warn),
        ensureMicrophone(),
        ensureCamera(),
      ]);
      if (myGeneration !== generation) throw new Error('superseded');
      let privateId: number | undefined;
      const feedId = crypto.randomUUID();
      pacer.forget();
      counters.clear();
      // The subscription starts from the `joined` event, in parallel with publishing: a joiner sees others sooner.
      const subscriber = new Subscriber({
        session: janus.session,
        room: p.room,
        privateId: () => privateId,
        pin: p.access.pin,
        rtc: p.rtc,
        handle: subscriberHandle,
        warn,
        onData: (data) => {
          const message = myGeneration === generation ? parseRoomMessage(data) : null;
          if (message) receiveRoomMessage(message);
        },
        onMedia: (remoteMedia) => {
          if (myGeneration !== generation) return;
          set({ remoteMedia });
          updateLayers();
        },
      });
      joiningSubscriber = subscriber;
      let camera: Publisher;
      try {
        camera = await Publisher.start({
          session: janus.session,
          handle,
          room: p.room,
          feedId,
          display: p.displayName,
          pin: p.access.pin,
          rtc: p.rtc,
          kind: 'camera',
          audio,
          video,
          descriptions: (mids) => cameraDescriptions(mids.audio, mids.video, state().audioMuted, state().videoMuted),
          onEvent: (event) => {
            if (event.videoroom === 'joined') privateId = event.private_id;
            onRoomEvent(event, myGeneration, subscriber);
            // In the room (the pin was right): show the call while our own media is still being published.
            // In the next task, so that the subscription's request leaves before React renders the call view.
            if (event.videoroom === 'joined') {
              setTimeout(() => {
                if (myGeneration === generation && state().phase === 'joining') set({ phase: 'in-call' });
              }, 0);
            }
          },
          warn,
        });
      } catch (error) {
        joiningSubscriber = null;
        await subscriber.close();
        throw error;
      }
      if (myGeneration !== generation) {
        joiningSubscriber = null;
        await subscriber.close();
        await camera.stop(true);
        throw new Error('superseded');
      }
      connection = { janus, camera, screen: null, subscriber };
      joiningSubscriber = null;
      camera.dataChannel?.addEventListener('open', announceHand);
      subscriber.want(wantedFeeds());
      const screenTrack = state().localScreen;
      if (screenTrack && screenTrack.readyState === 'live') {
        connection.screen = await startScreenPublisher(connection, screenTrack, p, feedId).catch(() => null);
        if (!connection.screen) stopScreenTrack();
      }
      watchClosed(janus, myGeneration);
    } catch (error) {
      await janus.close().catch(() => undefined);
      throw error;
    }
  }

  function watchClosed(janus: JanusSession, myGeneration: number): void {
    void janus.closed.then(() => {
      if (myGeneration === generation && connection?.janus === janus) void reconnect();
    });
  }

  /**
   * Takes the session back over a new socket: publishers and subscription
   * keep their PeerConnections (media may never have stopped), only the
   * signaling is rebuilt, and the roster is re-read for events missed meanwhile.
   */
  async function reclaim(current: Connection, p: CallParams, myGeneration: number): Promise<void> {
    const handles = [current.camera.handle, current.screen?.handle, current.subscriber.videoRoomHandle].filter(
      (handle): handle is VideoRoomHandle => handle !== null && handle !== undefined,
    );
    const { janus, plugins } = await reclaimJanusSession(
      config.janusUrl,
      current.janus.session.getId(),
      handles.map((handle) => ({ id: handle.id, name: VIDEOROOM_PLUGIN })),
    );
    if (myGeneration !== generation) {
      await janus.close();
      throw new Error('superseded');
    }
    handles.forEach((handle, index) => {
      const plugin = plugins[index];
      if (plugin) handle.rebind(plugin);
    });
    current.subscriber.adoptSession(janus.session);
    current.janus = janus;
    watchClosed(janus, myGeneration);
    const listed = ParticipantListSchema.safeParse(await current.camera.handle.request({ request: 'listparticipants', room: p.room }));
    const selfId = state().selfId;
    if (listed.success && selfId) store.setState((now) => ({ roster: reconcileRoster(now.roster, listed.data.participants, selfId) }));
    current.subscriber.want(wantedFeeds());
  }

  /** Drops the current session's objects without telling Janus: it is gone or will time us out. */
  function dropConnection(): void {
    const current = connection;
    connection = null;
    if (!current) return;
    void current.subscriber.close();
    void current.camera.stop(false);
    void current.screen?.stop(false);
    void current.janus.close().catch(() => undefined);
  }

  /**
   * The WebSocket closed. First `claim` the session over a new socket
   * (network blip: nothing else changes); when Janus no longer knows it
   * (restarted) or the reclaim window passed, join again from scratch with
   * the same tracks and mute state until it works. "Reconnecting" shows
   * meanwhile.
   */
  async function reconnect(): Promise<void> {
    const p = params;
    const previous = connection;
    if (!p) return;
    const claimGeneration = generation;
    set({ phase: 'reconnecting', reconnects: state().reconnects + 1 });
    const lostAt = performance.now();
    while (previous && claimGeneration === generation && performance.now() - lostAt < RECLAIM_WINDOW_MS) {
      try {
        await reclaim(previous, p, claimGeneration);
        if (claimGeneration === generation) set({ phase: 'in-call' });
        return;
      } catch (error) {
        // An answer from Janus (no such session) means it restarted: claiming again cannot work.
        if (typeof (error as { code?: unknown }).code === 'number') break;
        await sleep(RECONNECT_INTERVAL_MS);
      }
    }
    if (claimGeneration !== generation) return;
    const myGeneration = ++generation;
    dropConnection();
    mediaHealth = initialMediaHealth;
    set({ phase: 'reconnecting', roster: {}, remoteMedia: {}, stats: {}, selfId: null, activeSpeakerId: null, mediaProblem: null });
    while (myGeneration === generation) {
      try {
        await connect(p, myGeneration);
        if (myGeneration === generation) set({ phase: 'in-call', error: null });
        return;
      } catch (error) {
        if (error instanceof JanusRequestError && error.code === VideoRoomErrorCode.unauthorized) {
          await endCall(joinErrorMessage(error));
          return;
        }
        await sleep(RECONNECT_INTERVAL_MS);
      }
    }
  }

  function stopScreenTrack(): void {
    state().localScreen?.stop();
    set({ localScreen: null, screenSharing: false });
  }

  async function teardown(leaveRoom: boolean): Promise<void> {
    generation += 1;
    if (statsTimer !== null) clearInterval(statsTimer);
    statsTimer = null;
    const current = connection;
    connection = null;
    params = null;
    pacer.forget();
    tiles.clear();
    fallback = initialFallbackState;
    budget = initialBudgetState;
    mediaHealth = initialMediaHealth;
    if (!current) return;
    await current.subscriber.close().catch(() => undefined);
    await leaveStep(current.screen?.stop(leaveRoom));
    await leaveStep(current.camera.stop(leaveRoom));
    await leaveStep(current.janus.session.destroy());
    await current.janus.close().catch(() => undefined);
  }

  async function endCall(error: string | null): Promise<void> {
    await teardown(error === null);
    stopLocalTracks();
    set({ phase: error === null ? 'idle' : 'failed', error, selfId: null, roster: {}, remoteMedia: {}, stats: {}, activeSpeakerId: null, audioOnly: false, mediaProblem: null, moderator: false, roomChat: initialRoomChatState, handRaised: false });
  }

  async function setAudioMuted(muted: boolean): Promise<void> {
    set({ audioMuted: muted });
    let track = state().localAudio;
    if (!muted && (!track || track.readyState !== 'live')) {
      set({ deviceProblem: null });
      track = await ensureMicrophone();
      await connection?.camera.replaceTrack('audio', track);
    }
    if (track) track.enabled = !state().audioMuted;
    describeCamera();
  }

  /** Camera off releases the camera (its light goes out) and sends no video; on reopens it. */
  async function setVideoMuted(muted: boolean): Promise<void> {
    set({ videoMuted: muted });
    if (muted) {
      const track = state().localVideo;
      set({ localVideo: null });
      await connection?.camera.replaceTrack('video', null);
      track?.stop();
    } else {
      set({ deviceProblem: null });
      const track = await ensureCamera();
      await connection?.camera.replaceTrack('video', track);
    }
    describeCamera();
  }

  async function stopScreenShare(): Promise<void> {
    const publisher = connection?.screen ?? null;
    if (connection) connection.screen = null;
    stopScreenTrack();
    await leaveStep(publisher?.stop(true));
  }

  return {
    async preview() {
      watchDevices();
      await ensureMicrophone();
      await ensureCamera();
      await refreshDevices().catch(() => undefined);
    },

    async join({ room, displayName }, access = {}) {
      await teardown(true);
      const myGeneration = generation;
      set({ phase: 'joining', room, displayName, error: null, moderator: Boolean(access.secret), reconnects: 0 });
      try {
        const rtc = await resolveRtcConfiguration(config, warn);
        const p: CallParams = { room, displayName, access, rtc };
        params = p;
        await connect(p, myGeneration);
        if (myGeneration !== generation) return;
        set({ phase: 'in-call' });
        statsTimer = setInterval(() => void pollStats(generation).catch(() => undefined), STATS_INTERVAL_MS);
        watchDevices();
        void refreshDevices().catch(() => undefined);
      } catch (error) {
        if (myGeneration !== generation) return;
        await endCall(joinErrorMessage(error));
      }
    },

    leave: () => endCall(null),
    setAudioMuted,
    setVideoMuted,

    async selectCamera(deviceId) {
      const old = state().localVideo;
      set({ cameraId: deviceId, deviceProblem: null });
      if (state().videoMuted) return;
      set({ localVideo: null });
      const track = await ensureCamera();
      await connection?.camera.replaceTrack('video', track);
      old?.stop();
    },

    async selectMicrophone(deviceId) {
      const old = state().localAudio;
      set({ microphoneId: deviceId, localAudio: null, deviceProblem: null });
      const track = await ensureMicrophone();
      await connection?.camera.replaceTrack('audio', track);
      old?.stop();
    },

    async startScreenShare() {
      const current = connection;
      const p = params;
      const selfId = state().selfId;
      if (!current || !p || !selfId || current.screen) return;
      let track: MediaStreamTrack;
      try {
        track = await openScreen();
      } catch {
        return; // The user closed the picker: nothing to share.
      }
      // The browser's or the OS's own "stop sharing" control ends the track.
      track.addEventListener('ended', () => {
        if (state().localScreen === track) void stopScreenShare();
      });
      set({ localScreen: track, screenSharing: true });
      try {
        current.screen = await startScreenPublisher(current, track, p, selfId);
      } catch (error) {
        warn(`screen share failed: ${String(error)}`);
        stopScreenTrack();
      }
    },

    stopScreenShare,

    setLayout(layout) {
      set({ layout });
    },

    reportTile(feedId, role, heightDevicePx) {
      const before = tiles.get(feedId);
      if (before && before.role === role && before.height === heightDevicePx) return;
      tiles.set(feedId, { role, height: heightDevicePx });
      updateLayers();
    },

    forgetTile(feedId) {
      tiles.delete(feedId);
    },

    async restartIce() {
      const current = connection;
      if (current) await restartAllIce(current);
    },

    sendChat(text) {
      const trimmed = text.trim().slice(0, 2000);
      if (trimmed) sendRoomMessage((sender) => ({ type: 'chat', ...sender, id: crypto.randomUUID(), text: trimmed }));
    },

    setHandRaised(raised) {
      set({ handRaised: raised });
      sendRoomMessage((sender) => ({ type: 'hand', ...sender, raised }));
    },

    react(emoji) {
      sendRoomMessage((sender) => ({ type: 'reaction', ...sender, id: crypto.randomUUID(), emoji }));
    },

    async muteParticipant(feedId) {
      const current = connection;
      const p = params;
      const audioMid = state().roster[feedId]?.audioMid;
      if (!current || !p?.access.secret || !audioMid) return;
      await current.camera.handle.request({ request: 'moderate', room: p.room, secret: p.access.secret, id: feedId, mid: audioMid, mute: true });
      // Janus drops the audio at once but announces `moderated` only with the next publisher update: show it now.
      store.setState((now) => {
        const participant = now.roster[feedId];
        return participant ? { roster: { ...now.roster, [feedId]: { ...participant, audioMuted: true } } } : now;
      });
    },

    async removeParticipant(feedId) {
      const current = connection;
      const p = params;
      if (!current || !p?.access.secret) return;
      await current.camera.handle.request({ request: 'kick', room: p.room, secret: p.access.secret, id: feedId });
    },
  };
}
