import WebSocket from 'ws';
import { z } from 'zod';

/** A room as VideoRoom's `list` describes it: only what recording needs. */
const ListedRoomSchema = z.object({ room: z.union([z.string(), z.number()]).transform(String), record: z.boolean().optional() });
const ParticipantsAnswerSchema = z.object({
  videoroom: z.literal('participants'),
  participants: z.array(z.object({ id: z.union([z.string(), z.number()]).transform(String), display: z.string().max(64).optional() })),
});
const ListAnswerSchema = z.object({ videoroom: z.literal('success'), list: z.array(ListedRoomSchema) });
const JanusReplySchema = z.looseObject({
  janus: z.string(),
  transaction: z.string().optional(),
  data: z.looseObject({ id: z.number() }).optional(),
  plugindata: z.looseObject({ data: z.unknown() }).optional(),
  error: z.looseObject({ reason: z.string() }).optional(),
});
type JanusReply = z.infer<typeof JanusReplySchema>;

export interface RoomRecordingState {
  readonly room: string;
  readonly recording: boolean;
}

/** Which of Janus's rooms are recording now, as its VideoRoom plugin reports them. */
export interface JanusRooms {
  recordingStates(): Promise<RoomRecordingState[]>;
  /** The room's publishers' names, by feed id. */
  displays(room: string): Promise<Map<string, string>>;
  close(): void;
}

/** Well inside Janus's 60 s session timeout. */
const KEEPALIVE_MS = 25_000;
const REQUEST_TIMEOUT_MS = 5_000;

/**
 * A small Janus client of the stack's own: one session and one VideoRoom
 * handle over the WebSocket API, for `list` and `listparticipants`. The stack watches recording
 * through it, since Janus tells nobody when a room stops recording.
 */
export async function connectJanusRooms(url: string): Promise<JanusRooms> {
  const socket = new WebSocket(url, 'janus-protocol');
  // A Janus still starting (or stopping) may take the connection and never answer: give up, so a stop never waits on it.
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => {
      socket.terminate();
      reject(new Error('Janus did not open its WebSocket'));
    }, REQUEST_TIMEOUT_MS);
    socket.once('open', () => {
      clearTimeout(timer);
      resolve();
    });
    socket.once('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
  });
  const pending = new Map<string, (reply: JanusReply) => void>();
  socket.on('message', (data) => {
    let parsed: unknown;
    try {
      parsed = JSON.parse(String(data));
    } catch {
      return;
    }
    const reply = JanusReplySchema.safeParse(parsed);
    if (!reply.success || reply.data.janus === 'ack' || !reply.data.transaction) return;
    pending.get(reply.data.transaction)?.(reply.data);
  });
  socket.on('error', () => undefined);
  let counter = 0;
  const send = (body: Record<string, unknown>): Promise<JanusReply> =>
    new Promise((resolve, reject) => {
      const transaction = `rooms-${(counter += 1)}`;
      const timer = setTimeout(() => {
        pending.delete(transaction);
        reject(new Error(`Janus did not answer '${String(body.janus)}'`));
      }, REQUEST_TIMEOUT_MS);
      pending.set(transaction, (reply) => {
        clearTimeout(timer);
        pending.delete(transaction);
        if (reply.janus === 'error') reject(new Error(reply.error?.reason ?? 'Janus error'));
        else resolve(reply);
      });
      socket.send(JSON.stringify({ ...body, transaction }));
    });
  const sessionId = (await send({ janus: 'create' })).data?.id;
  const handleId = (await send({ janus: 'attach', session_id: sessionId, plugin: 'janus.plugin.videoroom' })).data?.id;
  if (sessionId === undefined || handleId === undefined) throw new Error('Janus gave no session or handle id');
  const keepalive = setInterval(() => void send({ janus: 'keepalive', session_id: sessionId }).catch(() => undefined), KEEPALIVE_MS);
  return {
    async recordingStates() {
      const reply = await send({ janus: 'message', session_id: sessionId, handle_id: handleId, body: { request: 'list' } });
      const answer = ListAnswerSchema.parse(reply.plugindata?.data);
      return answer.list.map((room) => ({ room: room.room, recording: room.record === true }));
    },
    async displays(room) {
      const reply = await send({ janus: 'message', session_id: sessionId, handle_id: handleId, body: { request: 'listparticipants', room } });
      const answer = ParticipantsAnswerSchema.parse(reply.plugindata?.data);
      return new Map(answer.participants.flatMap((participant) => (participant.display ? [[participant.id, participant.display] as const] : [])));
    },
    close() {
      clearInterval(keepalive);
      socket.terminate();
    },
  };
}
