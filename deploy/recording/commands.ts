import { gridShape } from './timeline.js';

/** A command line: the program and its arguments, never through a shell. */
export interface CommandLine {
  readonly command: string;
  readonly args: readonly string[];
}

const FFMPEG_COMMON = ['-hide_banner', '-nostdin', '-loglevel', 'error', '-y'];

/** Each grid cell: 640x360 holds a 16:9 camera whole and a 4:3 one pillarboxed. */
export const GRID_CELL = { width: 640, height: 360 } as const;
/** Chromium's fake camera and most webcams send 20 to 30 frames a second. */
const GRID_FPS = 24;

const seconds = (ms: number): string => (ms / 1000).toFixed(3);

/** janus-pp-rec turns one stream's RTP into a file of its codec (VP8 → .webm, Opus → .opus), no transcoding, from packet `skipPackets` on. */
export function extractCommand(source: string, target: string, skipPackets = 0): CommandLine {
  const skip = skipPackets > 0 ? ['--ignore-first', String(skipPackets)] : [];
  return { command: 'janus-pp-rec', args: ['--disable-colors', '--debug-level', '3', ...skip, source, target] };
}

export interface MuxInput {
  readonly file: string;
  /** Delay from the participant's own start. */
  readonly offsetMs: number;
}

/** One participant's audio and video in one WebM, copied (not re-encoded), the later stream delayed by its offset. */
export function muxCommand(video: MuxInput | null, audio: MuxInput | null, output: string): CommandLine {
  const inputs = [video, audio].filter((input): input is MuxInput => input !== null);
  if (inputs.length === 0) throw new Error('a participant file needs audio or video');
  const args = [...FFMPEG_COMMON];
  for (const input of inputs) args.push('-itsoffset', seconds(input.offsetMs), '-i', input.file);
  inputs.forEach((_input, index) => args.push('-map', `${index}`));
  args.push('-c', 'copy', output);
  return { command: 'ffmpeg', args };
}

export interface GridInput {
  readonly file: string;
  /** From the start of the recording. */
  readonly offsetMs: number;
  readonly hasAudio: boolean;
  readonly hasVideo: boolean;
}

/** The grid's frame size for `cells` video cells. */
export function gridSize(cells: number): { readonly width: number; readonly height: number } {
  const { columns, rows } = gridShape(cells);
  return { width: columns * GRID_CELL.width, height: rows * GRID_CELL.height };
}

function videoChains(cells: readonly { index: number; offsetMs: number }[]): string[] {
  const { width, height } = GRID_CELL;
  return cells.map(
    ({ index, offsetMs }, cell) =>
      `[${index}:v]scale=${width}:${height}:force_original_aspect_ratio=decrease,pad=${width}:${height}:(ow-iw)/2:(oh-ih)/2,setsar=1,fps=${GRID_FPS},` +
      `tpad=start_duration=${seconds(offsetMs)}:start_mode=add:color=black:stop_mode=clone:stop_duration=3600[v${cell}]`,
  );
}

function stackChain(count: number): string {
  if (count === 1) return '[v0]null[grid]';
  const { columns } = gridShape(count);
  const layout = Array.from({ length: count }, (_unused, cell) => `${(cell % columns) * GRID_CELL.width}_${Math.floor(cell / columns) * GRID_CELL.height}`).join('|');
  return `${Array.from({ length: count }, (_unused, cell) => `[v${cell}]`).join('')}xstack=inputs=${count}:layout=${layout}:fill=black[grid]`;
}

function audioChains(sources: readonly { index: number; offsetMs: number }[]): string[] {
  if (sources.length === 0) return [];
  const delayed = sources.map(({ index, offsetMs }, source) => `[${index}:a]adelay=${Math.round(offsetMs)}:all=1[a${source}]`);
  const mix = `${sources.map((_source, source) => `[a${source}]`).join('')}amix=inputs=${sources.length}:duration=longest:normalize=0[mix]`;
  return [...delayed, mix];
}

/**
 * The whole room in one WebM: each participant's video in a cell, black
 * until their first frame and frozen after their last; all audio mixed,
 * each delayed to its start. Re-encoded (VP8 and Opus) with libvpx's
 * realtime settings, since this runs on the stack's machine after the call.
 */
export function gridCommand(inputs: readonly GridInput[], durationMs: number, output: string): CommandLine | null {
  const cells = inputs.map((input, index) => ({ ...input, index })).filter((input) => input.hasVideo);
  if (cells.length === 0) return null;
  const audio = inputs.map((input, index) => ({ ...input, index })).filter((input) => input.hasAudio);
  const filter = [...videoChains(cells), stackChain(cells.length), ...audioChains(audio)].join(';');
  const args = [...FFMPEG_COMMON];
  for (const input of inputs) args.push('-i', input.file);
  args.push('-filter_complex', filter, '-map', '[grid]');
  if (audio.length > 0) args.push('-map', '[mix]', '-c:a', 'libopus', '-b:a', '64k');
  args.push('-c:v', 'libvpx', '-deadline', 'realtime', '-cpu-used', '8', '-b:v', '2M', '-t', seconds(durationMs), output);
  return { command: 'ffmpeg', args };
}

/** ffprobe's description of a file's streams and duration, as JSON. */
export function probeCommand(file: string): CommandLine {
  return { command: 'ffprobe', args: ['-v', 'error', '-show_entries', 'format=duration:stream=codec_type,width,height', '-of', 'json', file] };
}
