import { z } from 'zod';
import { JanusSocket } from '../control/janus-socket.js';

/** A room as VideoRoom's `list` describes it: only what recording needs. */
const ListedRoomSchema = z.object({ room: z.union([z.string(), z.number()]), record: z.boolean().optional() });
const ParticipantsAnswerSchema = z.object({
  videoroom: z.literal('participants'),
  participants: z.array(z.object({ id: z.union([z.string(), z.number()]).transform(String), display: z.string().max(64).optional() })),
});
const ListAnswerSchema = z.object({ videoroom: z.literal('success'), list: z.array(ListedRoomSchema) });
/** The admin API's answer to `message_plugin`: the plugin's own answer under `response`. */
const MessagePluginReplySchema = z.looseObject({ janus: z.literal('success'), response: z.unknown() });

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

/** A Janus still starting (or stopping) may take the connection and never answer: give up, so a stop never waits on it. */
const REQUEST_TIMEOUT_MS = 5_000;

/**
 * The stack's view of Janus's rooms, through Janus's admin API: VideoRoom
 * requests sent with `message_plugin` need no session, no keep-alives, and
 * no client token or API secret, so they work whatever the deployment
 * requires of clients (`token_auth`, `apisecret`). The stack watches
 * recording through it, since Janus tells nobody when a room stops recording.
 */
export async function connectJanusRooms(adminUrl: string, adminSecret: string): Promise<JanusRooms> {
  const socket = await JanusSocket.open(adminUrl, 'janus-admin-protocol', REQUEST_TIMEOUT_MS);
  const ask = async (request: Record<string, unknown>): Promise<unknown> => {
    const reply = await socket.request({ janus: 'message_plugin', plugin: 'janus.plugin.videoroom', request, admin_secret: adminSecret }, REQUEST_TIMEOUT_MS);
    return MessagePluginReplySchema.parse(reply).response;
  };
  // Rooms are named as strings here (as in .mjr file names); a server with numeric ids wants its numbers back.
  const idsAsListed = new Map<string, string | number>();
  return {
    async recordingStates() {
      const answer = ListAnswerSchema.parse(await ask({ request: 'list' }));
      for (const room of answer.list) idsAsListed.set(String(room.room), room.room);
      return answer.list.map((room) => ({ room: String(room.room), recording: room.record === true }));
    },
    async displays(room) {
      const answer = ParticipantsAnswerSchema.parse(await ask({ request: 'listparticipants', room: idsAsListed.get(room) ?? room }));
      return new Map(answer.participants.flatMap((participant) => (participant.display ? [[participant.id, participant.display] as const] : [])));
    },
    close() {
      socket.close();
    },
  };
}
