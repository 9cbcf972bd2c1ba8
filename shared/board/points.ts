import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';

/** A point as perfect-freehand takes it: board x, board y, pressure in [0, 1]. */
export type StrokePoint = readonly [x: number, y: number, pressure: number];

/** Coordinates are stored in quarter units: finer than a pixel at 4x zoom, and small varints. */
const QUANTUM = 4;
/** A stroke longer than this is split by the pen tool; a peer sending more is refused. */
export const MAX_STROKE_POINTS = 10_000;
/** Boards are large but finite: beyond this a coordinate is treated as corrupt. */
export const MAX_COORDINATE = 10_000_000;
const FLAG_PRESSURE = 1;
/** Pressure when the device reports none: perfect-freehand then simulates it from speed. */
export const DEFAULT_PRESSURE = 0.5;

/**
 * Compact point encoding: one flag byte, a varuint count, then per point the
 * zigzag-varint delta of x and y in quarter units and, when the device gave
 * pressure, one byte of pressure (0..255). About 3 to 5 bytes per point.
 */
export function encodePoints(points: readonly StrokePoint[], hasPressure: boolean): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeUint8(encoder, hasPressure ? FLAG_PRESSURE : 0);
  encoding.writeVarUint(encoder, points.length);
  let previousX = 0;
  let previousY = 0;
  for (const [x, y, pressure] of points) {
    const qx = Math.round(x * QUANTUM);
    const qy = Math.round(y * QUANTUM);
    encoding.writeVarInt(encoder, qx - previousX);
    encoding.writeVarInt(encoder, qy - previousY);
    if (hasPressure) encoding.writeUint8(encoder, Math.max(0, Math.min(255, Math.round(pressure * 255))));
    previousX = qx;
    previousY = qy;
  }
  return encoding.toUint8Array(encoder);
}

export interface DecodedPoints {
  readonly points: StrokePoint[];
  readonly hasPressure: boolean;
}

/** What a stroke's points span, read without building them: a board opens without decoding strokes nobody sees yet. */
export interface ScannedPoints {
  readonly hasPressure: boolean;
  readonly minX: number;
  readonly minY: number;
  readonly maxX: number;
  readonly maxY: number;
}

/**
 * Walks encoded points from an untrusted source, handing each to `visit`;
 * returns null rather than throwing or looping on bad input.
 */
function walkPoints(bytes: Uint8Array, visit: (x: number, y: number, pressure: number) => void): { hasPressure: boolean } | null {
  try {
    const decoder = decoding.createDecoder(bytes);
    const flags = decoding.readUint8(decoder);
    if ((flags & ~FLAG_PRESSURE) !== 0) return null;
    const hasPressure = (flags & FLAG_PRESSURE) !== 0;
    const count = decoding.readVarUint(decoder);
    // Each point takes at least two bytes: a count beyond that is a lie.
    if (count < 1 || count > MAX_STROKE_POINTS || count * 2 > bytes.length) return null;
    let qx = 0;
    let qy = 0;
    for (let index = 0; index < count; index += 1) {
      qx += decoding.readVarInt(decoder);
      qy += decoding.readVarInt(decoder);
      const pressure = hasPressure ? decoding.readUint8(decoder) / 255 : DEFAULT_PRESSURE;
      const x = qx / QUANTUM;
      const y = qy / QUANTUM;
      if (!Number.isFinite(x) || !Number.isFinite(y) || Math.abs(x) > MAX_COORDINATE || Math.abs(y) > MAX_COORDINATE) return null;
      visit(x, y, pressure);
    }
    if (decoding.hasContent(decoder)) return null;
    return { hasPressure };
  } catch {
    return null;
  }
}

export function decodePoints(bytes: Uint8Array): DecodedPoints | null {
  const points: StrokePoint[] = [];
  const walked = walkPoints(bytes, (x, y, pressure) => points.push([x, y, pressure]));
  return walked && { points, hasPressure: walked.hasPressure };
}

/** Checks encoded points as `decodePoints` does and measures their extent, allocating nothing per point. */
export function scanPoints(bytes: Uint8Array): ScannedPoints | null {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  const walked = walkPoints(bytes, (x, y) => {
    if (x < minX) minX = x;
    if (y < minY) minY = y;
    if (x > maxX) maxX = x;
    if (y > maxY) maxY = y;
  });
  return walked && { hasPressure: walked.hasPressure, minX, minY, maxX, maxY };
}
