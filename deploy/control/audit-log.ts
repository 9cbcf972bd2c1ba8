import { createWriteStream, type WriteStream } from 'node:fs';

/**
 * One JSON line per join or renewal decision, for whoever runs the
 * deployment to answer "who tried to get into which room". It never holds a
 * PIN, an invite, a token or a credential: only who, where, and why.
 */
export interface AuditEntry {
  readonly time: string;
  readonly address: string;
  /** The room asked for, as given (cut to 64 characters); null when there was none. */
  readonly room: string | null;
  readonly action: 'join' | 'renew';
  readonly decision: 'admitted' | 'refused';
  /** A code: `pin`, `invite`, `renewal` when admitted, else the refusal's error code. */
  readonly reason: string;
  /** The Janus node an admitted client was sent to. */
  readonly node?: string;
}

const MAX_ROOM_LENGTH = 64;

/** The room field of a request body that may not have passed validation. */
export function auditedRoom(body: unknown): string | null {
  const room = typeof body === 'object' && body !== null ? (body as { room?: unknown }).room : undefined;
  return typeof room === 'string' ? room.slice(0, MAX_ROOM_LENGTH) : null;
}

export function auditLine(entry: AuditEntry): string {
  const { time, address, room, action, decision, reason, node } = entry;
  return `${JSON.stringify({ time, address, room, action, decision, reason, ...(node ? { node } : {}) })}\n`;
}

export interface AuditLog {
  write(entry: AuditEntry): void;
  close(): Promise<void>;
}

/** Appends to a file, or writes to standard output when no file is given. */
export function openAuditLog(file: string | undefined): AuditLog {
  const stream: WriteStream | NodeJS.WriteStream = file ? createWriteStream(file, { flags: 'a', mode: 0o600 }) : process.stdout;
  return {
    write: (entry) => void stream.write(auditLine(entry)),
    close: () => (file ? new Promise<void>((resolve) => (stream as WriteStream).end(resolve)) : Promise.resolve()),
  };
}
