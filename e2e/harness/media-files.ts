import { spawnSync } from 'node:child_process';
import { z } from 'zod';

const ProbeSchema = z.object({
  streams: z.array(z.object({ codec_type: z.string(), width: z.number().optional(), height: z.number().optional(), nb_read_frames: z.coerce.number().optional() })),
  format: z.object({ duration: z.coerce.number() }),
});

export interface MediaFileReading {
  readonly durationMs: number;
  readonly kinds: readonly string[];
  readonly width: number | null;
  readonly height: number | null;
  /** Video frames ffprobe decoded from the whole file. */
  readonly decodedFrames: number;
}

/** What ffprobe reads in a media file, decoding every video frame to count them. */
export function readMediaFile(file: string): MediaFileReading {
  const result = spawnSync('ffprobe', ['-v', 'error', '-count_frames', '-show_entries', 'format=duration:stream=codec_type,width,height,nb_read_frames', '-of', 'json', file], { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`ffprobe could not read ${file}: ${result.stderr}`);
  const probe = ProbeSchema.parse(JSON.parse(result.stdout));
  const video = probe.streams.find((stream) => stream.codec_type === 'video');
  return {
    durationMs: Math.round(probe.format.duration * 1000),
    kinds: probe.streams.map((stream) => stream.codec_type).sort(),
    width: video?.width ?? null,
    height: video?.height ?? null,
    decodedFrames: video?.nb_read_frames ?? 0,
  };
}
