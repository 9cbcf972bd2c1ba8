import { decodeUtf8 } from 'lib0/string';

/**
 * Checks a y-webrtc message from a peer before Yjs sees it.
 *
 * Yjs decodes updates with the trust of a local file: a crafted update can
 * make it loop or allocate without end (yjs issue 687). This walks the
 * message's structure with its own bounds-checked reader and refuses
 * anything whose counts exceed the bytes that carry them, whose clocks or
 * lengths are absurd, that nests too deep, or that has trailing bytes. It
 * never builds Yjs structures, so its cost is linear in the message size.
 */

/** The largest message accepted from a peer: the full state of a board of about 100,000 strokes. */
export const MAX_PEER_MESSAGE_BYTES = 64 * 1024 * 1024;
/** Cursor, name, colour and viewport fit in far less. */
export const MAX_AWARENESS_BYTES = 64 * 1024;
/** A client's clock counts its insertions: no person makes two billion. */
export const MAX_CLOCK = 2 ** 31;
/** Nesting of JSON-like content; board items nest three levels. */
const MAX_ANY_DEPTH = 32;

export const MESSAGE_KIND = { sync: 0, awareness: 1, queryAwareness: 3 } as const;
const SYNC_KIND = { step1: 0, step2: 1, update: 2 } as const;

export const GUARD_REFUSAL = {
  tooLarge: 'too-large',
  malformed: 'malformed',
  unknownKind: 'unknown-kind',
} as const;
export type GuardRefusal = (typeof GUARD_REFUSAL)[keyof typeof GUARD_REFUSAL];
export type GuardVerdict = { readonly ok: true } | { readonly ok: false; readonly reason: GuardRefusal };

class Malformed extends Error {}

class Reader {
  private position = 0;
  constructor(private readonly bytes: Uint8Array) {}

  get remaining(): number {
    return this.bytes.length - this.position;
  }

  byte(): number {
    if (this.position >= this.bytes.length) throw new Malformed('end of data');
    return this.bytes[this.position++] as number;
  }

  /** An unsigned LEB128 integer of at most 53 bits, like lib0's readVarUint. */
  varUint(): number {
    let value = 0;
    let multiplier = 1;
    for (let shift = 0; shift < 56; shift += 7) {
      const byte = this.byte();
      value += (byte & 0x7f) * multiplier;
      if (byte < 0x80) {
        if (value > Number.MAX_SAFE_INTEGER) throw new Malformed('integer out of range');
        return value;
      }
      multiplier *= 128;
    }
    throw new Malformed('integer too long');
  }

  /** lib0's signed varint: sign in the second bit of the first byte. */
  varInt(): void {
    let byte = this.byte();
    let bytes = 1;
    while (byte >= 0x80) {
      byte = this.byte();
      bytes += 1;
      if (bytes > 8) throw new Malformed('integer too long');
    }
  }

  skip(length: number): void {
    if (length > this.remaining) throw new Malformed('length beyond data');
    this.position += length;
  }

  /** A count of elements that each take at least one byte cannot exceed the bytes left. */
  count(): number {
    const count = this.varUint();
    if (count > this.remaining) throw new Malformed('count beyond data');
    return count;
  }

  /** Length-prefixed bytes (lib0 varUint8Array and varString). */
  buffer(): Uint8Array {
    const length = this.varUint();
    if (length > this.remaining) throw new Malformed('length beyond data');
    const start = this.position;
    this.position += length;
    return this.bytes.subarray(start, this.position);
  }

  clock(): number {
    const clock = this.varUint();
    if (clock > MAX_CLOCK) throw new Malformed('clock out of range');
    return clock;
  }

  end(): void {
    if (this.remaining !== 0) throw new Malformed('trailing bytes');
  }
}

function readAny(reader: Reader, depth: number): void {
  if (depth > MAX_ANY_DEPTH) throw new Malformed('nested too deep');
  const tag = reader.byte();
  switch (tag) {
    case 127: // undefined
    case 126: // null
    case 121: // false
    case 120: // true
      return;
    case 125:
      reader.varInt();
      return;
    case 124:
      reader.skip(4);
      return;
    case 123:
    case 122:
      reader.skip(8);
      return;
    case 119:
    case 116:
      reader.buffer();
      return;
    case 118: {
      const entries = reader.count();
      for (let index = 0; index < entries; index += 1) {
        reader.buffer();
        readAny(reader, depth + 1);
      }
      return;
    }
    case 117: {
      const length = reader.count();
      for (let index = 0; index < length; index += 1) readAny(reader, depth + 1);
      return;
    }
    default:
      throw new Malformed('unknown value tag');
  }
}

