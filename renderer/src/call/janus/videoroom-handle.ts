import type Plugin from 'janus-gateway-js/src/plugin.js';
import type Session from 'janus-gateway-js/src/session.js';
import { REQUEST_TIMEOUT_MS, pluginRequest } from './plugin-request.js';
import { JsepSchema, VideoRoomEventSchema, pluginDataOf, type VideoRoomEvent } from './videoroom-messages.js';


export const VIDEOROOM_PLUGIN = 'janus.plugin.videoroom';

export type VideoRoomListener = (event: VideoRoomEvent, jsep: RTCSessionDescriptionInit | undefined) => void;
/** Called with messages that fail their schema: they are dropped, never acted on. */
export type InvalidMessageListener = (problem: string) => void;

/** One attached VideoRoom handle: typed requests in, validated events out. */
export class VideoRoomHandle {
  private readonly listeners = new Set<VideoRoomListener>();

  private constructor(
    private plugin: Plugin,
    private readonly onInvalid: InvalidMessageListener,
  ) {
    this.listen(plugin);
  }

  static async attach(session: Session, onInvalid: InvalidMessageListener): Promise<VideoRoomHandle> {
    return new VideoRoomHandle(await session.attachPlugin(VIDEOROOM_PLUGIN), onInvalid);
  }

  /** The handle's id on the server, which a `claim` keeps. */
  get id(): number {
    return this.plugin.getId();
  }

  /** Continues on the plugin object rebuilt for this handle after the session was claimed over a new socket. */
  rebind(plugin: Plugin): void {
    this.plugin.removeAllListeners();
    this.plugin = plugin;
    this.listen(plugin);
  }

  private listen(plugin: Plugin): void {
    plugin.on('message', (message) => this.dispatch(message.getPlainMessage()));
    plugin.on('error', () => undefined);
  }

  onEvent(listener: VideoRoomListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Sends a request and returns the plugin's answer for the caller to validate; a plugin error becomes a JanusRequestError. */
  async request(body: Record<string, unknown>, jsep?: RTCSessionDescriptionInit, timeoutMs = REQUEST_TIMEOUT_MS): Promise<unknown> {
    return (await this.negotiate(body, jsep, timeoutMs)).data;
  }

  /** Like `request`, and also returns the SDP Janus attached to its answer (a publisher's answer, for one). */
  async negotiate(
    body: Record<string, unknown>,
    jsep?: RTCSessionDescriptionInit,
    timeoutMs = REQUEST_TIMEOUT_MS,
  ): Promise<{ data: unknown; jsep: RTCSessionDescriptionInit | undefined }> {
    return pluginRequest(this.plugin, body, jsep, timeoutMs);
  }

  async detach(): Promise<void> {
    this.listeners.clear();
    await this.plugin.detach().catch(() => undefined);
  }

  private dispatch(message: Record<string, unknown>): void {
    if (message.janus !== 'event') return;
    const parsed = VideoRoomEventSchema.safeParse(pluginDataOf(message));
    if (!parsed.success) {
      this.onInvalid(`ignored malformed VideoRoom event: ${parsed.error.issues[0]?.message ?? 'invalid'}`);
      return;
    }
    const jsep = message.jsep === undefined ? undefined : JsepSchema.safeParse(message.jsep);
    if (jsep && !jsep.success) {
      this.onInvalid('ignored VideoRoom event with a malformed SDP');
      return;
    }
    for (const listener of this.listeners) listener(parsed.data, jsep?.data);
  }
}
