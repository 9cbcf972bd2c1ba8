import * as random from 'lib0/random';
import * as Y from 'yjs';
import { compactItemZ, encodeItem } from './item-codec.js';
import { readItem, SCHEMA_VERSION, type BoardItem, type ReadItem } from './schema.js';

/** The two shared types of a board document; their names are part of the schema. */
export const META_KEY = 'meta';
export const ITEMS_KEY = 'items';

export function itemsOf(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap<unknown>(ITEMS_KEY);
}

export function metaOf(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap<unknown>(META_KEY);
}

/** Origin of changes that are not a user's own edits (schema stamp, imports by tests): never undone. */
export const SYSTEM_ORIGIN = 'confer-board-system';

export function newItemId(): string {
  // 72 random bits: collisions between peers are not a practical concern.
  return random.uint32().toString(36) + random.uint32().toString(36) + (random.uint32() & 0xff).toString(36);
}

/**
 * One user's handle on a board document. Every edit goes through a
 * transaction tagged with this handle's origin, so that an undo manager
 * tracking only that origin undoes this user's work and nobody else's.
 */
export class BoardModel {
  readonly items: Y.Map<unknown>;
  readonly meta: Y.Map<unknown>;
  /** Tags this user's edits; compared by identity. */
  readonly origin: object = { board: 'local' };
  /** Reads of the values this handle encoded from items already validated (an import): not validated again. */
  private readonly knownReads = new WeakMap<Uint8Array, ReadItem>();

  constructor(readonly doc: Y.Doc) {
    this.items = itemsOf(doc);
    this.meta = metaOf(doc);
  }

  /** Stamps the schema version on a document that has none (new boards). */
  stampSchema(): void {
    if (this.meta.get('schemaVersion') === undefined) {
      this.doc.transact(() => this.meta.set('schemaVersion', SCHEMA_VERSION), SYSTEM_ORIGIN);
    }
  }

  schemaVersion(): number | null {
    const version = this.meta.get('schemaVersion');
    return typeof version === 'number' ? version : null;
  }

  createUndoManager(): Y.UndoManager {
    // Capturing is ended explicitly at the start of each gesture, so one gesture is one undo step.
    return new Y.UndoManager(this.items, { trackedOrigins: new Set([this.origin]), captureTimeout: 60_000 });
  }

  /** Adds or replaces items: an edit replaces the whole item, so concurrent edits resolve per item. */
  put(items: readonly BoardItem[]): void {
    if (items.length === 0) return;
    this.doc.transact(() => {
      for (const item of items) this.items.set(item.id, encodeItem(item));
    }, this.origin);
  }

  /** Adds items that were read and validated already, as an import's are: the scene reuses those reads. */
  putRead(reads: readonly ReadItem[]): void {
    if (reads.length === 0) return;
    this.doc.transact(() => {
      for (const read of reads) {
        const bytes = encodeItem(read.item);
        this.knownReads.set(bytes, read);
        this.items.set(read.item.id, bytes);
      }
    }, this.origin);
  }

  remove(ids: Iterable<string>): void {
    this.doc.transact(() => {
      for (const id of ids) this.items.delete(id);
    }, this.origin);
  }

  /** Every valid item; invalid ones are skipped. */
  readAll(): Map<string, ReadItem> {
    const result = new Map<string, ReadItem>();
    this.items.forEach((value, key) => {
      const read = this.readValue(key, value);
      if (read) result.set(key, read);
    });
    return result;
  }

  read(id: string): ReadItem | null {
    return this.items.has(id) ? this.readValue(id, this.items.get(id)) : null;
  }

  private readValue(key: string, value: unknown): ReadItem | null {
    return (value instanceof Uint8Array && this.knownReads.get(value)) || readItem(key, value);
  }

  /** A z above every item, for a new item drawn on top (annotations have no scene to ask). */
  topZ(): number {
    let top = 0;
    this.items.forEach((value) => {
      const z = value instanceof Uint8Array ? compactItemZ(value) : (value as { z?: unknown } | null)?.z;
      if (typeof z === 'number' && Number.isFinite(z) && z > top) top = z;
    });
    return top + 1;
  }
}
