import { describe, expect, test } from 'vitest';
import { extractCommand, GRID_CELL, gridCommand, gridSize, muxCommand } from './commands.js';

const filterOf = (args: readonly string[]): string => args[args.indexOf('-filter_complex') + 1] ?? '';

describe('post-processing command lines', () => {
  test('janus-pp-rec converts one stream without a shell', () => {
    expect(extractCommand('/r/a.mjr', '/r/a.opus')).toEqual({ command: 'janus-pp-rec', args: ['--disable-colors', '--debug-level', '3', '/r/a.mjr', '/r/a.opus'] });
    expect(extractCommand('/r/v.mjr', '/r/v.webm', 3).args).toEqual(['--disable-colors', '--debug-level', '3', '--ignore-first', '3', '/r/v.mjr', '/r/v.webm']);
  });

  test('a participant file copies both streams, each delayed by its own offset', () => {
    const { command, args } = muxCommand({ file: 'v.webm', offsetMs: 32 }, { file: 'a.opus', offsetMs: 0 }, 'out.webm');
    expect(command).toBe('ffmpeg');
    expect(args.join(' ')).toContain('-itsoffset 0.032 -i v.webm -itsoffset 0.000 -i a.opus -map 0 -map 1 -c copy out.webm');
  });

  test('a participant with audio only gets an audio-only file; with nothing, there is no file', () => {
    const { args } = muxCommand(null, { file: 'a.opus', offsetMs: 0 }, 'out.webm');
    expect(args.filter((arg) => arg === '-map')).toHaveLength(1);
    expect(args.join(' ')).toContain('-i a.opus -map 0 -c copy out.webm');
    expect(() => muxCommand(null, null, 'out.webm')).toThrow();
  });

  test('the grid places three people in a 2x2 grid, pads each to its start and mixes the delayed audio', () => {
    const line = gridCommand(
      [
        { file: 'a.webm', offsetMs: 0, hasAudio: true, hasVideo: true },
        { file: 'b.webm', offsetMs: 1, hasAudio: true, hasVideo: true },
        { file: 'c.webm', offsetMs: 4707, hasAudio: true, hasVideo: true },
      ],
      9942,
      'grid.webm',
    );
    const filter = filterOf(line?.args ?? []);
    expect(filter).toContain(`xstack=inputs=3:layout=0_0|${GRID_CELL.width}_0|0_${GRID_CELL.height}:fill=black[grid]`);
    expect(filter).toContain('[2:v]scale=640:360');
    expect(filter).toContain('tpad=start_duration=4.707');
    expect(filter).toContain('[2:a]adelay=4707:all=1[a2]');
    expect(filter).toContain('amix=inputs=3:duration=longest:normalize=0[mix]');
    expect(line?.args.slice(-3)).toEqual(['-t', '9.942', 'grid.webm']);
    expect(gridSize(3)).toEqual({ width: 1280, height: 720 });
  });

  test('people without video are heard in the grid but take no cell; one camera needs no stacking', () => {
    const line = gridCommand(
      [
        { file: 'voice.webm', offsetMs: 0, hasAudio: true, hasVideo: false },
        { file: 'face.webm', offsetMs: 500, hasAudio: true, hasVideo: true },
      ],
      5000,
      'grid.webm',
    );
    const filter = filterOf(line?.args ?? []);
    expect(filter).toContain('[1:v]scale');
    expect(filter).not.toContain('[0:v]');
    expect(filter).toContain('[v0]null[grid]');
    expect(filter).toContain('amix=inputs=2');
  });

  test('a room where nobody sent video has no grid', () => {
    expect(gridCommand([{ file: 'voice.webm', offsetMs: 0, hasAudio: true, hasVideo: false }], 1000, 'grid.webm')).toBeNull();
  });
});
