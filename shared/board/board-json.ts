import { fromBase64, toBase64 } from 'lib0/buffer';
import { z } from 'zod';
import { readItem, type BoardItem, type ReadItem } from './schema.js';

/** The export format: the items as they are stored, with stroke points in base64. */
export const BOARD_JSON_FORMAT = 'confer-board';
/** The export's own version: its items are plain objects, whatever form the document stores them in. */
export const BOARD_JSON_VERSION = 1;
/** A file larger than this is refused before parsing (about 200,000 strokes). */
export const MAX_BOARD_JSON_CHARS = 100_000_000;

const ExportedItemSchema = z.record(z.string(), z.unknown());
const BoardJsonSchema = z.strictObject({
  format: z.literal(BOARD_JSON_FORMAT),
  schemaVersion: z.number().int().min(1).max(BOARD_JSON_VERSION),
  items: z.array(ExportedItemSchema),
});

export function boardToJson(items: Iterable<BoardItem>): string {
  const exported = [...items].map((item) => (item.type === 'stroke' ? { ...item, points: toBase64(item.points) } : item));
  return JSON.stringify({ format: BOARD_JSON_FORMAT, schemaVersion: BOARD_JSON_VERSION, items: exported });
}

export interface ParsedBoardJson {
  /** Validated once here: the document takes them as they are (`BoardModel.putRead`). */
  readonly items: ReadItem[];
  /** Items that failed validation and were left out. */
  readonly rejected: number;
}

/** Parses an exported board; throws on a file that is not one, skips items that fail validation. */
export function parseBoardJson(text: string): ParsedBoardJson {
  if (text.length > MAX_BOARD_JSON_CHARS) throw new Error('The file is too large to be a board.');
  const parsed = BoardJsonSchema.safeParse(JSON.parse(text));
  if (!parsed.success) throw new Error('The file is not a Confer board.');
  const items: ReadItem[] = [];
  let rejected = 0;
  for (const raw of parsed.data.items) {
    const candidate = raw.type === 'stroke' && typeof raw.points === 'string' ? { ...raw, points: safeBase64(raw.points) } : raw;
    const read = readItem(String(candidate.id), candidate);
    if (read) items.push(read);
    else rejected += 1;
  }
  return { items, rejected };
}

function safeBase64(text: string): Uint8Array | null {
  try {
    return fromBase64(text);
  } catch {
    return null;
  }
}
