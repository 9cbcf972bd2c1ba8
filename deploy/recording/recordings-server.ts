import { createReadStream } from 'node:fs';
import { readdir, readFile, stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { RoomNameSchema } from '../../shared/call/join-request.js';
import {
  RecordingIdSchema,
  RecordingListSchema,
  RecordingManifestSchema,
  type RecordingManifest,
} from '../../shared/recording/recording-manifest.js';
import type { RecordingStatus } from './recording-watcher.js';

const CONTENT_TYPES: Record<string, string> = { '.webm': 'video/webm', '.json': 'application/json' };

/** `bytes=a-b`, `bytes=a-` or `bytes=-n`, within a file of `size` bytes; null when it is not a single satisfiable range. */
export function parseRange(header: string | undefined, size: number): { start: number; end: number } | null | 'unsatisfiable' {
  if (!header) return null;
  const match = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!match || (match[1] === '' && match[2] === '')) return 'unsatisfiable';
  const [first, last] = [match[1] ?? '', match[2] ?? ''];
  const start = first === '' ? Math.max(0, size - Number(last)) : Number(first);
  const end = first === '' || last === '' ? size - 1 : Math.min(Number(last), size - 1);
  return start <= end && start < size ? { start, end } : 'unsatisfiable';
}

async function manifestsOf(roomDirectory: string): Promise<RecordingManifest[]> {
  const ids = await readdir(roomDirectory).catch(() => []);
  const manifests: RecordingManifest[] = [];
  for (const id of ids) {
    if (!RecordingIdSchema.safeParse(id).success) continue;
    const text = await readFile(path.join(roomDirectory, id, 'recording.json'), 'utf8').catch(() => null);
    const parsed = text === null ? null : RecordingManifestSchema.safeParse(JSON.parse(text));
    if (parsed?.success) manifests.push(parsed.data);
  }
  return manifests.sort((a, b) => b.id.localeCompare(a.id));
}

/** The files a manifest names: the only ones served, so raw .mjr files and anything else stay private. */
function servedFiles(manifest: RecordingManifest): Set<string> {
  return new Set(['recording.json', ...manifest.participants.map((participant) => participant.file), ...(manifest.grid ? [manifest.grid.file] : []), ...(manifest.data ? [manifest.data] : [])]);
}

async function sendFile(request: IncomingMessage, response: ServerResponse, file: string): Promise<void> {
  const { size } = await stat(file);
  const range = parseRange(request.headers.range, size);
  const type = CONTENT_TYPES[path.extname(file)] ?? 'application/octet-stream';
  if (range === 'unsatisfiable') {
    response.writeHead(416, { 'Content-Range': `bytes */${size}` }).end();
    return;
  }
  const { start, end } = range ?? { start: 0, end: size - 1 };
  response.writeHead(range ? 206 : 200, {
    'Content-Type': type,
    'Content-Length': String(end - start + 1),
    'Accept-Ranges': 'bytes',
    ...(range ? { 'Content-Range': `bytes ${start}-${end}/${size}` } : {}),
  });
  if (request.method === 'HEAD' || size === 0) {
    response.end();
    return;
  }
  createReadStream(file, { start, end }).pipe(response);
}

async function answer(request: IncomingMessage, response: ServerResponse, directory: string, status: (room: string) => RecordingStatus): Promise<void> {
  const parts = new URL(request.url ?? '/', 'http://127.0.0.1').pathname.split('/').filter(Boolean).map(decodeURIComponent);
  const room = RoomNameSchema.safeParse(parts[1]);
  if ((request.method !== 'GET' && request.method !== 'HEAD') || parts[0] !== 'recordings' || !room.success) {
    response.writeHead(404).end();
    return;
  }
  const roomDirectory = path.join(directory, room.data);
  if (parts.length === 2) {
    const { processing, failed } = status(room.data);
    const list = RecordingListSchema.parse({
      room: room.data,
      recordings: await manifestsOf(roomDirectory),
      processing: [...processing],
      failed: [...failed].map(([id, reason]) => ({ id, reason })),
    });
    response.writeHead(200, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' }).end(JSON.stringify(list));
    return;
  }
  const id = RecordingIdSchema.safeParse(parts[2]);
  const manifest = id.success ? (await manifestsOf(roomDirectory)).find((each) => each.id === id.data) : undefined;
  const file = parts[3];
  if (parts.length !== 4 || !manifest || file === undefined || !servedFiles(manifest).has(file)) {
    response.writeHead(404).end();
    return;
  }
  await sendFile(request, response, path.join(roomDirectory, manifest.id, file));
}

/**
 * Serves processed recordings on loopback: `GET /recordings/<room>` lists
 * them, `GET /recordings/<room>/<id>/<file>` returns a file the recording's
 * manifest names, with byte ranges so players can seek. Every path part is
 * checked against its schema before it touches the disk.
 */
export function startRecordingsServer(port: number, directory: string, status: (room: string) => RecordingStatus): Promise<Server> {
  const server = createServer((request, response) => {
    // The web build and the app (app://confer) read these from another origin.
    response.setHeader('Access-Control-Allow-Origin', '*');
    answer(request, response, directory, status).catch(() => {
      if (!response.headersSent) response.writeHead(500);
      response.end();
    });
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve(server));
  });
}

export function portOf(server: Server): number {
  return (server.address() as AddressInfo).port;
}
