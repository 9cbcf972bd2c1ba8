import { z } from 'zod';
import { RoomNameSchema } from '../../../shared/call/join-request.js';

/**
 * The boards kept on this machine, newest first. Boards are named after
 * their room; the list lives in local storage beside the IndexedDB
 * databases that hold the boards themselves.
 */
export const CatalogEntrySchema = z.strictObject({
  id: RoomNameSchema,
  lastOpened: z.number().finite(),
});
export type CatalogEntry = z.infer<typeof CatalogEntrySchema>;

const CATALOG_KEY = 'confer.boards';
const LAST_BOARD_KEY = 'confer.lastBoard';

export type CatalogStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

export function createBoardCatalog(storage: CatalogStorage) {
  const read = (): CatalogEntry[] => {
    try {
      const parsed = z.array(CatalogEntrySchema).safeParse(JSON.parse(storage.getItem(CATALOG_KEY) ?? '[]'));
      return parsed.success ? parsed.data.sort((a, b) => b.lastOpened - a.lastOpened) : [];
    } catch {
      return [];
    }
  };
  const write = (entries: CatalogEntry[]): void => storage.setItem(CATALOG_KEY, JSON.stringify(entries));
  return {
    list: read,
    /** Records that a board was opened; it becomes the board reopened at the next start. */
    touch(id: string, now = Date.now()): void {
      write([{ id, lastOpened: now }, ...read().filter((entry) => entry.id !== id)]);
      storage.setItem(LAST_BOARD_KEY, id);
    },
    remove(id: string): void {
      write(read().filter((entry) => entry.id !== id));
      if (storage.getItem(LAST_BOARD_KEY) === id) storage.removeItem(LAST_BOARD_KEY);
    },
    lastBoard(): string | null {
      const id = storage.getItem(LAST_BOARD_KEY);
      return id && read().some((entry) => entry.id === id) ? id : null;
    },
    /** Leaving a board on purpose: the next start shows the lobby. */
    forgetLastBoard(): void {
      storage.removeItem(LAST_BOARD_KEY);
    },
  };
}
export type BoardCatalog = ReturnType<typeof createBoardCatalog>;
