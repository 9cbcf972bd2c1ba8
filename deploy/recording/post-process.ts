import { open, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import {
  RecordedDataSchema,
  RecordingManifestSchema,
  type RecordedParticipant,
  type RecordingManifest,
} from '../../shared/recording/recording-manifest.js';
import { commandExists, startManagedProcess } from '../stack/managed-process.js';
import { extractCommand, gridCommand, gridSize, muxCommand, probeCommand, type CommandLine } from './commands.js';
import { parseMjrFileName, readMjrDataFrames, readMjrHeader, readMjrRtpTimings, rtpClockRate } from './mjr.js';
import { playableStart } from './playable-start.js';
import { alignStreams, type AlignedParticipant, type RecordedStream, type RecordingTimeline } from './timeline.js';

/** The header and the first packets of a stream: enough to find a stray start without reading a long video whole. */
const PREFIX_BYTES = 512 * 1024;
/** About 3 s of a camera's top layer, 6 s of Opus. */
const TIMING_PACKETS = 300;

/** The tools post-processing needs, and the Debian package of each. */
const TOOLS = [
  ['janus-pp-rec', 'janus-tools'],
  ['ffmpeg', 'ffmpeg'],
  ['ffprobe', 'ffmpeg'],
] as const;

/** Calls keep working without these; only their recordings cannot be processed, and the reason says what to install. */
function checkTools(): void {
  const missing = TOOLS.filter(([command]) => !commandExists(command));
  if (missing.length > 0) throw new Error(`Recordings need ${missing.map(([command, pkg]) => `${command} (apt-get install ${pkg})`).join(' and ')}.`);
}

/** Runs one tool to its end, its output appended to `logFile`; returns what it printed on stdout. */
async function run(line: CommandLine, logFile: string): Promise<string> {
  const tool = startManagedProcess(line.command, line.command, line.args, { logFile });
  const chunks: Buffer[] = [];
  tool.child.stdout?.on('data', (chunk: Buffer) => chunks.push(chunk));
  const result = await tool.exited;
  if (result !== 'exit code 0') throw new Error(`${line.command} failed (${result}):\n${tool.recentOutput()}`);
  return Buffer.concat(chunks).toString('utf8');
}

const ProbeSchema = z.object({
  streams: z.array(z.object({ codec_type: z.string(), width: z.number().optional(), height: z.number().optional() })),
  format: z.object({ duration: z.coerce.number() }),
});
export type Probe = z.infer<typeof ProbeSchema>;

export async function probe(file: string, logFile: string): Promise<Probe> {
  return ProbeSchema.parse(JSON.parse(await run(probeCommand(file), logFile)));
}

async function readPrefixOf(file: string): Promise<Uint8Array> {
  const handle = await open(file, 'r');
  try {
    const buffer = new Uint8Array(PREFIX_BYTES);
    const { bytesRead } = await handle.read(buffer, 0, PREFIX_BYTES, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

/** The streams of a recording's raw folder that Janus wrote at least one frame to. */
async function recordedStreams(rawDirectory: string): Promise<RecordedStream[]> {
  const streams: RecordedStream[] = [];
  for (const name of (await readdir(rawDirectory)).sort()) {
    const parsed = parseMjrFileName(name);
    if (!parsed) continue;
    const file = path.join(rawDirectory, name);
    const prefix = await readPrefixOf(file);
    const header = readMjrHeader(prefix);
    if (!header) continue;
    const timings = parsed.kind === 'data' ? [] : readMjrRtpTimings(prefix, TIMING_PACKETS);
    const start = playableStart(timings, rtpClockRate(header));
    streams.push({ feedId: parsed.feedId, kind: parsed.kind, file, header, skipPackets: start.skipPackets, startUs: header.u + start.atMs * 1000 });
  }
  return streams;
}

async function participantFile(participant: AlignedParticipant, rawDirectory: string, outputDirectory: string, logFile: string): Promise<string> {
  const extracted = async (track: AlignedParticipant['audio'], extension: string) => {
    if (!track) return null;
    const target = path.join(rawDirectory, `${path.basename(track.file, '.mjr')}.${extension}`);
    await run(extractCommand(track.file, target, track.skipPackets), logFile);
    return { file: target, offsetMs: track.offsetMs };
  };
  const video = await extracted(participant.video, 'webm');
  const audio = await extracted(participant.audio, 'opus');
  const name = `participant-${participant.feedId}.webm`;
  await run(muxCommand(video, audio, path.join(outputDirectory, name)), logFile);
  return name;
}

async function writeData(timeline: RecordingTimeline, outputDirectory: string): Promise<string | null> {
  const messages = [];
  for (const { feedId, file } of timeline.dataFiles) {
    for (const frame of readMjrDataFrames(await readFile(file))) {
      messages.push({ atMs: Math.max(0, Math.round((frame.atUs - timeline.startUs) / 1000)), feedId, base64: Buffer.from(frame.payload).toString('base64') });
    }
  }
  if (messages.length === 0) return null;
  messages.sort((a, b) => a.atMs - b.atMs);
  const name = 'data.json';
  await writeFile(path.join(outputDirectory, name), JSON.stringify(RecordedDataSchema.parse({ format: 'confer-recorded-data', version: 1, messages })));
  return name;
}

export interface ProcessRequest {
  readonly room: string;
  readonly id: string;
  /** The .mjr files of one recording. */
  readonly rawDirectory: string;
  /** Where the playable files and recording.json go. */
  readonly outputDirectory: string;
  /** Names the stack saw in the room while it recorded, by feed id. */
  readonly displays: ReadonlyMap<string, string>;
  readonly logFile: string;
}

/**
 * Turns one recording's .mjr files into playable files: one WebM per
 * participant, the grid of the whole room, the data-channel messages with
 * their times, and `recording.json` describing them. Null when Janus wrote
 * no frame at all.
 */
export async function processRecording(request: ProcessRequest, now = () => performance.now()): Promise<RecordingManifest | null> {
  const began = now();
  checkTools();
  const timeline = alignStreams(await recordedStreams(request.rawDirectory));
  if (!timeline) return null;
  const participants: RecordedParticipant[] = [];
  for (const participant of timeline.participants) {
    const file = await participantFile(participant, request.rawDirectory, request.outputDirectory, request.logFile);
    const probed = await probe(path.join(request.outputDirectory, file), request.logFile);
    participants.push({
      feedId: participant.feedId,
      display: request.displays.get(participant.feedId) ?? null,
      file,
      offsetMs: participant.offsetMs,
      durationMs: Math.round(probed.format.duration * 1000),
      hasAudio: participant.audio !== null,
      hasVideo: participant.video !== null,
    });
  }
  const durationMs = Math.max(0, ...participants.map((participant) => participant.offsetMs + participant.durationMs));
  const grid = gridCommand(
    participants.map((participant) => ({ ...participant, file: path.join(request.outputDirectory, participant.file) })),
    durationMs,
    path.join(request.outputDirectory, 'grid.webm'),
  );
  if (grid) await run(grid, request.logFile);
  const manifest = RecordingManifestSchema.parse({
    format: 'confer-recording',
    version: 1,
    room: request.room,
    id: request.id,
    startedAt: new Date(Math.floor(timeline.startUs / 1000)).toISOString(),
    durationMs,
    participants,
    grid: grid ? { file: 'grid.webm', ...gridSize(participants.filter((participant) => participant.hasVideo).length) } : null,
    data: await writeData(timeline, request.outputDirectory),
    processingMs: Math.round(now() - began),
  });
  await writeFile(path.join(request.outputDirectory, 'recording.json'), JSON.stringify(manifest, null, 2));
  return manifest;
}