/** Reads one item's content and returns the number of clock ticks it covers. */
function readContent(reader: Reader, contentRef: number): number {
  switch (contentRef) {
    case 1: // deleted
      return reader.clock();
    case 2: {
      // JSON strings
      const length = reader.count();
      for (let index = 0; index < length; index += 1) reader.buffer();
      return length;
    }
    case 3: // binary
      reader.buffer();
      return 1;
    case 4: // string: clock ticks in UTF-16 units, never more than its bytes
      return Math.max(1, reader.buffer().length);
    case 5: // embed
      reader.buffer();
      return 1;
    case 6: // format: key and JSON value
      reader.buffer();
      reader.buffer();
      return 1;
    case 7: {
      const typeRef = reader.varUint();
      if (typeRef > 6) throw new Malformed('unknown type');
      if (typeRef === 3 || typeRef === 5) reader.buffer();
      return 1;
    }
    case 8: {
      const length = reader.count();
      for (let index = 0; index < length; index += 1) readAny(reader, 0);
      return length;
    }
    case 9: // subdocument
      reader.buffer();
      readAny(reader, 0);
      return 1;
    default:
      throw new Malformed('unknown content');
  }
}

/** A struct id: client and clock. */
function readId(reader: Reader): void {
  reader.varUint();
  reader.clock();
}

function readStructs(reader: Reader): void {
  const clients = reader.count();
  for (let clientIndex = 0; clientIndex < clients; clientIndex += 1) {
    const structs = reader.count();
    reader.varUint(); // client id
    let clock = reader.clock();
    for (let structIndex = 0; structIndex < structs; structIndex += 1) {
      const info = reader.byte();
      const contentRef = info & 0b11111;
      let length: number;
      if (contentRef === 0 || contentRef === 10) {
        // GC or skip: a run of clocks
        length = reader.clock();
      } else {
        const hasLeft = (info & 0x80) !== 0;
        const hasRight = (info & 0x40) !== 0;
        if (hasLeft) readId(reader);
        if (hasRight) readId(reader);
        if (!hasLeft && !hasRight) {
          const parentIsRootType = reader.varUint() === 1;
          if (parentIsRootType) reader.buffer();
          else readId(reader);
          if ((info & 0x20) !== 0) reader.buffer();
        }
        length = readContent(reader, contentRef);
      }
      clock += length;
      if (clock > MAX_CLOCK) throw new Malformed('clock out of range');
    }
  }
}

function readDeleteSet(reader: Reader): void {
  const clients = reader.count();
  for (let clientIndex = 0; clientIndex < clients; clientIndex += 1) {
    reader.varUint();
    const ranges = reader.count();
    for (let rangeIndex = 0; rangeIndex < ranges; rangeIndex += 1) {
      const clock = reader.clock();
      const length = reader.clock();
      if (clock + length > MAX_CLOCK) throw new Malformed('delete range out of range');
    }
  }
}

/** Checks a Yjs update (format v1). */
export function checkUpdate(update: Uint8Array): GuardVerdict {
  if (update.length > MAX_PEER_MESSAGE_BYTES) return { ok: false, reason: GUARD_REFUSAL.tooLarge };
  try {
    const reader = new Reader(update);
    readStructs(reader);
    readDeleteSet(reader);
    reader.end();
    return { ok: true };
  } catch (error) {
    if (error instanceof Malformed) return { ok: false, reason: GUARD_REFUSAL.malformed };
    throw error;
  }
}

function readStateVector(reader: Reader): void {
  const entries = reader.count();
  for (let index = 0; index < entries; index += 1) {
    reader.varUint();
    reader.clock();
  }
}

function readAwareness(bytes: Uint8Array): void {
  if (bytes.length > MAX_AWARENESS_BYTES) throw new Malformed('awareness too large');
  const reader = new Reader(bytes);
  const states = reader.count();
  for (let index = 0; index < states; index += 1) {
    reader.varUint();
    reader.varUint();
    try {
      JSON.parse(decodeUtf8(reader.buffer()));
    } catch {
      throw new Malformed('awareness state is not JSON');
    }
  }
  reader.end();
}

/** Checks one whole message of y-webrtc's peer protocol. */
export function checkPeerMessage(message: Uint8Array): GuardVerdict {
  if (message.length > MAX_PEER_MESSAGE_BYTES) return { ok: false, reason: GUARD_REFUSAL.tooLarge };
  try {
    const reader = new Reader(message);
    const kind = reader.varUint();
    if (kind === MESSAGE_KIND.sync) {
      const syncKind = reader.varUint();
      if (syncKind === SYNC_KIND.step1) {
        const stateVector = new Reader(reader.buffer());
        readStateVector(stateVector);
        stateVector.end();
      } else if (syncKind === SYNC_KIND.step2 || syncKind === SYNC_KIND.update) {
        const verdict = checkUpdate(reader.buffer());
        if (!verdict.ok) return verdict;
      } else {
        return { ok: false, reason: GUARD_REFUSAL.unknownKind };
      }
    } else if (kind === MESSAGE_KIND.awareness) {
      readAwareness(reader.buffer());
    } else if (kind !== MESSAGE_KIND.queryAwareness) {
      return { ok: false, reason: GUARD_REFUSAL.unknownKind };
    }
    reader.end();
    return { ok: true };
  } catch (error) {
    if (error instanceof Malformed) return { ok: false, reason: GUARD_REFUSAL.malformed };
    throw error;
  }
}
