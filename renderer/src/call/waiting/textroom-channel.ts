import type Plugin from 'janus-gateway-js/src/plugin.js';
import type Session from 'janus-gateway-js/src/session.js';
import { JanusRequestError } from '../janus/janus-request-error.js';
import { REQUEST_TIMEOUT_MS, pluginRequest } from '../janus/plugin-request.js';
import { completeLocalDescription } from '../media/peer.js';
import { timeLimit } from '../time-limit.js';
import { readTextRoomMessage, TextRoomResultSchema, type TextRoomEvent, type TextRoomParticipant, type TextRoomReply } from './textroom-messages.js';

export const TEXTROOM_PLUGIN = 'janus.plugin.textroom';

type Reply = { readonly participants: readonly TextRoomParticipant[] };

/**
 * One handle on Janus's TextRoom plugin. Room administration (`create`,
 * `exists`) goes through the Janus API; joining a room and its messages
 * go over the plugin's data channel, which `connect` opens: Janus offers
 * it (`setup`), we answer (`ack`). Everything that arrives is validated.
 */
export class TextRoomChannel {
  private readonly pending = new Map<string, (reply: TextRoomReply) => void>();
  private readonly listeners = new Set<(event: TextRoomEvent) => void>();
  private pc: RTCPeerConnection | null = null;
  private channel: RTCDataChannel | null = null;

  private constructor(
    private readonly plugin: Plugin,
    private readonly warn: (message: string) => void,
  ) {}

  static async attach(session: Session, warn: (message: string) => void): Promise<TextRoomChannel> {
    return new TextRoomChannel(await session.attachPlugin(TEXTROOM_PLUGIN), warn);
  }

  /** A Janus API request to the plugin; its answer validated. */
  async request(body: Record<string, unknown>): Promise<{ readonly exists?: boolean | undefined }> {
    const { data } = await pluginRequest(this.plugin, body);
    const result = TextRoomResultSchema.safeParse(data);
    if (!result.success) throw new JanusRequestError(`TextRoom answered '${String(body.request)}' with something else than success`, undefined, String(body.request));
    return result.data;
  }

  async connect(rtc: RTCConfiguration): Promise<void> {
    const { jsep } = await pluginRequest(this.plugin, { request: 'setup' });
    if (jsep?.type !== 'offer') throw new JanusRequestError('TextRoom offered no data channel', undefined, 'setup');
    const pc = (this.pc = new RTCPeerConnection(rtc));
    // Janus speaks on the channel the answerer opens; one it opens itself is heard too.
    const channel = (this.channel = pc.createDataChannel('JanusDataChannel'));
    this.listenTo(channel);
    pc.addEventListener('datachannel', (event) => this.listenTo(event.channel));
    await pc.setRemoteDescription(jsep);
    await pluginRequest(this.plugin, { request: 'ack' }, await completeLocalDescription(pc, await pc.createAnswer()));
    if (channel.readyState !== 'open') {
      const open = new Promise<void>((resolve) => channel.addEventListener('open', () => resolve(), { once: true }));
      await timeLimit(open, REQUEST_TIMEOUT_MS, () => new JanusRequestError('the TextRoom data channel did not open', undefined, 'setup'));
    }
  }

  /** A request on the data channel (`join`, `message`, `kick`…), answered under its transaction; an error answer rejects with its code. */
  async send(request: Record<string, unknown>): Promise<Reply> {
    const channel = this.channel;
    if (channel?.readyState !== 'open') throw new JanusRequestError('the TextRoom data channel is not open', undefined, String(request.textroom));
    const transaction = crypto.randomUUID();
    const answered = new Promise<TextRoomReply>((resolve) => this.pending.set(transaction, resolve));
    channel.send(JSON.stringify({ ...request, transaction }));
    try {
      const reply = await timeLimit(answered, REQUEST_TIMEOUT_MS, () => new JanusRequestError(`TextRoom did not answer '${String(request.textroom)}'`, undefined, String(request.textroom)));
      if (reply.textroom === 'error') throw new JanusRequestError(reply.error ?? 'TextRoom refused the request', reply.error_code, String(request.textroom));
      return { participants: reply.participants ?? [] };
    } finally {
      this.pending.delete(transaction);
    }
  }

  onEvent(listener: (event: TextRoomEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async close(): Promise<void> {
    this.listeners.clear();
    this.channel?.close();
    this.pc?.close();
    await this.plugin.detach().catch(() => undefined);
  }

  private listenTo(channel: RTCDataChannel): void {
    channel.addEventListener('message', (message: MessageEvent<unknown>) => this.dispatch(message.data));
  }

  private dispatch(raw: unknown): void {
    const message = readTextRoomMessage(raw);
    if (!message) return this.warn('ignored a malformed TextRoom message');
    if ('event' in message) {
      for (const listener of this.listeners) listener(message.event);
    } else {
      this.pending.get(message.answer.transaction)?.(message.answer);
    }
  }
}
