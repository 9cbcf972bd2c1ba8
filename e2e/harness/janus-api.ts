import { randomUUID } from 'node:crypto';
import WebSocket from 'ws';

type Message = Record<string, unknown>;

/**
 * A bare Janus client for tests, apart from the app under test: one
 * WebSocket, requests answered by transaction. `janus-protocol` speaks the
 * client API, `janus-admin-protocol` the admin API.
 */
export class JanusTestClient {
  private readonly pending = new Map<string, (reply: Message) => void>();

  private constructor(private readonly socket: WebSocket) {
    socket.on('message', (raw) => {
      const reply = JSON.parse(String(raw)) as Message;
      // Plugin requests are acked first; the answer follows under the same transaction.
      if (reply.janus === 'ack') return;
      const transaction = typeof reply.transaction === 'string' ? reply.transaction : '';
      this.pending.get(transaction)?.(reply);
      this.pending.delete(transaction);
    });
  }

  static async open(url: string, protocol: 'janus-protocol' | 'janus-admin-protocol'): Promise<JanusTestClient> {
    const socket = new WebSocket(url, protocol);
    await new Promise<void>((resolve, reject) => {
      socket.once('open', () => resolve());
      socket.once('error', reject);
    });
    return new JanusTestClient(socket);
  }

  /** Sends one request and resolves with Janus's answer; an `error` answer rejects with its reason. */
  send(request: Message): Promise<Message> {
    const transaction = randomUUID();
    return new Promise((resolve, reject) => {
      this.pending.set(transaction, (reply) => (reply.janus === 'error' ? reject(new Error(JSON.stringify(reply.error))) : resolve(reply)));
      this.socket.send(JSON.stringify({ ...request, transaction }));
    });
  }

  close(): void {
    this.socket.close();
  }
}

/** One admin API request (`add_token`, `remove_token`…) with the admin secret. */
export async function janusAdmin(adminUrl: string, adminSecret: string, request: Message): Promise<Message> {
  const admin = await JanusTestClient.open(adminUrl, 'janus-admin-protocol');
  try {
    return await admin.send({ ...request, admin_secret: adminSecret });
  } finally {
    admin.close();
  }
}

/** Who is in a VideoRoom room, as Janus itself lists them (`listparticipants`), by display name. */
export async function videoRoomDisplays(url: string, room: string | number, credentials: Message = {}): Promise<string[]> {
  const client = await JanusTestClient.open(url, 'janus-protocol');
  try {
    const session = ((await client.send({ janus: 'create', ...credentials })).data as { id: number }).id;
    const handle = ((await client.send({ janus: 'attach', session_id: session, plugin: 'janus.plugin.videoroom', ...credentials })).data as { id: number }).id;
    const reply = await client.send({ janus: 'message', session_id: session, handle_id: handle, body: { request: 'listparticipants', room }, ...credentials });
    const data = (reply.plugindata as { data?: { participants?: Array<{ display?: string }> } } | undefined)?.data;
    await client.send({ janus: 'destroy', session_id: session, ...credentials }).catch(() => undefined);
    return (data?.participants ?? []).map((participant) => participant.display ?? '').sort();
  } finally {
    client.close();
  }
}

/** A node's Janus sessions and their handles, as its admin API lists them: what a page has opened there. */
export function janusSessions(adminUrl: string, adminSecret: string) {
  const admin = (request: Message) => janusAdmin(adminUrl, adminSecret, request);
  const handles = async (session: number) => ((await admin({ janus: 'list_handles', session_id: session })).handles as number[] | undefined) ?? [];
  return {
    list: async () => ((await admin({ janus: 'list_sessions' })).sessions as number[] | undefined) ?? [],
    handles,
    /** Each handle's VideoRoom role and display (`publisher Ann`, `subscriber`), sorted. */
    async roles(session: number): Promise<string[]> {
      const roles = await Promise.all(
        (await handles(session)).map(async (handle) => {
          const { info } = (await admin({ janus: 'handle_info', session_id: session, handle_id: handle })) as { info?: { plugin_specific?: { type?: string; display?: string } } };
          return `${info?.plugin_specific?.type ?? '?'} ${info?.plugin_specific?.display ?? ''}`.trim();
        }),
      );
      return roles.sort();
    },
  };
}
